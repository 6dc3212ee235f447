"""Read YAML (alone or as Markdown front matter) and remember the line of every field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

KeyPath = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """The text is not valid YAML; `line` is 1-based in the whole file."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class ParsedFile:
    """A file's structured data, the line of each field, and its Markdown body."""

    data: Any
    lines: dict[KeyPath, int]
    body: str
    first_line: int = 1

    def line_of(self, path: KeyPath) -> int:
        """The line of a field, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return self.first_line
            path = path[:-1]


def _collect_lines(node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int]) -> None:
    """Record the line of every mapping key and sequence item below `node`."""
    out.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, str(key_node.value))
            out[key_path] = key_node.start_mark.line + 1 + offset
            _collect_lines(value_node, key_path, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), offset, out)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, offset: int = 0) -> tuple[Any, dict[KeyPath, int]]:
    """Parse YAML safely, once; return the data and a map from field path to line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        lines: dict[KeyPath, int] = {}
        _collect_lines(node, (), offset, lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + offset
        raise YamlSyntaxError(line, str(exc.problem or exc.context or "syntax error")) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + offset, str(exc)) from None
    finally:
        loader.dispose()
    return data, lines


def parse_yaml_file_text(text: str) -> ParsedFile:
    """Parse a whole .yaml file."""
    data, lines = parse_yaml(text)
    return ParsedFile(data=data, lines=lines, body="")


def parse_markdown_file_text(text: str) -> ParsedFile:
    """Split a Markdown file into YAML front matter (between --- lines) and body."""
    text = text.lstrip("\ufeff")
    all_lines = text.splitlines(keepends=True)
    if not all_lines or all_lines[0].strip() != "---":
        raise YamlSyntaxError(
            1, "the file must start with a line '---' that opens the front matter"
        )
    for index in range(1, len(all_lines)):
        if all_lines[index].strip() == "---":
            front = "".join(all_lines[1:index])
            body = "".join(all_lines[index + 1 :])
            data, lines = parse_yaml(front, offset=1)
            return ParsedFile(data=data, lines=lines, body=body.strip(), first_line=1)
    raise YamlSyntaxError(1, "the front matter has no closing '---' line")
