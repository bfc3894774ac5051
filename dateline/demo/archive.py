"""A generated archive: enough plausible stories that every list paginates.

Deterministic (a fixed random seed), so two loads give the same site.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

CATEGORIES = [
    ("World", "International news and analysis."),
    ("India", "National news from across the country."),
    ("Business", "Markets, companies and the economy."),
    ("Entertainment", "Film, television and music."),
    ("Sports", "Cricket, football and everything else."),
    ("Technology", "Gadgets, software and the companies behind them."),
    ("Science", "Research, space and the environment."),
    ("Health", "Medicine, public health and well-being."),
]

AUTHORS = [
    ("Admin", "Wire desk."),
    ("Priya Raman", "Covers politics and policy from New Delhi."),
    ("Daniel Okafor", "Foreign correspondent."),
    ("Meera Iyer", "Business and markets editor."),
    ("Tomás Herrera", "Sports reporter."),
    ("Aisha Siddiqui", "Writes about science and health."),
    ("Lena Fischer", "Technology correspondent."),
    ("Arjun Mehta", "Film critic."),
]

_SUBJECTS = {
    "World": ["UN envoy", "EU leaders", "Japan's cabinet", "Brazil's president",
              "Kenyan officials", "Gulf ministers", "Canada's premier"],
    "India": ["State election body", "Railway ministry", "Supreme Court",
              "Mumbai civic body", "Kerala government", "Delhi police"],
    "Business": ["Central bank", "Tata group", "Sensex", "Start-up founders",
                 "Auto makers", "Telecom regulator"],
    "Entertainment": ["Box office", "Streaming service", "Veteran actor",
                      "Film festival jury", "Music label", "Casting director"],
    "Sports": ["National cricket team", "Football club", "Olympic committee",
               "Chess prodigy", "Hockey coach", "Tennis star"],
    "Technology": ["Chip maker", "Smartphone brand", "Cloud provider",
                   "Cybersecurity agency", "AI lab", "Payments app"],
    "Science": ["Space agency", "Climate researchers", "Marine biologists",
                "Physicists", "Monsoon scientists", "Astronomers"],
    "Health": ["Health ministry", "Hospital network", "Vaccine maker",
               "Nutrition experts", "Medical council", "Public health teams"],
}  # fmt: skip
_VERBS = ["announces", "rejects", "weighs", "unveils", "defends", "delays",
          "backs", "questions", "expands", "reviews"]  # fmt: skip
_OBJECTS = ["new plan for coastal cities", "budget for next year",
            "talks on trade corridor", "overhaul of licensing rules",
            "record quarterly figures", "pilot across five states",
            "report on water shortages", "deal with regional partners",
            "timeline for rollout", "measures after public outcry"]  # fmt: skip
_SENTENCES = [
    "Officials said the decision followed weeks of consultation with experts "
    "and the public.",
    "Critics argued that the timing raised questions that had not yet been answered.",
    "The move is expected to affect millions of people over the coming months.",
    "A spokesperson declined to give further details but promised an update "
    "within days.",
    "Analysts said the announcement had been widely anticipated.",
    "Opposition leaders called for a debate before any final decision.",
    "Residents interviewed on Tuesday were divided over what it would mean for them.",
    "The figures will be reviewed again at the end of the quarter.",
]
_TAGS = ["Economy", "Elections", "Climate", "Cricket", "Bollywood", "Startups",
         "Monsoon", "Diplomacy", "Space", "Public health", "Courts", "Energy"]  # fmt: skip


@dataclass(frozen=True)
class GeneratedStory:
    headline: str
    category: str
    authors: list[str]
    tags: list[str]
    paragraphs: list[str]
    published_at: datetime


def generate(
    *, count: int, before: datetime, seed: int = 20231016
) -> Iterator[GeneratedStory]:
    """Yield `count` stories, newest first, each published before `before`."""
    rng = random.Random(seed)
    moment = before
    names = [name for name, _ in AUTHORS]
    for number in range(count):
        category = CATEGORIES[number % len(CATEGORIES)][0]
        moment -= timedelta(minutes=rng.randint(90, 1800))
        subject = rng.choice(_SUBJECTS[category])
        headline = f"{subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
        yield GeneratedStory(
            headline=headline[0].upper() + headline[1:],
            category=category,
            authors=rng.sample(names, k=1 if rng.random() < 0.8 else 2),
            tags=rng.sample(_TAGS, k=rng.randint(1, 3)),
            paragraphs=[
                f"{subject} on {moment:%A} {headline[len(subject) :].strip()} in a"
                " statement that drew attention across the sector.",
                *rng.sample(_SENTENCES, k=4),
            ],
            published_at=moment,
        )
