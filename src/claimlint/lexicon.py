"""Lexicons: word lists from ``rules/lexicon/*.yaml`` compiled into morphology-aware matchers.

A lexicon term is a citation form ("uykusuzluk", "baş ağrısı", "tedavi et", "cure"). For each
language the engine knows, from ``rules/morphology.yaml``, how stems change before a suffix and
which suffix chains a part of speech takes. A match is a stem (or a stem variant) followed by a
whole suffix the grammar accepts, so "uykusuzluğa" and "tedavi edilemez" match, and "önlem"
(precaution) does not match the verb "önle-".

Everything here works on the match key (``matchkey.py``), never on raw text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .matchkey import fold

# Between the words of a multi-word term: the match key has already turned line breaks and
# quotation marks into spaces ("“tedavi” edilemez"); a closing apostrophe may precede them,
# and a hyphen may stand for the space ("blood-pressure tablets", "type-2 diabetes").
_WORD_GAP = "'?(?: +|-)"


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a concept with its terms in each language."""

    lexicon: str
    id: str
    pos: str
    terms: dict[str, tuple[str, ...]]
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: str) -> str:
        """A readable name for messages: the first term in ``lang`` (or any language)."""
        terms = self.terms.get(lang) or next(iter(self.terms.values()))
        return terms[0].rstrip("-")


@dataclass(frozen=True)
class LexiconMatch:
    """A lexicon hit in a match key: [start, end) offsets, the entry and its morphology."""

    start: int
    end: int
    entry: Entry
    lang: str
    suffix: str
    negated: bool

    @property
    def lexicon(self) -> str:
        """Name of the lexicon the entry belongs to."""
        return self.entry.lexicon


class Alternation(NamedTuple):
    """A stem-final letter that changes before a suffix (``morphology.yaml`` ``alternations``)."""

    final: str
    becomes: str
    before: str  # what must follow the changed stem
    pos: str = ""  # the part of speech it is limited to, if any
    stem: str = ""  # a regex the stem must match, if any ("et", "git": the verbs that soften)


