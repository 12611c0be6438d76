"""Model fields of the shared kernel."""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import models

from gongkai.core.crypto import PREFIX, Keyring


@cache
def keyring() -> Keyring:
    """The platform's keys, from ``FIELD_ENCRYPTION_KEYS`` and
    ``FIELD_INDEX_KEY``."""
    return Keyring.from_settings(
        settings.FIELD_ENCRYPTION_KEYS, settings.FIELD_INDEX_KEY
    )


def _forget_keys(*, setting, **kwargs):
    if setting in ("FIELD_ENCRYPTION_KEYS", "FIELD_INDEX_KEY"):
        keyring.cache_clear()


setting_changed.connect(_forget_keys)


class EncryptedTextField(models.TextField):
    """Text stored sealed (AES-256-GCM, SEC-CRYPT-02), bound to its column.
    Exact lookups do not work on it: keep a blind index beside it
    (``keyring().blind_index``)."""

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.context = f"{cls._meta.label}.{name}"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return keyring().seal(value, context=self.context)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "" or not value.startswith(f"{PREFIX}:"):
            return value
        return keyring().open(value, context=self.context)
