"""Password reset on the embedded default: the one-time code a person types, and the message that carries it.

A code is 12 characters of Crockford's base32 (60 random bits), shown in groups of four. It is typed by hand, so
reading it forgives case, spaces, dashes and the letters people mistake for digits (O for 0, I and L for 1). With
60 bits, a few attempts per code and throttled guessing, a fast hash is enough to store it (as with refresh
tokens): only the SHA-256 of the normalized code is kept.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
CODE_LENGTH = 12
CODE_TTL = 15 * 60  # seconds a code stays usable
MAX_ATTEMPTS = 5  # wrong codes an account's open codes survive; then a new one must be asked for
MAX_OPEN_CODES = 3  # codes one account may have open at once: more requests send nothing
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})

REQUEST_ACCEPTED = "If an account uses this email, a reset code is on its way. It works for 15 minutes."
INVALID_CODE = "The code is wrong or has expired. Ask for a new one."
PASSWORD_CHANGED = "Your password is changed. Sign in with the new one."


def new_code() -> str:
    """A fresh code as shown to the person: `XXXX-XXXX-XXXX`."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalize_code(typed: object) -> str | None:
    """The code's 12 characters as typed by a person, or None when it cannot be a code."""
    if not isinstance(typed, str) or len(typed) > 64:
        return None
    compact = "".join(typed.split()).replace("-", "").upper().translate(_MISREAD)
    if len(compact) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in compact):
        return None
    return compact


def code_hash(code: str) -> str:
    """What is stored for a code: the SHA-256 of its normalized form (`code` is normalized here too)."""
    normalized = normalize_code(code) or ""
    return hashlib.sha256(normalized.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A message the app would mail. The embedded default keeps it in its outbox for the admin to read."""

    id: str
    to: str
    subject: str
    body: str
    created_at: int  # seconds since the epoch


def reset_message(message_id: str, to: str, code: str, created_at: int) -> OutboxMessage:
    body = (
        f"Someone asked to reset the password of the CV Maker account {to}.\n\n"
        f"Your reset code: {code}\n\n"
        f"It works once, for {CODE_TTL // 60} minutes. If you did not ask for it, ignore this message: "
        "your password stays as it is.\n"
    )
    return OutboxMessage(message_id, to, "Your CV Maker password reset code", body, created_at)
