"""FDA disclaimer (CL2xx): marked claims, the disclaimer they need, and its wording.

21 CFR 101.93(d) links a structure/function statement to the disclaimer by a symbol at the end of
the statement, repeated next to the disclaimer. So a *marked claim* is a sentence or list item
ending with a claim symbol, and per scope the check asks: is there a disclaimer (CL201/CL206),
does its leading symbol match (CL202), does its number fit the claims (CL203), is it worded as
the regulation says (CL204), does it disclaim anything (CL205)?

Recognition is fuzzy on purpose, so that an altered disclaimer is reported as altered, not as
missing: a sentence's words (folded; accepted slot variants rewritten to the canonical wording)
are compared with each sentence of the canonical text, and with the whole of it, by difflib.
Equal is a disclaimer; similar enough is an altered one whose differences are spelled out word
by word; anything else is copy. Texts, words and symbols live in ``rules/disclaimers.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from ..diagnostic import Finding
from ..language import AnalyzedBlock, Sentence
from ..matchkey import fold
from ..rule import Knowledge, Rule

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
NUMBERS = ("singular", "plural")


@dataclass(frozen=True)
class _Word:
    key: str  # folded, as compared
    shown: str  # as written, for messages
    block: int = -1
    start: int = 0
    end: int = 0


def _words(text: str, block: int = -1, offset: int = 0) -> list[_Word]:
    """The words of ``text`` (offsets shifted by ``offset``); folding keeps offsets (matchkey)."""
    text = unicodedata.normalize("NFC", text) if block < 0 else text  # YAML texts; blocks are NFC
    return [_Word(m.group(), text[m.start() : m.end()], block, offset + m.start(), offset + m.end()) for m in _WORD.finditer(fold(text))]


def _quote(words: list[_Word], texts: list[str]) -> str:
    """The words as written: one slice of the block text when they are in one block."""
    if words and words[0].block == words[-1].block >= 0:
        return texts[words[0].block][words[0].start : words[-1].end]
    return " ".join(w.shown for w in words)


def _ratio(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


class _Language:
    """One language's disclaimer, compiled: canonical sentences, slot rewrites, anchors, notes."""

    def __init__(self, name: str, data: dict[str, Any], phrases: dict[str, str]) -> None:
        self.name = name
        self.phrases = phrases
        self.texts = {n: " ".join(data[n].split()) for n in NUMBERS}
        self.sentences = {n: _SENTENCE_BREAK.split(self.texts[n], 1) for n in NUMBERS}
        self.parts = {n: [_words(s) for s in self.sentences[n]] for n in NUMBERS}
        # Every variant of a slot (and of the number-carrying noun) is read as the slot's first entry.
        groups = [*data["number"].values(), *(data.get("slots") or {}).values()]
        self.number_words = {n: fold(data["number"][n][0]) for n in NUMBERS}
        self.rewrites: dict[str, list[tuple[tuple[str, ...], list[_Word]]]] = {}
        for forms in groups:
            canonical = _words(forms[0])
            for form in forms:
                variant = tuple(w.key for w in _words(form))
                self.rewrites.setdefault(variant[0], []).append((variant, canonical))
        for options in self.rewrites.values():
            options.sort(key=lambda option: -len(option[0]))  # longest first: "teşhis etmek" before "teşhis"
        self.anchors = [set(fold(anchor).split()) for anchor in data.get("anchors") or ()]
        self.notes = {fold(word): note for word, note in (data.get("near_misses") or {}).items()}

    def normalize(self, words: list[_Word]) -> list[_Word]:
        """The words with accepted variants rewritten to the canonical wording (offsets kept)."""
        out, i = [], 0
        while i < len(words):
            for variant, canonical in self.rewrites.get(words[i].key, ()):
                if tuple(w.key for w in words[i : i + len(variant)]) == variant:
                    first, last = words[i], words[i + len(variant) - 1]
                    out.extend(_Word(c.key, c.shown, first.block, first.start, last.end) for c in canonical)
                    i += len(variant)
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def classify(self, raw: list[_Word], words: list[_Word]) -> tuple[float, str]:
        """(similarity, part) of the closest part of the disclaimer: "first", "second" or "both"."""
        present = {w.key for w in raw}
        if not any(anchor <= present for anchor in self.anchors):
            return 0.0, ""
        keys = [w.key for w in words]
        best = (0.0, "")
        for first, second in self.parts.values():
            for part, canonical in (("first", first), ("second", second), ("both", first + second)):
                best = max(best, (_ratio(keys, [w.key for w in canonical]), part))
        return best

    def number_of(self, words: list[_Word]) -> str | None:
        """The number the wording carries (after rewriting), None when no number word is there."""
        keys = {w.key for w in words}
        return next((n for n in ("plural", "singular") if self.number_words[n] in keys), None)

    def differences(self, found: list[_Word], parts: set[str], number: str, texts: list[str]) -> list[str]:
        """Each difference from the canonical text, in words ("missing 'treat'", …); found words
        are quoted as written in ``texts`` (the block texts), punctuation included."""
        present = [i for i, part in enumerate(("first", "second")) if part in parts]
        expected = [w for i in present for w in self.parts[number][i]]
        matcher = SequenceMatcher(None, [w.key for w in found], [w.key for w in expected], autojunk=False)
        out = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            got = _quote(found[i1:i2], texts)
            want = " ".join(w.shown for w in expected[j1:j2])
            kind = {"delete": "extra", "insert": "missing", "replace": "instead"}[op]
            text = self.phrases[kind].format(found=got, expected=want)
            keys = f" {' '.join(w.key for w in found[i1:i2])} "
            note = next((n for word, n in self.notes.items() if f" {word} " in keys), None)
            out.append(self.phrases["note"].format(difference=text, note=note) if note else text)
        for i in (0, 1):
            if i not in present:
                out.append(self.phrases["missing_sentence"].format(expected=self.sentences[number][i]))
        return out


