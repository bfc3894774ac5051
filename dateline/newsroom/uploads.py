"""The media library's gate: decode every upload fully, then re-encode it.

The extension and the declared type are never trusted. A picture is checked
for its declared size before any pixel is decoded (decompression bombs),
decoded completely (truncated files), and stored only as our own re-encoding,
which carries no EXIF, GPS or comment segments.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image as Pillow
from PIL import ImageOps, UnidentifiedImageError

from dateline.content.models import Image, Rendition

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


class UploadRefused(Exception):
    """An upload that is not an acceptable picture; the message says why."""


@dataclass(frozen=True)
class Decoded:
    picture: Pillow.Image
    format: str


def decode(data: bytes) -> Decoded:
    """Open, check and fully decode an upload, or raise UploadRefused."""
    if not data:
        raise UploadRefused("The file is empty.")
    if len(data) > settings.MEDIA_MAX_BYTES:
        raise UploadRefused(
            f"The file is {len(data) / 1048576:.1f} MB; the limit is "
            f"{settings.MEDIA_MAX_BYTES / 1048576:.0f} MB."
        )
    try:
        picture = Pillow.open(io.BytesIO(data))
    except Pillow.DecompressionBombError:
        raise UploadRefused(_too_many_pixels()) from None
    except (UnidentifiedImageError, OSError):
        raise UploadRefused(
            "This file is not a picture Dateline can read: use JPEG, PNG, WebP or GIF."
        ) from None
    if picture.format not in FORMATS:
        raise UploadRefused(
            f"{picture.format} pictures are not accepted: use JPEG, PNG, WebP or GIF."
        )
    width, height = picture.size
    if width * height > settings.MEDIA_MAX_PIXELS:
        raise UploadRefused(_too_many_pixels(f"{width}×{height} pixels"))
    try:
        picture.load()  # every pixel: a truncated file fails here
    except (OSError, SyntaxError, ValueError, Pillow.DecompressionBombError):
        raise UploadRefused("The picture is damaged or incomplete.") from None
    return Decoded(picture=picture, format=picture.format)


def _too_many_pixels(size: str = "too many pixels") -> str:
    limit = settings.MEDIA_MAX_PIXELS // 1_000_000
    return f"The picture is {size}; the limit is {limit} megapixels."


def _encode(picture: Pillow.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    elif fmt == "GIF":
        picture.save(out, "GIF")
    elif fmt == "WEBP":
        picture.save(out, "WEBP", quality=85)
    else:
        picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _upright(decoded: Decoded) -> Pillow.Image:
    # Apply the EXIF orientation to the pixels before the EXIF is dropped.
    picture = ImageOps.exif_transpose(decoded.picture) or decoded.picture
    if picture.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
    else:
        picture = picture.copy()
    # Pillow writes comments, EXIF and ICC back from info; keep pixels only.
    picture.info = {
        k: v for k, v in decoded.picture.info.items() if k in ("transparency",)
    }
    return picture


@transaction.atomic
def image_upload(
    *, upload: UploadedFile, alt_text: str, credit: str = "", caption: str = ""
) -> Image:
    """Store a checked, re-encoded picture and its narrower renditions."""
    if not alt_text.strip():
        raise UploadRefused("Describe the picture in the alt text.")
    if upload.size and upload.size > settings.MEDIA_MAX_BYTES:
        raise UploadRefused(
            f"The file is {upload.size / 1048576:.1f} MB; the limit is "
            f"{settings.MEDIA_MAX_BYTES / 1048576:.0f} MB."
        )
    decoded = decode(upload.read())
    picture = _upright(decoded)
    ext = FORMATS[decoded.format]
    stem = (upload.name or "picture").rsplit("/", 1)[-1].rsplit(".", 1)[0][
        :80
    ] or "picture"
    image = Image(
        alt_text=alt_text.strip(),
        credit=credit.strip(),
        caption=caption.strip(),
    )
    image.file.save(
        f"{stem}.{ext}", ContentFile(_encode(picture, decoded.format)), save=False
    )
    # Set after the file: assigning one re-reads (and here loses) dimensions.
    image.width, image.height = picture.size
    image.save()
    for width in settings.MEDIA_RENDITION_WIDTHS:
        if width >= picture.width:
            break
        height = round(picture.height * width / picture.width)
        copy = picture.resize((width, height), Pillow.Resampling.LANCZOS)
        rendition = Rendition(image=image, width=width, height=height)
        rendition.file.save(
            f"{stem}-{width}.{ext}",
            ContentFile(_encode(copy, decoded.format)),
            save=False,
        )
        rendition.save()
    return image
