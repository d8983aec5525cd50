"""The language layer: language of each block and sentence, sentences, clauses and cues.

Sentences come from spaCy's blank ``tr``/``en`` pipelines with the rule-based sentencizer (no
downloaded model). spaCy costs over a second to import, so it is loaded on first use only:
``--version``, ``--list-rules``, empty files and runs without sentence-level rules never pay.

Everything else is read from ``rules/context.yaml``: clause boundaries, negation and
pseudo-negation, cautions, citation cues and the words that tell Turkish from English. All of
it is matched on the match key (``matchkey.py``), so offsets are those of the block text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .document import Block
from .matchkey import fold

LANGUAGES = ("tr", "en")
_OPENING = 40  # characters: an English clause that denies outright has its negation this early
_WORD = re.compile(r"[^\W\d_]+")


def language_of_name(path: str) -> str | None:
    """The language a file name declares ("yazi.tr.md", "page.en.html"), if any: the fallback
    for blocks that tell nothing themselves (all-caps ASCII Turkish, a bare list of numbers)."""
    parts = path.replace("\\", "/").rsplit("/", 1)[-1].lower().split(".")
    return next((part for part in reversed(parts[1:-1]) if part in LANGUAGES), None)


@cache
def _pipeline(lang: str):
    import spacy  # deferred: see module docstring

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "…", "。"]})
    return nlp


# A line break inside a sentence is only wrapping when the line goes on mid-phrase (it ends in
# a letter, a comma or an opening bracket) and the next one starts in lower case; otherwise
# the next line starts a new thought: pasted copy, review headers ("⭐⭐⭐⭐⭐ Ayşe · 02.02.2024"),
# all-caps shouting, lists.
_WRAPPED_END = re.compile(r"[^\W\d_]|[,;(\-]")
_LAST_CHAR = re.compile(r"(\S)\s*$")
_NEXT_CHAR = re.compile(r"\s*(\S)")


def _is_wrap(text: str, at: int) -> bool:
    # searched in place: slicing the text around every line break would copy the block each time
    before = _LAST_CHAR.search(text, 0, at)
    after = _NEXT_CHAR.match(text, at + 1)
    return bool(before and after and _WRAPPED_END.fullmatch(before.group(1)) and after.group(1).islower())


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the line breaks in text[start:end] that end a line of their own (not wraps)."""
    return [start + m.start() for m in re.finditer(r"\n", text[start:end]) if not _is_wrap(text, start + m.start())]


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a block, a line break also ending a sentence unless
    it only wraps a running sentence."""
    spans: list[tuple[int, int]] = []
    doc = _pipeline(lang)(text)
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        for cut in _line_breaks(text, start, end):
            if text[start:cut].strip():
                spans.append((start, cut))
            start = cut + 1
        if text[start:end].strip():
            spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Cues:
    """Compiled context patterns of one language."""

    boundaries: re.Pattern[str]
    negation: re.Pattern[str]
    negation_scope: str
    clause_negation: re.Pattern[str] | None
    pseudo_negation: re.Pattern[str] | None
    caution: re.Pattern[str]
    negative_answer: re.Pattern[str] | None
    positive_answer: re.Pattern[str] | None
    caution_break: re.Pattern[str] | None
    question: re.Pattern[str] | None
    safety_question: re.Pattern[str] | None
    substitution_question: re.Pattern[str] | None  # what turns a safety question into a claim


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _one(context: dict[str, Any], section: str, lang: str) -> re.Pattern[str] | None:
    """The single pattern a context section gives a language (``questions: {tr: …}``), if any."""
    pattern = context.get(section, {}).get(lang)
    return re.compile(pattern) if pattern else None


def _nested(context: dict[str, Any], section: str, lang: str, part: str) -> re.Pattern[str] | None:
    """The pattern ``part`` of a language in a section of several (``safety_questions: {tr: {ask: …}}``)."""
    parts = context.get(section, {}).get(lang) or {}
    if not isinstance(parts, dict):
        raise TypeError(f"{section}: {lang} must map names to patterns")
    return re.compile(parts[part]) if parts.get(part) else None


@dataclass
class LanguageModel:
    """Context knowledge for both languages, compiled once per run."""

    cues: dict[str, Cues]
    letters: dict[str, set[str]]
    words: dict[str, set[str]]
    endings: dict[str, re.Pattern[str] | None]
    apostrophe_suffixes: dict[str, re.Pattern[str] | None]
    citation_headings: re.Pattern[str] | None
    citation_blocks: re.Pattern[str] | None
    citation_journal: re.Pattern[str] | None  # its group "journal" is a journal's name
    benign_after: dict[str, re.Pattern[str]]
    benign_before: dict[str, re.Pattern[str]]
    detection: dict[str, float]  # context.yaml ``language_detection``: weights and thresholds
    testimonial: re.Pattern[str] | None
    review_header: re.Pattern[str] | None
    tag_line: re.Pattern[str] | None
    hashtag_tails: dict[str, tuple[str, ...]]  # words a hashtag glues after a disease ("#adhdmom")

    @classmethod
    def from_data(cls, context: dict[str, Any]) -> LanguageModel:
        """Compile ``context.yaml``; raises ValueError/re.error on bad data."""
        cues = {}
        for lang in LANGUAGES:
            cues[lang] = Cues(
                _union(context["clause_boundaries"][lang]),
                _union(context["negation"][lang]),
                context.get("negation_scope", {}).get(lang, "clause"),
                _union(context.get("clause_negation", {}).get(lang) or []),
                _union(context.get("pseudo_negation", {}).get(lang) or []),
                _union(context["caution"][lang]),
                _one(context, "negative_answers", lang),
                _one(context, "positive_answers", lang),
                _union(context.get("caution_breaks", {}).get(lang) or []),
                _one(context, "questions", lang),
                _nested(context, "safety_questions", lang, "ask"),
                _nested(context, "safety_questions", lang, "unless"),
            )
        language_cues = context["language_cues"]
        citation = context.get("citation", {})
        return cls(
            cues,
            {lang: set(language_cues[lang].get("letters") or "") for lang in LANGUAGES},
            {lang: set(fold(language_cues[lang]["words"]).split()) for lang in LANGUAGES},
            {lang: _union([language_cues[lang]["endings"]]) if language_cues[lang].get("endings") else None for lang in LANGUAGES},
            {
                lang: re.compile(rf"(?<=\w)'(?:{suffixes})\b") if (suffixes := language_cues[lang].get("apostrophe_suffixes")) else None
                for lang in LANGUAGES
            },
            _union(citation.get("section_headings") or []),
            _union(citation.get("block_patterns") or []),
            _union(citation.get("journal") or []),
            {lang: re.compile(p) for lang, p in (context.get("benign_objects", {}).get("after") or {}).items()},
            {lang: re.compile(p) for lang, p in (context.get("benign_objects", {}).get("before") or {}).items()},
            {name: float(value) for name, value in context["language_detection"].items()},
            _union(context.get("testimonials") or []),
            _union(context.get("review_headers") or []),
            _union(context.get("tag_lines") or []),
            {lang: tuple(sorted((fold(w) for w in (context.get("hashtag_tails") or {}).get(lang) or ()), key=len, reverse=True)) for lang in LANGUAGES},
        )

    def acts_on_benign_object(self, key: str, start: int, end: int, lang: str) -> bool:
        """True when the effect word at key[start:end] acts on a dose, an intake or the like
        ("dozu düşürmek", "lower the dose"), not on the disease named nearby."""
        after = self.benign_after.get(lang)
        before = self.benign_before.get(lang)
        return bool(
            (after and after.match(key, end, min(len(key), end + 40)))
            or (before and before.search(key, max(0, start - 40), start))
        )

    def detect(self, text: str) -> tuple[str | None, float]:
        """Best language of ``text`` and a confidence in [0, 1]; None when nothing tells."""
        weight = self.detection
        scores = {lang: 0.0 for lang in LANGUAGES}
        for lang in LANGUAGES:
            scores[lang] += weight["letter"] * sum(1 for char in text if char in self.letters[lang])
        folded = fold(text)
        # a suffix after an apostrophe ("190'a", "COVID'den") is a word of its own language,
        # not the English "a"
        for lang, pattern in self.apostrophe_suffixes.items():
            if pattern:
                folded, count = pattern.subn(" ", folded)
                scores[lang] += weight["word"] * count
        for word in _WORD.findall(folded):
            for lang in LANGUAGES:
                if word in self.words[lang]:
                    scores[lang] += weight["word"]
                elif len(word) > 3 and self.endings[lang] and self.endings[lang].search(word):
                    scores[lang] += weight["ending"]
        total = sum(scores.values())
        if not total:
            return None, 0.0
        best = max(scores, key=scores.get)
        # Full confidence needs some evidence: one Turkish-looking ending ("goodbye") is not a
        # language.
        return best, scores[best] / total * min(1.0, total / weight["evidence"])


@dataclass
class Clause:
    """A clause of a sentence: [start, end) in the block text, and what its context says.

    ``negations`` are the spans of the negation cues; which words a cue denies depends on the
    language's ``scope``: English negation governs what follows it ("does not cure insomnia",
    while "healed my piles, and I'm not exaggerating" still claims), Turkish negation sits on
    or after the verb it denies ("tedavi ettiği anlamına gelmez", while "ilaç kullanmadan
    migrenimi yendim" still claims). ``negated`` alone says the whole clause is a denial.
    """

    start: int
    end: int
    negated: bool
    cautionary: bool
    negations: list[tuple[int, int]] = field(default_factory=list)
    scope: str = "clause"

    def denies_outright(self, key: str) -> bool:
        """Whether the clause as a whole is a denial: its main verb is negated (Turkish: the
        clause ends in the negation, "… bir ürün değildir"; English: the negation opens it,
        "It will not cure …"), not merely a word inside it ("bağımlılık yapmayan bir ürün")."""
        if self.negated:
            return True
        if self.scope == "backward":
            last = self.start + len(key[self.start : self.end].rstrip(" .!?;:,'\"*)"))
            return any(cue_end >= last - 1 for _, cue_end in self.negations)
        if self.scope == "forward":
            return any(cue_start - self.start <= _OPENING for cue_start, _ in self.negations)
        return bool(self.negations)

    def denies(self, start: int, end: int) -> bool:
        """Whether the clause's negation governs the claim word at [start, end)."""
        if self.negated:
            return True
        if self.scope == "forward":
            return any(cue_start < end for cue_start, _ in self.negations)
        if self.scope == "backward":
            return any(cue_end > start for _, cue_end in self.negations)
        return bool(self.negations)


@dataclass
class Sentence:
    """A sentence of a block with its language and clauses."""

    start: int
    end: int
    lang: str
    clauses: list[Clause] = field(default_factory=list)
    is_citation: bool = False
    is_question: bool = False


@dataclass
class AnalyzedBlock:
    """A block with its match key, language, sentences and section context."""

    block: Block
    key: str
    lang: str
    sentences: list[Sentence]
    heading: AnalyzedBlock | None = None
    matches: dict[tuple[str, str], list] = field(default_factory=dict)
    # journal names in the block's references ("Diabetes Care", "Hypertension"): a disease
    # there names where a study appeared, not what it was about
    journals: list[tuple[int, int]] = field(default_factory=list)
    # lines that tag the page ("Etiketler: migren, magnezyum"): their words work as hashtags
    tag_lines: list[tuple[int, int]] = field(default_factory=list)
    # quoted reviews, [start, end) in the block text: their sentences share the writer's disease
    testimonials: list[tuple[int, int]] = field(default_factory=list)

    def testimonial_around(self, start: int) -> tuple[int, int] | None:
        """The testimonial that holds offset ``start``, if any."""
        return next(((s, e) for s, e in self.testimonials if s <= start < e), None)


def within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def _spans_outside(pattern: re.Pattern[str] | None, key: str, start: int, end: int, masks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(key, start, end) if not any(s <= m.start() < e for s, e in masks)]


def analyze(blocks: list[Block], model: LanguageModel, forced_lang: str | None, named_lang: str | None = None) -> list[AnalyzedBlock]:
    """Attach language, sentences, clauses and section context to every block.

    The language is forced by ``--lang``; otherwise it is detected per block, falling back on
    the language the file name declares ("yazi.tr.md"), then on the document's majority, and a
    confident sentence may differ from its block (mixed copy).
    """
    detected = [model.detect(block.text) if not forced_lang else (forced_lang, 1.0) for block in blocks]
    sure_block, sure_sentence = model.detection["block_confidence"], model.detection["sentence_confidence"]
    votes = [lang for lang, confidence in detected if lang and confidence >= sure_block]
    majority = named_lang or (max(LANGUAGES, key=votes.count) if votes else None)
    analyzed: list[AnalyzedBlock] = []
    heading: AnalyzedBlock | None = None
    in_references = False
    for block, (lang, confidence) in zip(blocks, detected):
        key = fold(block.text)
        # an unsure block follows the file; in a file that tells nothing, its own best guess
        block_lang = forced_lang or (lang if confidence >= sure_block else majority) or lang or "en"
        sentences = []
        for start, end in split_sentences(block.text, block_lang):
            sentence_lang = block_lang
            if not forced_lang:
                guess, confidence = model.detect(block.text[start:end])
                if guess and confidence >= sure_sentence:
                    sentence_lang = guess
            cues = model.cues[sentence_lang]
            sentence = Sentence(start, end, sentence_lang)
            sentence.clauses = _clauses(key, start, end, cues)
            sentence.is_question = bool(cues.question and cues.question.search(key, start, end))
            sentences.append(sentence)
        item = AnalyzedBlock(block, key, block_lang, sentences, heading)
        lines = _lines(block.text)
        item.testimonials = _testimonials(block, lines, model)
        item.tag_lines = [(s, e) for s, e in lines if model.tag_line and model.tag_line.match(key, s, e)]
        if block.kind == "heading":
            in_references = bool(model.citation_headings and model.citation_headings.match(key.strip()))
            heading = item
            item.heading = None
        # Under a "References" heading the entries are list items; a closing paragraph there
        # (a disclaimer, a note) is ordinary copy unless it looks like a citation itself.
        if block.kind != "heading":
            listed = in_references and block.kind == "list_item"
            # a citation is judged per line ("Smith J, et al. … 2019;12:33"): a paragraph of Q&A
            # or reviews may hold one "Ref:" line, and the lines around it are still copy
            cited = [(s, e) for s, e in lines if model.citation_blocks and model.citation_blocks.search(key, s, e)]
            for sentence in sentences:
                sentence.is_citation = listed or any(s <= sentence.start < e for s, e in cited)
            if model.citation_journal and (listed or cited):
                item.journals = [m.span("journal") for m in model.citation_journal.finditer(key)]
        analyzed.append(item)
    _deny_questions_answered_no(analyzed, model)
    return analyzed


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line of a block; a line that only wraps goes with the one before."""
    lines, start = [], 0
    for cut in [*_line_breaks(text, 0, len(text)), len(text)]:
        lines.append((start, cut))
        start = cut + 1
    return lines


def _testimonials(block: Block, lines: list[tuple[int, int]], model: LanguageModel) -> list[tuple[int, int]]:
    """The quoted reviews of a block: every line of a blockquote; a review header (a star
    rating) with the lines under it, up to the next header ("★★★★★ No more UTIs" over "Eight
    months on it and not a single one"); and each line signed with a name (patterns matched as
    written, to see a name's capital)."""
    if block.kind == "blockquote":
        return lines
    found, review_start = [], None
    for start, end in lines:
        if model.review_header and model.review_header.search(block.text, start, end):
            if review_start is not None:
                found.append((review_start, start))
            review_start = start
        elif review_start is None and model.testimonial and model.testimonial.search(block.text, start, end):
            found.append((start, end))
    if review_start is not None:
        found.append((review_start, lines[-1][1]))
    return found


def _deny_questions_answered_no(blocks: list[AnalyzedBlock], model: LanguageModel) -> None:
    """A question whose answer says "No"/"Hayır", or declines without a yes ("I can't say that,
    see a doctor"), claims nothing: negate its clauses, and the first clause of a "No" answer.
    "Yes, but ask your doctor" keeps the claim, and so does a decline that turns ("It won't cure
    it overnight, but most bounce back sooner")."""
    sentences = [(block, sentence) for block in blocks for sentence in block.sentences]
    for (block, question), (next_block, answer) in itertools.pairwise(sentences):
        if not question.is_question:
            continue
        cues = model.cues[answer.lang]
        says_no = bool(cues.negative_answer and cues.negative_answer.match(next_block.key, answer.start, answer.end))
        says_yes = bool(cues.positive_answer and cues.positive_answer.match(next_block.key, answer.start, answer.end))
        first = answer.clauses[0] if answer.clauses else None
        declines = first is not None and (first.denies_outright(next_block.key) or first.cautionary)
        turns = any(
            not (clause.negated or clause.cautionary) and cues.caution_break and cues.caution_break.match(next_block.key, clause.start)
            for clause in answer.clauses[1:]
        )
        declines = declines and not turns
        if says_no or (declines and not says_yes):
            for clause in question.clauses:
                clause.negated = True
        if says_no and answer.clauses:
            # "No, an active UTI needs a doctor": the answer's own first clause denies too
            answer.clauses[0].negated = True


def _clauses(key: str, start: int, end: int, cues: Cues) -> list[Clause]:
    cuts = [start]
    for boundary in cues.boundaries.finditer(key, start, end):
        if cuts[-1] < boundary.start() < end:
            cuts.append(boundary.start())
    cuts.append(end)
    cautions = [m.start() for m in cues.caution.finditer(key, start, end)]
    if cues.safety_question and not (cues.substitution_question and cues.substitution_question.search(key, start, end)):
        cautions += [m.start() for m in cues.safety_question.finditer(key, start, end)]
    # a caution covers the clauses of its sentence up to a break ("…, but ask your doctor",
    # "…, üstelik tümörleri küçültür"): number the runs of clauses between breaks
    runs, run = [], 0
    for at in cuts[1:-1]:
        runs.append(run)
        run += bool(cues.caution_break and cues.caution_break.match(key, at))
    runs.append(run)
    cautious_runs = {runs[bisect.bisect_right(cuts, at) - 1] for at in cautions}
    clauses = []
    for clause_run, clause_start, clause_end in zip(runs, cuts, cuts[1:]):
        pseudo = [m.span() for m in cues.pseudo_negation.finditer(key, clause_start, clause_end)] if cues.pseudo_negation else []
        negations = _spans_outside(cues.negation, key, clause_start, clause_end, pseudo)
        whole = bool(cues.clause_negation and cues.clause_negation.search(key, clause_start, clause_end))
        clauses.append(Clause(clause_start, clause_end, whole, clause_run in cautious_runs, negations, cues.negation_scope))
    return clauses
