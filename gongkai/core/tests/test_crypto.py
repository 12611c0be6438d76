"""Personal data sealed at rest (SEC-CRYPT-02): no plaintext in the column,
round trip, key rotation, column binding, blind index."""

from datetime import date

import pytest
from django.db import connection

from gongkai.core.crypto import DecryptionError, Keyring, KeyringError, new_key_setting
from gongkai.core.fields import keyring

ID_NUMBER = "370305198001011237"
INDEX_KEY = new_key_setting().split(":")[1]


def test_a_sealed_value_opens_only_in_its_column_and_unaltered():
    ring = Keyring.from_settings(new_key_setting("a"), INDEX_KEY)
    token = ring.seal(ID_NUMBER, context="applications.Application.id_number")
    assert ID_NUMBER not in token and token.startswith("enc1:a:")
    assert ring.open(token, context="applications.Application.id_number") == ID_NUMBER
    with pytest.raises(DecryptionError):
        ring.open(token, context="applications.Application.phone")
    altered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    with pytest.raises(DecryptionError):
        ring.open(altered, context="applications.Application.id_number")
    # The same value sealed twice differs (random nonce).
    assert ring.seal(ID_NUMBER, context="x") != ring.seal(ID_NUMBER, context="x")


def test_a_sealed_file_opens_only_for_its_record_and_unaltered():
    ring = Keyring.from_settings(new_key_setting("a"), INDEX_KEY)
    scan = b"%PDF-1.4 " + ID_NUMBER.encode()
    sealed = ring.seal_bytes(scan, context="attachment:1")
    assert ID_NUMBER.encode() not in sealed
    assert ring.open_bytes(sealed, context="attachment:1") == scan
    with pytest.raises(DecryptionError):
        ring.open_bytes(sealed, context="attachment:2")
    with pytest.raises(DecryptionError):
        ring.open_bytes(sealed[:-1] + bytes([sealed[-1] ^ 1]), context="attachment:1")


def test_rotation_keeps_old_values_readable_and_seals_with_the_new_key():
    old = new_key_setting("k1")
    new = new_key_setting("k2")
    before = Keyring.from_settings(old, INDEX_KEY)
    token = before.seal("13812345678", context="c")
    after = Keyring.from_settings(f"{new},{old}", INDEX_KEY)
    assert after.open(token, context="c") == "13812345678"
    assert not after.is_current(token)
    assert after.is_current(after.seal("13812345678", context="c"))
    assert after.blind_index(ID_NUMBER, context="i") == before.blind_index(
        ID_NUMBER, context="i"
    )
    with pytest.raises(DecryptionError):
        Keyring.from_settings(new, INDEX_KEY).open(token, context="c")


@pytest.mark.parametrize(
    ("keys", "index"),
    [("", INDEX_KEY), ("k1:short", INDEX_KEY), (new_key_setting(), ""),
     (f"{new_key_setting('a')},{new_key_setting('a')}", INDEX_KEY)],
    # Named, not by the random keys: every test process collects the same tests.
    ids=["no-keys", "short-key", "no-index-key", "one-id-twice"],
)  # fmt: skip
def test_malformed_keys_are_refused(keys, index):
    with pytest.raises(KeyringError):
        Keyring.from_settings(keys, index)


@pytest.mark.django_db
def test_applicant_id_phone_and_address_are_not_stored_in_plaintext(agency):
    from gongkai.applications.models import Application, id_number_index

    case = Application.objects.create(
        agency=agency,
        number="YSQ-2026-001",
        channel="online",
        received_on=date(2026, 3, 2),
        applicant_type="natural_person",
        applicant_name="张某",
        description="某村征地批复",
        id_type="居民身份证",
        id_number=ID_NUMBER,
        phone="13812345678",
        address="临淄区某村",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id_number, phone, address FROM applications_application WHERE id = %s",
            [case.pk],
        )
        raw = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in raw)
    assert ID_NUMBER not in "".join(raw) and "13812345678" not in "".join(raw)
    stored = Application.objects.get(pk=case.pk)
    assert (stored.id_number, stored.phone, stored.address) == (
        ID_NUMBER,
        "13812345678",
        "临淄区某村",
    )
    # Found by ID number through the blind index, whatever the case of X.
    found = Application.objects.filter(id_number_index=id_number_index(ID_NUMBER))
    assert list(found) == [case]
    assert keyring().blind_index(ID_NUMBER, context="id_number") == (
        stored.id_number_index
    )
