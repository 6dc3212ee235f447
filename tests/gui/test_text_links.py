"""Links inside rich text have stand-ins a screen reader can list, read and press."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import Controller
from desktop_app.ui.widgets.rich_text import RichBrowser, RichLabel

TEXT = (
    '<p>Cancer that has spread makes <a href="term:metastasis">metastases</a>, '
    'as the guideline says <a href="source:nice-ng234">[nice-ng234]</a>.</p>'
)


def test_each_link_in_a_label_has_a_named_stand_in_over_its_words(
    qtbot: QtBot, controller: Controller
) -> None:
    shown: list[tuple[str, str]] = []
    controller.explainer.show_box = lambda _w, title, text: shown.append((title, text))
    label = RichLabel(TEXT, controller.explainer)
    qtbot.addWidget(label)
    label.resize(320, 200)
    label.show()
    qtbot.waitExposed(label)
    links = label.link_buttons
    assert [link.accessibleName() for link in links] == ["metastases", "Source nice-ng234"]
    assert links[0].accessibleDescription().startswith("Meaning: A new tumour")
    assert links[1].accessibleDescription().startswith("Source [nice-ng234]: ")
    for link in links:
        assert label.rect().contains(link.geometry())
        assert link.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab stays in the text
        assert link.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    # The stand-in lies over its words: a click there opens the same meaning.
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=links[0].geometry().center())
    qtbot.waitUntil(lambda: len(shown) == 1)
    links[0].click()  # what the bus's press action does, after it has returned
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[0] == shown[1] and shown[0][0] == "metastasis"


def test_stand_ins_follow_new_text_and_width_and_are_reused(
    qtbot: QtBot, controller: Controller
) -> None:
    label = RichLabel(TEXT, controller.explainer)
    qtbot.addWidget(label)
    label.resize(600, 200)
    label.show()
    qtbot.waitExposed(label)
    wide = [link.geometry() for link in label.link_buttons]
    label.resize(160, 300)
    qtbot.waitUntil(lambda: [link.geometry() for link in label.link_buttons] != wide)
    made = set(map(id, label.findChildren(type(label.link_buttons[0]))))
    label.set_html("<p>No links here.</p>")
    assert label.link_buttons == []
    label.set_html(TEXT)
    assert len(label.link_buttons) == 2
    assert set(map(id, label.findChildren(type(label.link_buttons[0])))) == made


def test_links_in_a_text_browser_move_with_its_text(qtbot: QtBot, controller: Controller) -> None:
    browser = RichBrowser(controller.explainer, "Details")
    qtbot.addWidget(browser)
    browser.resize(400, 150)
    browser.setHtml("<p>Line</p>" * 30 + TEXT)
    browser.show()
    qtbot.waitExposed(browser)
    qtbot.waitUntil(lambda: len(browser.link_buttons) == 2)
    before = browser.link_buttons[0].geometry().topLeft()
    browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())
    after = browser.link_buttons[0].geometry().topLeft()
    moved = before - after
    assert moved == QPoint(0, browser.verticalScrollBar().maximum())
    assert browser.viewport().rect().contains(browser.link_buttons[0].geometry())
