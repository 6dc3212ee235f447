"""The soak test: drive the real window through many thousands of a person's actions.

    python -m tools.soak --mode consultation --actions 20000 [--seed 1] [--max-growth-mb 10]

Starts the program as `mbc-guide` does (offscreen unless a display is named), then does
what people do, chosen at random with a fixed seed: moves the pointer over the body map,
chooses and unchooses body parts (drawing, list and keyboard), opens site pages and
every option's "Read more", compares 2 to 4 options and scrolls the table, looks words
up, types in every text box, builds handout previews, changes text size and contrast,
goes back and forward, starts again, and in kiosk mode lets the idle warning come up and
either answers it or lets the countdown clear the screen. Every action goes through the
widgets (mouse and key events, button clicks), and Qt paints after each one.

Before counting, it visits every screen at every text size in both themes, does each
kind of action once and a few hundred random ones, so that pages built on first use and
what Qt keeps for each text size it has drawn (glyphs, style pixmaps) are in memory.
Memory is then measured eleven times, always in the same state (the start screen
after New patient, normal text and colours, every site page and the body map's
per-site images built, Qt's bounded pixmap cache emptied, after a garbage collection
and malloc_trim): after a tenth of the run (at least RAMP_UP_ACTIONS actions) and
after each further tenth. The growth it reports is the lowest of the last
three measurements minus the lowest of the first three (see memory_growth_mb).
It prints one JSON line and exits 0, or exits 1 when an exception reached Qt's event
loop, a check failed, or memory grew more than --max-growth-mb.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeyEvent, QPixmapCache
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.app import Controller, make_application, start_program
from desktop_app.ui.pages.site_page import OptionCard
from desktop_app.ui.qt.theme import TEXT_SIZES_PT
from tools.tour import (
    consultation_scenes,
    kiosk_scenes,
    leave_scene,
    settle,
    wait_for_preview,
)

WORDS = ("pain", "bone", "Zoë", "Łódź", "scan", "radio", "nurse", "Ωμέγα", "день", "<b>x</b> &")
WARM_UP_ACTIONS = 300
"""Random actions in the warm-up, after one of each kind, before memory is first measured."""
SAMPLES = 10
"""How many times memory is measured after the ramp-up (plus once at the start of it)."""
RAMP_UP_ACTIONS = 500
"""Memory is first measured after a tenth of the run, and after at least this many actions."""
PREVIEW_EVERY = 400
"""A handout preview builds a real PDF (about 0.2 s): one in this many actions."""


def resident_bytes() -> int:
    """This process's resident memory, after giving freed memory back to the system.

    Qt's pixmap cache is emptied first: it is bounded (10 MB by default) and fills as
    new widgets are drawn (each new "Read about" button adds its own pixmaps), so up to
    10 MB of growth would be the cache filling, not a leak.
    """
    QPixmapCache.clear()
    gc.collect()
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        libc = ctypes.CDLL(libc_name)
        if hasattr(libc, "malloc_trim"):
            libc.malloc_trim(0)
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Soak:
    """Chooses and performs actions on one controller, counting each kind."""

    def __init__(
        self,
        controller: Controller,
        seed: int,
        only: str | None = None,
        without: tuple[str, ...] = (),
    ) -> None:
        self.controller = controller
        self.window = controller.window
        self.random = random.Random(seed)
        self.done: Counter[str] = Counter()
        self.kiosk = controller.kiosk is not None
        # Weights: how often a person does each thing. Text size and contrast are changed
        # a few times in a visit, not every minute: about once in 600 actions each.
        actions: list[tuple[Callable[[], None], int]] = [
            (self.move_over_map, 150),
            (self.click_body_part, 40),
            (self.tick_in_list, 20),
            (self.keys_on_map, 20),
            (self.open_site, 40),
            (self.read_more, 25),
            (self.toggle_compare, 30),
            (self.open_compare, 20),
            (self.scroll_page, 40),
            (self.look_up_word, 20),
            (self.glossary_search, 15),
            (self.type_text, 25),
            (self.tick_question, 15),
            (self.add_own_question, 10),
            (self.back_or_forward, 20),
            (self.text_size, 1),
            (self.contrast, 1),
            (self.start_again, 5),
        ]
        if self.kiosk:
            actions += [(self.idle_warning, 5), (self.open_panel, 5)]
        actions = [(a, w) for a, w in actions if a.__name__ not in without]
        self._actions = [action for action, _ in actions]
        self._weights = [weight for _, weight in actions]
        self._only = getattr(self, only) if only else None
        self._without = without

    # -- the run ----------------------------------------------------------------
    def warm_up(self) -> Iterator[None]:
        """Fill what Qt and the program build once and keep, before memory is measured.

        Every screen at every text size in both themes (pages are built on first use;
        Qt keeps glyphs and style pixmaps for each size it has drawn), each kind of
        action once, then WARM_UP_ACTIONS random ones; then back to a clean start.
        """
        scenes = kiosk_scenes if self.kiosk else consultation_scenes
        controller = self.controller
        for high_contrast in (False, True):
            controller.set_high_contrast(high_contrast)
            controller.step_text_size(-len(TEXT_SIZES_PT))
            for _ in TEXT_SIZES_PT:
                for scene in scenes(controller):
                    scene.show(controller)
                    yield
                    leave_scene(controller)
                controller.step_text_size(1)
        controller.set_high_contrast(False)
        self.clear()
        for action in self._actions:
            action()
            yield
        for _ in range(WARM_UP_ACTIONS):
            self.random.choices(self._actions, self._weights)[0]()
            yield
        self.preview()
        self.measuring_state()
        yield

    def run(self, count: int) -> Iterator[None]:
        """`count` actions, one per turn of the event loop; a preview every PREVIEW_EVERY."""
        for number in range(1, count + 1):
            if self._only is not None:
                self._only()
            elif number % PREVIEW_EVERY == 0 and "preview" not in self._without:
                self.preview()
            else:
                self.random.choices(self._actions, self._weights)[0]()
            yield

    def qt_objects(self) -> int:
        """How many Qt objects the window and the application's windows hold now.

        Counted only at the first and the last measurement: findChildren() gives every
        object Qt made by itself a Python wrapper, and with PySide6 6.12 the wrapper of
        such an object outlives it (measured: about 300 wrappers, some 50 KB, per count
        in a run that rebuilds pages), so counting at every sample would add to the
        growth it is there to explain.
        """
        windows = QApplication.topLevelWidgets()
        return sum(1 + len(w.findChildren(QObject)) for w in windows)

    def _count(self, kind: str) -> None:
        self.done[kind] += 1

    # -- helpers ------------------------------------------------------------------
    def _on_map(self) -> None:
        if self.window.stack.currentWidget() is not self.window.map_page:
            QTest.mouseClick(self.window.map_button, Qt.MouseButton.LeftButton)
            settle()

    def _visible(self, widgets: list[QWidget]) -> list[QWidget]:
        return [widget for widget in widgets if widget.isVisible() and widget.isEnabled()]

    def _click(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())

    # -- actions ------------------------------------------------------------------
    def move_over_map(self) -> None:
        self._on_map()
        body_map = self.window.map_page.body_map
        for _ in range(5):
            point = QPoint(
                self.random.randrange(max(1, body_map.width())),
                self.random.randrange(max(1, body_map.height())),
            )
            QTest.mouseMove(body_map, point)
        self._count("pointer moves over the body map (5 each)")

    def click_body_part(self) -> None:
        self._on_map()
        body_map = self.window.map_page.body_map
        site = self.random.choice(self.controller.library.sites)
        QTest.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.anchor_point(site.id))
        self._count("body parts chosen or unchosen on the drawing")

    def tick_in_list(self) -> None:
        self._on_map()
        view = self.window.map_page.site_list
        row = self.random.randrange(view.model().rowCount())
        index = view.model().index(row, 0)
        view.setCurrentIndex(index)
        QTest.keyClick(view.viewport(), Qt.Key.Key_Space)
        self._count("body parts ticked in the list")

    def keys_on_map(self) -> None:
        self._on_map()
        body_map = self.window.map_page.body_map
        body_map.setFocus()
        key = self.random.choice((Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Space))
        QTest.keyClick(body_map, key)
        self._count("keys on the body map")

    def open_site(self) -> None:
        self._on_map()
        buttons = self._visible(list(self.window.map_page.open_buttons.values()))
        if not buttons:
            self.click_body_part()
            settle()
            buttons = self._visible(list(self.window.map_page.open_buttons.values()))
        if buttons:
            self._click(self.random.choice(buttons))
            self._count("site pages opened")

    def _site_cards(self) -> list[OptionCard]:
        if self.window.stack.currentWidget() is not self.window.site_pages:
            self.open_site()
            settle()
        if self.window.stack.currentWidget() is not self.window.site_pages:
            return []
        return list(self.window.site_page.cards)

    def read_more(self) -> None:
        cards = self._site_cards()
        if cards:
            self._click(self.random.choice(cards).details_button)
            self._count("option pages opened (Read more)")

    def toggle_compare(self) -> None:
        cards = self._site_cards()
        if cards:
            self._click(self.random.choice(cards).compare_button)
            self._count("Compare toggled on an option card")

    def open_compare(self) -> None:
        cards = self._site_cards()
        if not cards:
            return
        session = self.controller.session
        wanted = self.random.randint(2, min(4, len(cards)))
        for card in cards:
            on = card.option.id in session.compared
            if on != (cards.index(card) < wanted):
                self._click(card.compare_button)
        settle()
        button = self.window.site_page.compare_button
        if button.isEnabled():
            self._click(button)
            self._count(f"comparisons of {len(session.compared)} options shown")

    def scroll_page(self) -> None:
        current = self.window.stack.currentWidget()
        if current is None:
            return
        areas = [current] if isinstance(current, QAbstractScrollArea) else []
        areas += [a for a in current.findChildren(QAbstractScrollArea) if a.isVisible()]
        if not areas:
            return
        bar = self.random.choice(areas).verticalScrollBar()
        key = self.random.choice((Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_End))
        QTest.keyClick(bar, key)
        self._count("pages scrolled")

    def look_up_word(self) -> None:
        """Point at (consultation) or tap (kiosk) an underlined word on a site page."""
        if not self._site_cards():
            return
        overview = self.window.site_page.overview
        term = self.random.choice(self.controller.library.glossary).id
        if self.kiosk:
            overview.linkActivated.emit(f"term:{term}")
            settle()
            self._click(self.controller.kiosk.panel.close_button)  # type: ignore[union-attr]
        else:
            overview.linkHovered.emit(f"term:{term}")
            overview.linkHovered.emit("")
        self._count("glossary words looked up on a page")

    def glossary_search(self) -> None:
        QTest.mouseClick(self.window.glossary_button, Qt.MouseButton.LeftButton)
        settle()
        page = self.window.glossary_page
        page.search.clear()
        type_into(page.search, self.random.choice(("bone", "ra", "x", "me", "Ω", "")))
        view = page.list
        if view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))
        self._count("glossary searches")

    def type_text(self) -> None:
        QTest.mouseClick(self.window.handout_button, Qt.MouseButton.LeftButton)
        settle()
        fields: list[QWidget] = self._visible(
            [*self.window.findChildren(QLineEdit), *self.window.findChildren(QPlainTextEdit)]
        )
        if not fields:
            return
        field = self.random.choice(fields)
        field.setFocus()
        type_into(field, " " + self.random.choice(WORDS))
        if isinstance(field, QLineEdit) and len(field.text()) > 60:
            field.clear()
        if isinstance(field, QPlainTextEdit) and len(field.toPlainText()) > 400:
            field.clear()
        self._count("words typed in a text box")

    def tick_question(self) -> None:
        QTest.mouseClick(self.window.questions_button, Qt.MouseButton.LeftButton)
        settle()
        view = self.window.questions_page.list
        rows = view.model().rowCount()
        if rows:
            view.setCurrentIndex(view.model().index(self.random.randrange(rows), 0))
            QTest.keyClick(view.viewport(), Qt.Key.Key_Space)
            self._count("questions ticked or unticked")

    def add_own_question(self) -> None:
        QTest.mouseClick(self.window.questions_button, Qt.MouseButton.LeftButton)
        settle()
        page = self.window.questions_page
        if len(self.controller.session.own_questions) >= 5:
            page.own_list.setCurrentRow(0)
            self._click(page.remove_button)
            self._count("own questions removed")
            return
        type_into(page.own_entry, f"Question {self.random.choice(WORDS)}?")
        self._click(page.add_button)
        self._count("own questions added")

    def back_or_forward(self) -> None:
        button = self.random.choice((self.window.back_button, self.window.forward_button))
        if button.isEnabled():
            self._click(button)
            self._count("Back or Forward")

    def text_size(self) -> None:
        button = self.random.choice((self.window.smaller_button, self.window.larger_button))
        self._click(button)
        self._count("text size changed")

    def contrast(self) -> None:
        self._click(self.window.contrast_button)
        self._count("contrast switched")

    def start_again(self) -> None:
        """New patient / Start again, answering Yes when the program asks."""
        QTimer.singleShot(0, _answer_yes)
        self._click(self.window.new_button)
        self._count("New patient / Start again")

    def idle_warning(self) -> None:
        """Walk away: the idle warning comes up; answer it, or let it clear the screen."""
        kiosk = self.controller.kiosk
        assert kiosk is not None
        kiosk.idle.idle.emit()  # what the idle timer does when nobody touches the screen
        settle()
        if not kiosk.warning.is_open():
            self._count("idle on an untouched screen (tidied without asking)")
            return
        if self.random.random() < 0.5:
            self._click(kiosk.warning.still_here_button)
            self._count("idle warning answered: I'm still here")
        else:
            while kiosk.warning.is_open():
                kiosk.warning.tick()
            self._count("idle warning ran out: screen cleared")
            if not kiosk.is_pristine():
                raise AssertionError("the kiosk reset left something of the session")

    def open_panel(self) -> None:
        """Open the About panel or the staff PIN pad, then close it again."""
        kiosk = self.controller.kiosk
        assert kiosk is not None
        if self.random.random() < 0.5:
            self._click(self.window.about_button)
            settle()
            kiosk.about.close_panel()
            self._count("About panel opened and closed")
        else:
            kiosk.pin_pad.open()
            for digit in "13":
                kiosk.pin_pad.press(digit)
            settle()
            kiosk.pin_pad.close_panel()
            self._count("PIN pad opened and closed")

    def preview(self) -> None:
        QTest.mouseClick(self.window.handout_button, Qt.MouseButton.LeftButton)
        settle()
        wait_for_preview(self.controller)
        self._count("handout previews built")

    def measuring_state(self) -> None:
        """Where memory is measured: a clean start, with every site page built.

        Site pages are built ahead in idle moments and rebuilt after a text size or
        theme change, and the body map keeps an image per site and colour it has drawn,
        so how much of both exists at a given moment varies; with all of them built,
        two measurements compare like with like.
        """
        self.clear()
        body_map = self.window.map_page.body_map
        sites = self.controller.library.sites
        for site in sites:  # the drawing keeps a tinted image per site and colour
            self.controller.selection.set_selected(site.id, True)
        settle()
        for site in sites:
            QTest.mouseMove(body_map, body_map.anchor_point(site.id))
            settle()
        self.clear()
        for site in sites:
            self.window.site_pages.page(site.id)
        settle()

    def clear(self) -> None:
        """Back to the start screen with normal text and colours."""
        if self.controller.kiosk is not None:
            self.controller.kiosk.reset()
        else:
            self.window.clear_everything()
            self.controller.reset_view()
            if self.window.contrast_button.isChecked():
                self._click(self.window.contrast_button)
        settle()


def type_into(widget: QWidget, text: str) -> None:
    """Type `text` key by key, as a keyboard or an input method would (any script)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def _quiet_offscreen(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Drop what the offscreen platform says it cannot do; pass everything else on."""
    if not message.startswith(OFFSCREEN_NOISE):
        sys.stderr.write(f"{mode.name}: {message}\n")


def _answer_yes() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.button(QMessageBox.StandardButton.Yes).click()


class _Errors:
    """Exceptions raised inside Qt's event loop (PySide prints them and goes on)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def hook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self.seen.append("".join(traceback.format_exception(kind, value, tb)))
        sys.stderr.write(self.seen[-1])


def memory_growth_mb(samples: list[tuple[int, int, int]]) -> float:
    """How much the lowest resident size rose from the first samples to the last ones.

    Resident size in the same screen state still varies by some megabytes from one
    moment to the next (the PDF worker thread's heap, Qt's caches); a leak raises the
    floor. So the growth is the lowest of the last three samples minus the lowest of
    the first three.
    """
    first = min(rss for _, rss, _ in samples[:3])
    last = min(rss for _, rss, _ in samples[-3:])
    return (last - first) / 1e6


def drive(steps: Iterator[None], on_done: Callable[[], None]) -> None:
    """Run one step per turn of the running event loop, as a person's actions arrive.

    Returning to the loop between steps matters: Qt deletes widgets passed to
    deleteLater() only there, and paints there, just as in the real program.
    """
    timer = QTimer()
    timer.setInterval(0)

    def step() -> None:
        try:
            next(steps)
        except StopIteration:
            timer.stop()
            on_done()

    timer.timeout.connect(step)
    timer.start()
    drive.timers.append(timer)  # type: ignore[attr-defined]


drive.timers = []  # type: ignore[attr-defined]


def _soak_config(folder: Path, kiosk: bool) -> Path:
    """Clinic settings for the run: the idle warning comes when the soak walks away."""
    path = folder / "soak.toml"
    path.write_text(
        f"kiosk = {'true' if kiosk else 'false'}\nidle_seconds = 3600\nwarning_seconds = 30\n",
        encoding="utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("consultation", "kiosk"), default="consultation")
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-growth-mb", type=float, default=10.0)
    parser.add_argument(
        "--only", metavar="ACTION", help="repeat one action (a method of Soak) to find a leak"
    )
    parser.add_argument(
        "--without", default="", metavar="A,B", help="leave these actions out of the mix"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    errors = _Errors()
    sys.excepthook = errors.hook
    qInstallMessageHandler(_quiet_offscreen)
    app = make_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as folder:
        config = _soak_config(Path(folder), args.mode == "kiosk")
        startup = start_program(app, config, remember_view=False)
    controller = startup.controller
    if controller is None or startup.notices:
        print("\n".join(startup.notices), file=sys.stderr)
        return 1
    if controller.kiosk is not None:
        controller.kiosk.show(full_screen=False)
        controller.window.resize(1280, 800)
    else:
        controller.window.resize(1280, 860)
        controller.window.show()
    without = tuple(name for name in args.without.split(",") if name)
    soak = Soak(controller, args.seed, only=args.only, without=without)
    measured: dict[str, float] = {}
    failure: list[str] = []

    ramp_up = min(args.actions, max(RAMP_UP_ACTIONS, args.actions // 10))
    samples: list[tuple[int, int, int]] = []  # (actions done, resident bytes, Qt objects)

    def sample(done: int, count_objects: bool) -> Iterator[None]:
        soak.measuring_state()
        yield  # back to the loop, so deleteLater() calls are done before measuring
        rss = resident_bytes()
        samples.append((done, rss, soak.qt_objects() if count_objects else -1))
        objects = f", {samples[-1][2]} Qt objects" if count_objects else ""
        print(f"{done} actions: {rss / 1e6:.1f} MB{objects}", file=sys.stderr)

    def steps() -> Iterator[None]:
        measured["started"] = time.perf_counter()
        yield from soak.warm_up()
        measured["warmed"] = time.perf_counter()
        try:
            yield from soak.run(ramp_up)
            done = ramp_up
            for index in range(SAMPLES):
                yield from sample(done, count_objects=index == 0)
                chunk = (args.actions - done) // (SAMPLES - index)
                yield from soak.run(chunk)
                done += chunk
            yield from sample(done, count_objects=True)
        except Exception:  # a failed check: reported in the summary, exit 1
            failure.append(traceback.format_exc())
            sys.stderr.write(failure[-1])
        measured["ended"] = time.perf_counter()

    drive(steps(), lambda: app.exit(0))
    app.exec()
    if controller.kiosk is not None:
        controller.kiosk.shut_down()
    if not samples:
        samples.append((0, resident_bytes(), soak.qt_objects()))
    growth_mb = memory_growth_mb(samples)
    summary = {
        "mode": args.mode,
        "actions": args.actions,
        "seed": args.seed,
        "python": sys.version.split()[0],
        "seconds": round(measured["ended"] - measured["warmed"], 1),
        "warm_up_seconds": round(measured["warmed"] - measured["started"], 1),
        "measured_from_action": ramp_up,
        "rss_mb": [round(rss / 1e6, 1) for _, rss, _ in samples],
        "qt_objects": [objects for _, _, objects in samples if objects >= 0],
        "growth_mb": round(growth_mb, 2),
        "errors": len(errors.seen) + len(failure),
        "done": dict(sorted(soak.done.items())),
    }
    print(json.dumps(summary), flush=True)
    ok = not errors.seen and not failure and growth_mb < args.max_growth_mb
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
