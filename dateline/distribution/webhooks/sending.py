"""One POST to a subscriber, bounded in time, to an address checked at connect time."""

from __future__ import annotations

import time

import httpx

from dateline.ingest.fetch import FetchError, GuardedTransport

from .addresses import AddressRefused, check_scheme

USER_AGENT = "Dateline/0.1 (webhooks)"


class SendError(Exception):
    """The POST got no answer; the message says why, for an admin."""


def post(
    url: str, *, body: bytes, headers: dict[str, str], internal: bool, timeout: float
) -> int:
    """POST body to url and return the status code; raise SendError if no answer."""
    try:
        check_scheme(url)
    except AddressRefused as refused:
        raise SendError(str(refused)) from None
    # ingest.fetch's transport checks every address a name resolves to as
    # it connects, and holds the whole exchange to one deadline.
    transport = GuardedTransport(
        allow_private=internal, deadline=time.monotonic() + timeout
    )
    with httpx.Client(
        transport=transport,
        follow_redirects=False,  # a moved subscriber must be updated, not chased
        timeout=httpx.Timeout(timeout),
        trust_env=False,
    ) as client:
        try:
            # The answer's body is never read: only its status counts.
            with client.stream(
                "POST",
                url,
                content=body,
                headers={"User-Agent": USER_AGENT, **headers},
            ) as response:
                return response.status_code
        except FetchError as refused:
            raise SendError(str(refused)) from None
        except httpx.TimeoutException:
            raise SendError(f"No answer within {timeout:g} s.") from None
        except httpx.HTTPError as error:
            raise SendError(f"The POST failed: {error}.") from None
