"""The mining-right editors: beside the agency and department of
``ScopedAdminForm``, none changes what a notice in review or published has
fixed (``locks``)."""

from gongkai.decisions.admin_forms import ScopedAdminForm
from gongkai.mining_rights.locks import locked_fields
from gongkai.publishing.generated import GeneratedStatus, LockedFieldsMixin


class MiningRecordForm(LockedFieldsMixin, ScopedAdminForm):
    def locked(self):
        if not self.instance.pk:
            return frozenset()
        return locked_fields(
            self.instance.notices.exclude(status=GeneratedStatus.DRAFT).values_list(
                "kind", flat=True
            )
        )
