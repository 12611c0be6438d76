"""Similar requests (依申请转主动, 条例 Art. 44): two requests are similar
when their segmented texts overlap enough. Texts are segmented into the
search index's tokens (CJK bigrams and Latin words); similarity is the Dice
coefficient of the two token sets, between 0 and 1."""

from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.search.tokens import index_tokens

# Words every request shares that say nothing about what is asked for.
_STOP_TOKENS = frozenset(
    {"申请", "请求", "公开", "提供", "信息", "政府", "相关", "有关", "本人", "我的"}
)


def request_tokens(text: str) -> frozenset[str]:
    return frozenset(index_tokens(text)) - _STOP_TOKENS


def similarity(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


@dataclass(frozen=True)
class Match:
    key: object
    score: float


def similar(
    text: str, candidates: Iterable[tuple[object, str]], *, threshold: float
) -> list[Match]:
    """The candidates (key, text) whose text is at least ``threshold``
    similar to ``text``, most similar first."""
    tokens = request_tokens(text)
    matches = []
    for key, candidate in candidates:
        score = similarity(tokens, request_tokens(candidate))
        if score >= threshold:
            matches.append(Match(key=key, score=round(score, 3)))
    matches.sort(key=lambda match: -match.score)
    return matches
