"""Benchmark of the machine pre-review (机器预审), issue #3: a 20,000-character
item with a 100-page PDF attachment must be checked in under 2 s.

    .venv/bin/python bench/checks.py [--characters 20000] [--pages 100] [--runs 5]

What ``check_item`` does for such an item, without a database: metadata,
文号 and date norms, personal data and wording in title, summary and body,
the body's links (with a resolver that answers at once: link lookups are
database queries, measured elsewhere), and the attachment through
``check_file`` — text extraction from the PDF included, the worst case (on
the platform the text is extracted once, at upload). The word lists are the
seed lists. The PDF is written by hand: Helvetica, Pinyin text, a few
identity and card numbers.

The first run includes imports and building the word matcher; the figure
is the median of the warm runs, and the worst run is printed too. Results
also go to ``bench/results/checks.json`` (not in git).
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "checks.json"
TARGET_SECONDS = 2.0
PDF_LINES_PER_PAGE = 50
PINYIN = (
    "zheng di", "bu chang", "an zhi", "gong shi", "tu di", "cun min", "wei yuan hui",
    "zi ran zi yuan ju", "lin zi qu", "feng huang zhen", "geng di", "gong gao",
    "mian ji", "ping fang mi", "yuan", "qing miao", "di shang fu zhu wu",
    "xiang mu", "pi fu", "wen hao", "ting zheng", "yi jian", "fan kui", "qi xian",
)  # fmt: skip


def id_number(rng: random.Random) -> str:
    from gongkai.review.checks.personal_data import id_check_character

    body = (
        "370305"
        + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        + f"{rng.randint(0, 999):03d}"
    )
    return body + id_check_character(body)


def document_text(characters: int, rng: random.Random) -> str:
    from bench.textgen import Corpus

    paragraphs = Corpus(seed=7).item(1, length=characters).paragraphs
    text = "\n".join(paragraphs)
    while len(text) < characters:
        text += "\n" + text
    text = text[:characters]
    # A realistic leak or two and the usual typos, spread through the text.
    inserts = [
        f"被征收人张三，身份证号码{id_number(rng)}。",
        "联系电话：13805331234。",
        "各村要再接再励，做好布署。",
    ]
    step = len(text) // (len(inserts) + 1)
    for number, insert in enumerate(inserts, start=1):
        position = step * number
        text = text[:position] + insert + text[position + len(insert) :]
    return text[:characters]


def pdf_document(pages: int, rng: random.Random) -> bytes:
    """A valid PDF of ``pages`` full pages of text, ID-like numbers among them."""
    from gongkai.review.tests.documents import make_pdf

    texts = []
    for number in range(pages):
        lines = []
        for line_number in range(PDF_LINES_PER_PAGE):
            words = " ".join(rng.choice(PINYIN) for _ in range(9))
            if line_number == 7 and number % 10 == 0:
                words += f" shen fen zheng {id_number(rng)}"
            lines.append(f"{line_number + 1}. {words}")
        texts.append(lines)
    return make_pdf(texts)


def check_item_equivalent(*, title, summary, body, body_html, pdf, lists):
    from gongkai.review.checks import links, norms
    from gongkai.review.checks.run import check_file, check_text

    today = date(2026, 3, 10)
    findings = norms.check_metadata(
        {
            "index_number": "11370305MB2859310L/2026-00001",
            "title": title,
            "written_on": today,
            "publisher": "临淄区自然资源局",
            "summary": summary,
        }
    )
    findings += norms.check_document_number("临自然资发[2026]3号")
    findings += norms.check_dates(written_on=today, published_on=None, today=today)
    findings += check_text(title, lists=lists, location="标题")
    findings += check_text(summary, lists=lists, location="内容概述")
    findings += check_text(body, lists=lists, location="正文")
    findings += links.check_links(
        links.extract_links(body_html), resolve=lambda target: True
    )
    timer = time.perf_counter()
    findings += check_file(name="补偿明细.pdf", data=pdf, lists=lists)
    return findings, time.perf_counter() - timer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--characters", type=int, default=20_000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from gongkai.review.checks.findings import count_by_kind
    from gongkai.review.checks.run import seed_lists

    rng = random.Random(20260310)
    body = document_text(options.characters, rng)
    body_html = "".join(
        f'<p>{paragraph}<a href="/zwgk/t{number}/">相关文件</a></p>'
        for number, paragraph in enumerate(body.split("\n"))
    )
    pdf = pdf_document(options.pages, rng)
    title = "关于凤凰镇2026年第一批次征收土地补偿安置情况的公示"
    summary = "公示凤凰镇征收土地补偿安置情况，接受群众监督。"

    timings, extraction = [], []
    findings = []
    for _run in range(options.runs + 1):
        started = time.perf_counter()
        # The lists are read per check, as the platform does (cached seed).
        findings, file_seconds = check_item_equivalent(
            title=title,
            summary=summary,
            body=body,
            body_html=body_html,
            pdf=pdf,
            lists=seed_lists(),
        )
        timings.append(time.perf_counter() - started)
        extraction.append(file_seconds)

    cold, warm = timings[0], timings[1:]
    median = statistics.median(warm)
    summary_row = {
        "characters": len(body),
        "pdf_pages": options.pages,
        "pdf_bytes": len(pdf),
        "runs": options.runs,
        "cold_seconds": round(cold, 3),
        "median_seconds": round(median, 3),
        "max_seconds": round(max(warm), 3),
        "attachment_median_seconds": round(statistics.median(extraction[1:]), 3),
        "findings": count_by_kind(findings),
        "target_seconds": TARGET_SECONDS,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print(
        f"pre-review of {len(body):,} characters + {options.pages}-page PDF "
        f"({len(pdf) / 1024:.0f} KiB): median {median:.3f} s, max {max(warm):.3f} s, "
        f"cold {cold:.3f} s; PDF part {summary_row['attachment_median_seconds']:.3f} s "
        f"(target < {TARGET_SECONDS:.0f} s: {'met' if max(warm) < TARGET_SECONDS else 'MISSED'})"
    )
    print(f"findings by kind: {summary_row['findings']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary_row, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
