"""End-to-end benchmark of the portal on a scratch data directory.

    .venv/bin/python bench/run.py [--items 100000] [--pages 500] [--queries 300]
                                  [--duration 10] [--keep]

1. a fresh SQLite database with the demo bureau (migrate, collectstatic,
   load_demo), in a temporary data directory;
2. import rate: ``--pages`` synthetic items through ``publish_item`` (Wagtail
   pages, revisions, search index);
3. bulk search index: ``--items`` synthetic items (~1,500 characters) stored
   with ``store_entries`` in batches of 1,000;
4. search latency of ``search_entries`` (relevance and date sort);
5. item page and home page throughput with wrk against granian, started as
   ``make run`` starts it;
6. freshness: how long a published title change takes to reach the page.

The summary is printed and written to ``bench/results/latest.json``.
"""

import argparse
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.textgen import Corpus  # noqa: E402

HOST = "127.0.0.1"
RESULTS = ROOT / "bench" / "results" / "latest.json"
BATCH = 1000
# Synthetic index entries get page ids far above those of the real pages.
BULK_ID_BASE = 10_000_000
# Items published through the real pipeline use their own item numbers.
PAGE_NUMBER_BASE = 1_000_000_000
WARMUP_QUERIES = 30
FRESHNESS_ROUNDS = 5
POLL_INTERVAL = 0.02
FRESHNESS_TIMEOUT = 10.0
# Words an editor or a visitor of a land-and-resources bureau would search.
COMMON_WORDS = (
    "征地", "出让", "基准地价", "采矿权", "矿权", "土地供应", "补偿安置", "土地",
    "公示", "公告", "耕地", "宅基地", "不动产登记", "挂牌", "规划", "村庄规划",
    "国有建设用地", "集体土地", "听证", "行政处罚", "闲置土地", "临时用地", "地价",
    "标定地价", "矿业权", "绿色矿山", "地质灾害", "占补平衡", "政务公开", "依申请公开",
    "社会保障", "区片综合地价", "竞买保证金", "起始价", "成交", "容积率", "凤凰镇",
    "齐都镇", "稷下街道", "桓公路", "农用地转用", "永久基本农田", "建设用地规划许可",
    "预算", "决算", "田长制", "执法", "权责清单", "信访", "高标准农田",
)  # fmt: skip
COMMON_PHRASES = (
    "土地 出让", "征地 补偿", "采矿权 出让", "基准地价 更新", "凤凰镇 征收",
    "宅基地 审批", "耕地 保护", "国有建设用地 挂牌", "临时用地 复垦", "行政处罚 土地",
)  # fmt: skip
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


# Helpers -----------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}Z] {message}", flush=True)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, round(fraction * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 10.0) -> tuple[int, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--items",
        type=int,
        default=100_000,
        help="synthetic index entries (default 100000)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        default=500,
        help="items published through publish_item (default 500)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=300,
        help="search queries, at least 200 recommended (default 300)",
    )
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds of each wrk run (default 10)"
    )
    parser.add_argument(
        "--seed", type=int, default=20260101, help="text generator seed"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the scratch data directory"
    )
    return parser.parse_args()


# 1. Scratch environment ----------------------------------------------------------


