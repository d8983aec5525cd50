"""The compound table behind the dose checks (rules/compounds.yaml).

It knows which mineral salts exist, how much of each is the mineral itself (the elemental
fraction, recomputed from the formula at load time), the daily upper limits, and the cue words
the dose finder reads around a figure.  It also finds where elements and salts are named in a
text, in English and Turkish, without ``str.lower()`` so that offsets stay exact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .matchkey import fold as match_key

LANGS = ("en", "tr")

# Turkish letters and their ASCII stand-ins: copy typed without Turkish keys ("cinko sulfat")
# must match "çinko sülfat".  Dotted and dotless i are one letter here, as in re.IGNORECASE.
_LOOSE = {"ç": "çc", "ş": "şs", "ğ": "ğg", "ö": "öo", "ü": "üu", "ı": "ıi", "i": "iı"}
_SOFTENED = {"t": "d", "k": "ğ", "p": "b", "ç": "c"}
_TR_VOWELS = "aeıioöuü"


def fold(text: str) -> str:
    """Reduce a short matched name to a lookup key: the match key (case and Turkish letters
    folded, see matchkey.py) without spaces, hyphens and apostrophes."""
    return re.sub(r"[\s\-']+", "", match_key(text))


def _loose(phrase: str) -> str:
    """Regex for a name or cue: case-free, ASCII-folded Turkish letters, flexible spacing."""
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(r"[\s\-]+")
        elif char == "-":
            parts.append(r"[\s\-]?")
        elif char.casefold() in _LOOSE:
            parts.append(f"[{_LOOSE[char.casefold()]}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


# --- formulas ---------------------------------------------------------------------------

_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)|(\()|(\))(\d*)")


def atom_counts(formula: str) -> dict[str, int]:
    """Count the atoms in an ASCII formula such as ``Mg3(C6H5O7)2.9H2O``.

    Handles nested parentheses with counts, and hydrate parts after a dot (or a middle dot)
    with a leading coefficient, because salts are tabulated with their water of hydration.
    """
    total: Counter[str] = Counter()
    for part in re.split(r"[.·]", formula):
        coefficient = re.match(r"\d*", part).group()
        body = part[len(coefficient):]
        if not body:
            raise ValueError(f"formula {formula!r}: empty part {part!r}")
        stack: list[Counter[str]] = [Counter()]
        pos = 0
        while pos < len(body):
            token = _TOKEN.match(body, pos)
            if token is None:
                raise ValueError(f"formula {formula!r}: unexpected {body[pos]!r}")
            symbol, count, opening, _closing, group_count = token.groups()
            if symbol:
                stack[-1][symbol] += int(count or 1)
            elif opening:
                stack.append(Counter())
            else:
                if len(stack) == 1:
                    raise ValueError(f"formula {formula!r}: unbalanced ')'")
                group = stack.pop()
                for element, n in group.items():
                    stack[-1][element] += n * int(group_count or 1)
            pos = token.end()
        if len(stack) != 1:
            raise ValueError(f"formula {formula!r}: unbalanced '('")
        for element, n in stack[0].items():
            total[element] += n * int(coefficient or 1)
    return dict(total)


def formula_mass(formula: str, atomic_weights: Mapping[str, float]) -> float:
    """Molar mass (g/mol) of a formula from the given atomic weights."""
    mass = 0.0
    for symbol, n in atom_counts(formula).items():
        if symbol not in atomic_weights:
            raise ValueError(f"formula {formula!r}: no atomic weight for {symbol!r}")
        mass += n * atomic_weights[symbol]
    return mass


def elemental_fraction(formula: str, element_symbol: str, atomic_weights: Mapping[str, float]) -> float:
    """Mass fraction of one element in a formula: the share of a salt's mass that is the mineral."""
    n = atom_counts(formula).get(element_symbol, 0)
    if n == 0:
        raise ValueError(f"formula {formula!r} contains no {element_symbol}")
    return n * atomic_weights[element_symbol] / formula_mass(formula, atomic_weights)


# --- table entries ----------------------------------------------------------------------

@dataclass(frozen=True)
class Element:
    """A mineral: its key ("magnesium"), symbol and names per language."""

    key: str
    symbol: str
    names: Mapping[str, tuple[str, ...]]

    def name(self, lang: str) -> str:
        """The element's usual name in ``lang`` ("magnesium" / "magnezyum")."""
        return self.names[lang][0]


@dataclass(frozen=True)
class Form:
    """One formula of a salt (the anhydrous or common form, or a hydrate) and its fraction."""

    formula: str
    fraction: float
    note: str = ""


@dataclass(frozen=True)
class Compound:
    """A salt of one element; ``forms[0]`` is what its plain name denotes, the rest are hydrates."""

    id: str
    element: Element
    forms: tuple[Form, ...]
    source: str
    note: str = ""


