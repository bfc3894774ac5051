"""Reader: the public HTML site.

Imports content (and later search and distribution); never imports cache,
which wraps these views from outside as middleware.
"""
