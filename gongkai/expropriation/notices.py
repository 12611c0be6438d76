"""The texts of 定点定向公开 for one village: the bulletin-board notice,
the short message for the village WeChat group and the script for the
village broadcast. Pure: facts in, text out, so each can be tested and
read aloud as written."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class VillageFacts:
    agency: str
    project: str
    purpose: str
    township: str
    village: str
    groups: str
    document_title: str
    document_label: str
    published_on: str
    url: str
    contact: str = ""
    posted_until: str = ""
    registration_until: str = ""
    registration_place: str = ""
    objection_channel: str = ""


@dataclass(frozen=True)
class VillageNotice:
    title: str
    paragraphs: tuple[str, ...]
    signature: str


def _lines(facts: VillageFacts) -> list[str]:
    lines = [
        _(
            "%(agency)s于%(day)s发布了《%(title)s》（%(label)s），涉及%(township)s%(village)s%(groups)s。"
        )
        % {
            "agency": facts.agency,
            "day": facts.published_on,
            "title": facts.document_title,
            "label": facts.document_label,
            "township": facts.township,
            "village": facts.village,
            "groups": facts.groups,
        }
    ]
    if facts.purpose:
        lines.append(_("征收目的：%(purpose)s。") % {"purpose": facts.purpose})
    if facts.posted_until:
        lines.append(_("公告期至%(day)s。") % {"day": facts.posted_until})
    if facts.registration_until:
        lines.append(
            _("请被征收土地的所有权人、使用权人于%(day)s前到%(place)s办理补偿登记。")
            % {"day": facts.registration_until, "place": facts.registration_place}
        )
    if facts.objection_channel:
        lines.append(
            _("如有异议：%(channel)s。") % {"channel": facts.objection_channel}
        )
    return lines


def bulletin_notice(facts: VillageFacts) -> VillageNotice:
    paragraphs = [
        _("%(village)s村民：") % {"village": facts.village},
        *_lines(facts),
        _("公告全文请扫描下方二维码或访问：%(url)s") % {"url": facts.url},
    ]
    if facts.contact:
        paragraphs.append(_("咨询电话：%(contact)s") % {"contact": facts.contact})
    return VillageNotice(
        title=_("关于%(project)s的告知书") % {"project": facts.project},
        paragraphs=tuple(paragraphs),
        signature=facts.agency,
    )


def wechat_text(facts: VillageFacts) -> str:
    """A message for the village WeChat group: short, with the link."""
    parts = [
        _("【%(agency)s】") % {"agency": facts.agency},
        *_lines(facts),
        _("全文：%(url)s") % {"url": facts.url},
    ]
    if facts.contact:
        parts.append(_("咨询电话：%(contact)s") % {"contact": facts.contact})
    return "".join(parts)


def broadcast_script(facts: VillageFacts) -> str:
    """The village broadcast: no link to read out, the main facts said
    twice, as village broadcasts do."""
    body = "".join(_lines(facts))
    where = _("公告已在村务公开栏张贴，也可以在%(agency)s网站查看。") % {
        "agency": facts.agency
    }
    contact = (
        _("咨询电话：%(contact)s。") % {"contact": facts.contact}
        if facts.contact
        else ""
    )
    once = body + where + contact
    return "\n\n".join(
        [
            _("各位村民请注意，现在广播一则征地通知。"),
            once,
            _("再广播一遍。"),
            once,
            _("广播完毕。"),
        ]
    )