@dataclass(frozen=True)
class Morphology:
    """One language's inflection grammar, as loaded from ``rules/morphology.yaml``."""

    lang: str
    alternations: tuple[Alternation, ...]
    compound_marker: re.Pattern[str] | None
    suffixes: dict[str, str]
    negative_verb_suffix: re.Pattern[str] | None
    cases: dict[str, dict[str, re.Pattern[str]]]
    # a word made into its own absence: a suffix ("ilaç-sız") or what follows it ("drug-free")
    privative_suffix: re.Pattern[str] | None = None
    privative_after: re.Pattern[str] | None = None

    @classmethod
    def from_data(cls, lang: str, data: dict[str, Any]) -> Morphology:
        """Build from the YAML mapping of one language; raises ValueError on bad data."""
        alternations = tuple(
            Alternation(fold(a["final"]), fold(a["becomes"]), a["before"], a.get("pos", ""), a.get("stem", ""))
            for a in data.get("alternations") or ()
        )
        marker = data.get("compound_marker")
        negative = data.get("negative_verb_suffix")
        suffixes = dict(data["suffixes"])
        for pattern in [*suffixes.values(), *(a.before for a in alternations), *(a.stem for a in alternations)]:
            re.compile(pattern)
        return cls(
            lang,
            alternations,
            re.compile(marker) if marker else None,
            suffixes,
            re.compile(negative) if negative else None,
            {
                case: {kind: re.compile(pattern) for kind, pattern in forms.items()}
                for case, forms in (data.get("cases") or {}).items()
            },
            re.compile(data["privative_suffix"]) if data.get("privative_suffix") else None,
            re.compile(data["privative_after"]) if data.get("privative_after") else None,
        )

    def in_case(self, case: str, match: LexiconMatch, key: str) -> bool:
        """Whether a noun match carries ``case`` (e.g. the accusative "gribi", "baş ağrısını"),
        judged by the suffix after the matched stem: the ``word`` form for one word, the
        ``compound`` form for a compound, whose -(s)I marker is no case ("solunum yolu
        enfeksiyonu geçirmek" is to have one, "bel ağrıları" is plain plural)."""
        forms = self.cases.get(case)
        if not forms:
            return True
        kind = "compound" if " " in key[match.start : match.end] else "word"
        return bool(match.suffix) and bool(forms[kind].search(match.suffix))

    def is_privative(self, match: LexiconMatch, key: str) -> bool:
        """Whether a match names the absence of what it names: "ilaçsız" (without a drug),
        "drug-free"; such a word does not put the thing in the sentence."""
        return bool(
            (self.privative_suffix and self.privative_suffix.match(match.suffix))
            or (self.privative_after and self.privative_after.match(key, match.end))
        )

    def suffix_grammar(self, pos: str, stem: str) -> str:
        """The suffix pattern for a stem of this part of speech (Turkish verbs split by final)."""
        if pos == "verb" and "verb" not in self.suffixes:
            final_is_vowel = stem[-1] in "aeiou"
            return self.suffixes["verb_after_vowel" if final_is_vowel else "verb_after_consonant"]
        if pos == "phrase":
            return ""
        return self.suffixes[pos]

    def stems_of(self, term: str) -> list[str]:
        """Folded stems of a citation form: as written, and for a multi-word compound also
        without its final -(s)I marker (baş ağrısı → baş ağrı, so "baş ağrıları" matches)."""
        folded = " ".join(fold(term).split())
        stems = [folded]
        # the marker is found on the word as written (folding would make "taşı" read "tasi");
        # folding keeps lengths, so its offset holds in the folded word
        marker = self.compound_marker.search(term.split()[-1]) if self.compound_marker and " " in folded else None
        if marker:
            head, last = folded.rsplit(" ", 1)
            stripped = last[: marker.start()]
            if len(stripped) >= 2:
                stems.append(f"{head} {self._unsoften(stripped)}")
        return stems

    def _unsoften(self, word: str) -> str:
        """Undo consonant softening at the end of a stem (bozukluğ → bozukluk)."""
        for change in self.alternations:
            if change.becomes and change.pos in ("", "noun") and word.endswith(change.becomes):
                return word[: -len(change.becomes)] + change.final
        return word


