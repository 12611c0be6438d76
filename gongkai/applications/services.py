"""Writes of the applications: an application filed online."""

import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from gongkai.accounts.models import Agency
from gongkai.applications.choices import Channel
from gongkai.applications.models import Application
from gongkai.core.fields import keyring

# The processing notice shown on the form (PI-02); a new text gets a new version.
NOTICE_VERSION = "2026-1"
# Unambiguous characters: no 0/O, 1/I/L.
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8


def query_code_digest(*, number: str, code: str) -> str:
    return keyring().blind_index(code.strip().upper(), context=f"query:{number}")


def query_code_matches(application: Application, code: str) -> bool:
    digest = query_code_digest(number=application.number, code=code)
    return bool(application.query_code_digest) and secrets.compare_digest(
        digest, application.query_code_digest
    )


@dataclass(frozen=True)
class FiledApplication:
    application: Application
    # Shown once to the applicant; only its digest is kept.
    query_code: str


@transaction.atomic
def file_online_application(*, agency: Agency, data: dict) -> FiledApplication:
    """Register an application sent through the portal. Online, the day
    both parties confirm is the receipt date (条例 Art. 31(三)): the platform
    confirms at once, so it is the day of submission."""
    today = timezone.localdate()
    application = Application(
        agency=agency,
        number=f"pending-{secrets.token_hex(8)}",
        channel=Channel.ONLINE,
        received_on=today,
        notice_version=NOTICE_VERSION,
        **data,
    )
    application.save()
    application.number = f"WS{today:%Y}{application.pk:06d}"
    code = "".join(
        secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH)
    )
    application.query_code_digest = query_code_digest(
        number=application.number, code=code
    )
    application.save(update_fields=["number", "query_code_digest", "updated_at"])
    log(instance=application, action="wagtail.create", user=None)
    return FiledApplication(application=application, query_code=code)
