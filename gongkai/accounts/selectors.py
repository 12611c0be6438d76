"""Who may see what: the audit log, applicants' full personal data."""

from django.db.models import Q

from gongkai.accounts.models import Agency, User


def can_read_audit_log(user: User) -> bool:
    """The office (办公室) and superusers read the audit log."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_in_office


def can_see_personal_data(user: User) -> bool:
    """The office, which registers and answers applications, may reveal an
    applicant's full ID number, phone and address (audited, PI-04); other
    staff see them masked."""
    return can_read_audit_log(user)


def staff_emails(*, agency: Agency, departments) -> list[str]:
    """E-mail addresses of the active staff of ``departments`` and of the
    agency's office, for reminders."""
    users = User.objects.filter(is_active=True).filter(
        Q(department__in=departments)
        | Q(department__agency=agency, department__is_office=True)
    )
    return sorted({email for email in users.values_list("email", flat=True) if email})


def agency_of(user: User) -> Agency | None:
    """The agency a staff member works for; superusers without a department
    get the first agency (the single-agency case)."""
    if user.department_id is not None:
        return user.department.agency
    return Agency.objects.order_by("pk").first() if user.is_superuser else None


def scoped_to_staff(
    queryset, user: User, *, agency_field: str, department_field: str = "department"
):
    """What of ``queryset`` a staff member works on: the agency's records for
    the office, a department's own records for its staff, everything for a
    superuser. Records without a department are the office's."""
    if user.is_superuser:
        return queryset
    agency = agency_of(user)
    if agency is None:
        return queryset.none()
    queryset = queryset.filter(**{agency_field: agency})
    if user.is_in_office:
        return queryset
    return queryset.filter(**{f"{department_field}_id": user.department_id})
