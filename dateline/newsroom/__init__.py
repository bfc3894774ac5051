"""Newsroom: where stories are written, reviewed, scheduled and corrected.

Imports accounts, content and publishing. permissions.py alone decides who
may do what; services.py holds every newsroom write, and hands anything that
makes content public to publishing.services.
"""
