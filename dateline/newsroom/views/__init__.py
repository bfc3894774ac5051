"""Newsroom pages, one module per area; each view is a thin caller of services."""
