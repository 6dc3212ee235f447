"""`mbc-guide content ...`: check, list and report, writing plain text for people and scripts."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from desktop_app.content.loader import load_content
from desktop_app.content.readability import MAX_READING_GRADE, prose_of, score
from desktop_app.content.yamlfile import (
    YamlSyntaxError,
    parse_markdown_file_text,
    parse_yaml_file_text,
)
from desktop_app.resources import bundled_content_dir


def _root(content_dir: Path | None) -> Path:
    return content_dir if content_dir is not None else bundled_content_dir()


def check(content_dir: Path | None, out: TextIO) -> int:
    """Validate a content folder: 0 when clean, 1 with one line per problem."""
    result = load_content(_root(content_dir))
    for problem in result.problems:
        print(problem, file=out)
    if result.problems:
        return 1
    library = result.library
    assert library is not None
    print(
        f"{result.root}: OK: {len(library.sites)} sites, {len(library.options)} options, "
        f"{len(library.glossary)} glossary terms, {len(library.all_questions)} questions, "
        f"{len(library.sources)} sources; content {library.meta.version}, "
        f"next review {library.earliest_next_review.isoformat()}",
        file=out,
    )
    return 0


def list_entries(content_dir: Path | None, out: TextIO) -> int:
    """Print `site <id> <title>` and `option <id> <title>` lines."""
    result = load_content(_root(content_dir))
    library = result.library
    if library is None:
        for problem in result.errors:
            print(problem, file=out)
        return 1
    for site in library.sites:
        print(f"site {site.id} {site.title}", file=out)
    for option in sorted(library.options.values(), key=lambda o: o.id):
        print(f"option {option.id} {option.title}", file=out)
    return 0


def report(content_dir: Path | None, out: TextIO) -> int:
    """Print a table of words and reading grades, one content file a row."""
    root = _root(content_dir)
    files = sorted(
        [*root.glob("*.yaml"), *root.glob("sites/*.md"), *root.glob("options/*.md")],
        key=lambda p: (p.parent != root, str(p)),
    )
    rows = [("file", "words", "FK grade", "SMOG")]
    over = 0
    for path in files:
        if path.name == "sources.yaml":
            continue  # citations, not prose for patients
        try:
            text = path.read_text(encoding="utf-8")
            parsed = (
                parse_markdown_file_text(text)
                if path.suffix == ".md"
                else parse_yaml_file_text(text)
            )
        except (OSError, UnicodeDecodeError, YamlSyntaxError) as exc:
            rows.append((str(path.relative_to(root)), "-", "unreadable", str(exc)))
            continue
        scores = score(prose_of(parsed.data, parsed.body))
        over += scores.flesch_kincaid > MAX_READING_GRADE
        rows.append(
            (
                str(path.relative_to(root)),
                str(scores.words),
                f"{scores.flesch_kincaid:.1f}",
                f"{scores.smog:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                for i, cell in enumerate(row)
            ),
            file=out,
        )
    print(f"{len(rows) - 1} files; {over} above grade {MAX_READING_GRADE:g}", file=out)
    return 0
