"""What a screen reader gets from the running program, read over the real AT-SPI bus."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.app import choose_content
from desktop_app.content.model import ContentLibrary
from desktop_app.staff_pin import hash_pin
from desktop_app.ui.kiosk.pin_pad import CORNER_PX, HOLD_MS
from desktop_app.ui.widgets.rich_text import plain_text
from tests.a11y.bus import ScreenReader, accessible_program, missing_pieces

STAFF_PIN = "2468"
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


@pytest.fixture(scope="module")
def bundled_library() -> ContentLibrary:
    library = choose_content(None).library
    assert library is not None
    return library


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


def _children_of(nodes: list[dict[str, Any]], parent: dict[str, Any]) -> list[dict[str, Any]]:
    depth = len(parent["path"])
    return [n for n in nodes if len(n["path"]) == depth + 1 and n["path"][:depth] == parent["path"]]


def _gone(reader: ScreenReader, role: str, name: str, timeout: float = 5) -> bool:
    """Wait until nothing showing has this role and name."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not reader.wait_for(role, name, timeout=0):
            return True
        time.sleep(0.1)
    return False


def _one(nodes: list[dict[str, Any]], role: str, name: str) -> dict[str, Any]:
    found = [n for n in _showing(nodes) if n["role"] == role and n["name"] == name]
    assert len(found) == 1, (role, name, len(found))
    return found[0]


def test_the_body_map_has_a_tick_box_for_each_part_whose_toggle_ticks_it(
    consultation: ScreenReader, bundled_library: ContentLibrary
) -> None:
    consultation.press("push button", "Body map")
    assert consultation.wait_for("list", "Body parts")
    nodes = consultation.tree()
    body_map = next(n for n in _showing(nodes) if n["name"] == "Body map" and n["children"])
    parts = _children_of(nodes, body_map)
    titles = [site.title for site in bundled_library.sites]
    assert [(n["role"], n["name"]) for n in parts] == [("check box", t) for t in titles]
    assert all("Toggle" in n["actions"] and "checked" not in n["states"] for n in parts)
    consultation.press("check box", "Brain", action="Toggle")
    assert consultation.wait_for("push button", "Open the page for Brain")
    nodes = consultation.tree()
    assert "checked" in _one(nodes, "check box", "Brain")["states"]
    row = _one(nodes, "list item", "Brain")
    assert {"checked", "selected"} <= set(row["states"]), row["states"]
    # The list's own Toggle unticks it again, on the drawing too.
    consultation.press("list item", "Brain", action="Toggle")
    assert consultation.wait_for("label", "None chosen yet.")
    nodes = consultation.tree()
    assert "checked" not in _one(nodes, "check box", "Brain")["states"]
    assert "checked" not in _one(nodes, "list item", "Brain")["states"]


PLACEHOLDER_NAMES = {
    "You are here",
    "Please note",
    "Message title",
    "Message",
    "Time left",
    "Handout status",
    "PIN pad message",
    "Digits entered",
    "text",
}


def _open_site_page(reader: ScreenReader, row: int, title: str) -> None:
    """Tick one body part in the list with the keyboard, then open its page."""
    reader.press("push button", "Body map")
    assert reader.wait_for("list", "Body parts")
    reader.press("list", "Body parts", action="Set Focus")
    reader.keys(*["Up"] * 9, *["Down"] * row)
    button = f"Open the page for {title}"
    # Tick it only when it is not ticked yet (a space on a ticked row would untick it,
    # and with it its compared options): read the row's state, never guess from timing.
    if "checked" not in reader.states("list item", title):
        reader.keys("space")
    assert reader.wait_for("push button", button)
    reader.press("push button", button)
    assert reader.wait_for("filler", f"Page for {title}")


def test_every_site_page_reads_out_its_warning_signs_in_full(
    consultation: ScreenReader, bundled_library: ContentLibrary
) -> None:
    for row, site in enumerate(bundled_library.sites):
        _open_site_page(consultation, row, site.title)
        nodes = consultation.tree()
        names = " ".join(n["name"] for n in _showing(nodes))
        signs = [*site.red_flags.urgent, *site.red_flags.within_24_hours]
        assert signs, site.id
        missing = [sign for sign in signs if plain_text(sign) not in names]
        assert missing == [], f"{site.title}: warning signs a screen reader cannot reach"
        alert = _one(nodes, "alert", "Get help now")
        inside = " ".join(
            n["name"] for n in nodes if n["path"][: len(alert["path"])] == alert["path"]
        )
        missing = [sign for sign in signs if plain_text(sign) not in inside]
        assert missing == [], f"{site.title}: warning signs outside the alert"
        headings = {n["name"] for n in _showing(nodes) if n["role"] == "heading"}
        assert f"Treatment options for {site.title.lower()}" in headings, headings
        assert {option.title for option in bundled_library.options_for(site.id)} <= headings
        assert _badly_named(nodes) == [], site.title


