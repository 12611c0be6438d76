"""Portal search: matching, filtering, ranking and snippets."""

import re
from dataclasses import dataclass, field
from html import escape

from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from gongkai.search.backends import Filters, backend
from gongkai.search.models import SearchEntry
from gongkai.search.tokens import query_phrases, query_terms

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
SNIPPET_RADIUS = 60
# Document numbers arrive with every kind of bracket around the year.
BRACKETS = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕", "［": "〔", "］": "〕"})  # fmt: skip


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    column_path: str = ""
    year: int | None = None
    publisher: str = ""
    validity: str = ""
    sort: str = SORT_RELEVANCE
    offset: int = 0
    limit: int = 20


@dataclass
class Hit:
    entry: SearchEntry
    exact: bool = False
    title_html: SafeString = mark_safe("")  # empty
    snippet_html: SafeString = mark_safe("")  # empty


@dataclass
class SearchResults:
    total: int
    hits: list[Hit] = field(default_factory=list)


def normalize_identifier(text: str) -> str:
    return re.sub(r"\s+", "", text.translate(BRACKETS))


def exact_matches(query: SearchQuery) -> list[SearchEntry]:
    """Items whose 文号 or 索引号 is exactly the query (brackets forgiven)."""
    identifier = normalize_identifier(query.text)
    if len(identifier) < 4:
        return []
    return list(
        SearchEntry.objects.filter(document_number=identifier)
        | SearchEntry.objects.filter(index_number=identifier)
    )


def search_entries(query: SearchQuery) -> SearchResults:
    """Published items containing every word of ``query.text`` (or all items
    when it is empty) under the filters, best or newest first; on the first
    page, exact 文号/索引号 matches come before everything else."""
    phrases = query_phrases(query.text)
    if query.text.strip() and not phrases:
        return SearchResults(total=0)
    exact = [
        entry
        for entry in (exact_matches(query) if phrases else [])
        if _matches(query, [], entry)
    ]
    total, ids = _matching_ids(query, phrases)
    unmatched_exact = [entry for entry in exact if not _matches(query, phrases, entry)]
    total += len(unmatched_exact)

    entries = SearchEntry.objects.in_bulk(ids)
    ordered = [entries[page_id] for page_id in ids if page_id in entries]
    exact_ids = {entry.page_id for entry in exact}
    if query.offset == 0 and exact:
        ordered = exact + [entry for entry in ordered if entry.page_id not in exact_ids]
    terms = query_terms(query.text)
    return SearchResults(
        total=total,
        hits=[
            Hit(
                entry=entry,
                exact=entry.page_id in exact_ids,
                title_html=highlight(entry.title, terms),
                snippet_html=snippet(entry.full_text, terms),
            )
            for entry in ordered
        ],
    )


def _filters(query: SearchQuery) -> Filters:
    conditions, params = [], []
    if query.column_path:
        conditions.append("e.column_path LIKE %s")
        params.append(query.column_path + "%")
    if query.year:
        conditions.append("e.year = %s")
        params.append(query.year)
    if query.publisher:
        conditions.append("e.publisher = %s")
        params.append(query.publisher)
    if query.validity:
        conditions.append("e.validity = %s")
        params.append(query.validity)
    return Filters(tuple(conditions), tuple(params))


def _matching_ids(query: SearchQuery, phrases) -> tuple[int, list[int]]:
    filters = _filters(query)
    engine = backend()
    page = {"limit": query.limit, "offset": query.offset}
    with connection.cursor() as cursor:
        if not phrases:
            # No words: everything under the filters, newest first.
            where = f"WHERE {filters.sql}" if filters.conditions else ""
            table = SearchEntry._meta.db_table
            cursor.execute(f"SELECT COUNT(*) FROM {table} e {where}", filters.params)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT e.page_id FROM {table} e {where} "
                "ORDER BY e.published_at DESC, e.page_id DESC LIMIT %s OFFSET %s",
                [*filters.params, query.limit, query.offset],
            )
            return total, [row[0] for row in cursor.fetchall()]
        total = engine.count(cursor, phrases, filters)
        order = engine.newest_ids if query.sort == SORT_DATE else engine.ranked_ids
        return total, order(cursor, phrases, filters, total=total, **page)


def _matches(query: SearchQuery, phrases, entry: SearchEntry) -> bool:
    """Whether ``entry`` is among the matches of ``query``."""
    filters = _filters(query)
    filters = Filters(
        (*filters.conditions, "e.page_id = %s"), (*filters.params, entry.page_id)
    )
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        if phrases:
            return backend().count(cursor, phrases, filters) > 0
        cursor.execute(
            f"SELECT COUNT(*) FROM {table} e WHERE {filters.sql}", filters.params
        )
        return cursor.fetchone()[0] > 0


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with every occurrence of a term marked."""
    if not terms:
        return mark_safe(escape(text))  # noqa: S308  # escaped
    pattern = re.compile(
        "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)),
        re.IGNORECASE,
    )
    parts, position = [], 0
    for found in pattern.finditer(text):
        parts.append(escape(text[position : found.start()]))
        parts.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308  # every piece escaped


def snippet(text: str, terms: list[str]) -> SafeString:
    """A window of ``text`` around the first occurrence of a term."""
    text = re.sub(r"\s+", " ", text).strip()
    lowered = text.lower()
    positions = [
        lowered.find(term) for term in terms if term and lowered.find(term) >= 0
    ]
    start = max(0, min(positions) - SNIPPET_RADIUS) if positions else 0
    end = start + 2 * SNIPPET_RADIUS + 20
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + highlight(window, terms) + suffix)  # noqa: S308  # escaped


def facet_years() -> list[int]:
    return list(
        SearchEntry.objects.order_by("-year").values_list("year", flat=True).distinct()
    )


def facet_publishers() -> list[str]:
    return list(
        SearchEntry.objects.exclude(publisher="")
        .order_by("publisher")
        .values_list("publisher", flat=True)
        .distinct()
    )
