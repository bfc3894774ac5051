from django.db import models


class Image(models.Model):
    """A picture with the words that must travel with it: alt text and credit."""

    file = models.ImageField(
        upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(max_length=300)
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.alt_text

    @property
    def srcset(self) -> str:
        """The renditions as an HTML srcset, narrowest first ("" without any)."""
        return ", ".join(
            f"{r.file.url} {r.width}w"
            for r in sorted(self.renditions.all(), key=lambda r: r.width)
        )


class Rendition(models.Model):
    """A resized, re-encoded copy of an image; no metadata survives re-encoding."""

    image = models.ForeignKey(
        Image, on_delete=models.CASCADE, related_name="renditions"
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.ImageField(upload_to="images/renditions/%Y/%m/")

    class Meta:
        ordering = ["width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "width"], name="unique_rendition_width"
            )
        ]

    def __str__(self) -> str:
        return f"{self.image} at {self.width}px"
