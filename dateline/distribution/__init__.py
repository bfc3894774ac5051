"""Distribution: the machine-readable outputs of the public site.

Feeds, sitemaps, robots.txt, structured data for article pages and the
read-only JSON API. Imports content and publishing; the reader's templates
load its template tags, so it never imports reader, cache or serve.
"""
