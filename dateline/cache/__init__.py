"""Cache: keep public pages warm and purge exactly what a change touches.

Wraps the site from outside: `wsgi.PageCache` answers hits before Django
routes anything, `middleware` labels responses, `invalidation` receives
publishing.events. Works out keys from URLs, so reader never imports it.
"""
