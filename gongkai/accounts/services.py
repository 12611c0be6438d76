"""Write operations on agencies, departments and staff accounts."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

from gongkai.accounts.models import Agency, Department, User

# What a department may do inside its columns. Nobody publishes directly:
# publication is the end of the three-level review (三审, gongkai.review).
COLUMN_PERMISSIONS = ("add_page", "change_page", "lock_page")
# The handling department (承办科室) runs its decisions, consultations and
# evaluations: its own only (scoped in the views); the office every one.
DECISION_WORK_PERMISSIONS = tuple(
    (app, f"{action}_{model}")
    for app, model in (
        ("decisions", "decision"),
        ("decisions", "policyevaluation"),
        ("consultations", "consultation"),
    )
    for action in ("add", "change", "view")
)
# 重点领域信息公开: each department keeps its field's records (the land
# market, land prices, mining rights, expropriation projects), its own only
# (scoped in the views); the office every one.
FIELD_DATA_PERMISSIONS = tuple(
    (app, f"{action}_{model}")
    for app, model in (
        ("land_market", "supplyplan"),
        ("land_market", "transferannouncement"),
        ("land_market", "parcel"),
        ("land_prices", "landpricesystem"),
        ("land_prices", "quarterlyfigure"),
        ("expropriation", "expropriationproject"),
        ("mining_rights", "miningrighttransfer"),
        ("mining_rights", "miningapproval"),
        ("mining_rights", "miningdisclosure"),
    )
    for action in ("add", "change", "view")
)
# The office registers and answers information-disclosure applications and
# keeps the work plan's tasks (督办); other departments see the cases they
# are asked to help with and report on their tasks.
OFFICE_PERMISSIONS = (
    *(
        ("applications", f"{action}_{model}")
        for model in ("application", "appeal", "lettertemplate")
        for action in ("add", "change", "view")
    ),
    # The platform opens 依申请转主动 reviews; the office decides them.
    ("applications", "change_proactivereview"),
    ("applications", "view_proactivereview"),
    # 督办: the office keeps the plans and follows every task.
    *(
        ("supervision", f"{action}_{model}")
        for model in (
            "workplan",
            "plantask",
            "progressreport",
            "standingmeasure",
            "measurerecord",
        )
        for action in ("add", "change", "view")
    ),
    # 网站健康检查: the office sets the thresholds and deduction values.
    ("site_health", "change_healthcheckpolicy"),
    # 年度报告: the office writes and publishes it and keeps every
    # department's entered figures.
    ("reports", "change_annualdisclosurereport"),
    ("reports", "view_annualdisclosurereport"),
    *(("reports", f"{action}_enteredfigure") for action in ("add", "change", "view")),
    # 重大行政决策: the office keeps the yearly catalogue and follows every
    # decision (the departments their own, scoped in the views).
    *(
        ("decisions", f"{action}_decisioncatalogue")
        for action in ("add", "change", "view")
    ),
    ("decisions", "oversee_decisions"),
    *DECISION_WORK_PERMISSIONS,
    ("consultations", "change_consultationpolicy"),
    *FIELD_DATA_PERMISSIONS,
    ("land_market", "change_landmarketpolicy"),
    ("land_prices", "change_landpricepolicy"),
    ("mining_rights", "change_miningrightspolicy"),
)
DEPARTMENT_PERMISSIONS = (
    ("applications", "view_application"),
    ("supervision", "view_plantask"),
    ("supervision", "view_progressreport"),
    ("supervision", "view_standingmeasure"),
    # Each department enters its own table 二 figures (scoped in the views).
    *(("reports", f"{action}_enteredfigure") for action in ("add", "change", "view")),
    *DECISION_WORK_PERMISSIONS,
    *FIELD_DATA_PERMISSIONS,
)
ATTACHMENT_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


@transaction.atomic
def create_department(
    *, agency: Agency, name: str, is_office: bool = False, actor: User | None = None
) -> Department:
    """Create a department with its own permission group, or return the
    existing one of that name."""
    existing = Department.objects.filter(agency=agency, name=name).first()
    if existing is not None:
        return existing
    department = Department.objects.create(
        agency=agency, name=name, is_office=is_office
    )
    provide_department_group(department=department)
    log(instance=department, action="wagtail.create", user=actor)
    return department


@transaction.atomic
def provide_department_group(*, department: Department) -> Group:
    """Give ``department`` its permission group (admin access, attachments)
    if it has none, e.g. when it was created in the back office."""
    if department.group_id is not None:
        grant_role_permissions(department=department)
        return department.group
    agency = department.agency
    group, _ = Group.objects.get_or_create(
        name=f"{agency.short_name or agency.name}·{department.name}"
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root_collection = Collection.get_first_root_node()
    for app_label, codename in ATTACHMENT_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )
    department.group = group
    department.save(update_fields=["group"])
    grant_role_permissions(department=department)
    return group


def grant_role_permissions(*, department: Department) -> None:
    """The office's permissions, or other departments' (applications and
    督办). Kept in step when a department becomes (or stops being) the
    office, and after migrations add permissions."""
    wanted = set(OFFICE_PERMISSIONS if department.is_office else DEPARTMENT_PERMISSIONS)
    group = department.group
    for app_label in {app_label for app_label, _codename in wanted}:
        codenames = {codename for label, codename in wanted if label == app_label}
        current = group.permissions.filter(content_type__app_label=app_label)
        group.permissions.remove(*current.exclude(codename__in=codenames))
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )


def sync_department_permissions() -> None:
    for department in Department.objects.filter(group__isnull=False).select_related(
        "group"
    ):
        grant_role_permissions(department=department)


@transaction.atomic
def set_department_columns(
    *, department: Department, columns: Iterable[Page], actor: User | None = None
) -> None:
    """Make ``columns`` (and everything below them) the department's to edit.

    Permissions are granted on column subtrees, never per page.
    """
    columns = list(columns)
    group = provide_department_group(department=department)
    GroupPagePermission.objects.filter(group=group).delete()
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=COLUMN_PERMISSIONS
    )
    for column in columns:
        for permission in permissions:
            GroupPagePermission.objects.create(
                group=group, page=column, permission=permission
            )
    department.columns.set(columns)
    log(
        instance=department,
        action="accounts.columns_changed",
        user=actor,
        data={"columns": [column.pk for column in columns]},
    )


@transaction.atomic
def assign_user_to_department(
    *, user: User, department: Department | None, actor: User | None = None
) -> User:
    """Move ``user`` into ``department``: its permission group follows."""
    department_groups = Group.objects.filter(department__isnull=False)
    user.groups.remove(*department_groups)
    user.department = department
    user.save(update_fields=["department"])
    if department is not None:
        user.groups.add(department.group)
    log(
        instance=user,
        action="accounts.department_assigned",
        user=actor,
        data={"department": department.name if department else ""},
    )
    return user
