"""The seed page's wire story and its six Recent Posts, as demo data."""

from datetime import UTC, datetime
from typing import TypedDict


class SeedArticle(TypedDict):
    headline: str
    dateline: str
    category: str
    author: str
    tags: list[str]
    body: str


SEED_SLUG = "putin-speaks-to-netanyahu-about-gaza-conflict"

# Monday 16 October 2023, the day of the call.
SEED_PUBLISHED_AT = datetime(2023, 10, 16, 16, 30, tzinfo=UTC)

# The ministry's post, as X's embed code delivers it; content.body turns it
# into a self-contained quoted block. The status number is illustrative.
_MFA_POST = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">'
    'President of Russia Vladimir <a href="https://twitter.com/hashtag/Putin">'
    "#Putin</a> spoke with Prime Minister of the State of Israel "
    '<a href="https://twitter.com/netanyahu">@netanyahu</a> over the phone.'
    "\n\nPresident Putin laid out the steps being taken by Russia to prevent "
    "the further escalation of violence in the Gaza Strip.</p>"
    "&mdash; MFA Russia (@mfa_russia) "
    '<a href="https://twitter.com/mfa_russia/status/1713989385213808729">'
    "October 16, 2023</a></blockquote>"
    '<script async src="https://platform.twitter.com/widgets.js"></script>'
)

SEED_ARTICLE: SeedArticle = {
    "headline": (
        "Putin Speaks To Netanyahu About Gaza Conflict, "
        "Promises Measures To Prevent Escalation"
    ),
    "dateline": "Moscow [Russia]",
    "category": "World",
    "author": "Admin",
    "tags": ["Vladimir Putin", "Benjamin Netanyahu", "Gaza", "Israel", "Russia"],
    "body": "".join(
        [
            "<p>Russian President Vladimir Putin on Monday spoke with Israeli "
            "Prime Minister Benjamin Netanyahu about the Israel-Hamas war and "
            "briefed him on his talks with several leaders from the region and "
            "the Palestinian authority.</p>",
            "<p>During their talks, Putin highlighted the measures Russia is "
            "taking to stop the bloodshed in the Gaza Strip from escalating "
            "further during their discussions.</p>",
            "<p>\u201cPresident of Russia Vladimir #Putin spoke with Prime "
            "Minister of the State of Israel @netanyahu over the phone,\u201d "
            "the Ministry of Foreign Affairs of Russia posted on X.</p>",
            "<p>\u201cPresident Putin laid out the steps being taken by Russia "
            "to prevent the further escalation of violence in the Gaza "
            "Strip,\u201d it added.</p>",
            _MFA_POST,
            "<p>Moscow said that the conversation was centred on \u201cthe "
            "crisis situation resulting from the brutal escalation of the "
            "Israeli-Palestinian conflict.\u201d</p>",
            "<blockquote><p>\u201cThe Israeli side was in particular informed "
            "of the essential points of telephone correspondences that took "
            "place today with the leaders of Palestine, Egypt, Iran and "
            "Syria,\u201d the Kremlin said in a statement.</p></blockquote>",
            "<p>The Russian President expressed \u201chis sincere condolences "
            "to the families and friends of the deceased Israelis,\u201d the "
            "Kremlin said, according to The Moscow Times.</p>",
            "<p>Along with that, he informed the Israeli leader of the "
            "measures taken by Russia to \u201cpromote the normalisation of the "
            "situation, prevent a further escalation of violence, and prevent "
            "a humanitarian catastrophe in the Gaza Strip.\u201d</p>",
            "<p>The Russian president also expressed to Netanyahu his "
            "country\u2019s \u201cfundamental desire to continue its targeted "
            "action aimed at ending\u201d the crisis and achieving \u201ca "
            "peaceful settlement through political and diplomatic "
            "means,\u201d according to a statement from the government, "
            "reported The Moscow Times.</p>",
            "<p>The Israeli military is all set to launch a ground invasion in "
            "the Gaza Strip, but its extent and when it is carried out may be "
            "affected by operational considerations, as tensions grow on the "
            "northern border.</p>",
            "<p>Meanwhile, Israel\u2019s National Security Council head Tzachi "
            "Hanegbi has reaffirmed that the cabinet\u2019s war goal is to "
            "remove Hamas from military and political control over the Gaza "
            "Strip.</p>",
            "<p>Hanegbi said that in a recent cabinet meeting, the government "
            "approved a plan to \u201cdestroy\u201d Hamas, as stated by the "
            "prime minister and defence minister.</p>",
        ]
    ),
}
