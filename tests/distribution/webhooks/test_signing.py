from __future__ import annotations

import pytest

from dateline.distribution.webhooks import signing

SECRET = "whsec_test"
BODY = b'{"event":"article.published"}'
# openssl: printf '1700000000.{"event":"article.published"}' \
#   | openssl dgst -sha256 -hmac whsec_test
EXPECTED = "3c5b8966daae25d209f07b25128db87e936f754c07fa202d4ce8ca5b553fb06c"


def test_the_header_is_the_timestamp_and_the_hmac_of_timestamp_dot_body():
    header = signing.signature_header(secret=SECRET, body=BODY, timestamp=1700000000)
    assert header == f"t=1700000000,v1={EXPECTED}"


def test_a_fresh_signature_verifies():
    header = signing.signature_header(secret=SECRET, body=BODY, timestamp=1700000000)
    assert signing.signature_verify(
        secret=SECRET, body=BODY, header=header, now=1700000100
    )


@pytest.mark.parametrize(
    ("_case", "secret", "body", "now"),
    [
        ("another body", SECRET, BODY + b" ", 1700000000),
        ("another secret", "whsec_other", BODY, 1700000000),
        ("replayed after 5 min", SECRET, BODY, 1700000301),
        ("from the future", SECRET, BODY, 1699999699),
    ],
)
def test_a_wrong_or_old_signature_does_not_verify(_case, secret, body, now):
    header = signing.signature_header(secret=SECRET, body=BODY, timestamp=1700000000)
    assert (
        signing.signature_verify(secret=secret, body=body, header=header, now=now)
        is False
    )


@pytest.mark.parametrize(
    "header", ["", "t=abc,v1=00", f"v1={EXPECTED}", "t=1700000000", "garbage"]
)
def test_a_malformed_header_does_not_verify(header):
    assert (
        signing.signature_verify(
            secret=SECRET, body=BODY, header=header, now=1700000000
        )
        is False
    )


def test_each_secret_is_new_and_long():
    first, second = signing.secret_new(), signing.secret_new()
    assert first != second
    assert first.startswith("whsec_")
    assert len(first) == len("whsec_") + 43  # 32 random bytes, base64url
