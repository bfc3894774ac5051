"""WSGI entry point for gunicorn, granian and any other WSGI server.

The page cache wraps Django here, outside its whole stack, so that a cached
page costs no URL routing, middleware or template work.
"""

import os
from collections.abc import Callable
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
application: Callable[..., Any] = get_wsgi_application()

from django.conf import settings  # noqa: E402 - needs the settings module set

if settings.PAGE_CACHE:
    from dateline.cache.wsgi import PageCache

    application = PageCache(application)
