"""The seed's six Recent Posts: titles and teasers as the seed shows them.

Each body opens with the seed's teaser words, so the sidebar cuts them at the
same place the seed does. `days_ago` places them one and two days back.
"""

from typing import TypedDict


class RecentPost(TypedDict):
    headline: str
    category: str
    days_ago: int
    body: list[str]


RECENT_POSTS: list[RecentPost] = [
    {
        "headline": "Kumar Mangalam Birla on KBC 17: \u201cScared\u201d to Face the Hot Seat",
        "category": "Entertainment",
        "days_ago": 1,
        "body": [
            "In a high-profile appearance for the finale week of Kaun Banega "
            "Crorepati (KBC) Season 17, industrialist Kumar Mangalam Birla "
            "admitted he had been nervous before taking the hot seat.",
            "The Aditya Birla Group chairman told host Amitabh Bachchan that "
            "boardrooms had not prepared him for the quiz show's lights and "
            "the countdown clock.",
            "The episode, recorded in Mumbai, is set to air later this week.",
        ],
    },
    {
        "headline": "Kailash Kher Halts Gwalior Concert: \u2018Janwargiri Mat Kariye\u2019",
        "category": "Entertainment",
        "days_ago": 1,
        "body": [
            "Acclaimed Sufi singer Kailash Kher was forced to stop his live "
            "performance midway at the Gwalior venue after sections of the "
            "crowd pushed towards the stage.",
            "Kher paused the show and appealed to the audience to behave "
            "responsibly before the organisers restored order and the concert "
            "resumed.",
        ],
    },
    {
        "headline": "Anaconda Movie Review: Comedy or Horror? Sadly, Neither",
        "category": "Entertainment",
        "days_ago": 2,
        "body": [
            "The 2025 reimagining of Anaconda is a film that recognizes the "
            "absurdity of its own premise but never decides what to do with it.",
            "The jokes arrive too rarely to make it a comedy, and the snake "
            "appears too late to make it frightening.",
        ],
    },
    {
        "headline": (
            "Sidharth Malhotra and Kiara Advani Celebrate Daughter "
            "Saraayah\u2019s First Christmas"
        ),
        "category": "Entertainment",
        "days_ago": 2,
        "body": [
            "Bollywood\u2019s favorite couple, Sidharth Malhotra and Kiara "
            "Advani, shared a heartwarming glimpse of their 2025 Christmas "
            "celebrations on social media.",
            "The photographs show the couple with their daughter Saraayah "
            "beside a decorated tree at their Mumbai home.",
        ],
    },
    {
        "headline": "Centre Opposes GST Cut on Air Purifiers, Cites \u2018Pandora\u2019s Box\u2019 Risk",
        "category": "Business",
        "days_ago": 2,
        "body": [
            "The Central government on Friday expressed strong opposition to "
            "a Public Interest Litigation (PIL) filed in the Delhi High Court "
            "seeking a lower GST rate on air purifiers.",
            "Government counsel argued that a cut for one product would open "
            "a \u2018Pandora\u2019s box\u2019 of similar demands from other "
            "sectors. The court listed the matter for further hearing.",
        ],
    },
    {
        "headline": (
            "Top 10 Indian Acting Performances of 2025: From Dhanush to Jaideep Ahlawat"
        ),
        "category": "Entertainment",
        "days_ago": 2,
        "body": [
            "The year 2025 has been a landmark era for Indian cinema, defined "
            "by performances that stayed with audiences long after the "
            "credits rolled.",
            "Our critics pick the ten turns that mattered most, from leading "
            "roles in big-screen dramas to supporting parts in streaming "
            "series.",
        ],
    },
]
