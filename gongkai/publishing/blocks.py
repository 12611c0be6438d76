"""Body blocks of a government-information item."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

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


class QuestionAnswerBlock(blocks.StructBlock):
    """One question of a 简明问答 interpretation."""

    question = blocks.CharBlock(label=_("问"), max_length=300)
    answer = blocks.RichTextBlock(label=_("答"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("问答")


class KeyPointBlock(blocks.StructBlock):
    """One point of a 要点拆分: the clause and what it means in practice."""

    point = blocks.CharBlock(label=_("要点"), max_length=300)
    explanation = blocks.TextBlock(label=_("解读"))

    class Meta:
        icon = "list-ol"
        label = _("要点")


class InterpretationImageBlock(blocks.StructBlock):
    """一图读懂: the picture with a full text alternative."""

    image = ImageChooserBlock(label=_("图片"))
    alt_text = blocks.TextBlock(
        label=_("图片文字说明"),
        help_text=_("完整转述图片中的文字，供读屏软件和检索使用。"),
    )

    class Meta:
        icon = "image"
        label = _("图解")
        template = "publishing/blocks/interpretation_image.html"


class VideoBlock(blocks.StructBlock):
    """A video interpretation, offered as a download with its transcript."""

    title = blocks.CharBlock(label=_("标题"), max_length=200)
    video = DocumentChooserBlock(label=_("视频文件（MP4）"))
    transcript = blocks.TextBlock(label=_("文字稿"))

    class Meta:
        icon = "media"
        label = _("视频解读")
        template = "publishing/blocks/video.html"


class LiveInterpretationBlock(blocks.StructBlock):
    """A record of a live or on-site interpretation (互动直播、现场宣讲)."""

    form = blocks.ChoiceBlock(
        label=_("形式"),
        choices=[
            ("live", _("互动直播")),
            ("on_site", _("现场宣讲")),
            ("interview", _("在线访谈")),
            ("press", _("新闻发布会")),
        ],
    )
    held_on = blocks.DateBlock(label=_("日期"))
    place = blocks.CharBlock(label=_("地点或平台"), max_length=200)
    speakers = blocks.CharBlock(label=_("解读人"), max_length=200)
    summary = blocks.TextBlock(label=_("内容摘要"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["form_label"] = dict(self.child_blocks["form"].field.choices).get(
            value["form"], ""
        )
        return context

    class Meta:
        icon = "group"
        label = _("直播或宣讲记录")
        template = "publishing/blocks/live_interpretation.html"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("正文"))
    table = TableBlock(label=_("表格"))
    html = SanitizedHTMLBlock()
    # The forms of interpretation the work plan names (task 12).
    questions = blocks.ListBlock(
        QuestionAnswerBlock(),
        label=_("简明问答"),
        template="publishing/blocks/questions.html",
    )
    key_points = blocks.ListBlock(
        KeyPointBlock(),
        label=_("要点拆分"),
        template="publishing/blocks/key_points.html",
    )
    image = InterpretationImageBlock()
    video = VideoBlock()
    live = LiveInterpretationBlock()
