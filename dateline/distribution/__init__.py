"""Distribution: the machine-readable outputs of the public site, and its clients.

Feeds, sitemaps, robots.txt, structured data for article pages, the JSON API
(public reads; newsroom writes for token clients) and outbound webhooks.
Imports accounts, content, publishing, ingest (the guarded HTTP transport),
newsroom (permissions and services) and search; the reader's templates load
its template tags, so it never imports reader, cache or serve.
"""
