"""A broken --content folder: the same messages, once, and the bundled content runs."""

from __future__ import annotations

from pathlib import Path

from desktop_app.app import choose_content
from desktop_app.content.loader import load_content
from desktop_app.resources import bundled_content_dir


def test_broken_content_falls_back_to_bundled_with_the_same_messages(
    minimal_content: Path,
) -> None:
    site = minimal_content / "sites" / "bone.md"
    site.write_text(site.read_text().replace("order: 1", "order: first"))
    choice = choose_content(minimal_content)
    assert choice.library is not None
    assert choice.library.root == bundled_content_dir()
    expected = [str(p) for p in load_content(minimal_content, readability=False).problems]
    assert len(choice.notices) == 1
    for line in expected:
        assert line in choice.notices[0]
    assert "using its own bundled content" in choice.notices[0]


def test_good_content_folder_is_used(minimal_content: Path) -> None:
    choice = choose_content(minimal_content)
    assert choice.library is not None
    assert choice.library.root == minimal_content
    assert choice.notices == []
