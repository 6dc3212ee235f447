"""Loading good content into the typed model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.content.loader import load_content
from desktop_app.content.model import RowKey
from desktop_app.resources import bundled_content_dir

TODAY = dt.date(2026, 11, 26)


def test_minimal_content_loads_into_the_model(minimal_content: Path) -> None:
    result = load_content(minimal_content, today=TODAY)
    assert result.problems == []
    library = result.library
    assert library is not None
    assert library.site_ids == ("bone", "spine")
    assert [o.id for o in library.options_for("bone")] == ["opt-rays", "opt-pills"]
    option = library.option("opt-rays")
    assert [row.key for row in option.rows] == list(RowKey)
    recovery = option.row(RowKey.RECOVERY)
    assert recovery.figure is not None
    assert recovery.figure.value == 35
    assert recovery.figure.phrase == "about 35 in 100 people"
    assert option.evidence_level == "moderate"
    assert library.site("spine").red_flags.urgent == ("You cannot walk.",)
    assert [q.id for q in library.all_questions] == ["q-choices", "bone-q", "spine-q"]
    assert library.meta.version == "test-1"
    assert library.earliest_next_review == dt.date(2099, 1, 1)


def test_bundled_content_is_clean() -> None:
    result = load_content(bundled_content_dir())
    assert [str(p) for p in result.problems] == []
    assert result.library is not None
