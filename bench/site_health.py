"""Benchmark of the website health check (网站健康检查): the full check of
a 100,000-item site, where a sample of pages each carry 500 internal links,
in under 60 s.

    .venv/bin/python bench/site_health.py [--items 100000] [--linked-pages 200]

A fresh SQLite database (migrated, one agency, its portal and standard
columns) in a temporary directory gets the items by bulk insert (page rows,
then the items' own rows; no Page.save() per item), published over the past
two years across the leaf columns, 1% without 内容概述 and 1% published
late. ``--linked-pages`` items carry 500 internal links each (rich-text page
and document references, addresses of columns and items, 2% broken). Then
``run_health_check`` runs once with external links off (the machine need
not reach the internet): the figure is its wall time, the run included.
Results also go to ``bench/results/site_health.json`` (not in git).
"""

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from contextlib import redirect_stdout
from datetime import timedelta
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "site_health.json"
TARGET_SECONDS = 60.0
LINKS_PER_PAGE = 500
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def step(number: int) -> str:
    """treebeard's path step (base 36, four characters)."""
    digits = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def body_with_links(rng, item_ids, item_paths, column_paths, document_ids):
    parts = []
    for number in range(LINKS_PER_PAGE):
        broken = rng.random() < 0.02
        kind = number % 4
        if kind == 0:
            target = 10**9 + number if broken else rng.choice(item_ids)
            parts.append(f'<a linktype="page" id="{target}">页面{number}</a>')
        elif kind == 1:
            target = 10**9 + number if broken else rng.choice(document_ids)
            parts.append(f'<a linktype="document" id="{target}">文件{number}</a>')
        elif kind == 2:
            path = f"/xxgk/missing-{number}/" if broken else rng.choice(item_paths)
            parts.append(f'<a href="{path}">信息{number}</a>')
        else:
            path = rng.choice(column_paths) + ("feed/" if number % 8 == 3 else "")
            parts.append(f'<a href="{path}">栏目{number}</a>')
    return [
        {
            "type": "text",
            "value": "<p>" + "，".join(parts) + "</p>",
            "id": str(uuid.uuid4()),
        }
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--linked-pages", type=int, default=200)
    options = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="gongkai-bench-health-"))
    os.environ.pop("DATABASE_URL", None)
    os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from gongkai.accounts.models import Agency
    from gongkai.publishing import services
    from gongkai.publishing.models import (
        Attachment,
        ColumnPage,
        GovernmentInformationPage,
    )
    from gongkai.site_health.services import run_health_check

    with redirect_stdout(StringIO()):
        call_command("migrate", "--noinput", verbosity=0)
    agency = Agency.objects.create(name="基准测试局", document_code="基准发")
    home = services.create_portal(agency=agency, hostname="bench.local")
    services.create_standard_columns(home=home)
    rng = random.Random(20261203)
    documents = [
        Attachment.objects.create(
            title=f"附件{n}", file=ContentFile(b"x", name=f"a{n}.pdf")
        )
        for n in range(20)
    ]
    columns = list(ColumnPage.objects.descendant_of(home).order_by("path"))
    parents = {column.path[:-4] for column in columns}
    leaves = [column for column in columns if column.path not in parents]
    # Two leaves stay empty, as a real site has a few.
    filled = leaves[:-2]
    content_type = ContentType.objects.get_for_model(GovernmentInformationPage)
    locale = Locale.get_default()
    now = timezone.now()
    started = time.perf_counter()
    pages = []
    extra = []
    children = {column.pk: 0 for column in filled}
    for number in range(options.items):
        column = filled[number % len(filled)]
        children[column.pk] += 1
        slug = f"t{number:06d}"
        published = now - timedelta(days=rng.randrange(730), minutes=number)
        written = published.date() - timedelta(days=rng.randrange(0, 10))
        if number % 100 == 7:
            written = published.date() - timedelta(days=60)  # late
        pages.append(
            Page(
                title=f"关于某事项的通知（{number}）",
                draft_title=f"关于某事项的通知（{number}）",
                slug=slug,
                content_type=content_type,
                path=column.path + step(children[column.pk]),
                depth=column.depth + 1,
                numchild=0,
                url_path=f"{column.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
        extra.append((written, number % 100 == 3))
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=2000)
        for column in filled:
            ColumnPage.objects.filter(pk=column.pk).update(numchild=children[column.pk])
        ids = list(
            Page.objects.filter(content_type=content_type)
            .order_by("pk")
            .values_list("pk", "url_path")
        )
        item_ids = [pk for pk, _path in ids]
        item_paths = [path[len(home.url_path) - 1 :] for _pk, path in ids]
        column_paths = [column.url_path[len(home.url_path) - 1 :] for column in columns]
        linked = set(rng.sample(range(len(ids)), min(options.linked_pages, len(ids))))
        fields = GovernmentInformationPage._meta.local_concrete_fields
        batch = []
        for index, ((pk, _path), (written, no_summary)) in enumerate(
            zip(ids, extra, strict=True)
        ):
            item = GovernmentInformationPage(
                page_ptr_id=pk,
                agency=agency,
                index_number=f"BENCH/{index:08d}",
                written_on=written,
                summary="" if no_summary else "内容概述。",
                body=body_with_links(
                    rng, item_ids, item_paths, column_paths, [d.pk for d in documents]
                )
                if index in linked
                else [],
            )
            batch.append(item)
            if len(batch) == 500:
                GovernmentInformationPage.objects._insert(
                    batch, fields=fields, raw=True
                )
                batch = []
        if batch:
            GovernmentInformationPage.objects._insert(batch, fields=fields, raw=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    built = time.perf_counter() - started
    print(
        f"{options.items} items ({len(linked)} with {LINKS_PER_PAGE} links) "
        f"inserted in {built:.1f} s"
    )
    started = time.perf_counter()
    run = run_health_check(agency=agency, check_external=False)
    seconds = time.perf_counter() - started
    verdict = "OK" if seconds < TARGET_SECONDS else "TOO SLOW"
    print(
        f"site health check: {seconds:.1f} s (target < {TARGET_SECONDS:.0f} s): {verdict}; "
        f"{run.get_verdict_display()}, broken links {run.counts['broken_links']}, "
        f"missing metadata {run.counts['missing_metadata']}, "
        f"late items {run.counts['late_items']}, empty columns {run.counts['empty_columns']}"
    )
    from gongkai.site_health.models import HealthFinding

    wrong = (
        HealthFinding.objects.filter(run=run, indicator="broken_links")
        .exclude(target__contains="missing-")
        .exclude(target__contains=":100000")
        .count()
    )
    if wrong:
        print(f"{wrong} links reported broken that exist: WRONG")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "site health check",
                "items": options.items,
                "linked_pages": len(linked),
                "links_per_page": LINKS_PER_PAGE,
                "seconds": round(seconds, 2),
                "target_s": TARGET_SECONDS,
                "counts": run.counts,
                "python": platform.python_version(),
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
