from __future__ import annotations

import pytest

from dateline.distribution.webhooks.addresses import AddressRefused, check_url

PRIVATE = [
    ("loopback", "http://127.0.0.1:9000/hook", "127.0.0.1"),
    ("localhost by name", "http://localhost/hook", "127.0.0.1"),
    ("private network", "https://10.1.2.3/hook", "10.1.2.3"),
    ("home router", "http://192.168.0.1/hook", "192.168.0.1"),
    ("link-local metadata", "http://169.254.169.254/latest/", "169.254.169.254"),
    ("IPv6 loopback", "http://[::1]:8080/", "::1"),
    ("IPv4 in IPv6", "http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
    ("short hex form", "http://0x7f.1/", "127.0.0.1"),
    ("unspecified", "http://0.0.0.0/", "0.0.0.0"),
]


@pytest.mark.parametrize(
    ("_case", "url", "address"), PRIVATE, ids=[p[0] for p in PRIVATE]
)
def test_private_loopback_and_link_local_addresses_are_refused(_case, url, address):
    with pytest.raises(AddressRefused) as refused:
        check_url(url, internal=False)
    assert f"resolves to {address}, a private or local address" in str(refused.value)


@pytest.mark.parametrize(
    ("_case", "url", "address"), PRIVATE, ids=[p[0] for p in PRIVATE]
)
def test_an_internal_subscriber_may_use_them(_case, url, address):
    check_url(url, internal=True)


def test_a_public_address_is_accepted():
    check_url("https://93.184.216.34/hooks/dateline", internal=False)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://93.184.216.34/", "is not an http or https URL"),
        ("http:///nohost", "is not an http or https URL"),
        ("http://93.184.216.34:port/", "has a port that is not a number"),
        ("http://no-such-host.invalid/", "does not resolve"),
    ],
)
def test_urls_that_cannot_be_called_are_refused(url, message):
    with pytest.raises(AddressRefused) as refused:
        check_url(url, internal=False)
    assert message in str(refused.value)
