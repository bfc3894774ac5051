from pathlib import Path

import pytest
from lxml import html as lxml_html

from dateline.content.body import plain_text, sanitize

X_EMBED = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">President of '
    'Russia Vladimir <a href="https://twitter.com/hashtag/Putin?src=hash">#Putin'
    "</a> spoke with PM of Israel @netanyahu over the phone</p>&mdash; MFA Russia "
    '(@mfa_russia) <a href="https://twitter.com/mfa_russia/status/17139?ref=x">'
    'October 16, 2023</a></blockquote><script async src="https://platform.'
    'twitter.com/widgets.js"></script>'
)


def test_x_post_becomes_a_self_contained_quoted_block() -> None:
    result = sanitize(X_EMBED)
    tree = lxml_html.fragment_fromstring(result)
    assert tree.tag == "figure"
    assert tree.get("class") == "social-post social-post-x"
    links = {a.text_content(): a.get("href") for a in tree.iter("a")}
    assert links == {
        "#Putin": "https://x.com/hashtag/Putin",
        "@netanyahu": "https://x.com/netanyahu",
        "View the post on X": "https://x.com/mfa_russia/status/17139",
    }
    assert tree.xpath("string(.//span[@class='social-post-author'])") == "MFA Russia"
    assert "script" not in result
    assert "platform.twitter.com" not in result


def test_sanitize_is_idempotent_on_stored_html() -> None:
    once = sanitize(X_EMBED + "<p>After <b>bold</b> &amp; <a href='/x'>link</a></p>")
    assert sanitize(once) == once


def test_x_embed_without_a_status_link_is_dropped_not_kept_raw() -> None:
    result = sanitize(
        '<p>a</p><blockquote class="twitter-tweet"><p>hi</p></blockquote><p>b</p>'
    )
    assert result == "<p>a</p><p>b</p>"


@pytest.mark.parametrize(
    ("_case", "dirty", "clean"),
    [
        ("script dropped with its content", "<p>a<script>alert(1)</script></p>",
         "<p>a</p>"),
        ("event handler removed", '<p onclick="x()">a</p>', "<p>a</p>"),
        ("javascript URL removed", '<a href="javascript:alert(1)">a</a>',
         '<a rel="noopener noreferrer">a</a>'),
        ("pull quote class kept", '<blockquote class="pullquote">q</blockquote>',
         '<blockquote class="pullquote">q</blockquote>'),
        ("unknown class dropped", '<p class="evil">a</p>', "<p>a</p>"),
        ("image with caption and credit kept",
         '<figure class="image"><img src="/m/a.jpg" alt="A"><figcaption>Cap '
         '<span class="credit">AP</span></figcaption></figure>',
         '<figure class="image"><img src="/m/a.jpg" alt="A"><figcaption>Cap '
         '<span class="credit">AP</span></figcaption></figure>'),
        ("iframe dropped", '<iframe src="https://evil"></iframe><p>k</p>',
         "<p>k</p>"),
        ("empty body", "   ", ""),
    ],
)  # fmt: skip
def test_allowlist(_case: str, dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


def _payloads(corpora: Path) -> list[str]:
    return (corpora / "xss" / "payloads.txt").read_text(encoding="utf-8").splitlines()


def test_no_xss_payload_survives_sanitizing(corpora: Path) -> None:
    payloads = _payloads(corpora)
    assert len(payloads) == 500
    for payload in payloads:
        result = sanitize(f"<p>before</p>{payload}<p>after</p>")
        tree = lxml_html.fragment_fromstring(result or "<p></p>", create_parent="div")
        for element in tree.iter():
            assert element.tag not in {
                "script",
                "iframe",
                "object",
                "embed",
                "base",
                "meta",
                "style",
                "svg",
            }, payload
            for name, value in element.attrib.items():
                assert not name.startswith("on"), payload
                assert name != "style", payload
                lowered = value.strip().lower()
                assert not lowered.startswith(("javascript:", "vbscript:", "data:")), (
                    payload
                )
        # Markup before the payload always survives; what follows an unclosed
        # tag is parsed into it, as a browser would.
        assert result.startswith("<p>before</p>"), payload


def test_plain_text_separates_blocks_and_skips_figures() -> None:
    body = (
        "<p>One</p><figure class='image'><figcaption>Caption</figcaption></figure>"
        "<p>Two &amp; <b>th</b>ree</p><ul><li>a</li><li>b</li></ul>"
    )
    assert plain_text(body) == "One Two & three a b"
    assert plain_text(body, skip_figures=False) == "One Caption Two & three a b"
