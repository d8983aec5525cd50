"""FDA disclaimer (CL2xx): marked claims, the disclaimer they need, and its wording.

101.93(d) links a statement to the disclaimer by a symbol at the statement's end, repeated next
to the disclaimer. A *marked claim* is thus a sentence or list item ending with a claim symbol,
and per scope the check asks: is there a disclaimer (CL201, CL206), does its leading symbol match
(CL202), does its number fit the claims (CL203), is it worded as the regulation says (CL204),
does it disclaim anything (CL205)? Recognition is fuzzy so that an altered disclaimer is reported
as altered, not missing: a sentence's folded words, accepted slot variants rewritten to the
canonical wording, are compared by difflib with each sentence of the canonical text and with
all of it. Equal is a disclaimer, similar enough an altered one, anything else copy. Texts,
words and symbols live in ``rules/disclaimers.yaml``; the scope policy is in disclaimer.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from ..diagnostic import Edit, Finding
from ..language import AnalyzedBlock, Sentence
from ..matchkey import fold
from ..rule import Knowledge, Rule

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
NUMBERS = ("singular", "plural")


class _Word(NamedTuple):
    key: str  # folded, as compared
    shown: str  # as written
    block: int = -1
    start: int = 0
    end: int = 0
    pause: bool = False  # punctuation follows


def _words(text: str, block: int = -1, offset: int = 0) -> list[_Word]:
    """The words of ``text`` with offsets (folding keeps them, see matchkey); YAML texts are NFC'd."""
    text = unicodedata.normalize("NFC", text) if block < 0 else text
    return [
        _Word(m.group(), text[m.start() : m.end()], block, offset + m.start(), offset + m.end(),
              text[m.end() : m.end() + 1] in ",.;:!?)")
        for m in _WORD.finditer(fold(text))
    ]


def _settle(words: list[_Word], a: int, b: int) -> tuple[int, int]:
    """Of the equally good places difflib may pick for a run of added or dropped words, the one
    ending at punctuation: "missing 'tedavi etmek'", not "missing 'etmek, tedavi'"."""
    options, (x, y) = [(a, b)], (a, b)
    while x > 0 and words[x - 1].key == words[y - 1].key:
        x, y = x - 1, y - 1
        options.append((x, y))
    x, y = a, b
    while y < len(words) and words[x].key == words[y].key:
        x, y = x + 1, y + 1
        options.append((x, y))
    return next((o for o in options if words[o[1] - 1].pause), (a, b))


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without surrounding whitespace."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())


class _Language:
    """One language's disclaimer, compiled: canonical sentences, slot rewrites, anchors, notes."""

    def __init__(self, name: str, data: dict[str, Any], phrases: dict[str, str]) -> None:
        self.name, self.phrases = name, phrases
        self.texts = {n: " ".join(data[n].split()) for n in NUMBERS}
        self.sentences = {n: _SENTENCE_BREAK.split(self.texts[n], 1) for n in NUMBERS}
        self.parts = {n: [_words(s) for s in self.sentences[n]] for n in NUMBERS}
        self.number_words = {n: fold(data["number"][n][0]) for n in NUMBERS}
        # Every variant of a slot (or of the number-carrying noun) reads as the slot's first entry;
        # longest first, so that "teşhis etmek" is kept whole before "teşhis" is rewritten.
        self.rewrites: dict[str, list[tuple[tuple[str, ...], list[_Word]]]] = {}
        for forms in [*data["number"].values(), *(data.get("slots") or {}).values()]:
            for form in forms:
                variant = tuple(w.key for w in _words(form))
                self.rewrites.setdefault(variant[0], []).append((variant, _words(forms[0])))
        for options in self.rewrites.values():
            options.sort(key=lambda option: -len(option[0]))
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
        """(similarity, part) of the closest part of the disclaimer: "first", "second" or "both".
        Only a sentence holding an anchor ("not evaluated") is compared at all."""
        if not any(anchor <= {w.key for w in raw} for anchor in self.anchors):
            return 0.0, ""
        keys, best = [w.key for w in words], (0.0, "")
        for first, second in self.parts.values():
            for part, canonical in (("first", first), ("second", second), ("both", first + second)):
                ratio = SequenceMatcher(None, keys, [w.key for w in canonical], autojunk=False).ratio()
                best = max(best, (ratio, part))
        return best

    def number_of(self, words: list[_Word]) -> str | None:
        """The number the wording carries (after rewriting), None when no number word is there."""
        return next((n for n in NUMBERS if self.number_words[n] in {w.key for w in words}), None)

    def differences(self, found: list[_Word], parts: set[str], number: str, texts: list[str]) -> list[str]:
        """Each difference from the canonical text in words ("missing 'treat'", "'FDA' instead of
        'Food and Drug Administration'"); found words are quoted from ``texts`` (block texts)."""
        present = [i for i, part in enumerate(("first", "second")) if part in parts]
        expected = [w for i in present for w in self.parts[number][i]]
        matcher = SequenceMatcher(None, [w.key for w in found], [w.key for w in expected], autojunk=False)
        out = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            i1, i2 = _settle(found, i1, i2) if op == "delete" else (i1, i2)
            j1, j2 = _settle(expected, j1, j2) if op == "insert" else (j1, j2)
            run = found[i1:i2]  # quoted as written, punctuation included, when in one block
            in_one_block = run and run[0].block == run[-1].block
            got = texts[run[0].block][run[0].start : run[-1].end] if in_one_block else " ".join(w.shown for w in run)
            want = " ".join(w.shown for w in expected[j1:j2])
            kind = {"delete": "extra", "insert": "missing", "replace": "instead"}[op]
            text = self.phrases[kind].format(found=got, expected=want)
            keys = f" {' '.join(w.key for w in run)} "
            note = next((n for word, n in self.notes.items() if f" {word} " in keys), None)
            out.append(self.phrases["note"].format(difference=text, note=note) if note else text)
        missing = [self.sentences[number][i] for i in (0, 1) if i not in present]
        return out + [self.phrases["missing_sentence"].format(expected=sentence) for sentence in missing]


