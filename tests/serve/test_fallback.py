"""Database down, site up: published pages from the snapshot, a clear 503 else."""

import pytest

from dateline.demo.seed import SEED_ARTICLE

from .servers import base_env, dateline, fetch, server

SEED_URL = "/2023/10/16/putin-speaks-to-netanyahu-about-gaza-conflict/"
UNREACHABLE = "postgres://dateline@127.0.0.1:9/dateline?connect_timeout=1"


@pytest.fixture(scope="module")
def embedded_site(tmp_path_factory):
    data = tmp_path_factory.mktemp("site")
    env = base_env(data)
    dateline("migrate", "--verbosity", "0", env=env)
    dateline("loaddemo", env=env)
    return data, env


def test_published_pages_survive_a_restart_with_the_database_down(embedded_site):
    _, env = embedded_site
    with server(env) as base:
        status, headers, body = fetch(base + SEED_URL)
        assert (status, headers["X-Cache"]) == (200, "MISS")
    # Restart pointing at a database that does not answer: the in-process
    # cache is gone, so only the snapshot on disk can serve the page.
    with server({**env, "DATELINE_DATABASE_URL": UNREACHABLE}) as base:
        status, headers, stale = fetch(base + SEED_URL)
        assert (status, headers["X-Cache"]) == (200, "STALE")
        assert stale == body
        assert SEED_ARTICLE["headline"].encode() in stale
        # A signed-in editor: the session lookup itself needs the database.
        status, headers, page = fetch(
            base + "/newsroom/", Cookie="sessionid=" + "a1" * 16
        )
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert b"The newsroom database is unavailable" in page
        status, _, page = fetch(base + "/category/never-visited/")
        assert status == 503
        assert b"Temporarily unavailable" in page
