"""`make bench`: Dateline's production stack against nginx serving the same bytes.

1. Fills a scratch PostgreSQL database with 100,000 articles (bulk).
2. Starts `dateline serve` (granian, Redis cache), and gunicorn for comparison.
3. Runs wrk (64 connections, 10 s, after a warm-up) on the article, home,
   category, feed and search pages: straight at the app, through the nginx
   recipe in deploy/, and against nginx serving the same bytes from disk.
4. Measures cache misses, a 512-connection spike, worker RSS, and the time
   from a publish to the story being visible on two app processes.
Writes bench/results/latest.md, which the README includes.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import wrk

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results" / "latest.md"
PG = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
DB = "dl_bench"
REDIS = "redis://127.0.0.1:6379/9"
APP, APP2, STATIC_NGINX, PROXY_NGINX, GUNICORN = 8101, 8102, 8103, 8104, 8105
SEED = "/2023/10/16/putin-speaks-to-netanyahu-about-gaza-conflict/"
PAGES = {
    "article": SEED,
    "home": "/",
    "category": "/category/world/",
    "feed": "/feed/",
    "search": "/search/?q=putin+netanyahu",
}


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_")}
    return {
        **base,
        "DATELINE_DATA_DIR": str(WORK / "data"),
        "DATELINE_DATABASE_URL": f"{PG}/{DB}",
        "DATELINE_USE_REDIS": "1",
        "DATELINE_REDIS_URL": REDIS,
        "DATELINE_LOG": "WARNING",
        "DJANGO_SETTINGS_MODULE": "dateline.settings",
        **extra,
    }


def dateline(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "dateline", *args], env=env(), check=True)


def prepare(articles: int) -> dict[str, float]:
    print(f"· filling {DB} with {articles:,} articles")
    host = PG.rsplit("/", 1)[-1]
    subprocess.run(["dropdb", "--if-exists", "-h", host.split("@")[-1].split(":")[0],
                    "-U", "postgres", DB], check=True)  # fmt: skip
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], check=True)
    subprocess.run(["redis-cli", "-n", "9", "flushdb"], check=True, capture_output=True)
    dateline("migrate", "--verbosity", "0")
    dateline("loaddemo")
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "bench" / "fill.py"), str(articles)],
                   env=env(), check=True, cwd=ROOT)  # fmt: skip
    filled = time.perf_counter() - started
    # Fresh planner statistics, as autovacuum would give a live site.
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-qc",
                    "ANALYZE"], check=True)  # fmt: skip
    started = time.perf_counter()
    dateline("reindex")
    return {"fill_s": filled, "index_s": time.perf_counter() - started}


@contextmanager
def process(args: list[str], **extra: str):
    proc = subprocess.Popen(args, env=env(**extra), cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def app(port: int, *, server: str = "granian", workers: int = 2, **extra: str):
    return process(
        [sys.executable, "-m", "dateline", "serve", "--no-tasks", "--server", server,
         "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        **extra,
    )  # fmt: skip


def nginx(template: str, port: int, static_root: Path, upstream: int = APP):
    conf_dir = WORK / f"nginx-{port}"
    shutil.rmtree(conf_dir, ignore_errors=True)
    (conf_dir / "cache").mkdir(parents=True)
    server = (ROOT / "deploy" / template).read_text()
    for name, value in {"LISTEN": f"127.0.0.1:{port}", "UPSTREAM": f"127.0.0.1:{upstream}",
                        "STATIC_ROOT": str(static_root),
                        "CACHE_DIR": str(conf_dir / "cache")}.items():  # fmt: skip
        server = server.replace(f"@{name}@", value)
    (conf_dir / "nginx.conf").write_text(
        "user root;\nworker_processes 2;\npid nginx.pid;\nerror_log error.log;\n"
        "events { worker_connections 4096; }\n"
        "http {\n include /etc/nginx/mime.types;\n sendfile on;\n"
        " keepalive_requests 100000;\n" + server + "\n}\n"
    )
    return process(["nginx", "-p", str(conf_dir), "-c", "nginx.conf",
                    "-g", "daemon off;"])  # fmt: skip


def wait_for(port: int, path: str = "/") -> None:
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answered on port {port}")


def get(port: int, path: str) -> tuple[int, bytes, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read(), dict(response.getheaders())


def mirror(port: int, root: Path) -> None:
    """Save each page's bytes where nginx serves them as plain files."""
    shutil.rmtree(root, ignore_errors=True)
    for path in PAGES.values():
        status, body, _ = get(port, path)
        assert status == 200, (path, status)
        target = root / path.split("?")[0].lstrip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def load(port: int, label: str, paths: dict[str, str] = PAGES) -> dict[str, wrk.Result]:
    results = {}
    for name, path in paths.items():
        url = f"http://127.0.0.1:{port}{path}"
        wrk.run(url, seconds=2)  # warm-up
        results[name] = wrk.run(url)
        r = results[name]
        print(f"  {label:<22} {name:<9} {r.rps:>9,.0f} req/s  p50 {r.p50_ms:6.2f} ms"
              f"  p99 {r.p99_ms:6.2f} ms  errors {r.errors}")  # fmt: skip
    return results


