"""Which subscriber URLs may be called: public http(s) addresses only, unless internal."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

from dateline.ingest.fetch import address_is_public


class AddressRefused(Exception):
    """The URL may not be called; the message says why, for an admin."""


def check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused(f"{url!r} is not an http or https URL.")


def check_url(url: str, *, internal: bool) -> None:
    """Refuse a URL whose host resolves to a private, loopback or link-local address.

    This is the check on save; the POST itself checks the address it connects
    to again (ingest.fetch's guarded transport), so a name that later
    resolves elsewhere is caught too.
    """
    check_scheme(url)
    if internal:
        return
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise AddressRefused(f"{url!r} has a port that is not a number.") from None
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise AddressRefused(f"The name {host} does not resolve.") from None
    for address in dict.fromkeys(str(info[4][0]) for info in infos):
        if not address_is_public(address):
            raise AddressRefused(
                f"{host} resolves to {address}, a private or local address; "
                "only a subscriber marked internal may use it."
            )
