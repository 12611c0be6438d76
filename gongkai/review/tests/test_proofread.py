"""``manage.py proofread``: the pre-review on files outside the platform."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.review.models import CommonMisspelling
from gongkai.review.tests.test_checks import CARD, VALID_ID, make_docx

pytestmark = pytest.mark.django_db


def proofread(*arguments):
    """The command's output and exit status (0, or the CommandError's)."""
    output = StringIO()
    try:
        call_command("proofread", *arguments, stdout=output)
    except CommandError as error:
        return output.getvalue(), error.returncode, str(error)
    return output.getvalue(), 0, ""


@pytest.fixture
def leaky_docx(tmp_path):
    path = tmp_path / "明细.docx"
    path.write_bytes(make_docx(["补偿明细，各村要再接再励。", f"张三 {VALID_ID}"]))
    return path


def test_findings_are_printed_in_chinese_and_errors_exit_with_1(leaky_docx):
    output, status, message = proofread(str(leaky_docx))
    assert status == 1
    assert "发现2处错误" in message
    assert "[错误] 身份证号码｜文件《明细.docx》" in output
    assert f"“{VALID_ID}” → 建议：370305********1237" in output
    assert (
        "[错误] 错别字｜文件《明细.docx》 第9字｜“再接再励” → 建议：再接再厉" in output
    )
    assert "共检查1个文件：错误2处，警告0处。" in output


def test_json_output_lists_every_finding(leaky_docx, tmp_path):
    other = tmp_path / "名单.txt"
    other.write_text(f"联系电话：13812345678\n卡号{CARD}", encoding="gb18030")
    output, status, _ = proofread(str(leaky_docx), str(other), "--json")
    assert status == 1
    findings = json.loads(output)
    assert [
        (f["file"].rsplit("/", 1)[-1], f["kind"], f["severity"]) for f in findings
    ] == [
        ("明细.docx", "misspelling", "error"),
        ("明细.docx", "personal_id", "error"),
        ("名单.txt", "mobile", "warning"),
        ("名单.txt", "bank_card", "error"),
    ]
    assert findings[1] == {
        "file": str(leaky_docx),
        "kind": "personal_id",
        "kind_label": "身份证号码",
        "severity": "error",
        "severity_label": "错误",
        "text": VALID_ID,
        "location": "文件《明细.docx》",
        "offset": 17,
        "message": findings[1]["message"],
        "suggestion": "370305********1237",
    }


def test_warnings_alone_exit_with_0(tmp_path):
    path = tmp_path / "公告.html"
    path.write_text(
        "<p>咨询电话：13812345678</p><p>附件为内部资料。</p>", encoding="utf-8"
    )
    output, status, _ = proofread(str(path))
    assert status == 0
    assert "错误0处，警告2处" in output


def test_a_clean_file_has_no_findings(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("各单位要认真部署，按时报送。", encoding="utf-8")
    assert proofread(str(path))[:2] == ("共检查1个文件：错误0处，警告0处。\n", 0)


def test_a_missing_file_is_refused(tmp_path):
    _, status, message = proofread(str(tmp_path / "没有.docx"))
    assert status == 1
    assert "文件不存在" in message


def test_the_lists_kept_in_the_admin_are_used(tmp_path):
    CommonMisspelling.objects.create(wrong="征地公式", right="征地公示")
    path = tmp_path / "通知.txt"
    path.write_text("征地公式", encoding="utf-8")
    output, status, _ = proofread(str(path), "--json")
    assert status == 1
    assert json.loads(output)[0]["suggestion"] == "征地公示"