def test_four_compared_options_are_a_table_with_column_and_row_headers(
    consultation: ScreenReader, bundled_library: ContentLibrary
) -> None:
    _open_site_page(consultation, 0, bundled_library.sites[0].title)
    options = bundled_library.options_for(bundled_library.sites[0].id)[:4]
    for option in options:
        consultation.press("check box", f"Compare {option.title}", action="Toggle")
    consultation.press("push button", "Compare the chosen options")
    assert consultation.wait_for("heading", "Compare options")
    nodes = _showing(consultation.tree())
    tables = [n for n in nodes if n["role"] == "table"]
    assert len(tables) == 1
    inside = [n for n in nodes if n["path"][: len(tables[0]["path"])] == tables[0]["path"]]
    columns = [n["name"] for n in inside if n["role"] == "table column header"]
    rows = [n["name"] for n in inside if n["role"] == "table row header"]
    assert columns == [option.title for option in options]
    assert len(rows) >= 5 and all(rows), rows
    cells = [n for n in inside if n["role"] == "table cell"]
    assert len(cells) == len(rows) * len(columns)
    assert cells[0]["name"] == f"{rows[0]}: {columns[0]}"
    assert _badly_named(nodes) == []
    # Leave nothing compared for the next test. The grid is made again after each
    # removal: wait until the old button has gone from the bus, or the next press can
    # find a button of the old grid that is being deleted. With one option left there
    # is no grid, so the last one is unticked on its site page.
    for option in options[:-1]:
        remove = f"Remove {option.title} from the comparison"
        consultation.press("push button", remove)
        assert _gone(consultation, "push button", remove, timeout=10)
    _open_site_page(consultation, 0, bundled_library.sites[0].title)
    last = f"Compare {options[-1].title}"
    consultation.press("check box", last, action="Toggle")
    assert "checked" not in consultation.states("check box", last)


def test_glossary_questions_handout_preview_and_about_name_everything(
    consultation: ScreenReader,
) -> None:
    screens = [
        ("Glossary", "heading", "Glossary: medical words in plain language"),
        ("Questions to ask", "heading", "Questions to ask your care team"),
        ("Handout", "heading", "Your handout"),
    ]
    for button, role, name in screens:
        consultation.press("push button", button)
        assert consultation.wait_for(role, name), name
        nodes = _showing(consultation.tree())
        assert _badly_named(nodes) == [], name
        assert {n["name"] for n in nodes}.isdisjoint(PLACEHOLDER_NAMES), name
    consultation.press("push button", "Preview the handout")
    deadline = time.monotonic() + 30
    status: list[str] = []
    while time.monotonic() < deadline and not status:
        status = [
            n["name"]
            for n in _showing(consultation.tree())
            if n["role"] == "label" and n["name"].startswith("Preview: ")
        ]
        time.sleep(0.2)
    assert status and status[0].endswith("pages."), status  # the status is its own text
    assert _badly_named(consultation.tree()) == []
    consultation.press("push button", "About mbc-guide")
    assert consultation.wait_for("dialog", "About mbc-guide")
    assert _badly_named(consultation.tree()) == []
    consultation.press("push button", "Close")
    assert _gone(consultation, "dialog", "About mbc-guide")


def test_labels_are_named_by_what_they_show(
    consultation: ScreenReader, bundled_library: ContentLibrary
) -> None:
    _open_site_page(consultation, 1, "Spine")
    showing = _showing(consultation.tree())
    names = {n["name"] for n in showing}
    assert "Body map > Spine" in names  # the breadcrumb, as shown
    assert plain_text(bundled_library.meta.disclaimer) in names
    assert names.isdisjoint(PLACEHOLDER_NAMES), names & PLACEHOLDER_NAMES


