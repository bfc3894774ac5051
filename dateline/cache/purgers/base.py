from collections.abc import Iterable


class Purger:
    """Tell a cache in front that pages carrying `keys` are stale.

    The default does nothing: our own cache is purged by key versions, and the
    nginx recipe in deploy/ keeps pages for one second only.
    """

    def purge_keys(self, keys: Iterable[str]) -> None:
        return None
