"""Serve: the processes that run Dateline.

Imports anything it must start; nothing imports serve.
"""