def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` shaped as a trie (several times faster than a flat one)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = []
        ends = "" in node
        for char in sorted(k for k in node if k):
            piece = _WORD_GAP if char == " " else re.escape(char)
            branches.append(piece + render(node[char]))
        if not branches:
            return ""
        # Longer continuations first; the empty branch last, so the longest stem wins.
        body = "|".join(branches)
        if ends:
            return f"(?:{body})?"
        return body if len(branches) == 1 else f"(?:{body})"

    return render(trie)


class Lexicon:
    """All entries of one named lexicon, with one compiled matcher per language."""

    def __init__(self, name: str, entries: list[Entry], morphology: dict[str, Morphology]):
        self.name = name
        self.entries = entries
        self._sources: dict[str, str] = {}
        self._matchers: dict[str, tuple[tuple[re.Pattern[str], ...], dict[str, tuple[Entry, str]]]] = {}
        for lang, morph in morphology.items():
            compiled = self._compile(lang, morph)
            if compiled:
                self._matchers[lang] = compiled

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages this lexicon has terms for."""
        return tuple(self._matchers)

    def _compile(self, lang: str, morph: Morphology):
        # Group stems by (suffix grammar, lookahead, left context) so each group is one trie.
        # An entry's ``preceded_by`` (a fixed-width regex) is what must stand right before the
        # term: Turkish "son" is an effect only after a dative ("migrene son"), never in
        # "son yıllarda" or "son kullanma tarihi".
        groups: dict[tuple[str, str, str], set[str]] = {}
        lookup: dict[str, tuple[Entry, str]] = {}
        for entry in self.entries:
            for term in entry.terms.get(lang, ()):
                required = term.endswith("-")
                for stem in morph.stems_of(term.rstrip("-")):
                    grammar = morph.suffix_grammar(entry.pos, stem)
                    if required:
                        grammar = f"(?=[\\w']){grammar}"
                    variants = [(stem, "")]
                    if entry.pos != "phrase":
                        for change in morph.alternations:
                            if stem.endswith(change.final) and change.pos in ("", entry.pos) and (not change.stem or re.search(change.stem, stem)):
                                variants.append((stem[: -len(change.final)] + change.becomes, change.before))
                    for variant, before in variants:
                        groups.setdefault((grammar, before, entry.data.get("preceded_by", "")), set()).add(variant)
                        lookup.setdefault(_lookup_key(variant), (entry, entry.pos))
        # One pattern per (grammar, left context): the stem variants of a grammar (plain, and
        # softened before a vowel) are alternatives of one group, which keeps compiling cheap.
        by_grammar: dict[tuple[str, str], list[str]] = {}
        for (grammar, before, preceded), stems in sorted(groups.items()):
            lookahead = f"(?={before})" if before else ""
            by_grammar.setdefault((grammar, preceded), []).append(f"(?:{_trie_pattern(stems)}){lookahead}")
        patterns = []
        for (grammar, preceded), alternatives in by_grammar.items():
            lookbehind = f"(?<={preceded})" if preceded else ""
            stem = "|".join(alternatives)
            patterns.append(re.compile(f"(?<![\\w'-]){lookbehind}(?P<stem>{stem})(?P<suffix>{grammar})(?!\\w)"))
        self._sources[lang] = "|".join(p.pattern for p in patterns).replace("?P<stem>", "").replace("?P<suffix>", "")
        return (tuple(patterns), lookup) if patterns else None

    def pattern_source(self, lang: str) -> str:
        """One regex (no named groups) matching any term of ``lang``, for use inside rule patterns."""
        return f"(?:{self._sources.get(lang) or '(?!)'})"

    def find(self, key: str, lang: str, morph: Morphology, start: int = 0, end: int | None = None) -> list[LexiconMatch]:
        """Matches of this lexicon's ``lang`` terms in ``key[start:end]``, longest first, no overlaps.

        Each suffix grammar is its own pattern, so the longest reading wins across grammars:
        "tedavi edilemez" is the negated verb "tedavi et", not the noun "tedavi".
        """
        compiled = self._matchers.get(lang)
        if compiled is None:
            return []
        patterns, lookup = compiled
        end = len(key) if end is None else end
        candidates = [m for pattern in patterns for m in pattern.finditer(key, start, end)]
        candidates.sort(key=lambda m: (m.start(), -m.end()))
        found: list[LexiconMatch] = []
        for m in candidates:
            if found and m.start() < found[-1].end:
                continue
            entry, pos = lookup[_lookup_key(m.group("stem"))]
            suffix = m.group("suffix") or ""
            negated = bool(
                pos == "verb" and morph.negative_verb_suffix and morph.negative_verb_suffix.match(suffix)
            )
            found.append(LexiconMatch(m.start(), m.end(), entry, lang, suffix, negated))
        return found


def _lookup_key(stem: str) -> str:
    """The key a stem is looked up by, the same for a term and for its match in the text:
    quotes, spaces and hyphens between words all read as one space, since the text may write
    "blood-pressure" for the term "blood pressure" and "post-nasal-drip" for "post-nasal drip"."""
    return " ".join(re.sub("'(?= )", " ", stem).replace("-", " ").split())


def entries_from_data(name: str, data: dict[str, Any], default_pos: str = "noun") -> list[Entry]:
    """Build entries from a lexicon file's parsed mapping; raises ValueError on bad data."""
    entries = []
    pos_default = data.get("pos", default_pos)
    for item in data.get("entries") or ():
        if not isinstance(item, dict) or "id" not in item:
            raise ValueError(f"lexicon '{name}': every entry needs an 'id'")
        terms = {
            lang: tuple(str(t) for t in item[lang])
            for lang in ("en", "tr")
            if item.get(lang)
        }
        if not terms:
            raise ValueError(f"lexicon '{name}': entry '{item['id']}' has no terms")
        entries.append(Entry(name, str(item["id"]), item.get("pos", pos_default), terms, dict(item)))
    return entries
