"""Every validation error on a broken copy of the minimal content, with its exact message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.content.loader import load_content
from desktop_app.content.problems import Severity

TODAY = dt.date(2026, 11, 26)

# (file, text to replace, replacement, expected messages with {root}, severity)
CASES = {
    "unknown field": (
        "sites/bone.md",
        "title: The bone\n",
        "title: The bone\ncolour: red\n",
        [
            '{root}/sites/bone.md:4: colour: unknown field "colour". Remove it or correct its '
            "spelling; allowed fields here: id, title, order, summary, symptoms, red_flags, "
            "options, questions, sources, reviewed, next_review."
        ],
        Severity.ERROR,
    ),
    "missing field": (
        "sites/spine.md",
        "summary: This is a short test text. It is easy to read.\n",
        "",
        [
            "{root}/sites/spine.md:2: summary: missing required field. Add it (see docs/content-format.md)."
        ],
        Severity.ERROR,
    ),
    "wrong type": (
        "sites/bone.md",
        "order: 1\n",
        "order: first\n",
        ["{root}/sites/bone.md:4: order: should be a whole number, found text."],
        Severity.ERROR,
    ),
    "unknown source": (
        "options/opt-rays.md",
        "what: {text: It is a test., sources: [src-one]}",
        "what: {text: It is a test., sources: [src-nope]}",
        [
            '{root}/options/opt-rays.md:9: rows.what.sources[0]: unknown source id "src-nope". '
            "Add it to sources.yaml or use one of: src-one, src-two."
        ],
        Severity.ERROR,
    ),
    "unknown site": (
        "options/opt-pills.md",
        "sites: [bone, spine]",
        "sites: [bone, spine, liver]",
        [
            '{root}/options/opt-pills.md:4: sites[2]: unknown site id "liver". Use one of: bone, spine.'
        ],
        Severity.ERROR,
    ),
    "unknown option": (
        "sites/bone.md",
        "options: [opt-rays, opt-pills]",
        "options: [opt-rays, opt-pills, opt-missing]",
        [
            '{root}/sites/bone.md:15: options[2]: unknown option id "opt-missing". '
            "Create options/opt-missing.md or remove it from this list."
        ],
        Severity.ERROR,
    ),
    "duplicate question id": (
        "sites/spine.md",
        "  - id: spine-q",
        "  - id: bone-q",
        [
            '{root}/sites/spine.md:17: questions[0].id: duplicate question id "bone-q", also used '
            "in {root}/sites/bone.md. Give each question its own id."
        ],
        Severity.ERROR,
    ),
    "duplicate term id": (
        "glossary.yaml",
        "    meaning: It uses strong rays to kill cancer cells. You do not feel it.\n",
        "    meaning: It uses strong rays to kill cancer cells. You do not feel it.\n"
        "  - id: radiotherapy\n    term: rays\n    meaning: Strong rays. You do not feel them.\n",
        [
            '{root}/glossary.yaml:8: terms[1].id: duplicate term id "radiotherapy" (first used on '
            "line 4). Give each term its own id."
        ],
        Severity.ERROR,
    ),
    "id does not match file name": (
        "options/opt-pills.md",
        "id: opt-pills",
        "id: opt-tablets",
        [
            '{root}/options/opt-pills.md:2: id: "opt-tablets" does not match the file name '
            '"opt-pills.md". Rename the file or change the id so they are the same.'
        ],
        Severity.ERROR,
    ),
    "number out of range": (
        "options/opt-rays.md",
        "number: {value: 35,",
        "number: {value: 135,",
        [
            "{root}/options/opt-rays.md:15: rows.recovery.number.value: should be from 0 to 100, found 135."
        ],
        Severity.ERROR,
    ),
    "unknown evidence level": (
        "options/opt-rays.md",
        "level: moderate",
        "level: certain",
        [
            '{root}/options/opt-rays.md:20: rows.evidence.level: "certain" is not allowed. '
            "Use one of: high, moderate, low, very-low."
        ],
        Severity.ERROR,
    ),
    "empty row": (
        "options/opt-rays.md",
        "who_for: {text: Most people.,",
        "who_for: {text: '',",
        [
            "{root}/options/opt-rays.md:19: rows.who_for.text: is empty. Write the text, or say "
            "plainly that nothing is known."
        ],
        Severity.ERROR,
    ),
    "YAML syntax": (
        "options/opt-pills.md",
        "title: Option pills",
        "title: [Option pills",
        [
            "{root}/options/opt-pills.md:4: (file): cannot be read: did not find expected ',' "
            "or ']'. Fix the YAML syntax."
        ],
        Severity.ERROR,
    ),
    "review date passed": (
        "sources.yaml",
        "next_review: 2099-01-01",
        "next_review: 2026-03-01",
        [
            "{root}/sources.yaml:2: next_review: the review date 2026-03-01 has passed. Check this "
            "file against its sources, then set reviewed to today and next_review to a year from now."
        ],
        Severity.REVIEW,
    ),
    "reading grade": (
        "sites/bone.md",
        "summary: This is a short test text. It is easy to read.",
        "summary: Notwithstanding considerable interindividual heterogeneity, multidisciplinary "
        "evaluation necessitates comprehensive characterisation of metastatic dissemination.",
        [
            "{root}/sites/bone.md:1: (file): reads at Flesch-Kincaid grade 12.6; the limit is 8. "
            "Use shorter sentences and plainer words."
        ],
        Severity.REVIEW,
    ),
}


def _break(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("case", list(CASES))
def test_each_problem_has_its_exact_message(minimal_content: Path, case: str) -> None:
    file, old, new, expected, severity = CASES[case]
    _break(minimal_content, file, old, new)
    result = load_content(minimal_content, today=TODAY)
    messages = [str(p).replace(str(minimal_content), "{root}") for p in result.problems]
    assert messages == expected
    assert [p.severity for p in result.problems] == [severity]
    # Structural errors make the folder unusable; review problems leave it usable.
    assert (result.library is None) == (severity is Severity.ERROR)


def test_a_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = load_content(tmp_path / "nowhere", today=TODAY)
    assert result.library is None
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'nowhere'}:1: (folder): content folder does not exist. Check the path."
    ]


def test_binary_garbage_is_reported(minimal_content: Path) -> None:
    (minimal_content / "sites" / "bone.md").write_bytes(b"\xff\xfe\x00garbage")
    result = load_content(minimal_content, today=TODAY)
    assert result.library is None
    assert [str(p) for p in result.problems] == [
        f"{minimal_content}/sites/bone.md:1: (file): is not UTF-8 text (byte 0). "
        "Save the file as UTF-8."
    ]


def test_content_check_command_prints_one_line_per_problem(
    minimal_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(minimal_content, "sites/bone.md", "order: 1\n", "order: first\n")
    _break(minimal_content, "options/opt-rays.md", "level: moderate", "level: certain")
    assert main(["content", "check", "--content", str(minimal_content)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{minimal_content}/sites/bone.md:4: order: should be a whole number, found text.",
        f'{minimal_content}/options/opt-rays.md:20: rows.evidence.level: "certain" is not '
        "allowed. Use one of: high, moderate, low, very-low.",
    ]


def test_content_check_passes_on_clean_content(
    minimal_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "check", "--content", str(minimal_content)]) == 0
    assert "OK: 2 sites, 2 options" in capsys.readouterr().out


def test_content_list_prints_sites_then_options(
    minimal_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "list", "--content", str(minimal_content)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "site bone The bone",
        "site spine The spine",
        "option opt-pills Option pills",
        "option opt-rays Option rays",
    ]


def test_content_report_lists_every_file_with_grades(
    minimal_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "report", "--content", str(minimal_content)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["file", "words", "FK", "grade", "SMOG"]
    assert any(line.startswith("sites/bone.md ") for line in out)
    assert out[-1] == "7 files; 0 above grade 8"
