"""The JSON API at /api/v1/: articles, sections, topics and authors.

Built on django-ninja, which writes the OpenAPI 3.1 document from the
schemas. Errors are RFC 9457 problem documents. Reads are public; the
newsroom operations (newsroom.py: drafts, changes, submit, publish) take a
bearer token and the newsroom's own permission rules.
"""
