"""Logins and logouts go into the audit log with the client address;
departments' permission groups follow their role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from wagtail.log_actions import log

from gongkai.accounts.models import Department


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    log(instance=user, action="accounts.logged_in", user=user)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        log(instance=user, action="accounts.logged_out", user=user)


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    user = get_user_model().objects.filter(username__iexact=username).first()
    if user is not None:
        log(instance=user, action="accounts.login_failed", user=None)


@receiver(post_save, sender=Department)
def keep_department_permissions(sender, instance, **kwargs):
    """A department made (or no longer) the office gets its permissions."""
    if instance.group_id is not None and not kwargs.get("raw"):
        from gongkai.accounts.services import grant_role_permissions

        grant_role_permissions(department=instance)


@receiver(post_migrate)
def sync_permissions_after_migrate(sender, **kwargs):
    """Departments created before a permission existed get it too."""
    if sender.label in {
        "applications",
        "supervision",
        "site_health",
        "reports",
        "decisions",
        "consultations",
    }:
        from gongkai.accounts.services import sync_department_permissions

        sync_department_permissions()
