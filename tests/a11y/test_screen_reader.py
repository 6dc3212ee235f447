"""What a screen reader gets from the running program, read over the real AT-SPI bus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.a11y.bus import ScreenReader, accessible_program, missing_pieces

MISSING = missing_pieces()
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"no accessibility bus: {MISSING}")
ACTIONABLE = {
    "push button",
    "check box",
    "toggle button",
    "radio button",
    "link",
    "list item",
    "menu item",
    "combo box",
    "text",
    "spin button",
    "entry",
    "password text",
}


@pytest.fixture(scope="module")
def consultation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScreenReader]:
    config = tmp_path_factory.mktemp("a11y") / "config.toml"
    config.write_text("", encoding="utf-8")
    with accessible_program(["--config", str(config)]) as reader:
        yield reader


def _showing(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for n in nodes if "showing" in n["states"]]


def _badly_named(nodes: list[dict[str, Any]]) -> list[str]:
    return [
        f"{n['role']} at {n['path']}"
        for n in _showing(nodes)
        if n["role"] in ACTIONABLE and not n["name"].strip()
    ]


def test_the_program_is_on_the_bus_with_its_window_and_buttons(
    consultation: ScreenReader,
) -> None:
    nodes = consultation.tree()
    roles_and_names = {(n["role"], n["name"]) for n in nodes}
    assert ("frame", "mbc-guide main window") in roles_and_names
    assert ("push button", "Body map") in roles_and_names
    assert ("list", "Body parts") in roles_and_names


def test_buttons_pressed_through_the_bus_move_between_pages(consultation: ScreenReader) -> None:
    consultation.press("push button", "Glossary")
    assert consultation.wait_for("text", "Search the glossary")
    consultation.press("push button", "Body map")
    assert consultation.wait_for("list", "Body parts")


def test_no_actionable_object_on_the_body_map_is_nameless(consultation: ScreenReader) -> None:
    consultation.press("push button", "Body map")
    assert consultation.wait_for("list", "Body parts")
    assert _badly_named(consultation.tree()) == []
