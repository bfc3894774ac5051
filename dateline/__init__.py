"""Dateline: a newsroom platform, read top to bottom as the copy flows.

ingest      wire feeds and WordPress exports in, sanitized and de-duplicated
content     the store: articles, people, taxonomy, media
newsroom    people write, review, schedule and correct
publishing  the one place that makes an article public or takes it down
reader      the public HTML site; distribution and search: feeds, API, search
cache       keeps pages warm and purges what a change touches
serve       the processes that run it all
"""
