"""The health check over a real portal: the right indicator fails, with
the page named."""

import json
from datetime import date, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from gongkai.publishing.tests.factories import publish
from gongkai.site_health import services
from gongkai.site_health.choices import Indicator, Outcome, Verdict
from gongkai.site_health.models import (
    ExternalLinkCheck,
    HealthCheckPolicy,
    HealthCheckRun,
)
from gongkai.site_health.tests.conftest import RECENT, TODAY

POLICIES = "法定主动公开内容/政策文件/其他文件"


def run_check(agency, **options):
    with time_machine.travel(TODAY, tick=False):
        return services.run_health_check(
            agency=agency,
            check_external=options.pop("check_external", False),
            **options,
        )


def finding_titles(run, indicator):
    return [f.page_title for f in run.findings.filter(indicator=indicator)]


def test_a_fresh_portal_passes(agency, fresh_portal):
    run = run_check(agency)
    assert run.verdict == Verdict.PASSED, run.reasons
    assert run.score == 100
    assert run.counts[Indicator.EMPTY_COLUMNS] == 0


def test_a_policy_column_without_items_for_six_months_fails_on_columns_not_updated(
    agency, fresh_portal
):
    column = fresh_portal["columns"][POLICIES]
    item = column.get_children().get()
    item.delete()
    publish(column, title="半年前的文件", written_on=date(2026, 5, 20),
            published_on=date(2026, 5, 25), summary="概述。")  # fmt: skip
    policy = HealthCheckPolicy.load()
    policy.stale_frequent_columns_veto = 1
    policy.save()
    run = run_check(agency)
    assert run.verdict == Verdict.FAILED
    assert run.score is None
    assert run.outcomes[Indicator.COLUMNS_NOT_UPDATED]["outcome"] == Outcome.VETO
    assert finding_titles(run, Indicator.COLUMNS_NOT_UPDATED) == ["其他文件"]
    assert any("政策文件栏目不更新" in reason for reason in run.reasons)
    detail = run.findings.get(indicator=Indicator.COLUMNS_NOT_UPDATED).detail
    assert "2026-05-25" in detail and "190天" in detail


def test_with_the_default_threshold_one_stale_column_is_deducted_not_vetoed(
    agency, fresh_portal
):
    column = fresh_portal["columns"][POLICIES]
    column.get_children().get().delete()
    publish(column, title="旧文件", written_on=date(2026, 5, 1),
            published_on=date(2026, 5, 5), summary="概述。")  # fmt: skip
    run = run_check(agency)
    assert run.verdict == Verdict.PASSED
    assert run.outcomes[Indicator.COLUMNS_NOT_UPDATED]["outcome"] == Outcome.DEDUCTED
    assert run.score == 99


def test_five_empty_columns_fail_the_check(agency, portal):
    run = run_check(agency)
    assert run.verdict == Verdict.FAILED
    assert run.counts[Indicator.EMPTY_COLUMNS] >= 5
    assert "其他文件" in finding_titles(run, Indicator.EMPTY_COLUMNS)
    # 法定主动公开内容 has sub-columns: not blank itself.
    assert "法定主动公开内容" not in finding_titles(run, Indicator.EMPTY_COLUMNS)


def test_home_page_not_updated_for_two_weeks_fails(agency, fresh_portal):
    with time_machine.travel(TODAY + timedelta(days=30), tick=False):
        run = services.run_health_check(agency=agency, check_external=False)
    assert run.verdict == Verdict.FAILED
    assert run.outcomes[Indicator.HOME_NOT_UPDATED]["outcome"] == Outcome.VETO
    assert "首页不更新" in run.reasons[0]


