"""The staff PIN: salted hashes only, and a gate that locks for a minute after five wrong PINs."""

from __future__ import annotations

import base64
import hashlib
import time

import pytest

from desktop_app.staff_pin import (
    LOCKOUT_SECONDS,
    MAX_TRIES,
    PinGate,
    Verdict,
    hash_pin,
    is_pin_hash,
    is_valid_pin,
    pin_hash_problem,
    verify_pin,
)

SALT = "HRn0kNKkrKDA+10c9nRqow"
DIGEST = "KfRwmSdSHY6Pjgr1lBvEEVXMny4TPkpVAP4dDmllK9U"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


def test_the_hash_is_salted_self_describing_and_never_the_pin(stored: str) -> None:
    assert stored.startswith("scrypt$n=16384,r=8,p=1$")
    assert "2468" not in stored
    assert hash_pin("2468") != stored  # a new random salt every time
    assert is_pin_hash(stored)
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)


@pytest.mark.parametrize("pin", ["1234", "00000000", "9876543"])
def test_valid_pins(pin: str) -> None:
    assert is_valid_pin(pin)


@pytest.mark.parametrize(
    "pin", ["", "123", "123456789", "12a4", "12 34", "\u0661\u0662\u0663\u0664"]
)
def test_invalid_pins(pin: str) -> None:
    assert not is_valid_pin(pin)
    with pytest.raises(ValueError):
        hash_pin(pin)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "2468",
        "scrypt$n=16384,r=8,p=1$short$short",
        "scrypt$n=1073741824,r=8,p=1$HRn0kNKkrKDA+10c9nRqow$KfRwmSdSHY6Pjgr1lBvEEVXMny4TPkpVAP4dDmllK9U",
        "scrypt$n=16383,r=8,p=1$HRn0kNKkrKDA+10c9nRqow$KfRwmSdSHY6Pjgr1lBvEEVXMny4TPkpVAP4dDmllK9U",
    ],
)
def test_malformed_or_hostile_hashes_are_refused(bad: str) -> None:
    assert not is_pin_hash(bad)
    assert not verify_pin("2468", bad)


def test_five_wrong_pins_lock_the_gate_for_a_minute(stored: str) -> None:
    clock = FakeClock()
    gate = PinGate(stored, clock)
    for left in range(MAX_TRIES - 1, 0, -1):
        assert gate.try_pin("1111") is Verdict.WRONG
        assert gate.tries_left == left
    assert gate.try_pin("1111") is Verdict.LOCKED
    assert gate.seconds_locked() == LOCKOUT_SECONDS
    assert gate.try_pin("2468") is Verdict.LOCKED  # even the right PIN waits
    clock.now += LOCKOUT_SECONDS - 0.5
    assert gate.seconds_locked() == 1
    assert gate.try_pin("2468") is Verdict.LOCKED
    clock.now += 0.5
    assert gate.seconds_locked() == 0
    assert gate.tries_left == MAX_TRIES
    assert gate.try_pin("2468") is Verdict.RIGHT


def test_the_right_pin_resets_the_count(stored: str) -> None:
    gate = PinGate(stored, FakeClock())
    gate.try_pin("1111")
    gate.try_pin("1111")
    assert gate.try_pin("2468") is Verdict.RIGHT
    assert gate.tries_left == MAX_TRIES


def test_without_a_hash_the_gate_never_opens() -> None:
    for stored in ("", "not a hash"):
        gate = PinGate(stored, FakeClock())
        assert not gate.has_pin
        assert gate.try_pin("2468") is Verdict.NO_PIN


def _hash_with(pin: str, n: int, r: int, p: int) -> str:
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**30, dklen=32)
    b64 = [base64.b64encode(part).decode().rstrip("=") for part in (salt, digest)]
    return f"scrypt$n={n},r={r},p={p}${b64[0]}${b64[1]}"


@pytest.mark.parametrize(
    "cost",
    [
        "n=1048576,r=8,p=1",  # over OpenSSL's memory limit: every try raised "ValueError: maxmem"
        "n=131072,r=8,p=1",  # 1.5 s per try on a kiosk
        "n=16384,r=16,p=1",
        "n=16384,r=8,p=2",
        "n=1024,r=1,p=1",  # quick to guess from a copied config
        "n=16384,r=4,p=1",
        "n=0,r=8,p=1",
        f"n={'1' * 5000},r=8,p=1",  # int() refuses over 4300 digits
        "n=\u0661\u0666\u0663\u0688\u0664,r=8,p=1",  # digits that are not 0-9
    ],
)
def test_a_hash_with_a_cost_set_pin_never_writes_is_refused_and_never_raises(cost: str) -> None:
    bad = f"scrypt${cost}${SALT}${DIGEST}"
    started = time.perf_counter()
    assert not is_pin_hash(bad)
    assert not verify_pin("2468", bad)
    assert not PinGate(bad).has_pin
    assert time.perf_counter() - started < 0.5
    problem = pin_hash_problem(bad)
    assert problem is not None and "mbc-guide admin set-pin" in problem


def test_the_refusal_says_which_cost_and_what_to_do() -> None:
    assert pin_hash_problem(f"scrypt$n=1048576,r=8,p=1${SALT}${DIGEST}") == (
        "was made with the scrypt cost n=1048576,r=8,p=1, which this program does not check: "
        "it accepts n=16384 or 32768 with r=8,p=1, so that a PIN try is quick and cannot fail. "
        "Write a new one with: mbc-guide admin set-pin."
    )
    assert pin_hash_problem(hash_pin("2468")) is None


@pytest.mark.parametrize(
    "bad",
    [
        f"scrypt$n=16384,r=8,p=1${SALT}${DIGEST[:-8]}",  # a digest that is not 32 bytes
        f"scrypt$n=16384,r=8,p=1${SALT[:16]}${DIGEST}",  # a salt shorter than set-pin's
        f"scrypt$n=16384,r=8,p=1${SALT}${DIGEST[:-1]}",  # not base64 at all
    ],
)
def test_a_damaged_salt_or_digest_is_refused(bad: str) -> None:
    assert pin_hash_problem(bad) == (
        "is damaged: its salt or hash part is not what `mbc-guide admin set-pin` writes. "
        "Write a new one with: mbc-guide admin set-pin."
    )
    assert not verify_pin("2468", bad)


def test_one_step_up_from_the_set_pin_cost_is_accepted_and_quick() -> None:
    stored = _hash_with("2468", 2**15, 8, 1)
    assert is_pin_hash(stored)
    started = time.perf_counter()
    assert verify_pin("2468", stored)
    assert time.perf_counter() - started < 1
    assert not verify_pin("2469", stored)


def test_verify_pin_never_raises_even_when_scrypt_does(
    stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> bytes:
        raise MemoryError("no memory")

    monkeypatch.setattr(hashlib, "scrypt", failing)
    assert verify_pin("2468", stored) is False
    assert PinGate(stored, FakeClock()).try_pin("2468") is Verdict.WRONG
