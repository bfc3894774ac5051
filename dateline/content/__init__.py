"""Content: the store. Articles, the people who write them, taxonomy and media.

Imports accounts only. Writes that make content public live in publishing;
this package holds the models, the one body sanitizer and the read selectors.
"""
