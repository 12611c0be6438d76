"""The figures of the annual report's table 三 (收到和处理政府信息公开申请情况)
from the cases, keyed by the exact labels of the 2021 format (domain-rules
§2.3). Pure: cases in, figures out."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.applications.choices import ApplicantType, Outcome

TABLE_3 = "三、收到和处理政府信息公开申请情况"
RECEIVED = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
TOTAL_ROW = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"
TOTAL_COLUMN = "总计"
COLUMNS = [str(label) for label in ApplicantType.labels] + [TOTAL_COLUMN]

# 三、本年度办理结果: category row → its numbered rows (outcome → label);
# （一） and （二） are counted on their own row.
RESULT_ROWS: tuple[tuple[str, tuple[tuple[Outcome, str], ...]], ...] = (
    ("（一）予以公开", ((Outcome.DISCLOSED, ""),)),
    (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ((Outcome.PARTLY_DISCLOSED, ""),),
    ),
    (
        "（三）不予公开",
        (
            (Outcome.WITHHELD_STATE_SECRET, "1.属于国家秘密"),
            (Outcome.WITHHELD_BY_LAW, "2.其他法律行政法规禁止公开"),
            (Outcome.WITHHELD_SECURITY, "3.危及“三安全一稳定”"),
            (Outcome.WITHHELD_THIRD_PARTY, "4.保护第三方合法权益"),
            (Outcome.WITHHELD_INTERNAL, "5.属于三类内部事务信息"),
            (Outcome.WITHHELD_PROCESS, "6.属于四类过程性信息"),
            (Outcome.WITHHELD_ENFORCEMENT, "7.属于行政执法案卷"),
            (Outcome.WITHHELD_QUERY, "8.属于行政查询事项"),
        ),
    ),
    (
        "（四）无法提供",
        (
            (Outcome.UNAVAILABLE_NOT_HELD, "1.本机关不掌握相关政府信息"),
            (Outcome.UNAVAILABLE_NEEDS_MAKING, "2.没有现成信息需要另行制作"),
            (Outcome.UNAVAILABLE_UNCLEAR, "3.补正后申请内容仍不明确"),
        ),
    ),
    (
        "（五）不予处理",
        (
            (Outcome.NOT_HANDLED_PETITION, "1.信访举报投诉类申请"),
            (Outcome.NOT_HANDLED_REPEAT, "2.重复申请"),
            (Outcome.NOT_HANDLED_PUBLICATION, "3.要求提供公开出版物"),
            (Outcome.NOT_HANDLED_EXCESSIVE, "4.无正当理由大量反复申请"),
            (
                Outcome.NOT_HANDLED_CONFIRMATION,
                "5.要求行政机关确认或重新出具已获取信息",
            ),
        ),
    ),
    (
        "（六）其他处理",
        (
            (
                Outcome.OTHER_NOT_CORRECTED,
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            (
                Outcome.OTHER_FEE_UNPAID,
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            (Outcome.OTHER, "3.其他"),
        ),
    ),
)


@dataclass(frozen=True)
class CaseFacts:
    """What table 三 needs of one case."""

    received_on: dt.date
    applicant_type: str
    closed_on: dt.date | None = None
    outcome: str = ""


class ReportCheckError(ValueError):
    """The figures break the table's check rule 一 + 二 = 三（七）总计 + 四."""


_COLUMN_OF = {value: str(label) for value, label in ApplicantType.choices}


def _row() -> dict[str, int]:
    return dict.fromkeys(COLUMNS, 0)


def _add(row: dict[str, int], applicant_type: str) -> None:
    row[_COLUMN_OF[applicant_type]] += 1
    row[TOTAL_COLUMN] += 1


def table_3(cases: Iterable[CaseFacts], *, year: int) -> dict:
    """Table 三 for ``year``: received in the year; carried in (received
    before and still open on 1 January); closed in the year by outcome;
    carried out (still open on 31 December). Checks 一 + 二 = 三（七）总计
    + 四 in every column and raises ReportCheckError if it fails."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    received, carried_in, carried_out, total = _row(), _row(), _row(), _row()
    by_outcome = {
        str(outcome): _row() for _, rows in RESULT_ROWS for outcome, _ in rows
    }
    for case in cases:
        if case.received_on > last:
            continue
        open_on_first = case.closed_on is None or case.closed_on >= first
        if not open_on_first:
            continue  # closed before the year
        if case.received_on >= first:
            _add(received, case.applicant_type)
        else:
            _add(carried_in, case.applicant_type)
        if case.closed_on is not None and case.closed_on <= last:
            _add(by_outcome[case.outcome], case.applicant_type)
            _add(total, case.applicant_type)
        else:
            _add(carried_out, case.applicant_type)
    results: dict[str, object] = {}
    for category, rows in RESULT_ROWS:
        if len(rows) == 1 and not rows[0][1]:
            results[category] = by_outcome[str(rows[0][0])]
        else:
            results[category] = {
                label: by_outcome[str(outcome)] for outcome, label in rows
            }
    results[TOTAL_ROW] = total
    for column in COLUMNS:
        if received[column] + carried_in[column] != total[column] + carried_out[column]:
            raise ReportCheckError(column)
    return {
        RECEIVED: received,
        CARRIED_IN: carried_in,
        RESULTS: results,
        CARRIED_OUT: carried_out,
    }


TABLE_4 = "四、政府信息公开行政复议、行政诉讼情况"
RECONSIDERATION = "行政复议"
LITIGATION = "行政诉讼"
DIRECT = "未经复议直接起诉"
AFTER_RECONSIDERATION = "复议后起诉"
APPEAL_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
PENDING = "尚未审结"


@dataclass(frozen=True)
class AppealFacts:
    """What table 四 needs of one reconsideration or lawsuit: its kind
    (``AppealKind``), when it was filed, and its result once decided."""

    kind: str
    filed_on: dt.date
    result_label: str = ""
    decided_on: dt.date | None = None


def table_4(appeals: Iterable[AppealFacts], *, year: int) -> dict:
    """Table 四 for ``year``: the cases filed in the year, by their result
    as of 31 December (尚未审结 when not decided by then)."""
    last = dt.date(year, 12, 31)
    groups = {
        "reconsideration": dict.fromkeys(APPEAL_COLUMNS, 0),
        "litigation_direct": dict.fromkeys(APPEAL_COLUMNS, 0),
        "litigation_after_reconsideration": dict.fromkeys(APPEAL_COLUMNS, 0),
    }
    for appeal in appeals:
        if appeal.filed_on.year != year:
            continue
        decided = appeal.decided_on is not None and appeal.decided_on <= last
        column = appeal.result_label if decided and appeal.result_label else PENDING
        groups[appeal.kind][column] += 1
        groups[appeal.kind]["总计"] += 1
    return {
        RECONSIDERATION: groups["reconsideration"],
        LITIGATION: {
            DIRECT: groups["litigation_direct"],
            AFTER_RECONSIDERATION: groups["litigation_after_reconsideration"],
        },
    }
