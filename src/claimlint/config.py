"""Configuration: ``[tool.claimlint]`` in pyproject.toml or ``.claimlint.yaml``.

For each linted file the nearest configuration walking up from its directory applies (as in
ruff: the closest file wins, no merging). Command-line options override it. Keys::

    select, ignore            code prefixes ("CL1", "CL301")
    per-file-ignores          {glob: [codes]}, globs relative to the configuration file
    lang                      auto | tr | en
    exclude                   globs of paths not to lint when walking directories
    extend-rules              directories of extra rule packs, relative to the configuration file
    fail-on                   error | warning | info
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KEYS = ("select", "ignore", "per-file-ignores", "lang", "exclude", "extend-rules", "fail-on")
CONFIG_FILES = (".claimlint.yaml", ".claimlint.yml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used: ``path: problem``."""


@dataclass(frozen=True)
class Config:
    """Settings from one configuration file (or the defaults when ``path`` is None)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lang: str = "auto"
    exclude: tuple[str, ...] = ()
    extend_rules: tuple[Path, ...] = ()
    fail_on: str = "warning"

    @property
    def root(self) -> Path:
        """Directory that relative globs and paths are resolved against."""
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """Codes ignored for ``file`` by ``per-file-ignores``."""
        try:
            relative = file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(file.name, pattern):
                codes.extend(ignored)
        return tuple(codes)

    def excludes(self, file: Path) -> bool:
        """True when an ``exclude`` glob matches the path relative to the configuration, or any
        trailing part of it ("drafts/*" excludes every drafts directory's files)."""
        try:
            parts = file.resolve().relative_to(self.root.resolve()).parts
        except ValueError:
            parts = file.parts
        tails = ["/".join(parts[i:]) for i in range(len(parts))]
        return any(
            fnmatch.fnmatch(tail, pattern) or tail.startswith(pattern.rstrip("/") + "/")
            for pattern in self.exclude
            for tail in tails
        )


def _codes(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace(",", " ").split() if part]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of rule codes")
    return tuple(value)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    """Validate a configuration mapping; raise ConfigError naming the file on any problem."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown setting '{key}' (known: {', '.join(KEYS)})")
    lang = data.get("lang", "auto")
    if lang not in ("auto", "tr", "en"):
        raise ConfigError(f"{path}: 'lang' must be auto, tr or en")
    fail_on = data.get("fail-on", "warning")
    if fail_on not in ("error", "warning", "info"):
        raise ConfigError(f"{path}: 'fail-on' must be error, warning or info")
    per_file = data.get("per-file-ignores", {}) or {}
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must map globs to rule codes")
    exclude = data.get("exclude", []) or []
    rules = data.get("extend-rules", []) or []
    if isinstance(rules, str):
        rules = [rules]
    if not isinstance(exclude, list) or not isinstance(rules, list):
        raise ConfigError(f"{path}: 'exclude' and 'extend-rules' must be lists")
    return Config(
        path=path,
        select=_codes(data.get("select", []), "select", path),
        ignore=_codes(data.get("ignore", []), "ignore", path),
        per_file_ignores={glob: _codes(codes, "per-file-ignores", path) for glob, codes in per_file.items()},
        lang=lang,
        exclude=tuple(str(e) for e in exclude),
        extend_rules=tuple((path.parent / str(r)).resolve() for r in rules),
        fail_on=fail_on,
    )


def load_config(path: Path) -> Config | None:
    """Read a configuration file; None for a pyproject.toml without [tool.claimlint]."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration ({error})") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: invalid TOML ({error})") from None
        section = data.get("tool", {}).get("claimlint")
        return None if section is None else parse_config(section, path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML") from None
    return parse_config(data, path)


class ConfigFinder:
    """Finds (and caches) the configuration that applies to each file."""

    def __init__(self) -> None:
        self._by_directory: dict[Path, Config] = {}

    def for_file(self, file: Path) -> Config:
        """The nearest configuration above ``file`` (defaults when there is none)."""
        directory = file.resolve().parent if file.name else Path.cwd()
        return self._for_directory(directory)

    def _for_directory(self, directory: Path) -> Config:
        if directory in self._by_directory:
            return self._by_directory[directory]
        config = None
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                config = load_config(candidate)
                if config is not None:
                    break
        if config is None:
            parent = directory.parent
            config = Config() if parent == directory else self._for_directory(parent)
        self._by_directory[directory] = config
        return config
