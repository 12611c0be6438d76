"""Similar comments grouped, so that a department can answer hundreds of
comments by opinion rather than one by one. Texts are segmented into the
search index's tokens (CJK bigrams and Latin words, the segmentation every
search backend uses), each token weighted by how rare it is among the
consultation's comments (smoothed IDF), so that what every comment says
(出让, 办法) counts less than what only some say (保证金, 银行保函).

Comments are taken in order; each joins the group whose centroid (the sum
of its members' vectors) it is most similar to by cosine, when that
similarity reaches the threshold, or starts a group. Measuring against the
whole group rather than against its closest member keeps a long chain of
slightly similar comments from becoming one group. Comments on different
articles may still say the same thing, so the article is not a boundary."""

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence

from gongkai.search.tokens import index_tokens

DEFAULT_THRESHOLD = 0.35
# Words that every comment shares and that say nothing of its opinion.
_STOP_TOKENS = frozenset(
    {"建议", "意见", "认为", "希望", "我们", "应该", "应当", "进一步", "一步",
     "可以", "是否", "这个", "问题", "关于", "增加", "提出"}
)  # fmt: skip
# Tokens in more than this share of the comments are not used to find
# candidates (they would make every pair a candidate); they still count in
# the similarity itself.
_COMMON_SHARE = 0.5


def comment_tokens(text: str) -> frozenset[str]:
    return frozenset(index_tokens(text)) - _STOP_TOKENS


def _frequencies(tokens: Sequence[frozenset[str]]) -> dict[str, int]:
    """In how many comments each token occurs."""
    frequency: dict[str, int] = defaultdict(int)
    for token_set in tokens:
        for token in token_set:
            frequency[token] += 1
    return frequency


def _vectors(
    tokens: Sequence[frozenset[str]], frequency: dict[str, int]
) -> list[dict[str, float]]:
    """Unit vectors of the comments' tokens, weighted by smoothed IDF."""
    count = len(tokens)
    weight = {
        token: math.log((count + 1) / (seen + 1)) + 1
        for token, seen in frequency.items()
    }
    vectors = []
    for token_set in tokens:
        norm = math.sqrt(sum(weight[token] ** 2 for token in token_set)) or 1.0
        vectors.append({token: weight[token] / norm for token in token_set})
    return vectors


def group_similar(
    comments: Sequence[tuple[Hashable, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[list[Hashable]]:
    """The comments (key, text) in groups of similar ones, largest group
    first, each group in the comments' order; a comment like no other is a
    group of one."""
    tokens = [comment_tokens(text) for _, text in comments]
    frequency = _frequencies(tokens)
    vectors = _vectors(tokens, frequency)
    common = max(2, int(len(comments) * _COMMON_SHARE))
    frequent = {token for token, seen in frequency.items() if seen > common}
    centroids: list[dict[str, float]] = []
    norms: list[float] = []
    members: list[list[Hashable]] = []
    groups_with: dict[str, set[int]] = defaultdict(set)
    for (key, _text), vector in zip(comments, vectors, strict=True):
        candidates = set().union(
            *(groups_with[token] for token in vector if token not in frequent)
        )
        best, best_similarity = None, threshold
        for group in sorted(candidates):
            centroid = centroids[group]
            similarity = (
                sum(
                    weight * centroid.get(token, 0.0)
                    for token, weight in vector.items()
                )
                / norms[group]
            )
            if similarity > best_similarity or (
                best is None and similarity >= best_similarity
            ):
                best, best_similarity = group, similarity
        if best is None:
            best = len(centroids)
            centroids.append({})
            norms.append(0.0)
            members.append([])
        centroid = centroids[best]
        for token, weight in vector.items():
            centroid[token] = centroid.get(token, 0.0) + weight
            groups_with[token].add(best)
        norms[best] = math.sqrt(sum(weight**2 for weight in centroid.values())) or 1.0
        members[best].append(key)
    # Groups are made in the order of their first comment, which the stable
    # sort keeps among groups of the same size.
    return sorted(members, key=len, reverse=True)
