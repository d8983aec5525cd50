"""Rule packs: YAML files under ``rules/`` loaded into validated Rule objects and data.

A pack is a directory. Files with a top-level ``rules:`` list are rule files; ``lexicon/*.yaml``
are word lists; any other ``*.yaml`` is named data (``morphology``, ``context``, ``compounds``,
``disclaimers``). A user's pack (``--rules DIR`` / ``extend-rules``) adds rules and extends the
built-in data: a lexicon with the same ``lexicon:`` name gains entries, a data file with the
same name is merged into the built-in one (lists are extended, mappings merged). Adding a
disease, a verb, a compound or a disclaimer translation therefore never needs Python.

Every problem is reported as ``path:line: message`` (``RuleError``), which the CLI turns into
exit code 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from . import yamlfile
from .language import LanguageModel
from .lexicon import Lexicon, Morphology, entries_from_data

SEVERITIES = ("error", "warning", "info")
_CODE = re.compile(r"CL\d{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_COMMON_REQUIRED = ("code", "name", "kind", "severity", "summary", "message", "help", "sources", "examples")
_COMMON_OPTIONAL = ("default", "overrides", "criterion")
# Keys each rule kind accepts (beyond the common ones), and which of them are required.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # a co-occurrence rule may add patterns for constructions a word pair cannot express
    "cooccurrence": (("targets",), ("with", "scope", "window", "negation", "caution", "anaphors", "exclude", "strength", "hashtags", "carried_by", "implied_by", "afflictions", "overrides_within", "patterns")),
    "pattern": (("patterns",), ("requires", "scope", "negation", "caution")),
    "disclaimer": (("check",), ()),
    "dose": ((), ()),
    "context": ((), ()),
    "suppression": ((), ()),
}
_SCOPES = ("clause", "heading", "citation")


class RuleError(Exception):
    """A rule pack problem, already formatted as ``path:line: message``."""


@dataclass(frozen=True)
class Rule:
    """One lint rule: identity, severity, wording, legal basis, examples and kind options."""

    code: str
    name: str
    kind: str
    severity: str
    summary: str
    message: str
    help: str
    sources: tuple[str, ...]
    examples: dict[str, dict[str, tuple[str, ...]]]
    options: dict[str, Any]
    default: bool
    overrides: tuple[str, ...]
    criterion: str
    path: str

    def option(self, key: str, default: Any = None) -> Any:
        """A kind-specific option with its default."""
        return self.options.get(key, default)


def builtin_pack() -> Path:
    """The rule pack shipped inside the package (wheel) or, in a source checkout, ``rules/``."""
    packaged = resources.files("claimlint") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


@dataclass
class Knowledge:
    """Everything the checks know: rules, lexicons and named data, from one or more packs."""

    rules: dict[str, Rule] = field(default_factory=dict)
    lexicon_data: dict[str, list] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def morphology(self) -> dict[str, Morphology]:
        """Inflection grammar per language, from ``morphology.yaml``."""
        return {lang: Morphology.from_data(lang, spec) for lang, spec in self.data["morphology"].items()}

    @cached_property
    def language_model(self) -> LanguageModel:
        """Context patterns (negation, cautions, questions, language cues), from ``context.yaml``."""
        return LanguageModel.from_data(self.data["context"])

    @cached_property
    def lexicons(self) -> dict[str, Lexicon]:
        """Compiled lexicons by name (compiled on first use: only runs that match pay for it)."""
        return {name: Lexicon(name, entries, self.morphology) for name, entries in self.lexicon_data.items()}

    def selected(self, select: list[str], ignore: list[str]) -> list[Rule]:
        """Rules enabled by code prefixes: ``select`` (default: all default rules) minus ``ignore``."""
        chosen = []
        for code, rule in sorted(self.rules.items()):
            if not select:
                wanted = rule.default
            elif rule.default:
                wanted = any(code.startswith(prefix) for prefix in select)
            else:  # a rule that is off by default is picked by its own code only ("CL100", not "CL1")
                wanted = code in select
            if wanted and not any(code.startswith(prefix) for prefix in ignore):
                chosen.append(rule)
        return chosen


def load_packs(extra_packs: list[Path] | tuple[Path, ...] = ()) -> Knowledge:
    """Load the built-in pack and any user packs into one validated Knowledge."""
    knowledge = Knowledge()
    for pack in [builtin_pack(), *extra_packs]:
        _load_pack(Path(pack), knowledge)
    for required in ("morphology", "context"):
        if required not in knowledge.data:
            raise RuleError(f"{builtin_pack()}: the rule pack has no {required}.yaml")
    for rule in knowledge.rules.values():
        _check_references(rule, knowledge)
    try:
        morphology = knowledge.morphology  # compile now, so a bad grammar is a rule-pack error (exit 2)
    except (KeyError, ValueError, re.error) as error:
        raise RuleError(f"morphology.yaml: invalid grammar ({error})") from None
    try:
        _ = knowledge.language_model  # likewise for the context patterns
    except (KeyError, TypeError, ValueError, re.error) as error:
        raise RuleError(f"context.yaml: invalid context data ({error})") from None
    for name, entries in knowledge.lexicon_data.items():
        for entry in entries:
            for companion in [entry.data.get("only_with"), *(entry.data.get("not_with") or ())]:
                if companion and companion not in knowledge.lexicon_data:
                    raise RuleError(f"lexicon '{name}': entry '{entry.id}' needs unknown lexicon '{companion}'")
            if entry.data.get("side", "after") not in ("before", "after"):
                raise RuleError(f"lexicon '{name}': entry '{entry.id}' has side '{entry.data['side']}' (expected before or after)")
            case = entry.data.get("object_case")
            for lang in entry.terms if case else ():
                if case not in morphology[lang].cases:
                    raise RuleError(f"lexicon '{name}': entry '{entry.id}' needs case '{case}', which morphology.yaml does not define for {lang}")
    return knowledge


def _load_pack(pack: Path, knowledge: Knowledge) -> None:
    if not pack.is_dir():
        raise RuleError(f"{pack}: rule pack directory not found")
    for path in sorted(pack.glob("lexicon/*.yaml")):
        data = _read(path)
        if not isinstance(data, dict) or not isinstance(data.get("lexicon"), str):
            raise RuleError(f"{path}:1: a lexicon file needs 'lexicon: <name>' and 'entries:'")
        try:
            entries = entries_from_data(data["lexicon"], data)
        except ValueError as error:
            raise RuleError(f"{path}:{data.line_of('entries')}: {error}") from None
        knowledge.lexicon_data.setdefault(data["lexicon"], []).extend(entries)
    for path in sorted(pack.glob("*.yaml")):
        data = _read(path)
        if isinstance(data, dict) and "rules" in data:
            for item in data["rules"] or ():
                rule = _rule_from(item, path)
                if rule.code in knowledge.rules:
                    raise RuleError(
                        f"{path}:{item.line}: duplicate code {rule.code} (already in {knowledge.rules[rule.code].path})"
                    )
                knowledge.rules[rule.code] = rule
        elif isinstance(data, dict):
            name = path.stem
            knowledge.data[name] = _merge(knowledge.data[name], data) if name in knowledge.data else data
        else:
            raise RuleError(f"{path}:1: expected a mapping at the top of the file")


def _read(path: Path) -> Any:
    try:
        return yamlfile.load(path)
    except yamlfile.YamlError as error:
        raise RuleError(str(error)) from None


def _rule_from(item: Any, path: Path) -> Rule:
    """Validate one rule mapping and build the Rule."""
    if not isinstance(item, yamlfile.LineDict):
        raise RuleError(f"{path}: each entry under 'rules:' must be a mapping")

    def fail(message: str, key: str | None = None) -> RuleError:
        line = item.line_of(key) if key else item.line
        return RuleError(f"{path}:{line}: {item.get('code', 'rule')}: {message}")

    for key in _COMMON_REQUIRED:
        if key not in item:
            raise fail(f"missing required key '{key}'")
    kind = item["kind"]
    if kind not in KINDS:
        raise fail(f"unknown kind '{kind}' (expected one of: {', '.join(KINDS)})", "kind")
    required, optional = KINDS[kind]
    for key in required:
        if key not in item:
            raise fail(f"missing required key '{key}' for kind '{kind}'")
    allowed = set(_COMMON_REQUIRED) | set(_COMMON_OPTIONAL) | set(required) | set(optional)
    for key in item:
        if key not in allowed:
            raise fail(f"unknown key '{key}'", key)
    if not _CODE.fullmatch(str(item["code"])):
        raise fail("code must be 'CL' followed by three digits", "code")
    if not _NAME.fullmatch(str(item["name"])):
        raise fail("name must be kebab-case", "name")
    if item["severity"] not in SEVERITIES:
        raise fail(f"severity must be one of {', '.join(SEVERITIES)}", "severity")
    sources = item["sources"]
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
        raise fail("sources must be a non-empty list of citations", "sources")
    for key in ("summary", "message", "help"):
        if not isinstance(item[key], str) or not item[key].strip():
            raise fail(f"'{key}' must be a non-empty string", key)
    examples = _examples(item, fail)
    options = {key: item[key] for key in (*required, *optional) if key in item}
    if options.get("scope", "clause") not in _SCOPES:
        raise fail(f"scope must be one of {', '.join(_SCOPES)}", "scope")
    for key in ("negation", "caution"):
        if options.get(key, "respect") not in ("respect", "ignore"):
            raise fail(f"{key} must be 'respect' or 'ignore'", key)
    if "patterns" in item:
        _check_patterns(item, fail)
    return Rule(
        code=item["code"],
        name=item["name"],
        kind=kind,
        severity=item["severity"],
        summary=item["summary"].strip(),
        message=item["message"].strip(),
        help=item["help"].strip(),
        sources=tuple(sources),
        examples=examples,
        options=options,
        default=bool(item.get("default", True)),
        overrides=tuple(item.get("overrides") or ()),
        criterion=str(item.get("criterion", "")),
        path=f"{path}:{item.line}",
    )


def _examples(item: yamlfile.LineDict, fail) -> dict[str, dict[str, tuple[str, ...]]]:
    examples = item["examples"]
    if not isinstance(examples, dict) or not examples:
        raise fail("examples must map a language to failing and passing texts", "examples")
    result = {}
    for lang, cases in examples.items():
        if lang not in ("en", "tr") or not isinstance(cases, dict):
            raise fail(f"examples: unknown language '{lang}' (expected en or tr)", "examples")
        unknown = set(cases) - {"fail", "pass"}
        if unknown or not cases.get("fail") or not cases.get("pass"):
            raise fail(f"examples.{lang} needs non-empty 'fail' and 'pass' lists", "examples")
        result[lang] = {kind: tuple(str(text) for text in cases[kind]) for kind in ("fail", "pass")}
    return result


def _check_patterns(item: yamlfile.LineDict, fail) -> None:
    patterns = item["patterns"]
    if not isinstance(patterns, dict):
        raise fail("patterns must map a language to a list of regular expressions", "patterns")
    for items in patterns.values():
        for pattern in items or ():
            try:
                re.compile(_PLACEHOLDER.sub("x", pattern))
            except re.error as error:
                raise fail(f"bad regular expression {pattern!r}: {error}", "patterns") from None


def _check_references(rule: Rule, knowledge: Knowledge) -> None:
    """Every lexicon a rule names must exist."""
    named = []
    for key in ("targets", "with", "requires", "exclude", "carried_by"):
        named.extend(rule.option(key) or ())
    for key in ("anaphors", "afflictions"):
        if rule.option(key):
            named.append(rule.option(key))
    for patterns in (rule.option("patterns") or {}).values():
        for pattern in patterns or ():
            named.extend(_PLACEHOLDER.findall(pattern))
    for name in named:
        if name not in knowledge.lexicon_data:
            raise RuleError(f"{rule.path}: {rule.code}: unknown lexicon '{name}'")
    for key, codes in (("implied_by", rule.option("implied_by")), ("overrides", rule.overrides), ("overrides_within", rule.option("overrides_within"))):
        for code in codes or ():
            if code not in knowledge.rules:
                raise RuleError(f"{rule.path}: {rule.code}: {key} names unknown rule '{code}'")
