"""Search: find published articles by their words.

Imports content and publishing. Keeps its own index of published articles,
updated by receivers of publishing.events, and queries it with SQLite FTS5 in
the embedded mode or PostgreSQL full-text search in production; the backend
follows the database. Reader's search page calls selectors.search_articles().
"""
