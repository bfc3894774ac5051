"""The media library refuses hostile uploads and strips metadata from the rest."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Pillow

from dateline.content.models import Image
from dateline.newsroom.uploads import UploadRefused, image_upload

REFUSED = {
    "photo.jpg": "not a picture Dateline can read",
    "svg-script.png": "not a picture Dateline can read",
    "empty.jpg": "The file is empty.",
    "truncated.png": "The picture is damaged or incomplete.",
    "bomb-30000x30000.png": "the limit is 50 megapixels",
}


@pytest.fixture
def uploads(db, corpora, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return corpora / "uploads"


def upload(path_or_bytes, name: str = "x.jpg", **kwargs) -> Image:
    data = (
        path_or_bytes
        if isinstance(path_or_bytes, bytes)
        else path_or_bytes.read_bytes()
    )
    return image_upload(
        upload=SimpleUploadedFile(name, data),
        alt_text=kwargs.get("alt_text", "A test picture"),
        credit="Photo: Test",
    )


@pytest.mark.parametrize("name", sorted(REFUSED), ids=str)
def test_hostile_upload_is_refused_and_nothing_is_stored(uploads, name):
    with pytest.raises(UploadRefused, match=REFUSED[name]):
        upload(uploads / name, name)
    assert Image.objects.exists() is False


def test_file_over_twenty_megabytes_is_refused(uploads):
    big = b"\xff\xd8\xff" + bytes(25 * 1024 * 1024)
    with pytest.raises(
        UploadRefused, match=r"The file is 25.0 MB; the limit is 20 MB."
    ):
        upload(big, "big.jpg")
    assert Image.objects.exists() is False


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("valid.jpg", "JPEG"),
        ("valid.png", "PNG"),
        ("valid.webp", "WEBP"),
        ("valid.gif", "GIF"),
    ],
)
def test_valid_pictures_are_accepted_in_their_own_format(uploads, name, fmt):
    image = upload(uploads / name, name)
    assert (image.width, image.height, image.alt_text, image.credit) == (
        64,
        48,
        "A test picture",
        "Photo: Test",
    )
    with Pillow.open(image.file.path) as stored:
        assert stored.format == fmt


def test_png_named_jpg_is_stored_as_png(uploads):
    image = upload(uploads / "png-named.jpg", "png-named.jpg")
    assert image.file.name.endswith(".png")


def test_gps_and_exif_are_gone_from_the_stored_copy_and_renditions(uploads):
    source = uploads / "exif-gps.jpg"
    with Pillow.open(source) as original:
        assert original.getexif().get_ifd(0x8825) != {}
        big = io.BytesIO()
        # Wide enough for renditions, carrying the original EXIF with GPS.
        original.resize((1000, 750)).save(big, "JPEG", exif=original.getexif())
    image = upload(big.getvalue(), "exif-gps.jpg")
    files = [image.file.path, *(r.file.path for r in image.renditions.all())]
    assert [r.width for r in image.renditions.all()] == [320, 640, 960]
    for path in files:
        with Pillow.open(path) as stored:
            assert stored.getexif().get_ifd(0x8825) == {}
            assert len(stored.getexif()) == 0
    assert image.srcset.count("w, ") == 2


def test_jpeg_comment_is_stripped(uploads):
    image = upload(uploads / "jpeg-comment-script.jpg", "c.jpg")
    assert b"<script>" not in Path(image.file.path).read_bytes()


def test_alt_text_is_required(uploads):
    with pytest.raises(UploadRefused, match="alt text"):
        upload(uploads / "valid.jpg", alt_text=" ")


def test_upload_page_shows_the_refusal(uploads, client_for):
    client = client_for("contributor")
    with open(uploads / "photo.jpg", "rb") as handle:
        response = client.post(
            "/newsroom/media/", {"file": handle, "alt_text": "Nice", "credit": ""}
        )
    assert response.status_code == 400
    assert "not a picture Dateline can read" in response.content.decode()
    assert Image.objects.exists() is False
