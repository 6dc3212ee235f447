"""Load a content folder into the typed model, validating every file as it goes."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from desktop_app.content import files
from desktop_app.content.fields import EMPTY, FieldReader
from desktop_app.content.limits import MAX_FOLDER_BYTES
from desktop_app.content.links import LinkChecker
from desktop_app.content.model import (
    AVAILABILITY_LABELS,
    EVIDENCE_LEVELS,
    SOURCE_KINDS,
    ContentLibrary,
    ContentMeta,
    Figure,
    GlossaryTerm,
    Option,
    Question,
    RedFlags,
    Review,
    Row,
    RowKey,
    Site,
    Source,
)
from desktop_app.content.problems import LoadResult, Problem, Severity, shown
from desktop_app.content.yamlfile import (
    ParsedFile,
    YamlSyntaxError,
    parse_markdown_file_text,
    parse_yaml_file_text,
)

log = logging.getLogger(__name__)
_T = TypeVar("_T")
ROW_EMPTY = "is empty. Write the text, or say plainly that nothing is known."
INTERNAL_ERROR = (
    "could not be checked because of an internal error in this program ({error}). The "
    "file may have a problem the checks cannot describe yet: compare it with "
    "docs/content-format.md, and report this to the program's maintainers."
)
UNNAMED_FAILURE = (
    "could not be used, and the checks found no reason (an internal error in this program). "
    "Compare the file with docs/content-format.md, and report this to the program's maintainers."
)

KNOWN_SITE_IDS = ("bone", "spine", "brain", "liver", "lung", "pleura", "skin-muscle", "breast")
"""The body sites the diagram can show."""

_REVIEW_FIELDS = ("reviewed", "next_review")


class _Loader:
    def __init__(self, root: Path, today: dt.date, readability: bool = True) -> None:
        self.root = root
        self.today = today
        self.readability = readability
        self.problems: list[Problem] = []
        self.reviews: dict[str, Review] = {}
        # (id, path, line) of everything cited, checked once every file is read
        self.cited_sources: list[tuple[str, FieldReader, tuple[str | int, ...]]] = []
        # ids of files that exist but could not be read: reported once, not again as unknown
        self.broken_ids: set[str] = set()
        self.readers: dict[Path, FieldReader] = {}
        # every question id seen so far: the file and line where it was first used
        self.question_ids: dict[str, tuple[Path, int]] = {}
        self.bytes_read = 0
        # sites/ or options/ could not be listed: links into it cannot be checked
        self.unlisted_folders: set[str] = set()
        # sources.yaml could not be read: every citation would look unknown
        self.sources_unread = True

    # -- files -------------------------------------------------------------
    def _file_problem(self, path: Path, message: str, line: int = 1, field: str = "(file)") -> None:
        self.problems.append(Problem(path, line, field, message))

    def _read_text(self, path: Path) -> str | None:
        """A file's text within the limits, or None with the problem reported."""
        try:
            size = files.file_size(path)
            if self.bytes_read + size > MAX_FOLDER_BYTES:
                self._file_problem(
                    path,
                    f"was not read: the content files together are over {MAX_FOLDER_BYTES} "
                    "bytes, the limit for one folder. Remove files that are not content.",
                )
                return None
            self.bytes_read += size
            return files.read_text(path)
        except files.FileProblem as exc:
            self._file_problem(path, exc.message, exc.line)
            return None

    def _read(self, path: Path, parse: Callable[[str], ParsedFile]) -> FieldReader | None:
        text = self._read_text(path)
        if text is None:
            return None
        try:
            parsed = parse(text)
        except YamlSyntaxError as exc:
            self._file_problem(path, exc.message, exc.line, exc.field)
            return None
        reader = FieldReader(path, parsed, self.problems)
        for issue in parsed.issues:
            reader.report(issue.path, issue.message, line=issue.line)
        self.readers[path] = reader
        return reader

    def _review(self, reader: FieldReader, key: str) -> Review | None:
        reviewed = reader.date(("reviewed",))
        next_review = reader.date(("next_review",))
        if reviewed is None or next_review is None:
            return None
        if next_review <= reviewed:
            reader.report(
                ("next_review",),
                f"{next_review.isoformat()} is not after reviewed ({reviewed.isoformat()}). "
                "Set it to the date of the next review, normally one year later.",
            )
        if next_review < self.today:
            reader.report(
                ("next_review",),
                f"the review date {next_review.isoformat()} has passed. Check this file against "
                "its sources, then set reviewed to today and next_review to a year from now.",
                severity=Severity.REVIEW,
            )
        review = Review(reviewed, next_review)
        self.reviews[key] = review
        return review

    def _readability(self, reader: FieldReader, body: str = "") -> None:
        if not self.readability:
            return
        # imported here: textstat is slow to import and the handout path never scores
        from desktop_app.content.readability import MAX_READING_GRADE, prose_of, score

        scores = score(prose_of(reader.parsed.data, body))
        if scores.flesch_kincaid > MAX_READING_GRADE:
            reader.report(
                (),
                f"reads at Flesch-Kincaid grade {scores.flesch_kincaid:.1f}; the limit is "
                f"{MAX_READING_GRADE:g}. Use shorter sentences and plainer words.",
                severity=Severity.REVIEW,
                line=1,
            )

    @staticmethod
    def _file_id(reader: FieldReader, path: Path) -> str | None:
        """The id, which must equal the file name so that links can find the file."""
        file_id = reader.text(("id",))
        if file_id is not None and file_id != path.stem:
            reader.report(
                ("id",),
                f'"{shown(file_id)}" does not match the file name "{path.name}". '
                "Rename the file or change the id so they are the same.",
            )
            return None
        return file_id

    def _sources(self, reader: FieldReader, path: tuple[str | int, ...]) -> tuple[str, ...]:
        ids = reader.id_list(path)
        for index in range(len(ids)):
            self.cited_sources.append((ids[index], reader, (*path, index)))
        return ids

    # -- meta.yaml ---------------------------------------------------------
    def load_meta(self) -> ContentMeta | None:
        reader = self._read(self.root / "meta.yaml", parse_yaml_file_text)
        if reader is None:
            return None
        fields = ("version", "language", "title", "disclaimer", *_REVIEW_FIELDS)
        if reader.mapping((), required=fields) is None:
            return None
        raw_version = reader.get(("version",))
        if isinstance(raw_version, int | float) and not isinstance(raw_version, bool):
            version: str | None = str(raw_version)
        else:
            version = reader.text(("version",))
        review = self._review(reader, "meta.yaml")
        language = reader.text(("language",))
        title = reader.text(("title",))
        disclaimer = reader.text(("disclaimer",))
        if version is None or review is None or language is None:
            return None
        if title is None or disclaimer is None:
            return None
        return ContentMeta(version, language, title, disclaimer, review)

    # -- sources.yaml ------------------------------------------------------
    def load_sources(self) -> dict[str, Source]:
        reader = self._read(self.root / "sources.yaml", parse_yaml_file_text)
        sources: dict[str, Source] = {}
        if reader is None or reader.mapping((), required=("sources", *_REVIEW_FIELDS)) is None:
            return sources
        self._review(reader, "sources.yaml")
        items = reader.get(("sources",))
        if not isinstance(items, list):
            reader.report(("sources",), "should be a list of sources, each starting with '- id:'.")
            return sources
        self.sources_unread = False
        for index in range(len(items)):
            path = ("sources", index)
            if reader.mapping(path, ("id", "citation", "year", "kind"), ("url",)) is None:
                continue
            source_id = reader.text((*path, "id"))
            citation = reader.text((*path, "citation"))
            year = reader.integer((*path, "year"), 1900, 2100)
            kind = reader.choice((*path, "kind"), SOURCE_KINDS)
            url = reader.text((*path, "url"), required=False)
            if source_id is None or citation is None or year is None or kind is None:
                continue
            if source_id in sources:
                reader.report(
                    (*path, "id"),
                    f'duplicate source id "{source_id}". Give each source its own id.',
                )
                continue
            sources[source_id] = Source(source_id, citation, year, kind, url)
        return sources

    # -- glossary.yaml -----------------------------------------------------
    def load_glossary(self) -> tuple[GlossaryTerm, ...]:
        reader = self._read(self.root / "glossary.yaml", parse_yaml_file_text)
        if reader is None or reader.mapping((), required=("terms", *_REVIEW_FIELDS)) is None:
            return ()
        self._review(reader, "glossary.yaml")
        self._readability(reader)
        items = reader.get(("terms",))
        if not isinstance(items, list):
            reader.report(("terms",), "should be a list of terms, each starting with '- id:'.")
            return ()
        terms: list[GlossaryTerm] = []
        seen: dict[str, int] = {}
        words: dict[str, tuple[str, int]] = {}  # casefolded word: its term id and line
        for index in range(len(items)):
            path = ("terms", index)
            if reader.mapping(path, ("id", "term", "meaning"), ("forms",)) is None:
                continue
            term_id = reader.text((*path, "id"))
            term = reader.text((*path, "term"))
            meaning = reader.text((*path, "meaning"))
            forms = reader.text_list((*path, "forms"), minimum=0)
            if term_id is None or term is None or meaning is None:
                continue
            if term_id in seen:
                reader.report(
                    (*path, "id"),
                    f'duplicate term id "{term_id}" (first used on line {seen[term_id]}). '
                    "Give each term its own id.",
                )
                continue
            seen[term_id] = reader.parsed.line_of((*path, "id"))
            self._check_words(reader, path, term_id, words)
            terms.append(GlossaryTerm(term_id, term, forms, meaning))
        return tuple(terms)

    @staticmethod
    def _check_words(
        reader: FieldReader,
        path: tuple[str | int, ...],
        term_id: str,
        words: dict[str, tuple[str, int]],
    ) -> None:
        """A word (the term or one of its forms) may belong to one term only."""
        raw_forms = reader.get((*path, "forms"))
        places: list[tuple[str | int, ...]] = [(*path, "term")]
        if isinstance(raw_forms, list):
            places += [(*path, "forms", index) for index in range(len(raw_forms))]
        for place in places:
            word = reader.get(place)
            if not isinstance(word, str) or not word.strip():
                continue
            key = word.strip().casefold()
            line = reader.parsed.line_of(place)
            other, first_line = words.setdefault(key, (term_id, line))
            if other != term_id:
                reader.report(
                    place,
                    f'"{shown(word.strip())}" is already a word of the term "{other}" (line '
                    f"{first_line}). A word can lead to one meaning only: remove it here or "
                    "there.",
                )

    # -- questions.yaml ----------------------------------------------------
    def load_general_questions(self) -> tuple[Question, ...]:
        reader = self._read(self.root / "questions.yaml", parse_yaml_file_text)
        if reader is None or reader.mapping((), required=("questions", *_REVIEW_FIELDS)) is None:
            return ()
        self._review(reader, "questions.yaml")
        self._readability(reader)
        return self._questions(reader, ("questions",), site_id=None)

    def _questions(
        self, reader: FieldReader, path: tuple[str | int, ...], site_id: str | None
    ) -> tuple[Question, ...]:
        present, items = reader.lookup(path)
        if items is None:
            if present:  # written but left empty: as missing as not written at all
                reader.report(path, EMPTY)
            return ()
        if not isinstance(items, list):
            reader.report(path, "should be a list of questions, each starting with '- id:'.")
            return ()
        questions = []
        for index in range(len(items)):
            item_path = (*path, index)
            if reader.mapping(item_path, ("id", "text")) is None:
                continue
            question_id = reader.text((*item_path, "id"))
            text = reader.text((*item_path, "text"))
            if question_id is None or text is None:
                continue
            if self._question_id_is_new(reader, (*item_path, "id"), question_id):
                questions.append(Question(question_id, text, site_id))
        return tuple(questions)

    def _question_id_is_new(
        self, reader: FieldReader, path: tuple[str | int, ...], question_id: str
    ) -> bool:
        """No question id is used twice, in one file or across questions.yaml and the sites."""
        line = reader.parsed.line_of(path)
        first_file, first_line = self.question_ids.setdefault(question_id, (reader.path, line))
        if (first_file, first_line) == (reader.path, line):
            return True
        where = f"on line {first_line}" if first_file == reader.path else f"in {first_file}"
        reader.report(
            path,
            f'duplicate question id "{shown(question_id)}", also used {where}. '
            "Give each question its own id.",
        )
        return False

    # -- sites/*.md --------------------------------------------------------
    def load_site(self, path: Path) -> Site | None:
        reader = self._read(path, parse_markdown_file_text)
        if reader is None:
            return None
        required = (
            "id",
            "title",
            "order",
            "summary",
            "symptoms",
            "red_flags",
            "options",
            "questions",
            "sources",
            *_REVIEW_FIELDS,
        )
        if reader.mapping((), required=required) is None:
            return None
        site_id = self._file_id(reader, path)
        if site_id is not None and site_id not in KNOWN_SITE_IDS:
            known = ", ".join(KNOWN_SITE_IDS)
            reader.report(
                ("id",), f'unknown site id "{shown(site_id)}". The body map knows: {known}.'
            )
            site_id = None
        title = reader.text(("title",))
        order = reader.integer(("order",), 1, 99)
        summary = reader.text(("summary",))
        symptoms = reader.text_list(("symptoms",))
        flags = reader.mapping(("red_flags",), required=("urgent", "within_24_hours"))
        urgent = reader.text_list(("red_flags", "urgent")) if flags is not None else ()
        within = reader.text_list(("red_flags", "within_24_hours")) if flags is not None else ()
        option_ids = reader.id_list(("options",))
        questions = self._questions(reader, ("questions",), site_id=site_id)
        source_ids = self._sources(reader, ("sources",))
        review = self._review(reader, str(path.relative_to(self.root)))
        body = reader.body()
        self._readability(reader, body)
        if site_id is None or title is None or order is None or summary is None or review is None:
            return None
        return Site(
            id=site_id,
            title=title,
            order=order,
            summary=summary,
            symptoms=symptoms,
            red_flags=RedFlags(urgent, within),
            option_ids=option_ids,
            questions=questions,
            source_ids=source_ids,
            body_markdown=body,
            review=review,
            path=path,
        )

    # -- options/*.md ------------------------------------------------------
    def load_option(self, path: Path) -> Option | None:
        reader = self._read(path, parse_markdown_file_text)
        if reader is None:
            return None
        required = ("id", "title", "sites", "availability", "rows", *_REVIEW_FIELDS)
        if reader.mapping((), required=required) is None:
            return None
        option_id = self._file_id(reader, path)
        title = reader.text(("title",))
        site_ids = reader.id_list(("sites",))
        availability = reader.choice(("availability",), AVAILABILITY_LABELS)
        rows = self._rows(reader)
        review = self._review(reader, str(path.relative_to(self.root)))
        body = reader.body()
        self._readability(reader, body)
        if option_id is None or title is None or availability is None:
            return None
        if rows is None or review is None:
            return None
        return Option(
            id=option_id,
            title=title,
            site_ids=site_ids,
            availability=availability,
            rows=rows,
            body_markdown=body,
            review=review,
            path=path,
        )

    def _rows(self, reader: FieldReader) -> tuple[Row, ...] | None:
        keys = [key.value for key in RowKey]
        if reader.mapping(("rows",), required=keys) is None:
            return None
        rows: list[Row] = []
        complete = True
        for key in RowKey:
            path = ("rows", key.value)
            required = (
                ("text", "sources", "level") if key is RowKey.EVIDENCE else ("text", "sources")
            )
            if reader.mapping(path, required=required, optional=("number",)) is None:
                complete = False
                continue
            text = reader.text((*path, "text"), empty=ROW_EMPTY)
            sources = self._sources(reader, (*path, "sources"))
            figure = self._figure(reader, (*path, "number"))
            level = None
            if key is RowKey.EVIDENCE:
                level = reader.choice((*path, "level"), EVIDENCE_LEVELS)
            if text is None or not sources or (key is RowKey.EVIDENCE and level is None):
                complete = False
                continue
            rows.append(Row(key, text, sources, figure, level))
        return tuple(rows) if complete else None

    def _figure(self, reader: FieldReader, path: tuple[str | int, ...]) -> Figure | None:
        if reader.get(path) is None:
            return None
        if reader.mapping(path, required=("value", "measures")) is None:
            return None
        value = reader.integer((*path, "value"), 0, 100)
        measures = reader.text((*path, "measures"))
        if value is None or measures is None:
            return None
        return Figure(value, measures)

    # -- the whole folder --------------------------------------------------
    def _markdown_files(self, folder: str) -> list[Path]:
        directory = self.root / folder
        try:
            return files.markdown_files(directory)
        except files.FolderProblem as exc:
            self.unlisted_folders.add(folder)
            self._file_problem(directory, exc.message, field="(folder)")
            return []

    def _guarded(self, path: Path, load: Callable[[], _T]) -> _T | None:
        """Load one file; an unexpected error becomes a problem at that file, not a crash."""
        try:
            return load()
        except Exception as exc:  # a bug here must not take the program down with it
            log.info("internal error while checking %s", path, exc_info=True)
            error = shown(f"{type(exc).__name__}: {exc}", 100)
            self._file_problem(path, INTERNAL_ERROR.format(error=error))
            return None

    def _entry(self, path: Path, load: Callable[[], _T | None]) -> _T | None:
        """Load one file that gives one entry; a file is never dropped without a problem."""
        start = len(self.problems)
        result = self._guarded(path, load)
        if result is None and not self._has_error(path, start):
            self._file_problem(path, UNNAMED_FAILURE)
        return result

    def _has_error(self, path: Path, start: int = 0) -> bool:
        return any(p.path == path and p.severity is Severity.ERROR for p in self.problems[start:])

    def _root_is_usable(self) -> bool:
        if self.root.is_dir():
            return True
        message = (
            "is not a folder. Give the folder that holds meta.yaml, sites/ and options/."
            if os.path.lexists(self.root)
            else "content folder does not exist. Check the path."
        )
        self._file_problem(self.root, message, field="(folder)")
        return False

    def _load_entries(self) -> tuple[list[Site], dict[str, Option]]:
        sites: list[Site] = []
        for path in self._markdown_files("sites"):
            site = self._entry(path, partial(self.load_site, path))
            if site is not None:
                sites.append(site)
            else:
                self.broken_ids.add(path.stem)
        options: dict[str, Option] = {}
        for path in self._markdown_files("options"):
            option = self._entry(path, partial(self.load_option, path))
            if option is not None:
                options[option.id] = option
            else:
                self.broken_ids.add(path.stem)
        return sites, options

    def _check_links(
        self, sites: list[Site], options: dict[str, Option], sources: dict[str, Source]
    ) -> None:
        links = LinkChecker(self.readers, self.broken_ids)
        if not self.sources_unread:  # else the problem with sources.yaml is reported already
            links.check_sources(self.cited_sources, sources)
        if not self.unlisted_folders:  # else every link into the missing folder looks broken
            links.check_sites_and_options(sites, options)

    def load(self) -> ContentLibrary | None:
        if not self._root_is_usable():
            return None
        meta = self._entry(self.root / "meta.yaml", self.load_meta)
        sources = self._guarded(self.root / "sources.yaml", self.load_sources) or {}
        glossary = self._guarded(self.root / "glossary.yaml", self.load_glossary) or ()
        general_questions = (
            self._guarded(self.root / "questions.yaml", self.load_general_questions) or ()
        )
        sites, options = self._load_entries()
        self._guarded(self.root, partial(self._check_links, sites, options, sources))
        if meta is None or any(p.severity is Severity.ERROR for p in self.problems):
            return None
        return ContentLibrary(
            meta=meta,
            root=self.root,
            sites=tuple(sorted(sites, key=lambda s: (s.order, s.id))),
            options=options,
            general_questions=general_questions,
            glossary=glossary,
            sources=sources,
            reviews=dict(self.reviews),
        )


def load_content(root: Path, today: dt.date | None = None, readability: bool = True) -> LoadResult:
    """Load and validate a content folder. Never raises for bad content.

    Every problem is a Problem naming a file (or the folder) and a line; a folder with
    an error gives no library. readability=False skips the reading-grade checks (review
    notes, not errors), for callers such as `mbc-guide handout` that only need the
    library, and fast.
    """
    loader = _Loader(root, today or dt.date.today(), readability)
    try:
        library = loader.load()
    except Exception as exc:  # the last guard: each file has its own in load()
        log.info("internal error while loading content from %s", root, exc_info=True)
        error = shown(f"{type(exc).__name__}: {exc}", 100)
        loader.problems.append(Problem(root, 1, "(folder)", INTERNAL_ERROR.format(error=error)))
        library = None
    if library is None and not any(p.severity is Severity.ERROR for p in loader.problems):
        loader.problems.append(Problem(root, 1, "(folder)", UNNAMED_FAILURE))
    return LoadResult(root=root, library=library, problems=loader.problems)
