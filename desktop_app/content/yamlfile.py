"""Read YAML (alone or as Markdown front matter) and remember the line of every field.

Before anything is built, one pass over the parser's events checks the limits of
`desktop_app.content.limits`: nesting depth, aliases (an alias bomb never expands),
the length of every value, the size of the file once aliases are counted in full.
Values that cannot be built (an impossible date, a 5,000-digit number, an unknown
tag) and keys given twice are reported at their field and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from desktop_app.content.limits import (
    MAX_BODY_CHARS,
    MAX_TEXT_CHARS,
    MAX_YAML_ALIASES,
    MAX_YAML_DEPTH,
    MAX_YAML_EXPANDED_CHARS,
    MAX_YAML_NODES,
)

KeyPath = tuple[str | int, ...]
FORMAT_HINT = "see docs/content-format.md"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def field_name(path: KeyPath) -> str:
    """A field path as people write it: rows.what.sources[0]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(file)"


class YamlSyntaxError(Exception):
    """The text cannot be read as content YAML.

    `line` is 1-based in the whole file, `field` names where (or "(file)"), and
    `message` is the whole sentence for the person who edits the file.
    """

    def __init__(
        self, line: int, reason: str, field: str = "(file)", message: str | None = None
    ) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason
        self.field = field
        self.message = message or f"cannot be read: {reason}. Fix the YAML syntax."


def _limit_error(line: int, path: KeyPath, message: str) -> YamlSyntaxError:
    return YamlSyntaxError(line, message, field_name(path), message)


@dataclass(frozen=True)
class YamlIssue:
    """A problem that does not stop the reading, such as a key given twice."""

    path: KeyPath
    line: int
    message: str


@dataclass(frozen=True)
class ParsedFile:
    """A file's structured data, the line of each field, and its Markdown body."""

    data: Any
    lines: dict[KeyPath, int]
    body: str
    first_line: int = 1
    issues: tuple[YamlIssue, ...] = ()
    body_line: int = 0

    def line_of(self, path: KeyPath) -> int:
        """The line of a field, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return self.first_line
            path = path[:-1]


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# -- the pass over events ------------------------------------------------------------
@dataclass
class _Frame:
    """One open list or group while scanning: where it is and what it holds so far."""

    path: KeyPath
    is_mapping: bool
    anchor: str | None
    nodes_before: int
    chars_before: int
    index: int = 0
    key: str | None = None
    expecting_key: bool = True


@dataclass
class _Scan:
    """Checks the limits on the parser's events, before any node is composed."""

    offset: int
    frames: list[_Frame] = field(default_factory=list)
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)
    aliases: int = 0
    nodes: int = 0
    chars: int = 0

    def line(self, event: yaml.Event) -> int:
        mark = event.start_mark
        return (mark.line + 1 if mark is not None else 1) + self.offset

    def place(self, event: yaml.Event) -> tuple[KeyPath, bool]:
        """The path of the node this event starts, and whether it is a mapping key."""
        if not self.frames:
            return (), False
        top = self.frames[-1]
        if not top.is_mapping:
            top.index += 1
            return (*top.path, top.index - 1), False
        if top.expecting_key:
            top.expecting_key = False
            if isinstance(event, yaml.ScalarEvent):
                top.key = event.value
                return (*top.path, event.value), True
            raise _limit_error(
                self.line(event),
                top.path,
                "has a key that is a list or a group. Write each key as one word, "
                f"such as 'title:' ({FORMAT_HINT}).",
            )
        top.expecting_key = True
        return (*top.path, top.key if top.key is not None else "?"), False

    def count(self, event: yaml.Event, path: KeyPath, nodes: int, chars: int) -> None:
        self.nodes += nodes
        self.chars += chars
        if self.nodes > MAX_YAML_NODES:
            raise _limit_error(
                self.line(event),
                path,
                f"the file holds more than {MAX_YAML_NODES} values (aliases counted in full). "
                "Content needs far fewer: write it out plainly.",
            )
        if self.chars > MAX_YAML_EXPANDED_CHARS:
            raise _limit_error(
                self.line(event),
                path,
                f"aliases make the file's text longer than {MAX_YAML_EXPANDED_CHARS} "
                "characters. Write each value out once, without aliases (*name).",
            )

    def scalar(self, event: yaml.ScalarEvent, path: KeyPath, is_key: bool) -> None:
        if len(event.value) > MAX_TEXT_CHARS:
            what = "key" if is_key else "value"
            raise _limit_error(
                self.line(event),
                path,
                f"is {len(event.value)} characters long; the limit is {MAX_TEXT_CHARS} for "
                f"one {what}. Shorten it, or split it into several.",
            )
        self.count(event, path, 1, len(event.value))
        if event.anchor is not None:
            self.anchors[event.anchor] = (1, len(event.value))

    def start(self, event: yaml.CollectionStartEvent, path: KeyPath) -> None:
        if len(self.frames) >= MAX_YAML_DEPTH:
            raise _limit_error(
                self.line(event),
                _named_part(path),
                f"is nested more than {MAX_YAML_DEPTH} levels deep. Content needs only a "
                f"few levels of lists and groups ({FORMAT_HINT}).",
            )
        self.count(event, path, 1, 0)
        self.frames.append(
            _Frame(
                path,
                isinstance(event, yaml.MappingStartEvent),
                event.anchor,
                self.nodes,
                self.chars,
            )
        )

    def end(self) -> None:
        frame = self.frames.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (
                self.nodes - frame.nodes_before + 1,
                self.chars - frame.chars_before,
            )

    def alias(self, event: yaml.AliasEvent, path: KeyPath) -> None:
        if any(frame.anchor == event.anchor for frame in self.frames):
            raise _limit_error(
                self.line(event),
                _named_part(path),
                f"refers to itself through the alias *{event.anchor}. Write the value out "
                "in full, without aliases.",
            )
        self.aliases += 1
        if self.aliases > MAX_YAML_ALIASES:
            raise _limit_error(
                self.line(event),
                path,
                f"uses more aliases (*name) than the limit of {MAX_YAML_ALIASES} in one file. "
                "Write the values out in full.",
            )
        nodes, chars = self.anchors.get(event.anchor or "", (1, 0))
        self.count(event, path, nodes, chars)

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.CollectionEndEvent):
            self.end()
            return
        if not isinstance(event, yaml.NodeEvent):
            return  # stream and document events
        path, is_key = self.place(event)
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event, path, is_key)
        elif isinstance(event, yaml.CollectionStartEvent):
            self.start(event, path)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event, path)


