"""`mbc-guide content ...`: check, list and report, writing plain text for people and scripts.

Everything printed passes through `printable`, so that escape sequences or control
characters in content (or in its file names) reach the terminal as \\x1b, never raw.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from desktop_app.content import files
from desktop_app.content.loader import load_content
from desktop_app.content.problems import LoadResult, Problem, printable
from desktop_app.content.readability import MAX_READING_GRADE, ReadingScores, prose_of, score
from desktop_app.content.yamlfile import (
    YamlSyntaxError,
    parse_markdown_file_text,
    parse_yaml_file_text,
)
from desktop_app.resources import bundled_content_dir

_REPORTED_YAML = ("meta.yaml", "glossary.yaml", "questions.yaml")  # sources.yaml: citations


def _root(content_dir: Path | None) -> Path:
    return content_dir if content_dir is not None else bundled_content_dir()


def _say(out: TextIO, text: str) -> None:
    """Print one line, escaped; characters the output cannot encode become \\N escapes."""
    line = printable(text)
    try:
        print(line, file=out)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "ascii"
        print(line.encode(encoding, "backslashreplace").decode(encoding), file=out)


def _problems_to_show(result: LoadResult, errors_only: bool) -> list[Problem]:
    shown = result.errors if errors_only else result.problems
    if shown:
        return shown
    # never "failed" without a reason, even if the loader gave none (it always should)
    return result.problems or [
        Problem(result.root, 1, "(folder)", "could not be loaded. Run `content check` on it.")
    ]


def check(content_dir: Path | None, out: TextIO) -> int:
    """Validate a content folder: 0 when clean, 1 with one line per problem."""
    result = load_content(_root(content_dir))
    library = result.library
    if result.problems or library is None:
        for problem in _problems_to_show(result, errors_only=False):
            _say(out, str(problem))
        return 1
    _say(
        out,
        f"{result.root}: OK: {len(library.sites)} sites, {len(library.options)} options, "
        f"{len(library.glossary)} glossary terms, {len(library.all_questions)} questions, "
        f"{len(library.sources)} sources; content {library.meta.version}, "
        f"next review {library.earliest_next_review.isoformat()}",
    )
    return 0


def list_entries(content_dir: Path | None, out: TextIO) -> int:
    """Print `site <id> <title>` and `option <id> <title>` lines."""
    result = load_content(_root(content_dir))
    library = result.library
    if library is None:
        for problem in _problems_to_show(result, errors_only=True):
            _say(out, str(problem))
        return 1
    for site in library.sites:
        _say(out, f"site {site.id} {site.title}")
    for option in sorted(library.options.values(), key=lambda o: o.id):
        _say(out, f"option {option.id} {option.title}")
    return 0


def _report_files(root: Path) -> list[Path]:
    """The content files with prose: the YAML files first, then sites, then options."""
    paths = [root / name for name in _REPORTED_YAML if (root / name).exists()]
    for folder in ("sites", "options"):
        try:
            paths += files.markdown_files(root / folder)
        except files.FolderProblem:
            continue  # `content check` says what is wrong with the folder
    return paths


def _file_scores(path: Path) -> ReadingScores:
    """Read one file safely and score its prose; FileProblem or YamlSyntaxError if it cannot."""
    text = files.read_text(path)
    parsed = parse_markdown_file_text(text) if path.suffix == ".md" else parse_yaml_file_text(text)
    return score(prose_of(parsed.data, parsed.body))


def _report_row(root: Path, path: Path) -> tuple[tuple[str, ...], bool]:
    """One table row, and whether the file reads above the grade limit."""
    name = str(path.relative_to(root))
    try:
        scores = _file_scores(path)
    except (files.FileProblem, YamlSyntaxError) as exc:
        return (name, "-", "unreadable", getattr(exc, "message", str(exc))), False
    except Exception as exc:  # one odd file must not stop the table
        return (name, "-", "unreadable", f"internal error ({type(exc).__name__})"), False
    row = (name, str(scores.words), f"{scores.flesch_kincaid:.1f}", f"{scores.smog:.1f}")
    return row, scores.flesch_kincaid > MAX_READING_GRADE


def report(content_dir: Path | None, out: TextIO) -> int:
    """Print a table of words and reading grades, one content file a row."""
    root = _root(content_dir)
    rows: list[tuple[str, ...]] = [("file", "words", "FK grade", "SMOG")]
    over = 0
    for path in _report_files(root):
        row, above = _report_row(root, path)
        rows.append(tuple(printable(cell) for cell in row))  # escaped before widths are measured
        over += above
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        _say(
            out,
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ),
        )
    _say(out, f"{len(rows) - 1} files; {over} above grade {MAX_READING_GRADE:g}")
    return 0