def test_links_in_text_are_links_named_by_their_words_that_open_their_meaning(
    consultation: ScreenReader, bundled_library: ContentLibrary
) -> None:
    _open_site_page(consultation, 1, "Spine")
    links = [n for n in _showing(consultation.tree()) if n["role"] == "link"]
    by_name = {n["name"]: n for n in links}
    term = next(t for t in bundled_library.glossary if t.id == "metastasis")
    word = by_name["metastases"]  # the word as the text has it; the meaning described
    assert word["description"] == f"Meaning: {' '.join(term.meaning.split())}"
    assert "Press" in word["actions"]
    sources = [n for n in links if n["name"].startswith("Source ")]
    assert sources and all(n["description"].startswith("Source [") for n in sources)
    assert all(n["name"].strip() and n["description"].strip() for n in links)
    consultation.press("link", "metastases")
    assert consultation.wait_for("alert", term.term), "the meaning box did not open"
    consultation.press("push button", "Close")
    assert _gone(consultation, "alert", term.term)


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScreenReader]:
    config = tmp_path_factory.mktemp("a11y-kiosk") / "config.toml"
    # Nobody touches the screen: the idle warning comes after 4 seconds.
    config.write_text("kiosk = true\nidle_seconds = 4\nwarning_seconds = 30\n", encoding="utf-8")
    with accessible_program(["--config", str(config)]) as reader:
        yield reader


def test_the_kiosk_idle_warning_is_an_alert_that_says_how_long_is_left(
    kiosk: ScreenReader,
) -> None:
    assert kiosk.wait_for("list", "Body parts")
    kiosk.press("list", "Body parts", action="Set Focus")
    kiosk.keys("Down", "space")  # a body part ticked: now there is something to keep
    # Someone using a screen reader presses buttons through the bus for twice the idle
    # time: that is activity, and no warning comes.
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        kiosk.press("push button", "Glossary")
        kiosk.press("push button", "Body map")
        assert not kiosk.wait_for("alert", "Are you still there?", timeout=0.3)
    assert kiosk.wait_for("alert", "Are you still there?", timeout=20)
    showing = _showing(kiosk.tree())
    button = next(n for n in showing if n["name"] == "I'm still here")
    assert "focused" in button["states"]
    assert "This screen will be cleared in 30 seconds" in button["description"]
    countdown = [n["name"] for n in showing if n["name"].startswith("Clearing in ")]
    assert countdown, "the countdown is not named by what it shows"
    assert _badly_named(kiosk.tree()) == []
    kiosk.press("push button", "I'm still here")
    assert kiosk.wait_for("push button", "Body map")


@pytest.fixture(scope="module")
def staffed_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScreenReader]:
    config = tmp_path_factory.mktemp("a11y-staff") / "config.toml"
    config.write_text(
        f'kiosk = true\nidle_seconds = 600\nadmin_pin_hash = "{hash_pin(STAFF_PIN)}"\n',
        encoding="utf-8",
    )
    with accessible_program(["--config", str(config)]) as reader:
        yield reader


def test_the_kiosk_glossary_panel_speaks_the_word_and_its_meaning(
    staffed_kiosk: ScreenReader, bundled_library: ContentLibrary
) -> None:
    reader = staffed_kiosk
    _open_site_page(reader, 1, "Spine")
    spine = bundled_library.site("spine")
    summary = next(
        n["name"]
        for n in _showing(reader.tree())
        if n["role"] == "label" and n["name"].startswith(f"{spine.title} ")
    )
    reader.press("label", summary, action="Set Focus")
    reader.keys("Tab", "Return")  # to the first glossary word in the text, and open it
    term = next(t for t in bundled_library.glossary if t.id == "metastasis")
    assert reader.wait_for("label", term.term)
    names = {n["name"] for n in _showing(reader.tree())}
    assert term.meaning in names
    assert names.isdisjoint(PLACEHOLDER_NAMES), names & PLACEHOLDER_NAMES
    reader.press("push button", "Close this message")
    assert _gone(reader, "label", term.term)


def test_the_staff_pin_pad_is_named_by_what_it_shows(staffed_kiosk: ScreenReader) -> None:
    reader = staffed_kiosk
    reader.press("push button", "Body map")
    reader.hold(CORNER_PX // 2, CORNER_PX // 2, HOLD_MS / 1000 + 0.5)  # the staff corner
    assert reader.wait_for("label", "Staff only: enter the PIN")
    assert reader.wait_for("label", "No digits entered")
    for digit in STAFF_PIN[:2]:
        reader.press("push button", f"Digit {digit}")
    assert reader.wait_for("label", "2 digits entered")
    nodes = _showing(reader.tree())
    assert _badly_named(nodes) == []
    assert {n["name"] for n in nodes}.isdisjoint(PLACEHOLDER_NAMES)
    reader.press("push button", "Cancel and go back")
    assert _gone(reader, "label", "Staff only: enter the PIN")