def _named_part(path: KeyPath) -> KeyPath:
    """The path up to its last named field: sources[0].year, not sources[0].year[0][0]."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], str):
            return path[:end]
    return path[:1]


def _check_limits(text: str, offset: int) -> None:
    """Run the limit checks over every event of the text; YAML errors pass through."""
    loader = _BaseLoader(text)
    scan = _Scan(offset)
    try:
        while True:
            event = loader.get_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs
            if isinstance(event, yaml.StreamEndEvent):
                return
            scan.feed(event)
    finally:
        loader.dispose()


# -- building values -------------------------------------------------------------------
class _BadValue(yaml.YAMLError):
    """A value that cannot be built; `node` is where it is."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


_TAG_WORDS = {
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "yes or no",
}


def _bad_value_message(node: yaml.Node, exc: Exception) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else ""
    shown = value if len(value) <= 40 else value[:39] + "\u2026"
    if node.tag == "tag:yaml.org,2002:timestamp":
        reason = f" ({exc})" if isinstance(exc, ValueError) else ""
        return f"{shown} is not a real date{reason}. Write dates as YYYY-MM-DD, like 2026-11-26."
    if node.tag in _TAG_WORDS:
        reason = str(exc) if len(str(exc)) <= 80 else str(exc)[:79] + "\u2026"
        return (
            f'"{shown}" cannot be read as {_TAG_WORDS[node.tag]} ({reason}). Correct the value, '
            "or put text in quotes."
        )
    problem = getattr(exc, "problem", None) or str(exc)
    return f"cannot be read: {problem}. Remove the !tag or correct the value ({FORMAT_HINT})."


class _ContentLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, with every failure to build a value tied to its node."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.duplicates: list[tuple[yaml.MappingNode, yaml.Node, yaml.Node]] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except _BadValue:
            raise
        except (yaml.YAMLError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise _BadValue(node, _bad_value_message(node, exc)) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # the keys written in this group: merged ones (<<: *base) may be overridden here
        own_keys = (
            [key for key, _value in node.value if key.tag != _MERGE_TAG]
            if isinstance(node, yaml.MappingNode)
            else []
        )
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        seen: dict[Any, yaml.Node] = {}
        for key_node in own_keys:
            key = self.construct_object(key_node)
            try:
                first = seen.setdefault(key, key_node)
            except TypeError:
                continue  # an unhashable key was reported already
            if first is not key_node:
                self.duplicates.append((node, key_node, first))
        return mapping


def _collect_lines(
    node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int], paths: dict[int, KeyPath]
) -> None:
    """Record the line of every mapping key and sequence item below `node`, and its path."""
    out.setdefault(path, node.start_mark.line + 1 + offset)
    paths.setdefault(id(node), path)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, str(key_node.value))
            out[key_path] = key_node.start_mark.line + 1 + offset
            _collect_lines(value_node, key_path, offset, out, paths)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), offset, out, paths)