def test_a_broken_internal_link_is_reported_with_its_page(agency, fresh_portal):
    column = fresh_portal["columns"][POLICIES]
    other = fresh_portal["columns"]["政府信息公开指南"].get_children().get()
    item = publish(
        column,
        title="带链接的文件",
        written_on=RECENT,
        published_on=RECENT,
        summary="概述。",
        body_html=(
            f'<p><a href="{other.url}">有效</a> <a href="/xxgk/nowhere/">失效</a>'
            ' <a href="/search/">检索</a> <a href="http://testserver/xxgk/gone/">绝对</a>'
            ' <a href="mailto:a@example.cn">信</a></p>'
        ),
    )
    item.body = [
        *[(b.block_type, b.value) for b in item.body],
        (
            "text",
            '<p><a linktype="page" id="999999">页</a><a linktype="document" id="999">文</a></p>',
        ),
    ]
    item.save_revision().publish()
    run = run_check(agency)
    broken = run.findings.filter(indicator=Indicator.BROKEN_LINKS)
    assert sorted(broken.values_list("target", flat=True)) == [
        "/xxgk/nowhere/",
        "document:999",
        "http://testserver/xxgk/gone/",
        "page:999999",
    ]
    assert set(broken.values_list("page_title", flat=True)) == {"带链接的文件"}
    assert broken.first().page_url == item.url


def test_external_links_ok_404_and_timeout_and_the_cache(
    agency, fresh_portal, link_server
):
    base, hits = link_server
    column = fresh_portal["columns"][POLICIES]
    publish(
        column,
        title="外链",
        written_on=RECENT,
        published_on=RECENT,
        summary="概述。",
        body_html=(
            f'<p><a href="{base}/ok">好</a><a href="{base}/missing">坏</a>'
            f'<a href="{base}/slow">慢</a></p>'
        ),
    )
    with override_settings(
        SITE_HEALTH_LINK_TIMEOUT_SECONDS=0.5, SITE_HEALTH_HOST_INTERVAL_SECONDS=0
    ):
        run = run_check(agency, check_external=True)
        broken = dict(
            run.findings.filter(indicator=Indicator.BROKEN_LINKS).values_list(
                "target", "detail"
            )
        )
        assert broken == {f"{base}/missing": "HTTP 404", f"{base}/slow": "超时"}
        assert run.external_links_checked
        assert ExternalLinkCheck.objects.get(url=f"{base}/ok").is_ok
        fetched = len(hits)
        again = run_check(agency, check_external=True)
    assert len(hits) == fetched  # all three from the cache
    assert again.counts[Indicator.BROKEN_LINKS] == 2


def test_items_missing_metadata_and_late_items_are_listed(agency, fresh_portal):
    column = fresh_portal["columns"][POLICIES]
    publish(column, title="没有概述", written_on=RECENT, published_on=RECENT)
    publish(column, title="迟发的文件", written_on=date(2026, 9, 1),
            published_on=date(2026, 11, 2), summary="概述。")  # fmt: skip
    run = run_check(agency)
    missing = run.findings.get(indicator=Indicator.MISSING_METADATA)
    assert missing.page_title == "没有概述" and "内容概述" in missing.detail
    late = run.findings.get(indicator=Indicator.LATE_ITEMS)
    assert late.page_title == "迟发的文件"
    assert "2026-09-01" in late.detail and "2026-11-02" in late.detail


def test_overdue_applications_are_counted(agency, fresh_portal):
    from gongkai.applications.models import Application

    Application.objects.create(
        agency=agency, number="YSQ-2026-001", channel="online",
        received_on=date(2026, 9, 1), applicant_type="citizen",
        applicant_name="张某", description="某信息",
    )  # fmt: skip
    from gongkai.applications.services import refresh_open_deadlines

    refresh_open_deadlines()
    run = run_check(agency)
    finding = run.findings.get(indicator=Indicator.OVERDUE_APPLICATIONS)
    assert finding.page_title == "YSQ-2026-001"
    assert "张某" not in json.dumps(run.outcomes, ensure_ascii=False)


def test_the_command_prints_json_and_can_exit_non_zero(agency, portal):
    out = StringIO()
    with time_machine.travel(TODAY, tick=False):
        call_command("site_health", "--json", "--no-external", stdout=out)
    [report] = json.loads(out.getvalue())
    assert report["verdict"] == "failed" and report["verdict_label"] == "不合格"
    assert report["score"] is None
    assert any("空白栏目" in reason for reason in report["reasons"])
    empty = next(i for i in report["indicators"] if i["indicator"] == "empty_columns")
    assert empty["outcome"] == "veto" and empty["findings"][0]["page_url"]
    with pytest.raises(SystemExit) as exit_info:
        call_command("site_health", "--no-external", "--exit-code", stdout=StringIO())
    assert exit_info.value.code == 3
    assert HealthCheckRun.objects.count() == 2
