"""What happens when the last review level approves (WAGTAIL_FINISH_WORKFLOW_ACTION)."""

from django.db import transaction


@transaction.atomic
def publish_reviewed_item(workflow_state, user=None):
    """Publish the approved revision in the final reviewer's name.

    Nobody holds Wagtail's "publish" permission on the columns, so that
    nothing bypasses 三审; passing all three levels is the permission.
    三同步: an interpretation whose document is not public yet is held back
    and goes public with the document, in the same transaction.
    """
    # Wagtail imports this module while defining its own models.
    from gongkai.review import selectors

    item = workflow_state.content_object.specific
    document = getattr(item, "interprets", None)
    if document is not None and not document.live:
        return
    item.get_latest_revision().publish(user=user, skip_permission_checks=True)
    if hasattr(item, "interpretations"):
        for interpretation in selectors.held_interpretations(item):
            interpretation.get_latest_revision().publish(
                user=user, skip_permission_checks=True
            )