def _duplicate_issues(
    loader: _ContentLoader, paths: dict[int, KeyPath], offset: int
) -> tuple[YamlIssue, ...]:
    issues = []
    for mapping, key_node, first in loader.duplicates:
        key_path = (*paths.get(id(mapping), ()), str(key_node.value))
        first_line = first.start_mark.line + 1 + offset
        issues.append(
            YamlIssue(
                key_path,
                key_node.start_mark.line + 1 + offset,
                f"appears twice in this group (first on line {first_line}); only one can "
                "count. Keep one and delete the other.",
            )
        )
    return tuple(issues)


def _reader_error(exc: yaml.reader.ReaderError, text: str, offset: int) -> YamlSyntaxError:
    """An unacceptable character, at its line."""
    position = max(0, int(exc.position))
    if _BaseLoader is yaml.SafeLoader:
        line = text.count("\n", 0, position)
    else:  # libyaml counts bytes of UTF-8
        line = text.encode("utf-8", "surrogatepass").count(b"\n", 0, position)
    character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    return YamlSyntaxError(
        line + 1 + offset,
        exc.reason,
        message=f"contains the character {repr(character)[1:-1]}, which a YAML file may not "
        f"hold ({exc.reason}). Remove it.",
    )


def _parse(text: str, offset: int) -> tuple[Any, dict[KeyPath, int], tuple[YamlIssue, ...]]:
    _check_limits(text, offset)
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, ()
        lines: dict[KeyPath, int] = {}
        paths: dict[int, KeyPath] = {}
        _collect_lines(node, (), offset, lines, paths)
        try:
            data = loader.construct_document(node)
        except _BadValue as exc:
            line = exc.node.start_mark.line + 1 + offset
            where = field_name(paths.get(id(exc.node), ()))
            raise YamlSyntaxError(line, exc.message, where, exc.message) from None
        return data, lines, _duplicate_issues(loader, paths, offset)
    finally:
        loader.dispose()


def parse_yaml_document(text: str, offset: int = 0) -> ParsedFile:
    """Parse YAML safely within the limits, once; a YamlSyntaxError says what is wrong."""
    try:
        data, lines, issues = _parse(text, offset)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, offset) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        raise YamlSyntaxError(line, str(exc.problem or exc.context or "syntax error")) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(
            1 + offset, str(exc).splitlines()[0] if str(exc) else "error"
        ) from None
    return ParsedFile(data=data, lines=lines, body="", issues=issues)


def parse_yaml(text: str, offset: int = 0) -> tuple[Any, dict[KeyPath, int]]:
    """Parse YAML safely, once; return the data and a map from field path to line."""
    parsed = parse_yaml_document(text, offset)
    return parsed.data, parsed.lines


def parse_yaml_file_text(text: str) -> ParsedFile:
    """Parse a whole .yaml file."""
    return parse_yaml_document(text.removeprefix("\ufeff"))


def parse_markdown_file_text(text: str) -> ParsedFile:
    """Split a Markdown file into YAML front matter (between --- lines) and body."""
    text = text.removeprefix("\ufeff")
    all_lines = text.splitlines(keepends=True)
    if not all_lines or all_lines[0].strip() != "---":
        raise YamlSyntaxError(
            1, "the file must start with a line '---' that opens the front matter"
        )
    for index in range(1, len(all_lines)):
        if all_lines[index].strip() == "---":
            front = "".join(all_lines[1:index])
            body = "".join(all_lines[index + 1 :]).strip()
            if len(body) > MAX_BODY_CHARS:
                message = (
                    f"is {len(body)} characters long; the limit is {MAX_BODY_CHARS}. "
                    "Keep the explanation to a few short paragraphs."
                )
                raise YamlSyntaxError(index + 2, message, "(body)", message)
            parsed = parse_yaml_document(front, offset=1)
            return ParsedFile(
                data=parsed.data,
                lines=parsed.lines,
                body=body,
                first_line=1,
                issues=parsed.issues,
                body_line=index + 2,
            )
    raise YamlSyntaxError(1, "the front matter has no closing '---' line")
