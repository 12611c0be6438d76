"""The 征地信息 column lists the projects: drop the cached pages when a
project, its villages or documents change."""

from gongkai.core.page_cache import invalidate_on_save
from gongkai.expropriation.models import (
    AffectedVillage,
    ExpropriationProject,
    ProjectDocument,
)

invalidate_on_save(ExpropriationProject, AffectedVillage, ProjectDocument)