def misses(port: int) -> dict[str, float]:
    """Sequential latency of uncached pages (the app started with no page cache)."""
    import random

    out: dict[str, float] = {}
    paths = article_paths(port, 200)
    for name, sample in {"article": paths, "home": ["/"] * 100,
                         "category": [f"/category/world/page/{n}/" for n in range(1, 101)]}.items():  # fmt: skip
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        times = []
        for path in random.Random(1).sample(sample, len(sample)):
            started = time.perf_counter()
            conn.request("GET", path)
            conn.getresponse().read()
            times.append((time.perf_counter() - started) * 1000)
        out[f"{name}_p50"] = statistics.median(times)
        out[f"{name}_p95"] = statistics.quantiles(times, n=20)[18]
    return out


def article_paths(port: int, count: int) -> list[str]:
    code = (
        "import django; django.setup()\n"
        "from dateline.content.models import Article\n"
        f"for a in Article.objects.published().order_by('?')[:{count}]:\n"
        "    print(a.get_absolute_url())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env(), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return out.split()


def publish_latency() -> float:
    """Seconds from a publish returning to the story on two app processes."""
    code = (
        "import django, sys, time; django.setup()\n"
        "from dateline.content.models import Article, Category\n"
        "from dateline.publishing.services import article_publish\n"
        "a = Article.objects.create(headline='Bench breaking story', slug=f'bench-{time.time_ns()}',\n"
        "    body='<p>Now.</p>', category=Category.objects.get(slug='world'))\n"
        "article_publish(article=a)\n"
        "print(time.time())\n"
    )
    for port in (APP, APP2):
        get(port, "/")
    published = float(subprocess.run([sys.executable, "-c", code], env=env(), cwd=ROOT,
                                      capture_output=True, text=True, check=True).stdout)  # fmt: skip
    seen = []
    for port in (APP, APP2):
        while b"Bench breaking story" not in get(port, "/")[1]:
            time.sleep(0.01)
        seen.append(time.time() - published)
    return max(seen)


def rss_mb(pid: int) -> list[float]:
    """Resident memory of each worker process under `pid`, in MB."""
    children = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines()
                          if ":\t" in line)  # fmt: skip
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            children.append(int(fields["VmRSS"].split()[0]) / 1024)
    return children or [0.0]


