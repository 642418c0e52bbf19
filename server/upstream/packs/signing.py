"""Ed25519 signatures of pack archives.

A maintainer signs each archive's bytes with a private key (PEM, as ``openssl genpkey
-algorithm ed25519`` writes it); the index carries the raw public key and each version a
detached signature, both base64. When an index has a key, every archive must verify.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from upstream.errors import PackError, Problem


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """Read a PEM (PKCS#8) ed25519 private key; raise PackError if it is anything else."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise PackError([Problem(path, None, f"cannot read: {error.strerror or error}")]) from None
    except (ValueError, TypeError) as error:
        raise PackError(
            [Problem(path, None, f"not an unencrypted PEM private key ({error})")]
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(
            [Problem(path, None, "not an ed25519 key (generate one with openssl genpkey)")]
        )
    return key


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The base64 of the raw 32-byte public key, as an index carries it."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode("ascii")


def verify_signature(public_key: str, signature: str, data: bytes, what: str) -> None:
    """Raise PackError unless ``signature`` is ``public_key``'s signature of ``data``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
    except (binascii.Error, ValueError):
        raise PackError(
            [Problem(what, None, "the index's public key is not base64 ed25519")]
        ) from None
    try:
        key.verify(base64.b64decode(signature, validate=True), data)
    except (binascii.Error, ValueError, InvalidSignature):
        raise PackError(
            [
                Problem(
                    what,
                    None,
                    "bad signature: the archive was not signed by the index's key; refused",
                )
            ]
        ) from None
