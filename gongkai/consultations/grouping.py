"""Similar comments grouped, so that a department can answer hundreds of
comments by opinion rather than one by one. Texts are segmented into the
search index's tokens (CJK bigrams and Latin words, the segmentation every
search backend uses); two comments are similar when the Dice coefficient of
their token sets reaches the threshold, and a group is every comment linked
to another by such a similarity (single linkage). Comments on different
articles may still say the same thing, so the article is not a boundary."""

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


def dice(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def group_similar(
    comments: Sequence[tuple[Hashable, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[list[Hashable]]:
    """The comments (key, text) in groups of similar ones, largest group
    first, each group in the comments' order; a comment like no other is a
    group of one."""
    tokens = [comment_tokens(text) for _, text in comments]
    parent = list(range(len(comments)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    postings: dict[str, list[int]] = defaultdict(list)
    for index, token_set in enumerate(tokens):
        for token in token_set:
            postings[token].append(index)
    common = max(2, int(len(comments) * _COMMON_SHARE))
    for index, token_set in enumerate(tokens):
        candidates = {
            other
            for token in token_set
            if len(postings[token]) <= common
            for other in postings[token]
            if other > index
        }
        for other in candidates:
            if (
                root(index) != root(other)
                and dice(token_set, tokens[other]) >= threshold
            ):
                parent[root(other)] = root(index)
    # Insertion order is the order of each group's first comment, which the
    # stable sort keeps among groups of the same size.
    groups: dict[int, list[Hashable]] = defaultdict(list)
    for index, (key, _text) in enumerate(comments):
        groups[root(index)].append(key)
    return sorted(groups.values(), key=len, reverse=True)