@dataclass(frozen=True)
class Limit:
    """A daily upper limit for an element, e.g. ``Limit("EU UL", 250.0, "mg")``."""

    authority: str
    amount: float
    unit: str  # "mg" or "mcg", as the limit is usually quoted

    @property
    def mg(self) -> float:
        """The limit in mg."""
        return self.amount / 1000 if self.unit == "mcg" else self.amount


@dataclass(frozen=True)
class Mention:
    """A place where a text names an element or a salt.

    ``kind`` is "element" (the mineral alone), "compound" (a salt in the table) or "unknown"
    (an element followed by a salt word the table has no entry for, e.g. "iron oxide" if
    absent).  ``forms`` are the candidate formulas: all of the compound's for a generic name,
    just one for a named hydrate.  ``source`` is set when the salt is named as the source of
    the mineral ("as magnesium glycinate", "magnezyum sitrattan"), not as the thing weighed.
    """

    start: int
    end: int
    kind: str
    element: Element
    lang: str
    compound: Compound | None = None
    forms: tuple[Form, ...] = ()
    source: bool = False


# --- loading and validation -------------------------------------------------------------

def _fail(where: str, problem: str) -> None:
    raise ValueError(f"compounds.yaml: {where}: {problem}")


def _mapping(value: Any, where: str) -> Mapping:
    if not isinstance(value, Mapping):
        _fail(where, f"expected a mapping, got {type(value).__name__}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(where, "expected a list of non-empty strings")
    return tuple(value)


def _names(value: Any, where: str, required: bool) -> dict[str, tuple[str, ...]]:
    if value is None and not required:
        return {lang: () for lang in LANGS}
    names = _mapping(value, where)
    unknown = set(names) - set(LANGS)
    if unknown:
        _fail(where, f"unknown language(s) {sorted(unknown)}")
    result = {lang: _strings(names.get(lang, []), f"{where}.{lang}") for lang in LANGS}
    if required and not all(result.values()):
        _fail(where, "needs names in both 'en' and 'tr'")
    return result


def _form(entry: Mapping, where: str, symbol: str, weights: Mapping[str, float]) -> Form:
    formula = entry.get("formula")
    if not isinstance(formula, str):
        _fail(where, "missing 'formula'")
    try:
        computed = elemental_fraction(formula, symbol, weights)
    except ValueError as error:
        _fail(where, str(error))
    stored = entry.get("fraction")
    if not isinstance(stored, (int, float)) or abs(stored - round(computed, 4)) > 5e-5:
        _fail(where, f"fraction {stored!r} does not match {computed:.4f} computed from {formula}")
    return Form(formula, float(stored), str(entry.get("note", "")))


def _spellings(name: str, lang: str) -> tuple[str, ...]:
    """The name, plus its softened stem in Turkish ("oksit" → "oksid", as in "oksidi")."""
    if lang == "tr" and name[-1] in _SOFTENED:
        return name, name[:-1] + _SOFTENED[name[-1]]
    return (name,)


def _name_pattern(name: str, lang: str) -> str:
    """Regex for a name; a Turkish final p/ç/t/k may soften before a vowel suffix."""
    if lang == "tr" and name[-1] in _SOFTENED:
        soft = _loose(_SOFTENED[name[-1]])
        return f"{_loose(name[:-1])}(?:{_loose(name[-1])}|{soft}(?=[{_TR_VOWELS}]))"
    return _loose(name)


# A salt word in English takes at most a plural or possessive ending; Turkish takes any suffix.
_EN_TAILS = {"", "s", "es", "'s", "’s"}
_TURKISH_LETTERS = re.compile("[çğıöşüÇĞİÖŞÜ]")
_CUE_LISTS = ("elemental", "filler", "source_before", "source_after", "source_suffix", "link",
              "providing", "approximate", "link_before", "daily", "warning", "intake", "package")


class CompoundTable:
    """The validated contents of compounds.yaml, with the lookups the dose finder needs."""

    def __init__(self) -> None:
        self.elements: dict[str, Element] = {}
        self.compounds: dict[str, Compound] = {}
        self.limits: dict[str, tuple[Limit, ...]] = {}
        self.limit_scope: dict[str, str] = {}
        self.cues: dict[str, dict[str, tuple[str, ...]]] = {}
        self.tolerance: dict[str, float] = {}
        # fold(name) -> (target, lang); salts are keyed by element too: "magnesium:sitrat"
        self._element_names: dict[str, tuple[Element, str]] = {}
        self._salt_names: dict[str, tuple[Compound, tuple[Form, ...], str]] = {}
        self._full_names: dict[str, tuple[Compound, tuple[Form, ...], str]] = {}
        self._patterns: dict[str, set[tuple[str, str]]] = {"element": set(), "salt": set(), "full": set()}
        self._mention_re = self._source_before = self._source_after = re.compile(r"(?!)")
        self._source_suffixes: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Any) -> CompoundTable:
        """Build the table from the parsed compounds.yaml mapping, checking every entry.

        Raises ``ValueError`` naming the entry when a key is missing, a name is ambiguous, a
        formula does not parse, or a stored fraction disagrees with the one computed from its
        formula (so a typo in the data cannot silently change a reported amount).
        """
        table = cls()
        data = _mapping(data, "top level")
        weights = table._load_weights(data)
        for key, entry in _mapping(data.get("elements"), "elements").items():
            table._load_element(key, _mapping(entry, f"elements.{key}"), weights)
        entries = data.get("compounds")
        if not isinstance(entries, list) or not entries:
            _fail("compounds", "expected a non-empty list")
        for i, entry in enumerate(entries):
            table._load_compound(i, _mapping(entry, f"compounds[{i}]"), weights)
        for key, entry in _mapping(data.get("upper_limits"), "upper_limits").items():
            table._load_limits(key, _mapping(entry, f"upper_limits.{key}"))
        cues = _mapping(data.get("cues"), "cues")
        for name in _CUE_LISTS:
            if name not in cues:
                _fail(f"cues.{name}", "missing word list")
            table.cues[name] = _names(cues[name], f"cues.{name}", False)
        tolerance = _mapping(data.get("tolerance"), "tolerance")
        for key in ("consistency", "rounding"):
            value = tolerance.get(key)
            if not isinstance(value, (int, float)) or not 0 <= value < 1:
                _fail(f"tolerance.{key}", "expected a number from 0 to below 1")
            table.tolerance[key] = float(value)
        table._compile()
        return table

    def _load_weights(self, data: Mapping) -> dict[str, float]:
        weights = {}
        for symbol, weight in _mapping(data.get("atomic_weights"), "atomic_weights").items():
            if symbol == "source":
                continue
            if not isinstance(weight, (int, float)) or weight <= 0:
                _fail(f"atomic_weights.{symbol}", "expected a positive number")
            weights[symbol] = float(weight)
        return weights

    def _add_name(self, index: dict, key: str, value: tuple, where: str) -> None:
        """Index a name; its last item is the language, None when both languages spell it so."""
        if key in index:
            if index[key][:-1] != value[:-1]:
                _fail(where, f"name {key!r} is already used by another entry")
            if index[key][-1] != value[-1]:
                index[key] = value[:-1] + (None,)
            return
        index[key] = value

    def _load_element(self, key: str, entry: Mapping, weights: Mapping[str, float]) -> None:
        where = f"elements.{key}"
        if entry.get("symbol") not in weights:
            _fail(where, f"symbol {entry.get('symbol')!r} has no atomic weight")
        element = Element(key, entry["symbol"], _names(entry.get("names"), f"{where}.names", True))
        self.elements[key] = element
        for lang, names in element.names.items():
            for name in names:
                self._add_name(self._element_names, fold(name), (element, lang), where)
                self._patterns["element"].add((name, lang))

    def _load_compound(self, i: int, entry: Mapping, weights: Mapping[str, float]) -> None:
        cid = entry.get("id")
        where = f"compounds[{i}] (id {cid!r})"
        if not isinstance(cid, str) or cid in self.compounds:
            _fail(where, "missing or duplicate 'id'")
        element = self.elements.get(entry.get("element"))
        if element is None:
            _fail(where, f"unknown element {entry.get('element')!r}")
        if not isinstance(entry.get("source"), str):
            _fail(where, "missing 'source'")
        hydrates = entry.get("hydrates", [])
        if not isinstance(hydrates, list):
            _fail(where, "'hydrates' must be a list")
        hydrates = [_mapping(h, f"{where}.hydrates[{j}]") for j, h in enumerate(hydrates)]
        forms = [_form(entry, where, element.symbol, weights)]
        forms += [_form(h, f"{where}.hydrates[{j}]", element.symbol, weights) for j, h in enumerate(hydrates)]
        compound = Compound(cid, element, tuple(forms), entry["source"], str(entry.get("note", "")))
        self.compounds[cid] = compound
        # The plain names cover every form; a hydrate's own names point at that form only.
        named = [(entry, tuple(forms), where, True)]
        named += [(h, (f,), f"{where}.hydrates[{j}]", False) for j, (h, f) in enumerate(zip(hydrates, forms[1:]))]
        for source, candidates, place, required in named:
            salts = _names(source.get("names"), f"{place}.names", False)
            full = _names(source.get("full_names"), f"{place}.full_names", False)
            if required and not all(salts[lang] or full[lang] for lang in LANGS):
                _fail(place, "needs 'names' or 'full_names' in both 'en' and 'tr'")
            for lang in LANGS:
                for name in salts[lang]:
                    self._patterns["salt"].add((name, lang))
                    for spelling in _spellings(name, lang):
                        key = f"{element.key}:{fold(spelling)}"
                        self._add_name(self._salt_names, key, (compound, candidates, lang), place)
                for name in full[lang]:
                    self._patterns["full"].add((name, lang))
                    self._add_name(self._full_names, fold(name), (compound, candidates, lang), place)

    def _load_limits(self, key: str, entry: Mapping) -> None:
        where = f"upper_limits.{key}"
        if key not in self.elements:
            _fail(where, "unknown element")
        self.limit_scope[key] = entry.get("scope", "total")
        if self.limit_scope[key] not in ("total", "supplemental"):
            _fail(where, "'scope' must be 'total' or 'supplemental'")
        items = entry.get("limits", [])
        if not isinstance(items, list):
            _fail(where, "'limits' must be a list")
        limits = []
        for j, item in enumerate(items):
            item = _mapping(item, f"{where}.limits[{j}]")
            amount, unit = item.get("amount"), item.get("unit")
            if not isinstance(amount, (int, float)) or amount <= 0 or unit not in ("mg", "mcg"):
                _fail(f"{where}.limits[{j}]", "needs a positive 'amount' and a 'unit' of mg or mcg")
            if not isinstance(item.get("authority"), str) or not isinstance(item.get("source"), str):
                _fail(f"{where}.limits[{j}]", "needs 'authority' and 'source'")
            limits.append(Limit(item["authority"], float(amount), unit))
        self.limits[key] = tuple(sorted(limits, key=lambda limit: limit.mg))

    # --- lookups ------------------------------------------------------------------------

    def cue_regex(self, name: str) -> str:
        """Regex alternation for one cue list, both languages, for the dose finder to embed.

        An entry matches as a whole word or phrase; an entry ending in "*" is a stem that any
        suffix may follow (Turkish "günlük*" also matches "günlüğe").
        """
        words = sorted({w for lang in LANGS for w in self.cues[name][lang]}, key=len, reverse=True)
        if not words:
            return r"(?!)"
        parts = []
        for word in words:
            start = r"(?<![^\W_])" if word[0].isalnum() else ""
            end = r"[^\W\d_]*" if word.endswith("*") else r"(?![^\W\d_])"
            parts.append(start + _loose(word.rstrip("*")) + end)
        return "(?:" + "|".join(parts) + ")"

    def _compile(self) -> None:
        def alternation(slot: str) -> str:
            names = sorted(self._patterns[slot], key=lambda nl: len(nl[0]), reverse=True)
            return "|".join(_name_pattern(name, lang) for name, lang in names) or r"(?!)"

        self._source_before = re.compile(rf"(?:{self.cue_regex('source_before')})[\s(]*\Z", re.IGNORECASE)
        self._source_after = re.compile(rf"\s*(?:{self.cue_regex('source_after')})", re.IGNORECASE)
        self._source_suffixes = tuple(fold(s) for lang in LANGS for s in self.cues["source_suffix"][lang])
        self._mention_re = re.compile(
            rf"(?<![^\W_])(?:(?P<full>{alternation('full')})"
            rf"|(?P<el>{alternation('element')})"
            rf"(?:(?:\s*\((?:II|III)\)\s*|[\s\-]+)(?P<salt>{alternation('salt')}))?)"
            r"(?P<tail>['’]?[^\W\d_]*)",
            re.IGNORECASE,
        )

    def find_mentions(self, text: str) -> list[Mention]:
        """Every element or salt named in ``text``, in order, with exact offsets.

        A name spelt alike in both languages ("Magtein") takes the language of the text.
        """
        mentions = []
        for m in self._mention_re.finditer(text):
            tail = m.group("tail")
            if m.group("full"):
                compound, forms, lang = self._full_names[fold(m.group("full"))]
                element, kind = compound.element, "compound"
            else:
                element, lang = self._element_names[fold(m.group("el"))]
                compound, forms, kind = None, (), "element"
                if m.group("salt"):
                    entry = self._salt_names.get(f"{element.key}:{fold(m.group('salt'))}")
                    kind = "unknown" if entry is None else "compound"
                    if entry:
                        compound, forms, lang = entry
            lang = lang or ("tr" if _TURKISH_LETTERS.search(text) else "en")
            if lang == "en" and tail not in _EN_TAILS:
                continue  # "ironic", "citrated": another word
            source = kind == "compound" and bool(
                self._source_before.search(text, max(0, m.start() - 30), m.start())
                or self._source_after.match(text, m.end())
                or (tail and fold(tail).endswith(self._source_suffixes)))
            mentions.append(Mention(m.start(), m.end(), kind, element, lang, compound, forms, source))
        return mentions
