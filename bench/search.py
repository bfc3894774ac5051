"""Search at 100,000 articles: index build time and two-word query latency.

Runs each engine in its own process on a scratch database (a temporary
SQLite file; a `dl_search_bench` PostgreSQL database, dropped first), then
writes bench/results/search.md. Usage: python bench/search.py [--articles N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "search.md"
PG_SERVER = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = "dl_search_bench"
QUERIES, COMMON, WARM_UP = 300, 60, 30
SEED = 20231016


def vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """Pronounceable made-up words; their Zipf-like frequencies do the work."""
    onsets = [
        "b",
        "c",
        "d",
        "f",
        "g",
        "h",
        "j",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "w",
        "z",
        "br",
        "ch",
        "cr",
        "dr",
        "fl",
        "gr",
        "pl",
        "pr",
        "sh",
        "st",
        "th",
        "tr",
    ]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "oo", "ou"]
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 3, 3, 4))
        words.add(
            "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(syllables))
        )
    return sorted(sorted(words), key=lambda _: rng.random())


def build_articles(count: int) -> None:
    from django.utils.text import slugify

    from dateline.content.models import Article, Category

    rng = random.Random(SEED)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
    total, cumulative = 0.0, []
    for weight in weights:
        total += weight
        cumulative.append(total)
    categories = [
        Category.objects.create(name=name, slug=slugify(name), position=n)
        for n, name in enumerate(["World", "India", "Business", "Sports", "Science"])
    ]
    now = datetime.now(UTC)
    batch: list[Article] = []
    for n in range(count):
        text = rng.choices(words, cum_weights=cumulative, k=10 + 25 + 240)
        headline = " ".join(text[:10]).capitalize()
        paragraphs = [" ".join(text[35 + i * 60 : 95 + i * 60]) for i in range(4)]
        published = now - timedelta(minutes=37 * n)
        batch.append(
            Article(
                headline=headline,
                slug=f"story-{n}",
                standfirst=" ".join(text[10:35]),
                body="".join(f"<p>{p}.</p>" for p in paragraphs),
                lead_text=paragraphs[0][:600],
                status=Article.Status.PUBLISHED,
                published_at=published,
                updated_at=published,
                category=categories[n % len(categories)],
            )
        )
        if len(batch) == 2000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)


def two_word_queries(count: int, *, ranks: range) -> list[str]:
    """Two words, each of the given frequency ranks, from the headline of a
    random article: what readers type. The 100 most frequent words stand in
    for English stop words, which no reader searches for."""
    from dateline.content.models import Article

    rank_of = {word: rank for rank, word in enumerate(vocabulary(random.Random(SEED)))}
    rng = random.Random(SEED + ranks.start)
    top = Article.objects.order_by("pk").values_list("pk", flat=True)
    ids = list(top)
    queries = []
    while len(queries) < count:
        headline = Article.objects.values_list("headline", flat=True).get(
            pk=rng.choice(ids)
        )
        words = sorted(
            {w.lower() for w in headline.split() if rank_of[w.lower()] in ranks}
        )
        if len(words) >= 2:
            queries.append(" ".join(rng.sample(words, 2)))
    return queries


def measure(queries: list[str]) -> dict[str, float]:
    from dateline.search.selectors import search_articles

    latencies, matches = [], []
    for number, text in enumerate(queries):
        started = time.perf_counter()
        # What the search page does: count, rank a page, load it, highlight it.
        results = search_articles(text=text)
        total = results.count()
        results[0:20]
        elapsed = time.perf_counter() - started
        if number >= WARM_UP:
            latencies.append(elapsed * 1000)
            matches.append(total)
    return {
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "max_ms": max(latencies),
        "median_matches": statistics.median(matches),
        "queries": len(latencies),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_engine(articles: int) -> dict[str, Any]:
    """Inside the engine's process: load, index, query; return the figures."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from dateline.search.indexing import index_rebuild

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build_articles(articles)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    indexed = index_rebuild()
    build = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    content = measure(two_word_queries(QUERIES + WARM_UP, ranks=range(100, 40_000)))
    common = measure(two_word_queries(COMMON + WARM_UP, ranks=range(100, 300)))
    return {
        "engine": "SQLite FTS5" if connection.vendor == "sqlite" else "PostgreSQL",
        "version": connection.cursor()
        .connection.execute("select sqlite_version()")
        .fetchone()[0]
        if connection.vendor == "sqlite"
        else ".".join(str(connection.pg_version // 10000**i % 10000) for i in (1, 0)),
        "articles": indexed,
        "load_s": loaded,
        "build_s": build,
        "content": content,
        "common": common,
        "load": os.getloadavg()[0],
    }


def _postgres_scratch() -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    return f"{PG_SERVER}/{PG_DATABASE}"


def spawn(articles: int, database_url: str | None, data_dir: str) -> dict[str, Any]:
    env = {**os.environ, "DATELINE_DATA_DIR": data_dir, "DATELINE_LOG": "WARNING"}
    env.pop("DATELINE_DATABASE_URL", None)
    if database_url:
        env["DATELINE_DATABASE_URL"] = database_url
    out = subprocess.run(
        [sys.executable, __file__, "--engine-run", "--articles", str(articles)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Search benchmark",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench-search` on "
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        "load average at the end of each engine's run in the last column.",
        "",
        "Articles are generated text: a 40,000-word made-up vocabulary with "
        "Zipf-like frequencies; 10-word headline, 25-word standfirst, 240-word body. "
        "Each query is what the search page does: parse, count the matches, rank "
        "and load the first page of 20, highlight it. Queries are two words from "
        "the headline of a random article. *Content words* skips the 100 most "
        "frequent words, which stand in for English stop words; *common words* "
        "takes both words from ranks 100-300, the frequent words of news copy "
        f"(“said”, “government”). {WARM_UP} warm-up queries per set are not counted.",
        "",
        "| engine | articles | index build (s) | queries | p50 (ms) | p95 (ms) "
        "| max (ms) | median matches | load |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        for name in ("content", "common"):
            figures = row[name]
            lines.append(
                f"| {row['engine']} {row['version']} | {row['articles']:,} "
                f"| {row['build_s']:.1f} | {figures['queries']} {name} words "
                f"| {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} "
                f"| {figures['max_ms']:.1f} | {figures['median_matches']:,.0f} "
                f"| {row['load']:.1f} |"
            )
    lines += ["", "Targets (issue 8): p95 ≤ 50 ms; index build ≤ 120 s.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--engine", choices=["sqlite", "postgres", "both"], default="both"
    )
    parser.add_argument("--engine-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.engine_run:
        print(json.dumps(run_engine(args.articles)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as scratch:
        if args.engine in ("sqlite", "both"):
            rows.append(spawn(args.articles, None, scratch))
        if args.engine in ("postgres", "both"):
            rows.append(spawn(args.articles, _postgres_scratch(), scratch))
    text = report(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
