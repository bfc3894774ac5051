"""Ingest: wire feeds, IPTC items and WordPress exports in, as articles.

Imports content and publishing (articles are created through the content
model and made public only by publishing.services). Parsers in formats/ are
pure; only services.py writes and only fetch.py touches the network.
"""
