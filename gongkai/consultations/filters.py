"""Spam and abuse filters of public comments, without outside services. A
comment they suspect is held as 疑似垃圾信息 with the reasons for a moderator
to decide; none is dropped."""

import re

from django.utils.translation import gettext as _

_LINK = re.compile(r"(https?://|www\.|\b[\w-]+\.(?:com|cn|net|top|xyz|vip)\b)", re.I)
# One character repeated this many times in a row ("啊啊啊啊啊啊…").
_REPEAT = re.compile(r"(.)\1{9,}")
MAX_LINKS = 1
MIN_MEANINGFUL_CHARACTERS = 4


def suspicion_reasons(
    text: str,
    *,
    blocked_words: list[str],
    earlier_texts: list[str],
) -> list[str]:
    """Why ``text`` looks like spam or abuse: links, a blocked word, a run of
    one character, no content, or the same text sent again from the same
    place (``earlier_texts``)."""
    reasons = []
    if len(_LINK.findall(text)) > MAX_LINKS:
        reasons.append(_("包含多个网址链接"))
    found = [word for word in blocked_words if word and word in text]
    if found:
        reasons.append(_("包含屏蔽词：%(words)s") % {"words": "、".join(found[:5])})
    if _REPEAT.search(text):
        reasons.append(_("大量重复字符"))
    meaningful = re.sub(r"[\W_]", "", text)
    if len(meaningful) < MIN_MEANINGFUL_CHARACTERS:
        reasons.append(_("内容过短"))
    normalized = _normalize(text)
    if any(_normalize(earlier) == normalized for earlier in earlier_texts):
        reasons.append(_("与同一来源此前提交的意见相同"))
    return reasons


def _normalize(text: str) -> str:
    return re.sub(r"\s+", "", text)
