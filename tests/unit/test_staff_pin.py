"""The staff PIN: salted hashes only, and a gate that locks for a minute after five wrong PINs."""

from __future__ import annotations

import pytest

from desktop_app.staff_pin import (
    LOCKOUT_SECONDS,
    MAX_TRIES,
    PinGate,
    Verdict,
    hash_pin,
    is_pin_hash,
    is_valid_pin,
    verify_pin,
)


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