def table(
    rows: list[tuple[str, str, wrk.Result]], reference: dict[str, wrk.Result]
) -> str:
    lines = ["| stack | page | req/s | p50 ms | p99 ms | errors | vs nginx |",
             "|---|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for stack, page, r in rows:
        ratio = r.rps / reference[page].rps if page in reference else 0
        lines.append(f"| {stack} | {page} | {r.rps:,.0f} | {r.p50_ms:.2f} | "
                     f"{r.p99_ms:.2f} | {r.errors} | {ratio:.0%} |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    setup = prepare(args.articles)
    rows: list[tuple[str, str, wrk.Result]] = []
    with ExitStack() as stack:
        main_app = stack.enter_context(app(APP))
        stack.enter_context(app(APP2))
        wait_for(APP)
        wait_for(APP2)
        static_root = WORK / "mirror"
        mirror(APP, static_root)
        stack.enter_context(nginx("nginx-static.conf", STATIC_NGINX, static_root))
        stack.enter_context(nginx("nginx.conf", PROXY_NGINX, WORK / "data" / "static",
                                  upstream=APP))  # fmt: skip
        wait_for(STATIC_NGINX)
        wait_for(PROXY_NGINX)
        print("· load, 64 connections, 10 s each")
        reference = load(STATIC_NGINX, "nginx, static bytes")
        for page, r in load(PROXY_NGINX, "nginx → Dateline").items():
            rows.append(("nginx (deploy/nginx.conf) → Dateline", page, r))
        for page, r in load(APP, "Dateline (granian)").items():
            rows.append(("Dateline alone, granian ×2", page, r))
        print("· spike: 512 connections, 30 s, article page")
        spike = wrk.run(f"http://127.0.0.1:{APP}{SEED}", connections=512, seconds=30)
        rss = rss_mb(main_app.pid)
        visible = publish_latency()
    with app(GUNICORN, server="gunicorn"):
        wait_for(GUNICORN)
        for page, r in load(GUNICORN, "Dateline (gunicorn)", {"article": SEED}).items():
            rows.append(("Dateline alone, gunicorn ×2", page, r))
    with app(APP, DATELINE_PAGE_CACHE="0"):
        wait_for(APP)
        print("· cache misses (page cache off), sequential")
        miss = misses(APP)
    report = "\n".join([
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on "
        f"{os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"{args.articles:,} articles in PostgreSQL, Redis cache; wrk on the same cores, "
        "64 connections, 10 s per row after a 2 s warm-up. \"vs nginx\" is requests/s "
        "relative to nginx serving the very same bytes as static files in the same run.",
        "",
        table(rows, reference),
        "",
        "| reference: nginx, static files | page | req/s | p50 ms | p99 ms |",
        "|---|---|---:|---:|---:|",
        *[f"| | {p} | {r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} |" for p, r in reference.items()],
        "",
        "| other measurement | value |",
        "|---|---:|",
        f"| fill {args.articles:,} articles (bulk) | {setup['fill_s']:.0f} s |",
        f"| build the search index | {setup['index_s']:.0f} s |",
        f"| cache miss, article page p50 / p95 | {miss['article_p50']:.1f} / {miss['article_p95']:.1f} ms |",
        f"| cache miss, home page p50 / p95 | {miss['home_p50']:.1f} / {miss['home_p95']:.1f} ms |",
        f"| cache miss, category pages 1–100 p50 / p95 | {miss['category_p50']:.1f} / {miss['category_p95']:.1f} ms |",
        f"| spike, 512 connections × 30 s: req/s, p99, errors | {spike.rps:,.0f}, {spike.p99_ms:.0f} ms, {spike.errors} |",
        f"| worker RSS after the runs (each) | {', '.join(f'{m:.0f} MB' for m in rss)} |",
        f"| publish → visible on both app processes | {visible * 1000:.0f} ms |",
    ])  # fmt: skip
    RESULTS.write_text(report + "\n")
    readme = ROOT / "README.md"
    head, rest = readme.read_text().split("<!-- bench:start -->\n", 1)
    _, tail = rest.split("<!-- bench:end -->", 1)
    readme.write_text(f"{head}<!-- bench:start -->\n{report}\n<!-- bench:end -->{tail}")
    print(report)


if __name__ == "__main__":
    main()