class _Candidate(NamedTuple):
    score: float
    part: str  # "first", "second" or "both" sentences of the disclaimer
    language: _Language
    words: list[_Word]  # normalised
    prefix: re.Match[str]  # leading symbol and label


class _Claim(NamedTuple):
    block: int
    start: int
    end: int
    symbol: str
    lang: str


class _Disclaimer(NamedTuple):
    language: _Language
    words: list[_Word]  # normalised, all its sentences
    parts: set[str]  # {"first", "second"} when complete
    number: str | None  # what its wording says
    symbol: str  # leading symbol ("" when none)
    symbol_span: tuple[int, int]
    block: int
    start: int
    words_start: int  # after the leading symbol and label: where a fix rewrites the wording
    end: int  # end in its first block; a split one ends at last_block/last_end (for a fix)
    last_block: int
    last_end: int


class _Scope(NamedTuple):
    claims: list[_Claim]
    disclaimers: list[_Disclaimer]
    last_block: int


class DisclaimerCheck:
    """Runs the CL2xx rules (kind ``disclaimer``; ``check:`` names the sub-check) over a document."""

    def __init__(self, rules: list[Rule], knowledge: Knowledge) -> None:
        data = knowledge.data["disclaimers"]
        self.codes = {rule.option("check"): rule.code for rule in rules}
        self.min_similarity = float(data.get("min_similarity", 0.5))
        self.languages = {name: _Language(name, spec, data["phrases"]) for name, spec in data["languages"].items()}
        symbols = "|".join(re.escape(s) for s in sorted(set(data["symbols"]), key=len, reverse=True))
        self.symbol_chars = "".join(sorted(set("".join(data["symbols"]))))
        labels = "|".join(re.escape(fold(x)) for spec in data["languages"].values() for x in spec.get("labels") or ())
        # A leading symbol and/or label: "*Disclaimer: These statements…", "Not: † Bu beyanlar…".
        self.prefix = re.compile(rf"\s*(?:(?P<s1>{symbols})\s*)?(?:(?:{labels})\s*:\s*)?(?:(?P<s2>{symbols})\s*)?")
        # A symbol attached to the last word, before or after the final punctuation.
        attached = rf"(?<=[^\s{re.escape(self.symbol_chars)}])"
        self.claim_end = re.compile(rf"{attached}(?P<symbol>{symbols})[.!?…]?[\"'”’»)]*\s*$")
        # A symbol between two sentences: after the closing punctuation, or before the next word.
        self.symbol_break = re.compile(rf"(?<=[.!?…])(?:{symbols})\s+|(?<=[.!?…])\s+(?=(?:{symbols})[^\W_])")
        units = "|".join(re.escape(fold(unit)) for unit in data.get("amount_units") or ())
        self.amount = re.compile(rf"\d\s*(?:{units})?\s*$")  # "144 mg†", "25%*", "$19.99*": not claims
        self.not_claims = [re.compile(p) for p in data.get("not_claims") or ()]
        self.heading_level = data.get("section_heading_level", 1)
        self.break_kinds = set(data.get("section_break_kinds") or ())
        self.break_lines = [re.compile(p) for p in data.get("section_break_lines") or ()]

    def run(self, blocks: list[AnalyzedBlock]) -> list[Finding]:
        """All disclaimer findings of a document (block offsets; fields fill the messages)."""
        stream = [(index, sentence) for index, block in enumerate(blocks) for sentence in self._sentences(block)]
        disclaimers, taken = self._disclaimers(blocks, stream)
        claims = list(self._claims(blocks, [item for item in stream if (item[0], item[1].start) not in taken]))
        scopes, paged = self._scopes(blocks, claims, disclaimers)
        texts = [block.block.text for block in blocks]
        return [finding for scope in scopes for finding in self._check_scope(scope, paged, texts)]

    def _sentences(self, block: AnalyzedBlock) -> list[Sentence]:
        """The block's sentences, re-cut around claim symbols: spaCy hangs a leading symbol on the
        sentence before ("sleep.* *This statement…") or misses the break ("sleep.† †This…")."""
        text, spacy = block.block.text, block.sentences
        cuts = sorted({s.start for s in spacy} | {m.end() for m in self.symbol_break.finditer(text)})
        pieces: list[tuple[int, int]] = []
        for start, end in zip(cuts, [*cuts[1:], spacy[-1].end if spacy else 0]):
            if pieces and not text[pieces[-1][0] : pieces[-1][1]].strip(self.symbol_chars + " \t\n"):
                start = pieces.pop()[0]  # a bare symbol starts the next sentence
            pieces.append((start, end))
        lang = [next((s.lang for s in reversed(spacy) if s.start <= a), block.lang) for a, _ in pieces]
        return [Sentence(a, b, lang) for (a, b), lang in zip(pieces, lang) if b > a]

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
        """Disclaimers, and the (block, start) of the sentences they use (never claims). A first
        sentence pairs with the next second sentence of its language, in its block or the next,
        across at most two disclaimer sentences of other languages (bilingual copy)."""
        candidates = [self._candidate(blocks[i], i, s) for i, s in stream]
        found: list[_Disclaimer] = []
        used: set[int] = set()
        for i, candidate in enumerate(candidates):
            if candidate is None or i in used:
                continue
            group = [i]
            for j in range(i + 1, min(i + 4, len(stream))) if candidate.part == "first" else ():
                other = candidates[j]
                if other is None or other.language is candidate.language:
                    group += [j] if other and other.part == "second" and j not in used else []
                    break
            used.update(group)
            parts = {"first", "second"} if candidate.part == "both" else {candidates[j].part for j in group}
            prefix, language = candidate.prefix, candidate.language
            symbol = "s1" if prefix.group("s1") else "s2"
            (block, sentence), (last_block, last) = stream[i], stream[group[-1]]
            start, end = _stripped(blocks[block].block.text, sentence.start, sentence.end)
            last_end = _stripped(blocks[last_block].block.text, last.start, last.end)[1]
            found.append(_Disclaimer(
                language, [w for j in group for w in candidates[j].words], parts,
                language.number_of(candidate.words) if "first" in parts else None, prefix.group(symbol) or "",
                prefix.span(symbol), block, start, max(start, prefix.end()), last_end if last_block == block else end,
                last_block, last_end,
            ))
        return found, {(stream[j][0], stream[j][1].start) for j in used}

    def _claims(self, blocks: list[AnalyzedBlock], stream: list[tuple[int, Sentence]]):
        """Sentences and list items that end with a claim symbol (not amounts, not footnotes)."""
        for index, sentence in stream:
            text = blocks[index].block.text
            if any(p.search(text) for p in self.not_claims):
                continue
            start, end = _stripped(text, sentence.start, sentence.end)
            match = self.claim_end.search(text, start, end)
            if match and not self.amount.search(blocks[index].key, start, match.start()):
                yield _Claim(index, start, end, match.group("symbol"), sentence.lang)

    def _scopes(self, blocks: list[AnalyzedBlock], claims: list[_Claim], disclaimers: list[_Disclaimer]):
        """The scopes, and whether the document is paged (policy: rules/disclaimer.yaml). Sections
        start at level-1 headings and thematic breaks; a section with a disclaimer and no claim is
        the footer of the one before; two or more sections with a disclaimer make it paged."""
        section_of, current = [], 0
        for block in blocks:
            kind, text = block.block.kind, block.block.text
            if kind in self.break_kinds or any(p.match(text) for p in self.break_lines) or (
                kind == "heading" and block.block.level == self.heading_level
            ):
                current += 1
            section_of.append(current)
        sections: list[_Scope] = []
        for number in range(current + 1):
            blocks_in = [i for i, s in enumerate(section_of) if s == number]
            scope = _Scope(
                [c for c in claims if section_of[c.block] == number],
                [d for d in disclaimers if section_of[d.block] == number],
                blocks_in[-1] if blocks_in else -1,
            )
            if sections and scope.disclaimers and not scope.claims and not sections[-1].disclaimers:
                scope = _Scope(sections.pop().claims, scope.disclaimers, scope.last_block)  # a footer
            sections.append(scope)
        if sum(1 for s in sections if s.disclaimers) >= 2:
            return sections, True
        return [_Scope(claims, disclaimers, len(blocks) - 1)], False

    def _check_scope(self, scope: _Scope, paged: bool, texts: list[str]) -> list[Finding]:
        """The findings of one scope: its marked claims against its disclaimers."""
        claims, findings = scope.claims, []
        number = "singular" if len(claims) == 1 else "plural"
        symbol = Counter(c.symbol for c in claims).most_common(1)[0][0] if claims else ""
        used = sorted({c.symbol for c in claims})

        def fields(language: _Language, number: str, symbol: str, **extra: str) -> dict[str, str]:
            # What to write, with symbol, language, number and place: enough for a later --fix.
            text = language.texts[number]
            return {"expected": symbol + text, "text": text, "symbol": symbol, "lang": language.name, "number": number,
                    "claims": str(len(claims)), "scope": "section" if paged else "document", **extra}

        # Claims whose symbol no disclaimer answers: all of them when there is no disclaimer,
        # else those marked with a symbol that no disclaimer opens with ("†" claims next to a
        # "*" disclaimer). A disclaimer without a symbol answers every symbol.
        answered = {d.symbol for d in scope.disclaimers}
        unanswered = claims if not scope.disclaimers else (
            [] if "" in answered else [c for c in claims if c.symbol not in answered]
        )
        for wanted in dict.fromkeys(c.symbol for c in unanswered):
            group = [c for c in unanswered if c.symbol == wanted]
            first, lang = group[0], Counter(c.lang for c in group).most_common(1)[0][0]
            language = self.languages.get(lang) or next(iter(self.languages.values()))
            group_number = number if not scope.disclaimers else ("singular" if len(group) == 1 else "plural")
            found = fields(
                language, group_number, wanted if scope.disclaimers else symbol,
                insert_after_block=str(scope.last_block), claims=str(len(group) if scope.disclaimers else len(claims)),
            )
            add = Edit(found["expected"], after_block=scope.last_block)
            findings += self._emit("scope" if paged else "missing", first.block, first.start, first.end, found, add)
            if not scope.disclaimers:
                break  # one finding (and one fix) for a document with no disclaimer at all
        for d in scope.disclaimers:
            # A disclaimer answers the claims marked with its symbol (all of them if it has none).
            own = [c for c in claims if not d.symbol or c.symbol == d.symbol]
            own_number = "singular" if len(own) == 1 else "plural"
            wanted = own_number if own else d.number or "plural"
            base = fields(
                d.language, wanted, symbol or d.symbol, found_number=d.number or "", found_symbol=d.symbol,
                claim_symbols=", ".join(f"'{s}'" for s in used), end_block=str(d.last_block), end=str(d.last_end),
            )
            if not claims:
                findings += self._emit("orphan", d.block, d.start, d.end, base)
            elif d.symbol and d.symbol not in used:  # no leading symbol is accepted for any symbol
                findings += self._emit("symbol", d.block, *d.symbol_span, base)
            # Number and wording are repaired by rewriting the wording (symbol and label stay).
            rewrite = Edit(base["text"], d.block, d.words_start, d.last_block, d.last_end)
            if own and d.number and d.number != own_number:
                findings += self._emit("number", d.block, d.start, d.end, base, rewrite)
            differences = d.language.differences(d.words, d.parts, d.number or wanted, texts)
            if differences:
                altered = {**base, "differences": "; ".join(differences)}
                findings += self._emit("altered", d.block, d.start, d.end, altered, rewrite)
        return findings

    def _emit(self, check: str, block: int, start: int, end: int, fields: dict[str, str], edit: Edit | None = None) -> list[Finding]:
        """A finding of the rule whose ``check:`` is ``check``, when that rule is selected."""
        return [Finding(self.codes[check], block, start, end, fields, edit)] if check in self.codes else []
