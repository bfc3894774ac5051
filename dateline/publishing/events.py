"""Signals sent after commit when public content changes.

Receivers (cache purging, webhooks) live in their own
packages; publishing never learns who listens.
"""

from django.dispatch import Signal

# An article became public, or a public one changed. Arguments: article.
article_published = Signal()

# A public article was taken down. Arguments: article.
article_unpublished = Signal()
