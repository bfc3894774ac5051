from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """The site's name, address, language and time zone, for every template."""
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "site_language": settings.SITE_LANGUAGE,
        "time_zone": settings.TIME_ZONE,
    }
