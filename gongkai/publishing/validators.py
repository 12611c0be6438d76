"""Format rules for document numbers (文号)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# 《党政机关公文格式》GB/T 9704: 发文机关代字 + 〔年份〕 + 序号 + 号; the year sits in
# hexagonal brackets 〔〕, never [] or 【】 or ().
DOCUMENT_NUMBER_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z]+〔(19|20)\d{2}〕\d{1,4}号$")
WRONG_BRACKETS_RE = re.compile(r"[\[\]【】()（）{}]")


def validate_document_number(value: str) -> None:
    if not value or DOCUMENT_NUMBER_RE.match(value):
        return
    if WRONG_BRACKETS_RE.search(value):
        raise ValidationError(
            _(
                "文号“%(value)s”格式不规范：年份应使用六角括号〔〕，如“临自然资发〔2023〕5号”。"
            ),
            params={"value": value},
            code="document_number_brackets",
        )
    raise ValidationError(
        _(
            "文号“%(value)s”格式不规范，应为“机关代字〔年份〕序号号”，如“临自然资发〔2023〕5号”。"
        ),
        params={"value": value},
        code="document_number_format",
    )
