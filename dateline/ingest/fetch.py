"""The one HTTP client ingestion uses: bounded in time, size and hops.

Each fetch has a wall-clock deadline that every socket read checks, so a
server dripping one byte a second cannot hold a worker. Every address a
host resolves to is checked at connect time, after each redirect too, so a
feed URL cannot reach private or loopback addresses (SSRF) unless its source
is marked internal; connecting to the address that was checked leaves no
window for DNS rebinding.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
import typing
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 30.0  # seconds for the whole fetch, redirects included
MAX_REDIRECTS = 5
USER_AGENT = "Dateline/0.1 (feed fetcher)"


class FetchError(Exception):
    """The document could not be fetched; the message is for an editor."""


@dataclass(frozen=True, slots=True)
class Fetched:
    body: bytes | None  # None: not modified since the last fetch
    url: str  # after redirects
    etag: str = ""
    last_modified: str = ""


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> Fetched:
    """GET url within the limits; raise FetchError with a readable reason."""
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise FetchError(f"{url!r} is not an http or https URL.")
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    transport = GuardedTransport(allow_private=allow_private, deadline=deadline)
    with httpx.Client(
        transport=transport,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(min(timeout, 10.0)),
        trust_env=False,  # a proxy would connect on our behalf, unchecked
    ) as client:
        try:
            with client.stream("GET", url, headers=headers) as response:
                return _read(response, max_bytes, timeout)
        except httpx.TooManyRedirects:
            raise FetchError(
                f"The address redirects more than {MAX_REDIRECTS} times (a redirect loop?)."
            ) from None
        except httpx.TimeoutException:
            raise FetchError(
                f"The server did not deliver the document within {timeout:g} s."
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(f"The document could not be fetched: {error}.") from None


def _read(response: httpx.Response, max_bytes: int, timeout: float) -> Fetched:
    final = str(response.url)
    if response.status_code == 304:
        return Fetched(
            None,
            final,
            response.headers.get("ETag", ""),
            response.headers.get("Last-Modified", ""),
        )
    if response.status_code >= 400:
        raise FetchError(
            f"The server answered {response.status_code} {response.reason_phrase}."
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"The document is larger than the {max_bytes // 1024 // 1024} MB limit."
        )
    body = bytearray()
    # Decoded bytes are counted, so a gzip bomb hits the same limit.
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(
                f"The document is larger than the {max_bytes // 1024 // 1024} MB limit."
            )
    return Fetched(
        bytes(body),
        final,
        response.headers.get("ETag", ""),
        response.headers.get("Last-Modified", ""),
    )


def address_is_public(address: str) -> bool:
    """Whether an IP address is on the public internet."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class _GuardedBackend(httpcore.NetworkBackend):
    def __init__(self, *, allow_private: bool, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror:
            raise httpcore.ConnectError(f"the name {host} does not resolve") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self._allow_private:
            for address in addresses:
                if not address_is_public(address):
                    raise FetchError(
                        f"{host} resolves to {address}, a private or local address; "
                        "only a source marked internal may fetch from it."
                    )
        stream = self._inner.connect_tcp(
            addresses[0],
            port,
            timeout=_remaining(self._deadline, timeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _DeadlineStream(stream, self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _remaining(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _remaining(self._deadline, timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context, server_hostname, _remaining(self._deadline, timeout)
        )
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


def _remaining(deadline: float, timeout: float | None) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("deadline passed")
    return left if timeout is None else min(left, timeout)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport that checks every address a name resolves to as it
    connects (no private or loopback ones unless allowed) and holds the whole
    exchange to one deadline. Webhook deliveries use it too."""

    def __init__(self, *, allow_private: bool, deadline: float) -> None:
        super().__init__(trust_env=False)
        # httpx has no public hook for the network backend; httpcore does
        # (ConnectionPool(network_backend=...)), so the pool is replaced.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(),
            network_backend=_GuardedBackend(
                allow_private=allow_private, deadline=deadline
            ),
        )
