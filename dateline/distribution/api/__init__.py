"""The read-only JSON API at /api/v1/: articles, sections, topics and authors.

Built on django-ninja, which writes the OpenAPI 3.1 document from the
schemas. Errors are RFC 9457 problem documents. Writes (drafts, submit,
publish) are to come once the newsroom's permission rules can be shared.
"""
