"""Index-time and query-time tokens for Chinese text.

Word segmentation misses about 3 % of words that occur in a text (矿权 inside
采矿权); overlapping character bigrams of every CJK run do not: a query of n ≥ 2
Chinese characters is the phrase of its n-1 bigrams, which matches exactly the
texts containing it. Latin letters and digits form words. Both database
backends receive these same token lists, so they find the same items.
"""

import re
from dataclasses import dataclass

# CJK unified ideographs (with extension A and compatibility ideographs).
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[0-9a-z]+")
SEGMENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
# Both backends cap positions (PostgreSQL at 16,383); index the same amount
# of every field on both.
MAX_TOKENS_PER_FIELD = 16_000


def run_tokens(run: str) -> list[str]:
    """Bigrams of one run of CJK characters; a lone character stands alone."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> list[str]:
    """The tokens of ``text`` in order, for the index."""
    tokens: list[str] = []
    for segment in SEGMENT.findall(text.lower()):
        if CJK_RUN.fullmatch(segment):
            tokens.extend(run_tokens(segment))
        else:
            tokens.append(segment)
        if len(tokens) >= MAX_TOKENS_PER_FIELD:
            return tokens[:MAX_TOKENS_PER_FIELD]
    return tokens


@dataclass(frozen=True)
class Phrase:
    """Consecutive tokens that must occur together; ``prefix`` marks a last
    token that may be the start of a longer one (a single character)."""

    tokens: tuple[str, ...]
    prefix: bool = False


def query_phrases(query: str) -> list[Phrase]:
    """Phrases that all must match, one per CJK run or word of the query.

    A run of one character can only be looked up as the start of a bigram.
    """
    phrases = []
    for segment in SEGMENT.findall(query.lower()):
        if CJK_RUN.fullmatch(segment):
            phrases.append(Phrase(tuple(run_tokens(segment)), prefix=len(segment) == 1))
        else:
            phrases.append(Phrase((segment,)))
    # The same phrase twice adds nothing.
    return list(dict.fromkeys(phrases))


def query_terms(query: str) -> list[str]:
    """The visible words of a query, for highlighting."""
    return [term for term in SEGMENT.findall(query.lower()) if term]
