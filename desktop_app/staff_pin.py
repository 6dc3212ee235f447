"""The staff PIN: a salted scrypt hash in the config, and a gate that locks after wrong tries.

Qt-free. The config holds only a self-describing hash string,
``scrypt$n=16384,r=8,p=1$<salt>$<digest>`` (salt and digest in unpadded base64), so the
cost can be raised later without breaking PINs already set.

Only costs from what `set-pin` writes up to twice that are accepted (`ACCEPTED_N`, r=8,
p=1): a cheaper hash would make a copied config easier to guess from, and a costlier one
would freeze the kiosk for seconds per try or fail outright (OpenSSL's memory limit).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import os
import re
import time
from collections.abc import Callable
from enum import Enum

PIN_PATTERN = re.compile(r"[0-9]{4,8}")
SCHEME = "scrypt"
_COST = {"n": 2**14, "r": 8, "p": 1}
ACCEPTED_N = (2**14, 2**15)
"""scrypt's n in hashes this program checks: set-pin's, and one step up for a later raise."""
ACCEPTED_R = 8
ACCEPTED_P = 1
_SALT_BYTES = 16
_DIGEST_BYTES = 32
_HASH_PATTERN = re.compile(
    r"scrypt\$n=([0-9]{1,10}),r=([0-9]{1,10}),p=([0-9]{1,10})"
    r"\$([A-Za-z0-9+/]{16,88})\$([A-Za-z0-9+/]{16,88})"
)
_SET_AGAIN = "Write a new one with: mbc-guide admin set-pin"
MAX_TRIES = 5
LOCKOUT_SECONDS = 60.0


def is_valid_pin(pin: str) -> bool:
    """Whether a PIN is 4 to 8 digits (0-9 only)."""
    return PIN_PATTERN.fullmatch(pin) is not None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r * p + 2**20,
        dklen=_DIGEST_BYTES,
    )


def hash_pin(pin: str) -> str:
    """A new salted hash of a valid PIN, as stored in the config."""
    if not is_valid_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    salt = os.urandom(_SALT_BYTES)
    digest = _scrypt(pin, salt, **_COST)
    cost = ",".join(f"{name}={value}" for name, value in _COST.items())
    return f"{SCHEME}${cost}${_b64(salt)}${_b64(digest)}"


def _parts(stored: str) -> tuple[int, int, int, bytes, bytes] | str:
    """The cost, salt and digest of a stored hash, or what is wrong with it."""
    found = _HASH_PATTERN.fullmatch(stored.strip())
    if not found:
        return (
            "is not a PIN hash made by `mbc-guide admin set-pin`. Set the PIN with that "
            "command (never write the PIN itself here)."
        )
    n, r, p = (int(found.group(i)) for i in (1, 2, 3))
    if n not in ACCEPTED_N or r != ACCEPTED_R or p != ACCEPTED_P:
        accepted = " or ".join(str(value) for value in ACCEPTED_N)
        return (
            f"was made with the scrypt cost n={n},r={r},p={p}, which this program does not "
            f"check: it accepts n={accepted} with r={ACCEPTED_R},p={ACCEPTED_P}, so that a PIN "
            f"try is quick and cannot fail. {_SET_AGAIN}."
        )
    try:
        salt, digest = _unb64(found.group(4)), _unb64(found.group(5))
    except (binascii.Error, ValueError):
        salt = digest = b""
    if len(salt) < _SALT_BYTES or len(digest) != _DIGEST_BYTES:
        return (
            "is damaged: its salt or hash part is not what `mbc-guide admin set-pin` writes. "
            f"{_SET_AGAIN}."
        )
    return n, r, p, salt, digest


def pin_hash_problem(stored: str) -> str | None:
    """What is wrong with a stored PIN hash, worded for staff; None when it can be checked."""
    parts = _parts(stored)
    return parts if isinstance(parts, str) else None


def is_pin_hash(stored: str) -> bool:
    """Whether a config value is a PIN hash this program can check."""
    return pin_hash_problem(stored) is None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches the stored hash; never raises (False for a bad hash or PIN)."""
    try:
        parts = _parts(stored)
        if isinstance(parts, str) or not is_valid_pin(pin):
            return False
        n, r, p, salt, digest = parts
        return hmac.compare_digest(_scrypt(pin, salt, n, r, p), digest)
    except Exception:  # a hash that cannot be checked never opens the gate
        return False


class Verdict(Enum):
    """What one try at the PIN gave."""

    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no-pin"


class PinGate:
    """Checks PINs; after MAX_TRIES wrong ones it refuses every try for LOCKOUT_SECONDS."""

    def __init__(
        self,
        stored_hash: str,
        clock: Callable[[], float] = time.monotonic,
        max_tries: int = MAX_TRIES,
        lockout_seconds: float = LOCKOUT_SECONDS,
    ) -> None:
        self._stored = stored_hash if is_pin_hash(stored_hash) else ""
        self.clock = clock  # replaceable, so tests need not wait a minute
        self._max_tries = max_tries
        self._lockout = lockout_seconds
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def has_pin(self) -> bool:
        """Whether a usable PIN hash is configured."""
        return bool(self._stored)

    def seconds_locked(self) -> int:
        """Whole seconds until tries are allowed again; 0 when open."""
        remaining = self._locked_until - self.clock()
        if remaining <= 0:
            if self._locked_until:
                self._locked_until = 0.0
                self._wrong = 0
            return 0
        return math.ceil(remaining)

    @property
    def tries_left(self) -> int:
        """Wrong PINs still allowed before the lock."""
        return self._max_tries - self._wrong

    def try_pin(self, pin: str) -> Verdict:
        """Check one PIN."""
        if not self.has_pin:
            return Verdict.NO_PIN
        if self.seconds_locked():
            return Verdict.LOCKED
        if verify_pin(pin, self._stored):
            self._wrong = 0
            return Verdict.RIGHT
        self._wrong += 1
        if self._wrong >= self._max_tries:
            self._locked_until = self.clock() + self._lockout
            return Verdict.LOCKED
        return Verdict.WRONG
