"""Load the seed lists of the machine pre-review into the admin's lists."""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import ModelLogEntry

from gongkai.review.checks.run import seed_lists
from gongkai.review.models import CommonMisspelling, SensitiveExpression

MISSPELLING_LABEL_SEPARATOR = " → "


def _logged_labels(model) -> set[str]:
    # Every label the entries of ``model`` ever had (created, edited,
    # deleted): a seed entry the office changed or deleted stays that way.
    return set(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model)
        ).values_list("label", flat=True)
    )


def _add(entry) -> None:
    entry.full_clean()
    entry.save()
    entry.save_revision(log_action="wagtail.create", clean=False)


class Command(BaseCommand):
    help = (
        "导入机器预审词库的种子数据（敏感表述、常见错别字）。可重复执行："
        "只补充从未有过的条目，不改动、不恢复办公室修改或删除过的条目。"
    )

    @transaction.atomic
    def handle(self, *args, **options):
        lists = seed_lists()

        known = _logged_labels(SensitiveExpression) | set(
            SensitiveExpression.objects.values_list("expression", flat=True)
        )
        added_sensitive = 0
        for seed in lists.sensitive:
            if seed.expression in known:
                continue
            _add(
                SensitiveExpression(
                    expression=seed.expression, severity=seed.severity, note=seed.note
                )
            )
            known.add(seed.expression)
            added_sensitive += 1

        known = {
            label.split(MISSPELLING_LABEL_SEPARATOR, 1)[0]
            for label in _logged_labels(CommonMisspelling)
        } | set(CommonMisspelling.objects.values_list("wrong", flat=True))
        added_misspellings = 0
        for seed in lists.misspellings:
            if seed.wrong in known:
                continue
            _add(CommonMisspelling(wrong=seed.wrong, right=seed.right, note=seed.note))
            known.add(seed.wrong)
            added_misspellings += 1

        self.stdout.write(
            f"机器预审词库：新增敏感表述{added_sensitive}条、常见错别字{added_misspellings}条"
            f"（共有{SensitiveExpression.objects.count()}条、"
            f"{CommonMisspelling.objects.count()}条）。"
        )
