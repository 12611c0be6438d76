"""Logins and logouts go into the audit log with the client address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver
from wagtail.log_actions import log


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
