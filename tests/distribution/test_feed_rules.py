"""The strict feed checks catch what they claim to: each rule, broken once."""

from __future__ import annotations

import pytest

from .feed_rules import atom_problems, rss_problems

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title><link>http://example.com/</link>
<description>D</description>{channel}<item><title>One</title>
<link>http://example.com/1</link><pubDate>{date}</pubDate>
<guid isPermaLink="false">tag:example.com,2024-01-01:1</guid>{item}</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<link href="http://example.com/" rel="alternate"/><id>http://example.com/</id>
<updated>2024-01-01T00:00:00Z</updated>{feed}<entry><title>One</title>{links}
<id>tag:example.com,2024-01-01:1</id><updated>{updated}</updated>{entry}</entry>
</feed>"""
LINK = '<link href="http://example.com/1" rel="alternate"/>'
AUTHOR = "<author><name>A</name></author>"


def rss(channel="", item="", date="Mon, 01 Jan 2024 00:00:00 +0000"):
    return RSS.format(channel=channel, item=item, date=date).encode()


def atom(feed=AUTHOR, links=LINK, updated="2024-01-01T00:00:00Z", entry=""):
    return ATOM.format(feed=feed, links=links, updated=updated, entry=entry).encode()


def test_a_valid_rss_document_has_no_problems():
    assert rss_problems(rss()) == []


@pytest.mark.parametrize(
    ("_case", "document", "problem"),
    [
        ("iso date", rss(date="2024-01-01T00:00:00Z"), "item 0: pubDate"),
        ("no zone", rss(date="Mon, 01 Jan 2024 00:00:00"), "item 0: pubDate"),
        ("unknown", rss(channel="<updated>x</updated>"), "unknown channel element"),
        (
            "enclosure",
            rss(item='<enclosure url="http://e.com/a.jpg" type="image/jpeg"/>'),
            "item 0: enclosure length",
        ),
        (
            "two links",
            rss(item="<link>http://example.com/2</link>"),
            "item 0: more than one <link>",
        ),
    ],
)
def test_rss_rules_catch_each_break(_case, document, problem):
    problems = rss_problems(document)
    assert len(problems) == 1
    assert problems[0].startswith(problem)


def test_a_valid_atom_document_has_no_problems(corpora):
    assert atom_problems(atom(), corpora / "schemas" / "atom.rng") == []


@pytest.mark.parametrize(
    ("_case", "document", "problem"),
    [
        ("no author", atom(feed=""), "entry 0: no author, and the feed has none"),
        ("no link", atom(links=""), "entry 0: needs an alternate link or content"),
        (
            "twice",
            atom(links=LINK + LINK),
            "entry 0: alternate links repeat a type and hreflang",
        ),
        (
            "no zone",
            atom(updated="2024-01-01T00:00:00"),
            "'2024-01-01T00:00:00' is not an RFC 3339 date",
        ),
    ],
)
def test_atom_rules_catch_each_break(corpora, _case, document, problem):
    assert atom_problems(document, corpora / "schemas" / "atom.rng") == [problem]
