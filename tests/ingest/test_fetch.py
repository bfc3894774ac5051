import time

import pytest

from dateline.ingest.fetch import FetchError, address_is_public, fetch

from .conftest import HANDLER_LIMIT


def test_fetches_a_feed_and_its_validators(feed_server, corpora):
    fetched = fetch(feed_server.url("guardian.rss"), allow_private=True)
    assert fetched.body == (corpora / "feeds/good/guardian.rss").read_bytes()
    assert fetched.etag == f'"{len(fetched.body)}"'


def test_conditional_get_returns_no_body_when_unchanged(feed_server):
    first = fetch(feed_server.url("guardian.rss"), allow_private=True)
    again = fetch(feed_server.url("guardian.rss"), etag=first.etag, allow_private=True)
    assert again.body is None
    assert again.etag == first.etag


def test_follows_a_redirect_and_reports_the_final_url(feed_server):
    fetched = fetch(feed_server.url("hop/koi8r.xml"), allow_private=True)
    assert fetched.url == feed_server.url("koi8r.xml")
    assert b"<rss" in fetched.body


@pytest.mark.parametrize(
    ("_case", "path", "message"),
    [
        ("not found", "error/404", "The server answered 404 Not Found."),
        ("server error", "error/500", "The server answered 500 Internal Server Error."),
        (
            "redirect loop",
            "loop",
            "The address redirects more than 5 times (a redirect loop?).",
        ),
        ("50 MB declared", "big", "The document is larger than the 10 MB limit."),
        (
            "50 MB streamed",
            "big-undeclared",
            "The document is larger than the 10 MB limit.",
        ),
    ],
)
def test_hostile_answers_end_in_a_clear_error(feed_server, _case, path, message):
    with pytest.raises(FetchError) as error:
        fetch(feed_server.url(path), allow_private=True)
    assert str(error.value) == message


@pytest.mark.parametrize("path", ["drip", "drip-headers"])
def test_a_server_that_drips_bytes_forever_times_out(feed_server, path):
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        fetch(feed_server.url(path), allow_private=True, timeout=1.5)
    elapsed = time.monotonic() - started
    assert str(error.value) == "The server did not deliver the document within 1.5 s."
    assert elapsed < HANDLER_LIMIT / 2  # ended by the deadline, not the server


def test_loopback_is_refused_unless_the_source_is_internal(feed_server):
    with pytest.raises(FetchError) as error:
        fetch(feed_server.url("guardian.rss"))
    assert str(error.value) == (
        "127.0.0.1 resolves to 127.0.0.1, a private or local address; "
        "only a source marked internal may fetch from it."
    )
    assert feed_server.served == {}  # refused before any connection


def test_every_hop_is_checked_so_a_redirect_cannot_lead_inward(
    monkeypatch, feed_server
):
    # Let 127.0.0.1 pass as public; the redirect then points at 127.0.0.2.
    monkeypatch.setattr(
        "dateline.ingest.fetch.address_is_public",
        lambda address: address == "127.0.0.1",
    )
    with pytest.raises(FetchError) as error:
        fetch(feed_server.url("away/127.0.0.2/guardian.rss"))
    assert str(error.value) == (
        "127.0.0.2 resolves to 127.0.0.2, a private or local address; "
        "only a source marked internal may fetch from it."
    )
    assert feed_server.served == {"/away/127.0.0.2/guardian.rss": 1}


def test_only_http_and_https_urls_are_fetched():
    with pytest.raises(FetchError) as error:
        fetch("file:///etc/passwd")
    assert str(error.value) == "'file:///etc/passwd' is not an http or https URL."


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700::6810:84e5", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
    ],
)
def test_address_is_public(address, public):
    assert address_is_public(address) is public
