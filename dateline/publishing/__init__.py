"""Publish: the only code that makes an article public or takes it down.

Imports content and accounts. Announces changes through publishing.events;
never imports reader, cache, search or distribution.
"""
