"""Give existing columns a kind: the standard tree's by slug, others by the
words of their title; a cycle equal to the old default (180 days) or to the
kind's cycle is cleared so that the kind decides."""

from django.db import migrations

BY_SLUG = {
    "guide": "basic",
    "rules": "basic",
    "organisation": "basic",
    "petitions": "basic",
    "on-request": "basic",
    "policies": "policies",
    "normative": "policies",
    "other-documents": "policies",
    "interpretations": "policies",
    "enforcement": "notices",
    "land-market": "notices",
    "expropriation": "notices",
    "mining-rights": "notices",
}
BY_WORD = (
    ("动态", "news"),
    ("要闻", "news"),
    ("新闻", "news"),
    ("通知", "notices"),
    ("公告", "notices"),
    ("公示", "notices"),
    ("政策", "policies"),
    ("文件", "policies"),
    ("专题", "topic"),
)
# Frozen copy of catalog.columns.KIND_UPDATE_INTERVAL_DAYS.
KIND_DAYS = {
    "news": 14,
    "notices": 180,
    "policies": 180,
    "topic": 180,
    "basic": 365,
    "other": 180,
}
OLD_DEFAULT_DAYS = 180


def kind_of(column) -> str:
    if column.slug in BY_SLUG:
        return BY_SLUG[column.slug]
    for word, kind in BY_WORD:
        if word in column.title:
            return kind
    return "other"


def assign_kinds(apps, schema_editor):
    ColumnPage = apps.get_model("publishing", "ColumnPage")
    for column in ColumnPage.objects.all():
        column.kind = kind_of(column)
        if column.update_interval_days in (OLD_DEFAULT_DAYS, KIND_DAYS[column.kind]):
            column.update_interval_days = None
        column.save(update_fields=["kind", "update_interval_days"])


def restore_cycles(apps, schema_editor):
    ColumnPage = apps.get_model("publishing", "ColumnPage")
    for column in ColumnPage.objects.filter(update_interval_days__isnull=True):
        column.update_interval_days = KIND_DAYS.get(column.kind, OLD_DEFAULT_DAYS)
        column.save(update_fields=["update_interval_days"])


class Migration(migrations.Migration):
    dependencies = [("publishing", "0010_column_kind")]

    operations = [migrations.RunPython(assign_kinds, restore_cycles)]
