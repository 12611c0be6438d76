"""Atom feeds: the whole portal and each column."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from gongkai.publishing import selectors

FEED_LENGTH = 50


class ItemFeedMixin:
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body_text[:200]

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return item.publisher_name

    def item_guid(self, item):
        return item.index_number


class SiteFeed(ItemFeedMixin, Feed):
    description = _("最新发布的政府信息")

    def get_object(self, request):
        return Site.find_for_request(request)

    def title(self, site):
        return f"{site.site_name if site else ''} {_('最新信息')}".strip()

    def link(self, site):
        return "/"

    def items(self, site):
        root = site.root_page if site else None
        if root is None:
            return []
        return selectors.published_items().descendant_of(root)[:FEED_LENGTH]


class ColumnFeed(ItemFeedMixin, Feed):
    def get_object(self, request, column):
        return column

    def title(self, column):
        return column.title

    def link(self, column):
        return column.get_url()

    def description(self, column):
        return column.description

    def items(self, column):
        return selectors.column_items(column=column)[:FEED_LENGTH]


def start_of_day(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))
