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
    # A required field left empty (nothing, blank text, null) is reported like a missing
    # one, and the folder cannot be used: before, the item was silently left out.
    "empty site title": (
        "sites/spine.md",
        "title: The spine\n",
        "title:\n",
        ["{root}/sites/spine.md:3: title: is empty. Fill it in (see docs/content-format.md)."],
        Severity.ERROR,
    ),
    "blank option title": (
        "options/opt-rays.md",
        "title: Option rays",
        "title: '   '",
        ["{root}/options/opt-rays.md:3: title: is empty. Fill it in (see docs/content-format.md)."],
        Severity.ERROR,
    ),
    "null meta title": (
        "meta.yaml",
        "title: Test content",
        "title: ~",
        ["{root}/meta.yaml:3: title: is empty. Fill it in (see docs/content-format.md)."],
        Severity.ERROR,
    ),
    "empty number": (
        "sites/bone.md",
        "order: 1\n",
        "order:\n",
        ["{root}/sites/bone.md:4: order: is empty. Fill it in (see docs/content-format.md)."],
        Severity.ERROR,
    ),
    "empty list item": (
        "sites/bone.md",
        "  - You may feel pain.\n",
        "  - You may feel pain.\n  -\n",
        [
            "{root}/sites/bone.md:10: symptoms[1]: is empty. Fill it in (see docs/content-format.md)."
        ],
        Severity.ERROR,
    ),
    "empty list of questions": (
        "questions.yaml",
        "questions:\n  - id: q-choices\n    text: What are my choices?\n",
        "questions:\n",
        ["{root}/questions.yaml:3: questions: is empty. Fill it in (see docs/content-format.md)."],
        Severity.ERROR,
    ),
    "id with a space": (
        "sites/spine.md",
        "options: [opt-rays, opt-pills]",
        "options: [opt-rays, opt-pills, opt rays]",
        [
            '{root}/sites/spine.md:15: options[2]: "opt rays" is not an id: ids have no spaces. '
            "Write it as the file or list entry names it, with dashes, like spine-sbrt."
        ],
        Severity.ERROR,
    ),
    # Dates that do not exist, and YAML that refers to itself, at their field and line.
    "impossible month": (
        "sites/bone.md",
        "reviewed: 2026-01-01",
        "reviewed: 2026-13-01",
        [
            "{root}/sites/bone.md:5: reviewed: 2026-13-01 is not a real date (month must be in "
            "1..12). Write dates as YYYY-MM-DD, like 2026-11-26."
        ],
        Severity.ERROR,
    ),
    "impossible day": (
        "glossary.yaml",
        "next_review: 2099-01-01",
        "next_review: 2099-02-30",
        [
            "{root}/glossary.yaml:2: next_review: 2099-02-30 is not a real date (day is out of "
            "range for month). Write dates as YYYY-MM-DD, like 2026-11-26."
        ],
        Severity.ERROR,
    ),
    "recursive alias": (
        "sites/bone.md",
        "symptoms:\n  - You may feel pain.\n",
        "symptoms: &a [*a]\n",
        [
            "{root}/sites/bone.md:8: symptoms: refers to itself through the alias *a. Write the "
            "value out in full, without aliases."
        ],
        Severity.ERROR,
    ),
    "number too long to read": (
        "sites/bone.md",
        "order: 1",
        "order: " + "9" * 5000,
        [
            '{root}/sites/bone.md:4: order: "999999999999999999999999999999999999999…" cannot '
            "be read as a whole number (Exceeds the limit (4300 digits) for integer string "
            "conversion: value has 5000 d…). Correct the value, or put text in quotes."
        ],
        Severity.ERROR,
    ),
    "python tag": (
        "sites/bone.md",
        "order: 1",
        "order: !!python/object/apply:os.system [echo]",
        [
            "{root}/sites/bone.md:4: order: cannot be read: could not determine a constructor "
            "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'. Remove the !tag or "
            "correct the value (see docs/content-format.md)."
        ],
        Severity.ERROR,
    ),
    # Limits: see desktop_app/content/limits.py.
    "value too long": (
        "meta.yaml",
        "disclaimer: This",
        "disclaimer: " + "Talk. " * 1000 + "This",
        [
            "{root}/meta.yaml:6: disclaimer: is 6039 characters long; the limit is 5000 for one "
            "value. Shorten it, or split it into several."
        ],
        Severity.ERROR,
    ),
    "nested too deep": (
        "sources.yaml",
        "year: 2024",
        "year: " + "[" * 11 + "]" * 11,
        [
            "{root}/sources.yaml:6: sources[0].year: is nested more than 10 levels deep. Content "
            "needs only a few levels of lists and groups (see docs/content-format.md)."
        ],
        Severity.ERROR,
    ),
    "too many aliases": (
        "sources.yaml",
        "sources:\n",
        "a: &a [x]\nb: [" + ", ".join(["*a"] * 11) + "]\nsources:\n",
        [
            "{root}/sources.yaml:4: b[10]: uses more aliases (*name) than the limit of 10 in "
            "one file. Write the values out in full."
        ],
        Severity.ERROR,
    ),
    "body too long": (
        "options/opt-rays.md",
        "A short body.",
        "A short body. " * 1500,
        [
            "{root}/options/opt-rays.md:22: (body): is 21018 characters long; the limit is "
            "20000. Keep the explanation to a few short paragraphs."
        ],
        Severity.ERROR,
    ),
    # Duplicates, which before were accepted with the last one silently winning.
    "duplicate key": (
        "sites/bone.md",
        "order: 1\n",
        "order: 1\norder: 2\n",
        [
            "{root}/sites/bone.md:5: order: appears twice in this group (first on line 4); only "
            "one can count. Keep one and delete the other."
        ],
        Severity.ERROR,
    ),
    "duplicate key in a flow group": (
        "options/opt-rays.md",
        "what: {text: It is a test., sources: [src-one]}",
        "what: {text: It is a test., text: Again., sources: [src-one]}",
        [
            "{root}/options/opt-rays.md:9: rows.what.text: appears twice in this group (first on "
            "line 9); only one can count. Keep one and delete the other."
        ],
        Severity.ERROR,
    ),
    "duplicate question id in one file": (
        "questions.yaml",
        "    text: What are my choices?\n",
        "    text: What are my choices?\n  - id: q-choices\n    text: What now?\n",
        [
            '{root}/questions.yaml:6: questions[1].id: duplicate question id "q-choices", also '
            "used on line 4. Give each question its own id."
        ],
        Severity.ERROR,
    ),
    "glossary word under two terms": (
        "glossary.yaml",
        "    meaning: It uses strong rays to kill cancer cells. You do not feel it.\n",
        "    meaning: It uses strong rays to kill cancer cells. You do not feel it.\n"
        "  - id: rays\n    term: rays\n    forms: [Radiation Therapy]\n"
        "    meaning: Strong rays. You do not feel them.\n",
        [
            '{root}/glossary.yaml:10: terms[1].forms[0]: "Radiation Therapy" is already a word of '
            'the term "radiotherapy" (line 6). A word can lead to one meaning only: remove it '
            "here or there."
        ],
        Severity.ERROR,
    ),
    # Control characters: rejected in text, and escaped in every message.
    "escape sequence in a value": (
        "sites/bone.md",
        "title: The bone",
        'title: "\\e[31mThe bone"',
        [
            "{root}/sites/bone.md:3: title: contains the control character \\x1b, which cannot "
            "be shown on screen or paper. Remove it."
        ],
        Severity.ERROR,
    ),
    "escape sequence and newline in a key": (
        "meta.yaml",
        "language: en\n",
        'language: en\n"\\e[2J\\nkey": 1\n',
        [
            '{root}/meta.yaml:3: \\x1b[2J\\nkey: unknown field "\\x1b[2J\\nkey". Remove it or '
            "correct its spelling; allowed fields here: version, language, title, disclaimer, "
            "reviewed, next_review."
        ],
        Severity.ERROR,
    ),
    "raw control character": (
        "sources.yaml",
        "citation: A test guide.",
        "citation: A test \x07guide.",
        [
            "{root}/sources.yaml:5: (file): contains the character \\x07, which a YAML file may "
            "not hold (control characters are not allowed). Remove it."
        ],
        Severity.ERROR,
    ),
    "control character in the body": (
        "sites/bone.md",
        "Some more words.",
        "Some more \x1b[31mwords.",
        [
            "{root}/sites/bone.md:21: (body): contains the control character \\x1b, which "
            "cannot be shown. Remove it."
        ],
        Severity.ERROR,
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
        "It looks like UTF-16 or UTF-32. Save the file as UTF-8."
    ]


def test_a_bad_byte_is_reported_at_its_line(minimal_content: Path) -> None:
    site = minimal_content / "sites" / "spine.md"
    site.write_bytes(site.read_bytes().replace(b"The spine", b"The sp\xe9ine"))
    result = load_content(minimal_content, today=TODAY)
    assert result.library is None
    assert [str(p) for p in result.problems] == [
        f"{minimal_content}/sites/spine.md:3: (file): is not UTF-8 text (byte 27). "
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
