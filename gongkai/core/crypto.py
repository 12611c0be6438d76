"""Personal data encrypted at rest (SEC-CRYPT-02, PI-03).

Values are sealed with AES-256-GCM under a key from the environment, never
from the database or the repository. Every sealed value names its key
(``enc1:<key id>:<nonce+ciphertext>``), so keys rotate: the first key of
``FIELD_ENCRYPTION_KEYS`` seals new values, the others still open old ones.
The associated data binds a value to its column, so a value copied into
another column does not open. Exact lookups (an ID number) go through a
keyed HMAC blind index under a separate key.
"""

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "enc1"
NONCE_BYTES = 12
KEY_BYTES = 32


class KeyringError(ValueError):
    """The key setting is malformed."""


class DecryptionError(ValueError):
    """A sealed value does not open: unknown key, wrong column, or altered."""


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_key_setting(key_id: str = "k1") -> str:
    """A fresh ``id:key`` entry for ``FIELD_ENCRYPTION_KEYS``."""
    return f"{key_id}:{_b64encode(os.urandom(KEY_BYTES))}"


@dataclass(frozen=True)
class Keyring:
    """The keys that open sealed values; ``current`` seals new ones."""

    keys: dict[str, bytes]
    current: str
    index_key: bytes

    @classmethod
    def from_settings(cls, encryption_keys: str, index_key: str) -> "Keyring":
        """From ``id:base64key,id:base64key`` (first = current) and the
        blind-index key (base64, 32 bytes)."""
        keys: dict[str, bytes] = {}
        for entry in (part.strip() for part in encryption_keys.split(",")):
            if not entry:
                continue
            key_id, _, encoded = entry.partition(":")
            try:
                key = _b64decode(encoded)
            except (ValueError, TypeError) as error:
                raise KeyringError(f"key {key_id!r} is not base64") from error
            if not key_id or len(key) != KEY_BYTES or key_id in keys:
                raise KeyringError(f"key {key_id!r} must be a new id and 32 bytes")
            keys[key_id] = key
        if not keys:
            raise KeyringError("FIELD_ENCRYPTION_KEYS is empty")
        index = _b64decode(index_key) if index_key else b""
        if len(index) != KEY_BYTES:
            raise KeyringError("FIELD_INDEX_KEY must be 32 bytes in base64")
        return cls(keys=keys, current=next(iter(keys)), index_key=index)

    def seal(self, plaintext: str, *, context: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.current]).encrypt(
            nonce, plaintext.encode("utf-8"), context.encode("utf-8")
        )
        return f"{PREFIX}:{self.current}:{_b64encode(nonce + sealed)}"

    def open(self, token: str, *, context: str) -> str:
        prefix, _, rest = token.partition(":")
        key_id, _, payload = rest.partition(":")
        if prefix != PREFIX or key_id not in self.keys:
            raise DecryptionError("unknown key or format")
        data = _b64decode(payload)
        try:
            plain = AESGCM(self.keys[key_id]).decrypt(
                data[:NONCE_BYTES], data[NONCE_BYTES:], context.encode("utf-8")
            )
        except InvalidTag as error:
            raise DecryptionError("value altered or in the wrong column") from error
        return plain.decode("utf-8")

    def seal_bytes(self, data: bytes, *, context: str) -> bytes:
        """``data`` (a file) sealed like ``seal``: the key id, the nonce and
        the ciphertext with its tag."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.current]).encrypt(
            nonce, data, context.encode("utf-8")
        )
        return f"{PREFIX}:{self.current}:".encode() + nonce + sealed

    def open_bytes(self, data: bytes, *, context: str) -> bytes:
        prefix, _, rest = data.partition(b":")
        key_id, _, payload = rest.partition(b":")
        key = self.keys.get(key_id.decode("ascii", "replace"))
        if prefix != PREFIX.encode() or key is None:
            raise DecryptionError("unknown key or format")
        try:
            return AESGCM(key).decrypt(
                payload[:NONCE_BYTES], payload[NONCE_BYTES:], context.encode("utf-8")
            )
        except InvalidTag as error:
            raise DecryptionError("file altered or of another record") from error

    def is_current(self, token: str) -> bool:
        """Whether ``token`` is sealed under the current key (re-seal the
        others when rotating)."""
        return token.startswith(f"{PREFIX}:{self.current}:")

    def blind_index(self, value: str, *, context: str) -> str:
        """A keyed digest of ``value`` for exact lookups, stable across
        rotations of the encryption keys."""
        message = f"{context}\x00{value}".encode()
        return hmac.new(self.index_key, message, hashlib.sha256).hexdigest()
