"""A draft split into the parts the public may comment on: its articles
(第X条) when it has any, otherwise its paragraphs. Lines before the first
article and headings (第X章, 第X节) stay with the text but cannot be chosen."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_ARTICLE = re.compile(r"^\s*(第[一二三四五六七八九十百零〇两\d]+条)")
_HEADING = re.compile(r"^\s*第[一二三四五六七八九十百零〇两\d]+[章节编]")


@dataclass(frozen=True)
class Section:
    key: str  # "" for text nobody comments on by itself
    label: str
    text: str


def sections(text: str) -> list[Section]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(_ARTICLE.match(line) for line in lines):
        return _articles(lines)
    return [
        Section(
            key=f"p{number}", label=_("第%(number)d段") % {"number": number}, text=line
        )
        for number, line in enumerate(lines, start=1)
    ]


def _articles(lines: list[str]) -> list[Section]:
    result: list[Section] = []
    for line in lines:
        match = _ARTICLE.match(line)
        if match:
            label = match.group(1)
            result.append(Section(key=label, label=label, text=line))
        elif _HEADING.match(line) or not result or not result[-1].key:
            result.append(Section(key="", label="", text=line))
        else:
            # A paragraph continuing the article above.
            last = result[-1]
            result[-1] = Section(
                key=last.key, label=last.label, text=f"{last.text}\n{line}"
            )
    return result


def section_choices(text: str) -> list[tuple[str, str]]:
    return [(section.key, section.label) for section in sections(text) if section.key]
