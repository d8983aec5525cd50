"""YAML loading that remembers line numbers, so a bad rule file is reported at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping from a YAML file that knows the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """1-based line of ``key`` (or of the mapping itself when the key is absent)."""
        return self.key_lines.get(key, self.line)


class _Loader(_BaseLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.MarkedYAMLError(problem=f"duplicate key '{key}'", problem_mark=key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlError(Exception):
    """A YAML file that cannot be read; the message is ``path:line: problem``."""


def load(path: Path) -> Any:
    """Parse a YAML file into LineDicts, lists and scalars; raise YamlError with path and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(f"{path}: cannot read rule file ({error})") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(f"{path}:{line}: invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise YamlError(f"{path}: invalid YAML: {error}") from None
