"""The portal's decision catalogue and hubs: hidden until the catalogue is
published, each stage linked once its item is live (and the item linking
back), and a policy evaluation published through 三审 next to the document
it evaluated."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.choices import Genre
from gongkai.decisions import selectors, services
from gongkai.decisions.choices import EvaluationMethod, EvaluationStatus, StageState
from gongkai.decisions.errors import EvaluationRefusedError
from gongkai.decisions.models import Decision, DecisionStage, PolicyEvaluation
from gongkai.publishing.services import ItemData, publish_item
from gongkai.review.tests.steps import decide

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)


def _item(bureau, title, *, genre=Genre.NOTICE, written_on=dt.date(2026, 10, 20)):
    return publish_item(
        column=bureau["column"],
        data=ItemData(
            title=title,
            written_on=written_on,
            department=bureau["legal"],
            genre=genre,
            body_html="<p>正文。</p>",
        ),
        actor=None,  # published as the import and demo do, without 三审
    )


@time_machine.travel(TODAY, tick=False)
def test_the_catalogue_and_its_hubs_are_public_only_once_it_is_published(
    client, decision
):
    catalogue = decision.catalogue
    catalogue.published_on = None
    catalogue.save()
    assert decision.title not in client.get(reverse("decision_catalogue")).text
    assert client.get(decision.get_absolute_url()).status_code == 404
    catalogue.published_on = dt.date(2026, 3, 10)
    catalogue.save()
    page = client.get(reverse("decision_catalogue")).text
    assert decision.title in page and decision.get_absolute_url() in page
    assert "决策草案全文" in page  # where it stands: nothing published yet
    assert client.get(decision.get_absolute_url()).status_code == 200


@time_machine.travel(TODAY, tick=False)
def test_the_hub_links_each_published_stage_and_shows_the_rest_pending(
    client, bureau, decision
):
    draft = _item(bureau, "临淄区国有建设用地使用权出让管理办法（草案）")
    DecisionStage.objects.create(decision=decision, kind="draft", item=draft)
    DecisionStage.objects.create(
        decision=decision, kind="result", expected_on=dt.date(2026, 12, 20)
    )
    DecisionStage.objects.create(
        decision=decision, kind="explanation", expected_on=dt.date(2026, 10, 1)
    )
    DecisionStage.objects.create(decision=decision, kind="risk")
    decision.meeting_on = dt.date(2026, 10, 28)
    decision.attendance = "公众代表2名、利益相关方代表1名列席会议。"
    decision.save()

    stages = {
        stage.kind: stage for stage in selectors.decision_stages(decision=decision)
    }
    assert stages["draft"].state == StageState.DONE
    assert stages["explanation"].state == StageState.LATE
    assert stages["result"].state == StageState.PENDING
    assert stages["attendance"].state == StageState.DONE
    assert "risk" in stages and "expert" not in stages

    hub = client.get(decision.get_absolute_url()).text
    assert f'href="{draft.url}"' in hub
    assert "预计 2026-12-20" in hub
    assert "待公开（已超过预计时间）" in hub
    assert "公众代表2名、利益相关方代表1名列席会议。" in hub
    # The item links back to its decision.
    page = client.get(draft.url).text
    assert decision.get_absolute_url() in page and decision.title in page

    # A withdrawn item no longer counts: the stage is pending again.
    draft.unpublish()
    stages = {
        stage.kind: stage for stage in selectors.decision_stages(decision=decision)
    }
    assert stages["draft"].state == StageState.PENDING


def test_an_evaluation_is_refused_until_its_findings_are_written(bureau, decision):
    evaluation = PolicyEvaluation.objects.create(
        agency=bureau["agency"],
        department=bureau["legal"],
        title="出让管理办法实施效果评价",
        decision=decision,
        evaluated_from=dt.date(2026, 10, 1),
        evaluated_to=dt.date(2026, 10, 31),
        standards="执行标准明确。",
    )
    with pytest.raises(EvaluationRefusedError) as refused:
        services.submit_evaluation(evaluation=evaluation, actor=bureau["clerk"])
    message = str(refused.value)
    assert "适用范围" in message and "存在问题" in message
    assert "执行标准" not in message
    assert "请选择至少一种评价方式" in message
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT and evaluation.item is None


def test_a_published_evaluation_is_linked_from_the_document_and_the_hub(
    client, bureau, decision
):
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC), tick=False):
        document = _item(
            bureau,
            "临淄区国有建设用地使用权出让管理办法",
            genre=Genre.MEASURES,
            written_on=dt.date(2026, 2, 20),
        )
    with time_machine.travel(TODAY, tick=False):
        evaluation = PolicyEvaluation.objects.create(
            agency=bureau["agency"],
            department=bureau["legal"],
            title="《临淄区国有建设用地使用权出让管理办法》实施效果评价报告",
            document=document,
            decision=decision,
            evaluated_from=dt.date(2026, 9, 1),
            evaluated_to=dt.date(2026, 10, 31),
            methods=[EvaluationMethod.SURVEY, EvaluationMethod.SYMPOSIUM],
            standards="出让程序符合规定。",
            scope="全区国有建设用地使用权出让。",
            usage="共出让地块12宗。",
            results="出让周期平均缩短5天。",
            problems="部分竞买人对网上交易不熟悉。",
            conclusion="办法总体执行良好。",
            application="继续执行，加强网上交易培训。",
        )
        evaluation = services.submit_evaluation(
            evaluation=evaluation, actor=bureau["clerk"]
        )
        item = evaluation.item
        assert evaluation.status == EvaluationStatus.IN_REVIEW and not item.live
        assert evaluation.title not in client.get(document.url).text
        decide(item, bureau["checker"])
        decide(item, bureau["head"])
        decide(item, bureau["leader"], comment="同意发布")
        evaluation.refresh_from_db()
        item.refresh_from_db()
        assert item.live and evaluation.status == EvaluationStatus.PUBLISHED
        body = client.get(item.url).text
        assert "评价方式：征集调查、专题座谈" in body
        assert "部分竞买人对网上交易不熟悉。" in body
        document_page = client.get(document.url).text
        assert f'href="{item.url}"' in document_page
        stages = {
            stage.kind: stage for stage in selectors.decision_stages(decision=decision)
        }
        assert stages["evaluation"].links[0].url == item.url
        # A published evaluation stays what was published; a later one is
        # a new evaluation.
        with pytest.raises(EvaluationRefusedError):
            services.submit_evaluation(evaluation=evaluation, actor=bureau["clerk"])
        item.refresh_from_db()
        assert item.live


def test_a_department_sees_only_its_own_decisions_and_the_office_all(bureau, decision):
    assert list(selectors.visible_decisions(bureau["clerk"])) == [decision]
    assert list(selectors.visible_decisions(bureau["office"])) == [decision]
    assert not selectors.visible_decisions(bureau["outsider"]).exists()


def test_the_catalogue_page_reads_a_fixed_number_of_queries(
    client, bureau, decision, django_assert_max_num_queries
):
    from gongkai.consultations.models import Consultation

    catalogue = decision.catalogue
    for number in range(2, 12):
        more = Decision.objects.create(
            catalogue=catalogue,
            number=number,
            title=f"第{number}项决策",
            department=bureau["legal"],
            issued_on=dt.date(2026, 11, 2),
        )
        Consultation.objects.create(
            agency=bureau["agency"],
            department=bureau["legal"],
            decision=more,
            title=f"第{number}项征求意见",
            draft_title="草案",
            draft_text="第一条 内容。",
            opens_on=dt.date(2026, 9, 1),
            closes_on=dt.date(2026, 9, 30),
            status="published",
            published_at=timezone.now(),
        )
    client.get(reverse("decision_catalogue"))  # caches warmed
    with django_assert_max_num_queries(20):
        page = client.get(reverse("decision_catalogue"))
    assert "第11项决策" in page.text
