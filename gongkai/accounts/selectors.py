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