class _Candidate(NamedTuple):
    score: float
    part: str  # "first", "second" or "both" sentences of the disclaimer
    language: _Language
    words: list[_Word]  # normalised
    prefix: re.Match[str]  # leading symbol and label


@dataclass
class _Claim:
    block: int
    start: int
    end: int
    symbol: str
    lang: str


@dataclass
class _Disclaimer:
    language: _Language
    words: list[_Word]
    parts: set[str]
    number: str | None
    symbol: str
    symbol_span: tuple[int, int]
    block: int
    start: int
    end: int  # end of its text in its first block; the rest is at last_block/last_end (for a fix)
    last_block: int
    last_end: int


@dataclass
class _Scope:
    claims: list[_Claim] = field(default_factory=list)
    disclaimers: list[_Disclaimer] = field(default_factory=list)
    last_block: int = -1


class DisclaimerCheck:
    """Runs the CL2xx rules (kind ``disclaimer``; ``check:`` names the sub-check) over a document."""

    def __init__(self, rules: list[Rule], knowledge: Knowledge) -> None:
        data = knowledge.data["disclaimers"]
        self.codes = {rule.option("check"): rule.code for rule in rules}
        self.min_similarity = float(data.get("min_similarity", 0.5))
        self.languages = {name: _Language(name, spec, data["phrases"]) for name, spec in data["languages"].items()}
        symbols = "|".join(re.escape(s) for s in sorted(set(data["symbols"]), key=len, reverse=True))
        symbol_chars = re.escape("".join(set("".join(data["symbols"]))))
        labels = "|".join(re.escape(fold(label)) for spec in data["languages"].values() for label in spec.get("labels") or ())
        # A leading symbol and/or a label ("*Disclaimer: These statements…", "Not: † Bu beyanlar…").
        self.prefix = re.compile(rf"\s*(?:(?P<s1>{symbols})\s*)?(?:(?:{labels})\s*:\s*)?(?:(?P<s2>{symbols})\s*)?")
        # A claim symbol attached to the last word, before or after the final punctuation.
        self.claim_end = re.compile(rf"(?<=[^\s{symbol_chars}])(?P<symbol>{symbols})[.!?…]?[\"'”’»)]*\s*$")
        units = "|".join(re.escape(fold(unit)) for unit in data.get("amount_units") or ())
        self.amount = re.compile(rf"\d\s*(?:{units})\s*$") if units else None
        self.not_claims = [re.compile(p) for p in data.get("not_claims") or ()]
        self.heading_level = data.get("section_heading_level", 1)
        self.break_kinds = set(data.get("section_break_kinds") or ())
        self.break_lines = [re.compile(p) for p in data.get("section_break_lines") or ()]

    def run(self, blocks: list[AnalyzedBlock]) -> list[Finding]:
        """All disclaimer findings of a document (block offsets; fields fill the messages)."""
        stream = [(index, sentence) for index, block in enumerate(blocks) for sentence in block.sentences]
        disclaimers, taken = self._disclaimers(blocks, stream)
        claims = list(self._claims(blocks, [item for item in stream if (item[0], item[1].start) not in taken]))
        scopes, paged = self._scopes(blocks, claims, disclaimers)
        texts = [block.block.text for block in blocks]
        return [finding for scope in scopes for finding in self._check_scope(scope, paged, texts)]

    def _candidate(self, block: AnalyzedBlock, index: int, sentence: Sentence) -> _Candidate | None:
        """How the sentence reads as (part of) a disclaimer, or None when it is ordinary copy."""
        prefix = self.prefix.match(block.key, sentence.start, sentence.end)
        raw = _words(block.block.text[prefix.end() : sentence.end], index, prefix.end())
        best = None
        for language in self.languages.values():
            words = language.normalize(raw)
            score, part = language.classify(raw, words)
            if score >= self.min_similarity and (best is None or score > best.score):
                best = _Candidate(score, part, language, words, prefix)
        return best

    def _disclaimers(self, blocks: list[AnalyzedBlock], stream: list[tuple[int, Sentence]]):
        """Disclaimers, and the (block, start) of every sentence they use (never claims). A first
        sentence pairs with the next second sentence of its language, in the same block or not,
        with at most a few disclaimer sentences of other languages between (bilingual copy)."""
        candidates = [self._candidate(blocks[i], i, s) for i, s in stream]
        found: list[_Disclaimer] = []
        used: set[int] = set()
        for i, candidate in enumerate(candidates):
            if candidate is None or i in used:
                continue
            group = [i]
            for j in range(i + 1, min(i + 4, len(stream))) if candidate.part == "first" else ():
                if candidates[j] is None:
                    break
                if candidates[j].part == "second" and candidates[j].language is candidate.language and j not in used:
                    group.append(j)
                    break
            used.update(group)
            parts = {"first", "second"} if candidate.part == "both" else {candidates[j].part for j in group}
            symbol = "s1" if candidate.prefix.group("s1") else "s2"
            (block, sentence), (last_block, last) = stream[i], stream[group[-1]]
            start, end = _stripped(blocks[block].block.text, sentence.start, sentence.end)
            last_end = _stripped(blocks[last_block].block.text, last.start, last.end)[1]
            found.append(
                _Disclaimer(
                    language=candidate.language,
                    words=[w for j in group for w in candidates[j].words],
                    parts=parts,
                    number=candidate.language.number_of(candidate.words) if "first" in parts else None,
                    symbol=candidate.prefix.group(symbol) or "",
                    symbol_span=candidate.prefix.span(symbol),
                    block=block,
                    start=start,
                    end=last_end if last_block == block else end,
                    last_block=last_block,
                    last_end=last_end,
                )
            )
        return found, {(stream[j][0], stream[j][1].start) for j in used}

    def _claims(self, blocks: list[AnalyzedBlock], stream: list[tuple[int, Sentence]]):
        """Sentences and list items that end with a claim symbol (not amounts, not footnotes)."""
        for index, sentence in stream:
            text = blocks[index].block.text
            if any(p.search(text) for p in self.not_claims):
                continue
            start, end = _stripped(text, sentence.start, sentence.end)
            match = self.claim_end.search(text, start, end)
            if match and not (self.amount and self.amount.search(blocks[index].key, start, match.start())):
                yield _Claim(index, start, end, match.group("symbol"), sentence.lang)

    def _scopes(self, blocks: list[AnalyzedBlock], claims: list[_Claim], disclaimers: list[_Disclaimer]):
        """The scopes a disclaimer covers, and whether the document is paged (see CL206's help):
        sections start at level-1 headings and thematic breaks; a section holding only a
        disclaimer is the footer of the one before; the document is paged when two or more
        sections carry a disclaimer, otherwise the whole document is one scope."""
        section_of, current = [], 0
        for block in blocks:
            is_break = block.block.kind in self.break_kinds or any(p.match(block.block.text) for p in self.break_lines)
            if is_break or (block.block.kind == "heading" and block.block.level == self.heading_level):
                current += 1
            section_of.append(current)
        sections = [_Scope() for _ in range(current + 1)]  # indexed by section number
        for index, number in enumerate(section_of):
            sections[number].last_block = index
        for claim in claims:
            sections[section_of[claim.block]].claims.append(claim)
        for disclaimer in disclaimers:
            sections[section_of[disclaimer.block]].disclaimers.append(disclaimer)
        merged: list[_Scope] = []
        for section in sections:
            if merged and section.disclaimers and not section.claims and not merged[-1].disclaimers:
                merged[-1].disclaimers, merged[-1].last_block = section.disclaimers, section.last_block
            else:
                merged.append(section)
        if sum(1 for s in merged if s.disclaimers) >= 2:
            return merged, True
        return [_Scope(claims, disclaimers, len(blocks) - 1)], False

    def _check_scope(self, scope: _Scope, paged: bool, texts: list[str]) -> list[Finding]:
        claims, findings = scope.claims, []
        place = "section" if paged else "document"
        number = "singular" if len(claims) == 1 else "plural"
        symbol = Counter(c.symbol for c in claims).most_common(1)[0][0] if claims else ""
        used = sorted({c.symbol for c in claims})

        def fields(language: _Language, number: str, symbol: str, **extra: str) -> dict[str, str]:
            text = language.texts[number]
            # Enough for a later --fix: the text to write, its symbol, language, number and place.
            return {"expected": symbol + text, "text": text, "symbol": symbol, "lang": language.name,
                    "number": number, "claims": str(len(claims)), "scope": place, **extra}

        if claims and not scope.disclaimers:
            first = claims[0]
            language = self.languages.get(Counter(c.lang for c in claims).most_common(1)[0][0])
            language = language or next(iter(self.languages.values()))
            extra = {"insert_after_block": str(scope.last_block)}
            findings += self._emit("scope" if paged else "missing", first.block, first.start, first.end,
                                   fields(language, number, symbol, **extra))
        for d in scope.disclaimers:
            wanted = number if claims else d.number or "plural"
            base = fields(d.language, wanted, symbol or d.symbol, found_number=d.number or "", found_symbol=d.symbol,
                          claim_symbols=", ".join(f"'{s}'" for s in used), end_block=str(d.last_block), end=str(d.last_end))
            if not claims:
                findings += self._emit("orphan", d.block, d.start, d.end, base)
            elif d.symbol and d.symbol not in used:
                findings += self._emit("symbol", d.block, *d.symbol_span, base)
            if claims and d.number and d.number != number:
                findings += self._emit("number", d.block, d.start, d.end, base)
            differences = d.language.differences(d.words, d.parts, d.number or wanted, texts)
            if differences:
                findings += self._emit("altered", d.block, d.start, d.end, {**base, "differences": "; ".join(differences)})
        return findings

    def _emit(self, check: str, block: int, start: int, end: int, fields: dict[str, str]) -> list[Finding]:
        return [Finding(self.codes[check], block, start, end, fields)] if check in self.codes else []


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without surrounding whitespace."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
