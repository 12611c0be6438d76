"""The one HTML sanitiser for imported and pasted HTML (RT-02).

Word and WPS paste brings ``mso-*`` styles, ``<o:p>``, VML, conditional comments
and ``file:`` images that leak the author's user name; everything outside a
short allow-list is dropped.
"""

import re
from html import unescape

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li", "a",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "img": {"src", "alt"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the allow-list; idempotent."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def html_to_text(html: str) -> str:
    """Plain text of ``html`` for indexing and snippets: tags removed, block
    boundaries kept as line breaks."""
    text = re.sub(r"(?i)<(br|/p|/h[1-6]|/li|/tr|/caption)\s*/?>", "\n", html)
    text = re.sub(r"(?i)</t[dh]>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = unescape(text)
    text = re.sub(r"[ \t\u3000]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()