def prepare_environment(data_dir: Path, port: int) -> dict[str, str]:
    (data_dir / "secret_key").write_text(os.urandom(32).hex())
    (data_dir / "secret_key").chmod(0o600)
    sys.path.insert(0, str(ROOT))
    from gongkai.core.crypto import new_key_setting

    (data_dir / "field_encryption_keys").write_text(new_key_setting())
    (data_dir / "field_index_key").write_text(new_key_setting().split(":")[1])
    os.environ.pop("DATABASE_URL", None)
    for name in ("SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "FIELD_INDEX_KEY"):
        os.environ.pop(name, None)
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.run"
    os.environ["WAGTAILADMIN_BASE_URL"] = f"http://{HOST}:{port}"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    import django

    django.setup()
    return dict(os.environ)


def prepare_database() -> dict:
    from django.core.management import call_command

    timings = {}
    for name, arguments in (
        ("migrate", ["migrate", "--noinput"]),
        ("collectstatic", ["collectstatic", "--noinput"]),
        ("load_demo", ["load_demo"]),
    ):
        started = time.perf_counter()
        with redirect_stdout(StringIO()):
            call_command(*arguments, verbosity=0)
        timings[name] = round(time.perf_counter() - started, 2)
        log(f"{name}: {timings[name]} s")
    return timings


def portal_objects():
    from gongkai.accounts.models import Agency
    from gongkai.catalog.columns import ROOT_TITLE
    from gongkai.demo.services import AGENCY_NAME
    from gongkai.publishing.models import ColumnPage, PortalHomePage

    agency = Agency.objects.get(name=AGENCY_NAME)
    home = PortalHomePage.objects.get(agency=agency)
    root = ColumnPage.objects.child_of(home).get(title=ROOT_TITLE)
    return agency, home, root


def resolve_columns(root, corpus: Corpus) -> dict:
    from gongkai.publishing.selectors import column_by_path

    columns = {}
    for path in sorted(set(corpus.columns)):
        column = column_by_path(root=root, column_path=path)
        if column is None:
            raise SystemExit(f"column {path!r} not found in the demo tree")
        columns[path] = column
    return columns


# 2. Import through the real pipeline -------------------------------------------


def bench_import(corpus: Corpus, columns: dict, count: int) -> tuple[dict, list[int]]:
    from datetime import timedelta

    from gongkai.publishing.services import ItemData, publish_item

    page_ids = []
    started = time.perf_counter()
    for n in range(count):
        item = corpus.item(PAGE_NUMBER_BASE + n)
        written_on = item.published_on - timedelta(days=n % 9)
        # A 文号 is unique per agency: give each page its own serial number
        # (above those of the demo items).
        document_number = ""
        if item.document_number:
            code = item.document_number.split("〔")[0]
            document_number = f"{code}〔{item.published_on.year}〕{100 + n}号"
        page = publish_item(
            column=columns[item.column],
            data=ItemData(
                title=item.title,
                written_on=written_on,
                document_number=document_number,
                publisher=item.publisher,
                validity=item.validity,
                validity_changed_on=item.published_on
                if item.validity != "valid"
                else None,
                keywords=item.keywords,
                summary=item.summary,
                body_html=item.body_html,
            ),
            published_on=item.published_on,
            actor=None,
        )
        page_ids.append(page.pk)
        if (n + 1) % 100 == 0:
            log(f"published {n + 1}/{count}")
    elapsed = time.perf_counter() - started
    result = {
        "pages": count,
        "seconds": round(elapsed, 2),
        "items_per_s": round(count / elapsed, 1) if elapsed else None,
        "ms_per_item": round(1000 * elapsed / count, 1) if count else None,
    }
    log(f"import: {result}")
    return result, page_ids


# 3. Bulk search index ----------------------------------------------------------


def bench_index(
    corpus: Corpus, agency, columns: dict, count: int, data_dir: Path
) -> dict:
    from django.db import connection
    from django.utils import timezone

    from gongkai.search.models import SearchEntry
    from gongkai.search.services import store_entries

    prefix = agency.effective_index_number_prefix
    generate_seconds = store_seconds = 0.0
    characters = 0
    started = time.perf_counter()
    for batch_start in range(0, count, BATCH):
        generate_started = time.perf_counter()
        entries = []
        for n in range(batch_start, min(batch_start + BATCH, count)):
            item = corpus.item(n)
            column = columns[item.column]
            published_at = timezone.make_aware(item.published_at)
            body = item.body_text
            characters += len(item.title) + len(item.summary) + len(body)
            entries.append(
                SearchEntry(
                    page_id=BULK_ID_BASE + n,
                    agency_id=agency.pk,
                    column_id=column.pk,
                    column_path=column.path,
                    url=f"{column.url}t{item.published_on:%Y%m%d}-b{n:06d}/",
                    title=item.title,
                    document_number=item.document_number,
                    index_number=f"{prefix}/{item.published_on.year}-{90000 + n % 10000:05d}",
                    publisher=item.publisher,
                    keywords=item.keywords,
                    validity=item.validity,
                    published_at=published_at,
                    year=item.published_on.year,
                    summary=item.summary,
                    body=body,
                )
            )
        store_started = time.perf_counter()
        generate_seconds += store_started - generate_started
        store_entries(entries)
        store_seconds += time.perf_counter() - store_started
        done = min(batch_start + BATCH, count)
        if done % 10_000 == 0 or done == count:
            log(
                f"indexed {done}/{count} ({done / store_seconds:.0f} items/s in store_entries)"
            )
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sizes = table_sizes(cursor)
    database = data_dir / "gongkai.sqlite3"
    result = {
        "items": count,
        "characters_per_item": round(characters / count) if count else 0,
        "generate_seconds": round(generate_seconds, 1),
        "store_seconds": round(store_seconds, 1),
        "total_seconds": round(elapsed, 1),
        "items_per_s": round(count / store_seconds, 1) if store_seconds else None,
        "items_per_s_with_generation": round(count / elapsed, 1) if elapsed else None,
        "db_mb": round(database.stat().st_size / 2**20, 1),
        "table_mb": sizes,
    }
    log(f"index: {result}")
    return result


def table_sizes(cursor) -> dict:
    """Megabytes of the search tables (needs SQLite's dbstat; else empty)."""
    try:
        cursor.execute(
            "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'portal_search%' "
            "OR name LIKE 'search_searchentry%' GROUP BY name"
        )
    except Exception:  # noqa: BLE001  # dbstat is optional in SQLite builds
        return {}
    return {
        name: round(size / 2**20, 1) for name, size in cursor.fetchall() if size > 2**20
    }


# 4. Search latency -------------------------------------------------------------


def sampled_word(corpus: Corpus, rng: random.Random, count: int) -> str:
    """A 2–4 character word from a random position of a random document."""
    length = rng.choice((2, 2, 3, 4))
    while True:
        body = corpus.item(rng.randrange(count)).body_text
        runs = [run for run in CJK_RUN.findall(body) if len(run) >= length]
        if runs:
            run = rng.choice(runs)
            start = rng.randrange(len(run) - length + 1)
            return run[start : start + length]


def build_queries(
    corpus: Corpus, count: int, total: int, seed: int
) -> list[tuple[str, str]]:
    """(kind, text) pairs: common words, sampled words and two-word phrases."""
    rng = random.Random(seed + 7)
    queries: list[tuple[str, str]] = []
    for i in range(total):
        slot = i % 4
        if slot == 0:
            queries.append(("common", COMMON_WORDS[(i // 4) % len(COMMON_WORDS)]))
        elif slot in (1, 2):
            queries.append(("sampled", sampled_word(corpus, rng, count)))
        elif (i // 4) % 2 == 0:
            queries.append(("phrase", COMMON_PHRASES[(i // 8) % len(COMMON_PHRASES)]))
        else:
            first = rng.choice(COMMON_WORDS)
            queries.append(("phrase", f"{first} {sampled_word(corpus, rng, count)}"))
    return queries


def latency_summary(values: list[float]) -> dict:
    return {
        "p50_ms": round(percentile(values, 0.50), 1),
        "p95_ms": round(percentile(values, 0.95), 1),
        "max_ms": round(max(values), 1) if values else None,
    }


def bench_search(
    corpus: Corpus, queries: list[tuple[str, str]], count: int, seed: int
) -> dict:
    from gongkai.search.models import SearchEntry
    from gongkai.search.selectors import SORT_DATE, SearchQuery, search_entries

    documents = SearchEntry.objects.count()
    warmup_rng = random.Random(seed + 11)
    for _ in range(WARMUP_QUERIES):
        search_entries(
            SearchQuery(text=sampled_word(corpus, warmup_rng, count), limit=20)
        )
        search_entries(SearchQuery(text=warmup_rng.choice(COMMON_WORDS), limit=20))

    samples = []
    for kind, text in queries:
        started = time.perf_counter()
        results = search_entries(SearchQuery(text=text, limit=20))
        elapsed = 1000 * (time.perf_counter() - started)
        samples.append(
            {
                "kind": kind,
                "q": text,
                "ms": elapsed,
                "total": results.total,
                "hits": len(results.hits),
            }
        )
    date_ms = []
    for _, text in queries:
        started = time.perf_counter()
        search_entries(SearchQuery(text=text, limit=20, sort=SORT_DATE))
        date_ms.append(1000 * (time.perf_counter() - started))

    relevance = [sample["ms"] for sample in samples]
    fractions = [sample["total"] / documents for sample in samples]
    result = {
        "documents": documents,
        "queries": len(samples),
        "relevance": latency_summary(relevance),
        "date": latency_summary(date_ms),
        "median_fraction_matched": round(statistics.median(fractions), 3),
        "queries_without_hits": sum(1 for sample in samples if sample["total"] == 0),
        "by_kind": {
            kind: {
                "n": len(values),
                **latency_summary(values),
                "median_fraction_matched": round(
                    statistics.median(
                        s["total"] / documents for s in samples if s["kind"] == kind
                    ),
                    3,
                ),
            }
            for kind in ("common", "sampled", "phrase")
            if (values := [s["ms"] for s in samples if s["kind"] == kind])
        },
        "slowest": [
            {"q": s["q"], "ms": round(s["ms"], 1), "matched": s["total"]}
            for s in sorted(samples, key=lambda s: s["ms"], reverse=True)[:8]
        ],
    }
    for sample, elapsed in zip(samples, date_ms, strict=True):
        sample["date_ms"] = round(elapsed, 1)
        sample["ms"] = round(sample["ms"], 1)
    result["samples"] = samples
    log(f"search: relevance {result['relevance']}, date {result['date']}, "
        f"median matched {result['median_fraction_matched']:.1%}")  # fmt: skip
    return result


# 5. HTTP throughput ------------------------------------------------------------


def start_server(port: int, environment: dict, data_dir: Path) -> subprocess.Popen:
    granian = Path(sys.executable).parent / "granian"
    command = [
        str(granian), "--interface", "wsgi", "--host", HOST, "--port", str(port),
        "--workers", "2", "--blocking-threads", "1", "--no-ws",
        "--log-level", "warning", "config.wsgi:application",
    ]  # fmt: skip
    with (data_dir / "granian.log").open("ab") as server_log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"granian exited with {process.returncode}; see {data_dir / 'granian.log'}"
            )
        try:
            status, _ = http_get(port, "/healthz", timeout=2)
            if status == 200:
                log(f"granian ready on {HOST}:{port} (pid {process.pid})")
                return process
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise SystemExit("granian did not answer /healthz within 60 s")


def stop_server(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    # The server runs in its own session: signal its group (master + workers).
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def wrk_command() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    log("wrk not found: apt-get install -y wrk")
    subprocess.run(
        ["apt-get", "install", "-y", "wrk"], check=False, stdout=subprocess.DEVNULL
    )
    wrk = shutil.which("wrk")
    if not wrk:
        raise SystemExit("wrk is needed (apt-get install -y wrk)")
    return wrk


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(port: int, path: str, duration: int) -> dict:
    url = f"http://{HOST}:{port}{path}"
    wrk = wrk_command()
    # Warm every worker's page cache first.
    subprocess.run([wrk, "-t2", "-c50", "-d2s", url], check=True, capture_output=True)
    output = subprocess.run(
        [wrk, "-t2", "-c50", f"-d{duration}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", output, re.MULTILINE))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    result = {
        "path": path,
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "req_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        # wrk counts responses outside 2xx/3xx; the 200 of the page is
        # checked before the run, so redirects would show as a wrong page.
        "non_2xx_3xx": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output))
        else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }
    log(f"wrk {path}: {result['req_per_s']:.0f} req/s, p50 {result['p50_ms']} ms, "
        f"p99 {result['p99_ms']} ms, non-2xx/3xx {result['non_2xx_3xx']}")  # fmt: skip
    return result


def bench_http(port: int, item_path: str, duration: int) -> dict:
    results = {}
    for name, path in (("item_page", item_path), ("home_page", "/")):
        status, body = http_get(port, path)
        if status != 200:
            raise SystemExit(f"GET {path} answered {status}, expected 200")
        results[name] = {**run_wrk(port, path, duration), "bytes": len(body.encode())}
    return results


# 6. Freshness ------------------------------------------------------------------


def bench_freshness(port: int, page_id: int, path: str) -> dict:
    from gongkai.publishing.models import GovernmentInformationPage

    rounds = []
    for round_number in range(1, FRESHNESS_ROUNDS + 1):
        page = GovernmentInformationPage.objects.get(pk=page_id)
        base = page.title.split("（基准测试修订")[0]
        title = f"{base}（基准测试修订{round_number}-{os.urandom(3).hex()}）"
        # Fill the page cache of both workers with the old page first.
        for _ in range(10):
            http_get(port, path)
        started = time.perf_counter()
        page.title = title
        page.save_revision().publish()
        published = time.perf_counter()
        polls = 0
        while True:
            polls += 1
            _, body = http_get(port, path)
            if title in body:
                break
            if time.perf_counter() - published > FRESHNESS_TIMEOUT:
                raise SystemExit(f"new title not visible after {FRESHNESS_TIMEOUT} s")
            time.sleep(POLL_INTERVAL)
        visible = time.perf_counter()
        # Every later response (whichever worker answers) must be fresh too.
        stale = sum(1 for _ in range(20) if title not in http_get(port, path)[1])
        rounds.append(
            {
                "publish_s": round(published - started, 3),
                "visible_after_publish_s": round(visible - published, 3),
                "total_s": round(visible - started, 3),
                "polls": polls,
                "stale_after": stale,
            }
        )
        log(f"freshness round {round_number}: {rounds[-1]}")
    return {
        "rounds": rounds,
        "max_total_s": max(r["total_s"] for r in rounds),
        "max_visible_after_publish_s": max(
            r["visible_after_publish_s"] for r in rounds
        ),
        "stale_responses_after_visible": sum(r["stale_after"] for r in rounds),
    }


# Report ------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISS"


def print_summary(report: dict) -> None:
    rows = []
    imp, index, search = report["import"], report["index"], report["search"]
    rows.append(
        (
            "Import via publish_item",
            f"{imp['items_per_s']} items/s ({imp['ms_per_item']} ms/item, {imp['pages']} pages)",
            "",
        )
    )
    rows.append(
        (
            "Bulk index (store_entries)",
            f"{index['items_per_s']} items/s; {index['items_per_s_with_generation']} with text generation",
            "",
        )
    )
    rows.append(
        ("Database size", f"{index['db_mb']} MB for {search['documents']} entries", "")
    )
    rel, dat = search["relevance"], search["date"]
    rows.append(
        (
            "Search, relevance",
            f"p50 {rel['p50_ms']} / p95 {rel['p95_ms']} / max {rel['max_ms']} ms ({search['queries']} queries)",
            verdict(rel["p95_ms"] <= 50),
        )
    )
    rows.append(
        (
            "Search, date sort",
            f"p50 {dat['p50_ms']} / p95 {dat['p95_ms']} / max {dat['max_ms']} ms",
            verdict(dat["p95_ms"] <= 50),
        )
    )
    rows.append(
        (
            "Search, median matched",
            f"{search['median_fraction_matched']:.1%} of documents",
            "",
        )
    )
    for kind, values in search["by_kind"].items():
        rows.append(
            (
                f"  {kind} ({values['n']})",
                f"p50 {values['p50_ms']} / p95 {values['p95_ms']} ms, median matched {values['median_fraction_matched']:.1%}",
                "",
            )
        )
    for name, label in (("item_page", "Item page"), ("home_page", "Home page")):
        http = report["http"][name]
        rows.append(
            (
                f"{label} (wrk -t2 -c50)",
                f"{http['req_per_s']:.0f} req/s, p50 {http['p50_ms']} / p99 {http['p99_ms']} ms, non-2xx/3xx {http['non_2xx_3xx']}, socket errors {http['socket_errors']}",
                verdict(http["req_per_s"] >= 1000) if name == "item_page" else "",
            )
        )
    fresh = report["freshness"]
    rows.append(
        (
            "Freshness (publish → visible)",
            f"max {fresh['max_total_s']} s over {len(fresh['rounds'])} rounds (after publish returned: max {fresh['max_visible_after_publish_s']} s)",
            verdict(fresh["max_total_s"] <= 1.0),
        )
    )
    width = max(len(row[0]) for row in rows)
    print()
    print(
        f"Gongkai benchmark — {report['started_at']} — {report['elapsed_s']} s in all"
    )
    print("-" * 100)
    for name, value, mark in rows:
        print(f"{name.ljust(width)}  {value}  {mark}")
    print("-" * 100)
    print(f"written to {RESULTS.relative_to(ROOT)}")


def main() -> int:
    args = parse_args()
    # A plain kill must still stop the server and remove the scratch data.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    data_dir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    port = free_port()
    server = None
    report: dict = {
        "started_at": started_at,
        "options": vars(args),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_start": os.getloadavg(),
        },
    }
    log(f"data dir {data_dir}, port {port}")
    try:
        environment = prepare_environment(data_dir, port)
        import sqlite3

        report["machine"]["sqlite"] = sqlite3.sqlite_version
        report["setup_s"] = prepare_database()
        corpus = Corpus(args.seed)
        agency, _, root = portal_objects()
        columns = resolve_columns(root, corpus)

        report["import"], page_ids = bench_import(corpus, columns, args.pages)
        report["index"] = bench_index(corpus, agency, columns, args.items, data_dir)
        queries = build_queries(corpus, args.items, args.queries, args.seed)
        report["search"] = bench_search(corpus, queries, args.items, args.seed)

        from django.db import connection

        from gongkai.publishing.models import GovernmentInformationPage

        page = GovernmentInformationPage.objects.get(pk=page_ids[0]) if page_ids else (
            GovernmentInformationPage.objects.live().order_by("pk").first()
        )  # fmt: skip
        item_path = page.get_url(None)
        item_path = (
            item_path if item_path.startswith("/") else "/" + item_path.split("/", 3)[3]
        )
        connection.close()
        server = start_server(port, environment, data_dir)
        report["http"] = bench_http(port, item_path, args.duration)
        report["freshness"] = bench_freshness(port, page.pk, item_path)
    finally:
        stop_server(server)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001, S110  # Django may not be set up yet
            pass
        if args.keep:
            log(f"kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    report["elapsed_s"] = round(time.perf_counter() - started, 1)
    report["machine"]["loadavg_end"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    print_summary(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
