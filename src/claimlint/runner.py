"""A lint run: which files, with which settings and rules, and what they produced.

Bad input never stops a run: each unreadable, binary, undecodable or missing file becomes an
error line (and exit code 2) while every other file is still linted and reported.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, ConfigError, ConfigFinder
from .diagnostic import SEVERITY_RANK, Diagnostic
from .document import InputError, decode, format_for, parse
from .fix import apply_fixes, unified_diff, write_atomically
from .linter import Linter
from .rule import Knowledge, load_packs

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt", ".html", ".htm")
_SKIPPED_DIRECTORIES = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass
class Options:
    """Command-line settings; None means "take it from the configuration file"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    config: Path | None = None
    rules: tuple[Path, ...] = ()
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    show_context: bool = False
    stdin_filename: str | None = None
    fix: bool = False
    diff: bool = False


@dataclass
class Result:
    """Everything a run found: diagnostics, fatal per-file errors, and notices."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    failing: bool = False
    diffs: list[str] = field(default_factory=list)  # --diff: what --fix would change
    fixed_stdin: str | None = None  # --fix on '-': the fixed text, printed instead of a report
    fixed_files: int = 0


class Run:
    """Lints paths; caches knowledge and linters across files that share settings."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.finder = ConfigFinder()
        self._fixed_config: Config | None = None
        if options.config is not None:
            from .config import load_config

            self._fixed_config = load_config(options.config) or Config(path=options.config)
        self._knowledge: dict[tuple[Path, ...], Knowledge] = {}
        self._linters: dict[tuple, Linter] = {}

    def config_for(self, path: Path) -> Config:
        """The configuration that applies to ``path`` (``--config`` wins over discovery)."""
        return self._fixed_config or self.finder.for_file(path)

    def knowledge(self, config: Config) -> Knowledge:
        """Rule packs for a configuration: built-in + ``extend-rules`` + ``--rules``."""
        packs = tuple(config.extend_rules) + tuple(p.resolve() for p in self.options.rules)
        if packs not in self._knowledge:
            self._knowledge[packs] = load_packs(packs)
        return self._knowledge[packs]

    def linter(self, config: Config, path: Path) -> Linter:
        """The linter for a file: selection from options, configuration and per-file ignores."""
        knowledge = self.knowledge(config)
        select = self.options.select if self.options.select is not None else config.select
        ignore = tuple(config.ignore) + tuple(self.options.ignore) + config.ignored_for(path)
        lang = self.options.lang or config.lang
        key = (id(knowledge), tuple(select), ignore, lang, self.options.show_context)
        if key not in self._linters:
            rules = knowledge.selected(list(select), list(ignore))
            if self.options.show_context:
                rules += [r for r in knowledge.rules.values() if r.kind == "context" and r not in rules]
            self._linters[key] = Linter(knowledge, rules, None if lang == "auto" else lang)
        return self._linters[key]

    def lint_paths(self, paths: list[str]) -> Result:
        """Lint every file named or found under the given paths (``-`` is standard input)."""
        result = Result()
        for target in paths:
            if target == "-":
                self._lint_stdin(result)
                continue
            path = Path(target)
            if path.is_dir():
                for file in self._walk(path, result):
                    self._lint_file(file, result, explicit=False)
            elif path.exists():
                self._lint_file(path, result, explicit=True)
            else:
                result.errors.append(f"{target}: no such file or directory")
        result.diagnostics.sort(key=Diagnostic.sort_key)
        return result

    def _walk(self, directory: Path, result: Result):
        cli_excludes = Config(path=None, exclude=self.options.exclude)
        for root, dirs, files in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRECTORIES and not d.startswith("."))
            for name in sorted(files):
                file = Path(root) / name
                if file.suffix.lower() not in DEFAULT_EXTENSIONS:
                    continue
                try:
                    config = self.config_for(file)
                except ConfigError as error:
                    result.errors.append(str(error))
                    continue
                if config.excludes(file) or cli_excludes.excludes(file):
                    continue
                yield file

    def _lint_file(self, path: Path, result: Result, explicit: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            result.errors.append(f"{path}: cannot read file ({error.strerror or error})")
            return
        self._lint_bytes(data, path, str(path), result, explicit)

    def _fix(self, document, diagnostics, linter, path: Path, fmt: str, result: Result, is_stdin: bool):
        """Apply (or, with --diff, show) the fixes; return the diagnostics that remain."""
        fixed = apply_fixes(document.source, diagnostics)
        if is_stdin and self.options.fix and not self.options.diff:
            result.fixed_stdin = fixed
        if fixed == document.source:
            return diagnostics
        if self.options.diff:
            result.diffs.append(unified_diff(document.path, document.source, fixed))
            return diagnostics
        if not is_stdin:
            write_atomically(path, fixed, document.has_bom)
            result.fixed_files += 1
        return linter.lint(parse(fixed, document.path, fmt, document.has_bom))

    def _lint_stdin(self, result: Result) -> None:
        name = self.options.stdin_filename or "-"
        self._lint_bytes(sys.stdin.buffer.read(), Path(name if name != "-" else "stdin.md"), name, result, True, True)

    def _lint_bytes(self, data: bytes, path: Path, shown: str, result: Result, explicit: bool, from_stdin: bool = False) -> None:
        try:
            config = self.config_for(path)
            linter = self.linter(config, path)
            text, has_bom = decode(data, shown)
        except InputError as error:
            if explicit:
                result.errors.append(str(error))
            else:
                result.notices.append(f"{error} (skipped)")
            return
        except ConfigError as error:
            result.errors.append(str(error))
            return
        fmt = format_for(str(path), "markdown" if shown == "-" else "text")
        document = parse(text, shown, fmt, has_bom)
        diagnostics = linter.lint(document)
        if self.options.fix or self.options.diff:
            diagnostics = self._fix(document, diagnostics, linter, path, fmt, result, from_stdin)
        threshold = SEVERITY_RANK[self.options.fail_on or config.fail_on]
        if any(SEVERITY_RANK[d.severity] >= threshold for d in diagnostics):
            result.failing = True
        result.diagnostics.extend(diagnostics)
