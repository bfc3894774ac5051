"""Demo: the seed article, the seed's Recent Posts and a generated archive.

Imports content and publishing; loaded by `make run`, reloaded by
`make demo-reset`.
"""
