"""The publish event: the one signal that every side effect of publishing
(search index, page cache, feeds, later new-media channels) listens to.

It is sent after the transaction commits, so listeners never see content that
was rolled back.
"""

from django.dispatch import Signal

# Arguments: page_id (int), change ("published" | "unpublished" | "deleted" |
# "moved").
publication_changed = Signal()

PUBLISHED = "published"
UNPUBLISHED = "unpublished"
DELETED = "deleted"
MOVED = "moved"

# The working-day calendar changed (an arrangement loaded, an override saved
# or deleted): stored deadlines must be recomputed. No arguments.
calendar_changed = Signal()
