"""Sensitive or forbidden expressions and common miswritten words (错别字)
in text, from lists passed in: the office edits them in the admin, and the
seed lists live in ``gongkai/review/data/``.

Matching is literal, leftmost-longest and never overlapping: in "再接再励"
only the four-character entry is reported, not a shorter entry inside it.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from gongkai.review.checks.findings import Finding, FindingKind, Severity

# Every entry of the miswritten-word list is a form no dictionary accepts
# (valid variants such as 狼籍/狼藉 are kept out), so a hit is an error the
# editor fixes with the suggestion; an entry that proves ambiguous is
# removed from the list by the office.
MISSPELLING_SEVERITY = Severity.ERROR


@dataclass(frozen=True)
class SensitiveEntry:
    expression: str
    severity: str = Severity.ERROR
    note: str = ""


@dataclass(frozen=True)
class MisspellingEntry:
    wrong: str
    right: str
    note: str = ""


@dataclass(frozen=True)
class WordHit:
    start: int
    text: str
    entry: SensitiveEntry | MisspellingEntry


class _Matcher:
    """Literal terms indexed by their first character; one pass over the
    text, trying the longest term first at each candidate position."""

    def __init__(self, entries: dict[str, SensitiveEntry | MisspellingEntry]):
        self.entries = entries
        by_first: dict[str, list[str]] = {}
        for term in entries:
            by_first.setdefault(term[0], []).append(term)
        self.by_first = {
            first: sorted(terms, key=len, reverse=True)
            for first, terms in by_first.items()
        }
        self.first_re = (
            re.compile("[" + "".join(re.escape(c) for c in self.by_first) + "]")
            if self.by_first
            else None
        )

    def find(self, text: str) -> list[WordHit]:
        if self.first_re is None:
            return []
        hits = []
        position = 0
        search = self.first_re.search
        while (match := search(text, position)) is not None:
            start = match.start()
            for term in self.by_first[text[start]]:
                if text.startswith(term, start):
                    hits.append(WordHit(start, term, self.entries[term]))
                    position = start + len(term)
                    break
            else:
                position = start + 1
        return hits


@dataclass(frozen=True)
class WordLists:
    """The lists one check runs with; build once and reuse (the matcher is
    built on first use)."""

    sensitive: tuple[SensitiveEntry, ...] = ()
    misspellings: tuple[MisspellingEntry, ...] = ()

    @cached_property
    def matcher(self) -> _Matcher:
        entries: dict[str, SensitiveEntry | MisspellingEntry] = {}
        for misspelling in self.misspellings:
            if misspelling.wrong.strip():
                entries[misspelling.wrong.strip()] = misspelling
        # A term on both lists is reported as sensitive.
        for sensitive in self.sensitive:
            if sensitive.expression.strip():
                entries[sensitive.expression.strip()] = sensitive
        return _Matcher(entries)


def find_words(text: str, *, lists: WordLists) -> list[WordHit]:
    """Every listed expression or miswritten word in ``text``, in order."""
    return lists.matcher.find(text)


def check_wording(text: str, *, lists: WordLists, location: str) -> list[Finding]:
    findings = []
    for hit in find_words(text, lists=lists):
        entry = hit.entry
        if isinstance(entry, SensitiveEntry):
            findings.append(
                Finding(
                    kind=FindingKind.SENSITIVE,
                    severity=entry.severity,
                    text=hit.text,
                    location=location,
                    offset=hit.start,
                    message=_("敏感或不规范表述“%(text)s”。%(note)s")
                    % {"text": hit.text, "note": entry.note},
                    suggestion=entry.note,
                )
            )
        else:
            findings.append(
                Finding(
                    kind=FindingKind.MISSPELLING,
                    severity=MISSPELLING_SEVERITY,
                    text=hit.text,
                    location=location,
                    offset=hit.start,
                    message=_("疑为错别字：“%(wrong)s”应为“%(right)s”。%(note)s")
                    % {"wrong": hit.text, "right": entry.right, "note": entry.note},
                    suggestion=entry.right,
                )
            )
    return findings


class ListFormatError(ValueError):
    pass


def _rows(text: str):
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, [column.strip() for column in line.rstrip("\r\n").split("\t")]


def parse_sensitive_tsv(text: str) -> tuple[SensitiveEntry, ...]:
    """Rows ``expression<TAB>error|warning<TAB>note``; ``#`` starts a
    comment line."""
    entries = []
    for number, columns in _rows(text):
        expression = columns[0]
        severity = columns[1] if len(columns) > 1 and columns[1] else Severity.ERROR
        if severity not in Severity.values:
            raise ListFormatError(
                f"line {number}: severity must be error or warning, not {severity!r}"
            )
        note = columns[2] if len(columns) > 2 else ""
        entries.append(SensitiveEntry(expression, Severity(severity), note))
    return tuple(entries)


def parse_misspellings_tsv(text: str) -> tuple[MisspellingEntry, ...]:
    """Rows ``wrong<TAB>right[<TAB>note]``; ``#`` starts a comment line."""
    entries = []
    for number, columns in _rows(text):
        if len(columns) < 2 or not columns[0] or not columns[1]:
            raise ListFormatError(f"line {number}: expected wrong<TAB>right")
        if columns[0] == columns[1]:
            raise ListFormatError(f"line {number}: wrong and right are the same")
        note = columns[2] if len(columns) > 2 else ""
        entries.append(MisspellingEntry(columns[0], columns[1], note))
    return tuple(entries)
