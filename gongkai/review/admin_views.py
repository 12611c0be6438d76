"""The reviewer's queue (待我审核) in the back office."""

from django.template.response import TemplateResponse
from django.utils import timezone

from gongkai.review import selectors


def review_queue(request):
    entries = selectors.review_queue(user=request.user, today=timezone.localdate())
    return TemplateResponse(request, "review/review_queue.html", {"entries": entries})
