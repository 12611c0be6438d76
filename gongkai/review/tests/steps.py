"""Driving the review workflow in tests."""

from datetime import date

from gongkai.publishing.models import GovernmentInformationPage


def submit(team, title="凤凰镇征收土地预公告"):
    item = GovernmentInformationPage(
        title=title, slug=f"draft-{GovernmentInformationPage.objects.count()}", live=False, written_on=date(2026, 3, 2), summary="演示摘要。",
        department=team["department"], owner=team["author"],
    )  # fmt: skip
    team["land"].add_child(instance=item)
    revision = item.save_revision(user=team["author"])
    team["workflow"].start(item, team["author"])
    item.refresh_from_db()
    return item, revision


def decide(item, user, action="approve", comment=""):
    item.refresh_from_db()
    task_state = item.current_workflow_state.current_task_state
    task = task_state.task.specific
    task.on_action(task_state, user, action, comment=comment)
    item.refresh_from_db()
