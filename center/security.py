"""Secrets: argon2id password hashes, bearer tokens, SMS codes and their hashes.

Everything random comes from :mod:`secrets`. Tokens and codes are stored only as hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    """argon2id hashing with the configured cost (OWASP defaults: t=2, m=19 MiB, p=1).

    Args:
        time_cost: iterations.
        memory_kib: memory in KiB.
        parallelism: lanes.
    """

    def __init__(self, time_cost: int = 2, memory_kib: int = 19456, parallelism: int = 1) -> None:
        self.parameters = (time_cost, memory_kib, parallelism)
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        """Return the argon2id hash of ``password``."""
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """Check ``password`` against ``stored_hash``.

        With no hash (unknown user) a dummy hash is verified, so both cases take as long.
        """
        if stored_hash is None and self._dummy is None:
            self._dummy = self._hasher.hash(secrets.token_urlsafe(16))
        try:
            return self._hasher.verify(stored_hash or self._dummy or "", password) and bool(
                stored_hash
            )
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        """True when ``stored_hash`` was made with other parameters than the current ones."""
        try:
            return self._hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return True


@lru_cache(maxsize=16)
def cached_demo_hash(password: str, parameters: tuple[int, int, int]) -> str:
    """An argon2id hash of a demo password, computed once per process (demo seeding only)."""
    return Passwords(*parameters).hash(password)


def new_token() -> str:
    """A bearer/verification token: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def new_public_id() -> str:
    """An unguessable public identifier (challenge or captcha id): 128 random bits."""
    return secrets.token_urlsafe(16)


def hash_token(token: str) -> str:
    """SHA-256 (hex) of a token, the only form in which tokens are stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_code(length: int) -> str:
    """An SMS code of ``length`` digits from the CSPRNG."""
    return f"{secrets.randbelow(10**length):0{length}d}"


def new_salt() -> str:
    """A random salt for hashing one code."""
    return secrets.token_hex(16)


def hash_code(code: str, salt: str) -> str:
    """HMAC-SHA-256 (hex) of an SMS code under its own salt."""
    return hmac.new(salt.encode("ascii"), code.encode("ascii"), hashlib.sha256).hexdigest()


def code_matches(code: str, salt: str, expected_hash: str) -> bool:
    """Constant-time comparison of a typed code with a stored code hash."""
    return hmac.compare_digest(hash_code(code, salt), expected_hash)
