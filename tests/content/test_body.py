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
        ("javascript URL removed, its text kept",
         '<a href="javascript:alert(1)">a</a>', "a"),
        ("named anchor unwrapped", '<p><a name="top" id="t"></a>Top '
         '<a class="button">Go</a></p>', "<p>Top Go</p>"),
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


@pytest.mark.parametrize(
    ("_case", "dirty", "clean"),
    [
        ("a body starting at h3 starts at h2",
         "<h3>A</h3><p>x</p><h3>B</h3><h4>C</h4>",
         "<h2>A</h2><p>x</p><h2>B</h2><h3>C</h3>"),
        ("h1 to h6 keep their order within h2 to h4",
         "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>",
         "<h2>1</h2><h3>2</h3><h4>3</h4><h4>4</h4><h4>5</h4><h4>6</h4>"),
        ("a skipped level is closed up", "<h2>A</h2><h5>B</h5><h2>C</h2>",
         "<h2>A</h2><h3>B</h3><h2>C</h2>"),
        ("a deep first heading comes up to h2",
         "<h4>A</h4><h2>B</h2><h3>C</h3>", "<h2>A</h2><h2>B</h2><h3>C</h3>"),
        ("headings inside other blocks count too",
         "<blockquote><h4>Q</h4></blockquote><h2>A</h2>",
         "<blockquote><h2>Q</h2></blockquote><h2>A</h2>"),
    ],
)  # fmt: skip
def test_headings_form_one_outline_under_the_page_headline(
    _case: str, dirty: str, clean: str
) -> None:
    assert sanitize(dirty) == clean
    assert sanitize(clean) == clean


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


def test_sanitize_is_idempotent_on_every_xss_payload(corpora: Path) -> None:
    changed = []
    for payload in _payloads(corpora):
        once = sanitize(f"<h3>before</h3>{payload}<p><a>after</a></p>")
        if sanitize(once) != once:
            changed.append(payload)
    assert changed == []


def test_plain_text_separates_blocks_and_skips_figures() -> None:
    body = (
        "<p>One</p><figure class='image'><figcaption>Caption</figcaption></figure>"
        "<p>Two &amp; <b>th</b>ree</p><ul><li>a</li><li>b</li></ul>"
    )
    assert plain_text(body) == "One Two & three a b"
    assert plain_text(body, skip_figures=False) == "One Caption Two & three a b"


@pytest.mark.parametrize("control", ["\x00", "\x0b", "\x1f", "\x7f", "\ufffe"])
def test_control_characters_are_dropped_not_fatal(control: str) -> None:
    assert sanitize(f"<p>a{control}b</p>") == "<p>ab</p>"
    assert plain_text(f"<p>a{control}b</p>") == "ab"
