"""Body blocks of a government-information item."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from gongkai.core.html import sanitize_html

# RT-01: an explicit feature list; no h1, no raw HTML.
RICH_TEXT_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image",
]  # fmt: skip


class SanitizedHTMLBlock(blocks.TextBlock):
    """HTML brought in by the importer (old site, Word paste), shown only
    through the sanitiser."""

    def render_basic(self, value, context=None):
        return mark_safe(sanitize_html(value or ""))  # noqa: S308  # sanitised by nh3

    class Meta:
        icon = "code"
        label = _("导入的正文（HTML）")


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("正文"))
    table = TableBlock(label=_("表格"))
    html = SanitizedHTMLBlock()
