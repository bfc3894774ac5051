"""The media library: upload with alt text and credit, pick for a story."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from dateline.content.models import Image

from ..access import newsroom_view
from ..forms import ImageUploadForm
from ..uploads import UploadRefused, image_upload


@newsroom_view
@require_http_methods(["GET", "POST"])
def media(request: HttpRequest) -> HttpResponse:
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                image = image_upload(
                    upload=form.cleaned_data["file"],
                    alt_text=form.cleaned_data["alt_text"],
                    credit=form.cleaned_data["credit"],
                    caption=form.cleaned_data["caption"],
                )
            except UploadRefused as refused:
                form.add_error("file", str(refused))
                status = 400
            else:
                if request.headers.get("Accept") == "application/json":
                    return JsonResponse(_image_json(image), status=201)
                messages.success(request, f"Uploaded “{image.alt_text}”.")
                return redirect("newsroom:media")
        else:
            status = 400
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"errors": form.errors}, status=status)
    images = Paginator(
        Image.objects.prefetch_related("renditions").order_by("-uploaded_at"), 40
    ).get_page(request.GET.get("page"))
    return render(
        request, "newsroom/media.html", {"form": form, "images": images}, status=status
    )


def _image_json(image: Image) -> dict[str, object]:
    return {
        "id": image.pk,
        "url": image.file.url,
        "srcset": image.srcset,
        "width": image.width,
        "height": image.height,
        "alt": image.alt_text,
        "credit": image.credit,
    }


@newsroom_view
def media_json(request: HttpRequest) -> JsonResponse:
    images = Image.objects.prefetch_related("renditions").order_by("-uploaded_at")[:60]
    return JsonResponse({"images": [_image_json(i) for i in images]})
