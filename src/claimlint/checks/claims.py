"""Disease claims (CL1xx): lexicon co-occurrence and lexicon-aware patterns, read in context.

Two rule kinds live here:

* ``cooccurrence``: a *target* (a disease, a symptom, the word "disease", a drug) and an
  *effect* ("tedavi eder", "reduces", "iyi gelir", "bıraktım") in the same clause, within
  ``window`` words. With no ``with`` lexicon, a target alone is enough (citations, drug classes
  in names). It may add ``patterns`` for constructions a word pair cannot express.
* ``pattern``: regular expressions in which ``{lexicon}`` stands for any term of that lexicon
  ("instead of {drug_names}"), optionally requiring an effect in the same clause.

Context decides as it does for a reviewer: a clause whose verb or phrasing is negated, or a
sentence that is a caution, is not a claim (unless the rule says ``negation: ignore``, as
citations and product names do; a negation that asserts, "you won't need your pills", is a
pseudo-negation in context.yaml); such mentions are reported by the
``context`` rule (CL100, info, off by default). A section heading is context for the clauses
under it: "atakları azaltır" under "Migren" is a migraine claim. ``scope: heading`` rules read
titles and names: headings, names written as names in running text ("Migren Stop, günde…") and
fused brand names ("MigraineStop").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..diagnostic import Finding
from ..language import AnalyzedBlock, Clause, LanguageModel, Sentence, within
from ..lexicon import Entry, LexiconMatch
from ..matchkey import fold
from ..rule import Knowledge, Rule

_WORDS = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# A brand name written as one word: "MigraineStop", "ArthriFlex", "GlucoCure", "Reflu-Stop".
# Turkish letters count in brand names too: "ReflüKal", "HaşimoDestek", "MİGRENSTOP". A
# capitalised word ("Gripstop") and a hyphenated name ("Reflü-Stop") are candidates here;
# ``_fused_name_parts`` keeps only those that end in a product word.
_UPPER, _LOWER = "A-ZÇĞİÖŞÜ", "a-zçğıöşü"
_FUSED_NAME = re.compile(rf"\b(?:[{_UPPER}][{_LOWER}]+(?:-?[{_UPPER}][{_LOWER}]+)+|[{_UPPER}]{{6,}}|[{_UPPER}][{_LOWER}]{{5,}})\b")
_NAME_PART = re.compile(rf"[{_UPPER}][{_LOWER}]+")


@dataclass
class _Hit:
    start: int
    end: int
    target: LexiconMatch | None
    effect: LexiconMatch | None
    negated: bool


def _matches(block: AnalyzedBlock, lexicon: str, lang: str, knowledge: Knowledge) -> list[LexiconMatch]:
    """Matches of a lexicon in a block, computed once per (lexicon, language)."""
    cache_key = (lexicon, lang)
    if cache_key not in block.matches:
        block.matches[cache_key] = knowledge.lexicons[lexicon].find(block.key, lang, knowledge.morphology[lang])
    return block.matches[cache_key]


def _in(matches: list[LexiconMatch], start: int, end: int) -> list[LexiconMatch]:
    return [m for m in matches if start <= m.start and m.end <= end]


def _inside(match: LexiconMatch, spans: list[LexiconMatch]) -> bool:
    """Whether ``match`` lies within one of ``spans`` ("insomnia" in "occasional insomnia")."""
    return any(s.start <= match.start and match.end <= s.end for s in spans)


def _distance(key: str, a: LexiconMatch, b: LexiconMatch) -> int:
    """Words between two matches (0 when adjacent or overlapping)."""
    left, right = (a, b) if a.start <= b.start else (b, a)
    return len(_WORDS.findall(key[left.end : right.start])) if right.start > left.end else 0


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ClaimCheck:
    """Runs the CL1xx rules over analysed blocks and returns findings."""

    def __init__(self, selected: set[str], knowledge: Knowledge, model: LanguageModel) -> None:
        # Every claim rule runs, so that a mention is recognised as negated or cautionary
        # even when only CL100 is selected; only the selected codes are reported.
        self.knowledge = knowledge
        self.model = model
        self.selected = selected
        self.rules = [r for r in knowledge.rules.values() if r.kind in ("cooccurrence", "pattern")]
        self.context_rule = next((r for r in knowledge.rules.values() if r.kind == "context" and r.code in selected), None)
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self._name_terms: dict[tuple[str, str], list[tuple[str, Entry]]] = {}
        self._glued: dict[tuple[str, str], tuple[dict[str, Entry], re.Pattern[str]]] = {}

    def run(self, blocks: list[AnalyzedBlock]) -> list[Finding]:
        """All claim findings of a document, sentence by sentence."""
        findings: list[Finding] = []
        question: list[Finding] = []  # the claims of the previous sentence, when it was a question
        for index, block in enumerate(blocks):
            for sentence in block.sentences:
                if not (kept := self._sentence_findings(index, block, sentence, findings)) and question:
                    kept = self._answer_findings(index, block, sentence, question)
                    findings.extend(kept)
                question = kept if sentence.is_question else []
        return findings

    def _answer_findings(self, index: int, block: AnalyzedBlock, sentence: Sentence, question: list[Finding]) -> list[Finding]:
        """An answer of yes to a question that makes a claim makes the same claim ("Does it
        help with migraine? Yes, within weeks."): the answer is reported with the question's codes."""
        # "Evet." alone tells no language: a yes in either language counts.
        if not any(
            cues.positive_answer and cues.positive_answer.match(block.key, sentence.start, sentence.end)
            for cues in self.model.cues.values()
        ):
            return []
        text = block.block.text
        start = sentence.start + len(text[sentence.start : sentence.end]) - len(text[sentence.start : sentence.end].lstrip())
        end = sentence.start + len(text[sentence.start : sentence.end].rstrip())
        return [Finding(q.code, index, start, end, {**q.fields, "match": _quote(text[start:end])}) for q in question]

    def _sentence_findings(self, index: int, block: AnalyzedBlock, sentence: Sentence, findings: list[Finding]) -> list[Finding]:
        """The claim findings of one sentence, overridden ones removed; they and any context
        mention (CL100) are appended to ``findings``, and the claims are returned."""
        found: list[tuple[Rule, Finding]] = []
        mentions: list[Finding] = []
        for rule in self.rules:
            if not self._in_scope(rule, sentence):
                continue
            for hit in self._hits(rule, block, sentence):
                finding = self._finding(rule, block, index, hit)
                if hit.negated:
                    mentions.append(finding)
                elif rule.code in self.selected:
                    found.append((rule, finding))
        found.extend(self._implied(index, block, sentence, found))
        overridden = {code for rule, _ in found for code in rule.overrides}
        # "Uykusuzluk derdim bitti": the word "dert" inside the insomnia claim is that claim's,
        # while "Fewer colds, fewer sick days" makes two claims
        covering = [(code, f) for rule, f in found if rule.code not in overridden for code in rule.option("overrides_within") or ()]
        kept = _dedupe(
            [
                finding
                for rule, finding in found
                if rule.code not in overridden
                and not any(code == rule.code and f.start <= finding.start and finding.end <= f.end for code, f in covering)
            ]
        )
        if sentence.is_citation:
            # a reference splits into sentences ("Smith J. Magnesium in migraine. Allergy. 2019"):
            # one warning per reference line is enough
            this_block = list(itertools.takewhile(lambda earlier: earlier.block_index == index, reversed(findings)))
            kept = [f for f in kept if not any(_same_line(block.block.text, f, earlier) for earlier in this_block)]
        findings.extend(kept)
        if self.context_rule and mentions and not found:
            first = mentions[0]
            findings.append(Finding(self.context_rule.code, index, first.start, first.end, first.fields))
        return kept

    def _implied(self, index: int, block: AnalyzedBlock, sentence: Sentence, found: list[tuple[Rule, Finding]]):
        """Findings of rules that another rule's finding implies when the sentence also names
        their target ("Gastrit ve reflüm vardı, ilaç kutusunu çöpe attım": a drug no longer
        needed for a named disease says the disease was mitigated)."""
        codes = {rule.code for rule, _ in found}
        for rule in self.rules:
            implying = [f for r, f in found if r.code in (rule.option("implied_by") or ())]
            if rule.code in codes or rule.code not in self.selected or not implying:
                continue
            # "IBS medication", "DEHB ilacını": a disease right before a drug word names the drug
            drugs = self._excluded(rule, block, sentence.lang)
            for clause in sentence.clauses:
                live = [
                    t
                    for t in self._targets(rule, block, sentence.lang, clause, drugs)
                    if not self._absolved(rule, clause, t.start, t.end)
                    and not any(d.start >= t.end and _distance(block.key, t, d) == 0 for d in drugs)
                ]
                if live:
                    # quoted from the disease to the claim that implies it
                    start, end = min(live[0].start, implying[0].start), max(live[0].end, implying[0].end)
                    yield rule, self._finding(rule, block, index, _Hit(start, end, live[0], None, False))
                    break

    def _in_scope(self, rule: Rule, sentence: Sentence) -> bool:
        # "heading" scope is titles and names: headings, and product names in running text.
        if rule.option("scope", "clause") == "citation":
            return sentence.is_citation
        return not sentence.is_citation

    def _hits(self, rule: Rule, block: AnalyzedBlock, sentence: Sentence):
        # A question is not a title ("### Can magnesium cure my migraines?"): in it, as in
        # running text, only a name written as one counts.
        is_title = block.block.kind == "heading" and not sentence.is_question
        names_only = rule.option("scope") == "heading" and not is_title
        if rule.option("scope") == "heading":
            yield from self._fused_name_hits(rule, block, sentence)
        for clause in sentence.clauses:
            hits = self._pattern_hits(rule, block, sentence.lang, clause)
            if rule.kind == "cooccurrence":
                hits = itertools.chain(hits, self._cooccurrence_hits(rule, block, sentence, clause))
            # In running text a title is a name only when it is written as one ("Migren Stop,
            # günde iki kapsül"), not in prose ("migren tedavisi için hekime danışın").
            yield from (h for h in hits if not names_only or _is_name(block.block.text[h.start : h.end]))

    def _fused_name_hits(self, rule: Rule, block: AnalyzedBlock, sentence: Sentence):
        """Brand names fuse a disease, often cut short, with a product word ("MigraineStop",
        "ArthriFlex", "MİGRENSTOP"); a fused cure noun claims a disease by itself ("GlucoCure")."""
        for name in _FUSED_NAME.finditer(block.block.text, sentence.start, sentence.end):
            found = self._fused_name_parts(rule, name.group(), sentence.lang)
            if found is None:
                continue
            disease, cure = found
            if disease is None and not cure:
                continue
            target = LexiconMatch(name.start(), name.end(), disease, sentence.lang, "", False) if disease else None
            clause = next(c for c in sentence.clauses if c.start <= name.start() < c.end)
            yield _Hit(name.start(), name.end(), target, None, self._absolved(rule, clause, name.start(), name.end()))

    def _fused_name_parts(self, rule: Rule, name: str, lang: str) -> tuple[Entry | None, bool] | None:
        """The disease a name fuses, and whether it fuses a cure noun; None when the word is no
        brand name. Camel case needs no more ("ArthriFlex"); a hyphenated name must end in a
        product word ("Reflü-Stop", not "Hashimoto-Tiroidit"); an all-capitals word or a
        capitalised one must end in a glue word, and a capitalised one must name its disease
        in full ("Gripstop", not "Psikoterapi" or "Kemoterapi")."""
        written = [part.lower() for part in _NAME_PART.findall(name)]
        if "-" in name and fold(written[-1]) not in self._glue_words:
            return None
        if len(written) > 1:
            parts = [fold(part) for part in written]
        else:
            parts = list(self._split_glued(fold(name)))
            if not parts:
                return None
            if written:  # one capitalised word
                head = parts[0]
                disease = next((e for term, e in self._one_word_terms(rule, lang) if term == head), None)
                return disease, False
        disease = next((e for part in parts for e in self._entries_named(rule, part, lang)), None)
        # a cure noun as written: "AnneCare" is not "çare" (an all-capitals name can only be
        # compared folded)
        cure = any(p in self._cure_words for p in written) if len(written) > 1 else any(p in self._cure_nouns for p in parts)
        return disease, cure

    def _fused_hashtag_hits(self, rule: Rule, block: AnalyzedBlock, lang: str, clause: Clause):
        """A hashtag that glues a disease to a cure or product word ("#insomniacure",
        "#anxietyrelief", "#migrenstop") or to a community word ("#adhdmom", "#asthmawarrior"),
        or that writes a disease of several words as one ("#nightterrors",
        "#huzursuzbacaksendromu")."""
        if not rule.option("hashtags"):
            return
        for tag in re.finditer(r"#(\w{6,})", block.key[clause.start : clause.end]):
            head = next(self._split_glued(tag.group(1)), None) or self._without_tail(tag.group(1), lang)
            found = next(self._entries_named(rule, head, lang), None) if head else None
            found = found or self._glued_entry(rule, lang, tag.group(1))
            if found:
                start = clause.start + tag.start()
                target = LexiconMatch(start, clause.start + tag.end(), found, lang, "", False)
                yield _Hit(start, target.end, target, None, self._absolved(rule, clause, start, target.end))
                return

    def _without_tail(self, word: str, lang: str) -> str | None:
        """A hashtag's head when it glues a community word after it ("adhdmom" → "adhd",
        "#migrenlife"); hashtags in Turkish posts are often English, so both lists count."""
        tails = self.model.hashtag_tails
        for tail in (*tails.get(lang, ()), *tails.get("en", ())):
            if word.endswith(tail) and len(word) - len(tail) >= 3:
                return word[: -len(tail)]
        return None

    def _glued_entry(self, rule: Rule, lang: str, word: str) -> Entry | None:
        """The target entry of a term of several words that ``word`` writes as one, with a
        noun suffix of ``lang`` ("nightterrors" is "night terror" in the plural), if any."""
        key = (rule.code, lang)
        if key not in self._glued:
            glued = {term.replace(" ", ""): entry for term, entry in self._target_terms(rule, lang) if " " in term}
            self._glued[key] = (glued, re.compile(self.knowledge.morphology[lang].suffix_grammar("noun", "")))
        glued, suffix = self._glued[key]
        return next((entry for term, entry in glued.items() if word.startswith(term) and suffix.fullmatch(word, len(term))), None)

    def _split_glued(self, word: str):
        """Yield the head and the glue word of a word that ends in a product or cure word
        ("migrenstop" → "migren", "stop"), longest glue word first; nothing otherwise."""
        for glue in self._glue_words:
            if word.endswith(glue) and len(word) - len(glue) >= 4:
                yield word[: -len(glue)]
                yield glue
                return

    @cached_property
    def _organs(self) -> set[str]:
        return {fold(t) for entry in self.knowledge.lexicons["organs"].entries for terms in entry.terms.values() for t in terms}

    @cached_property
    def _cure_terms(self) -> list[str]:
        """Strong cure nouns as written ("cure", "relief", "tedavi", "çare"): glued to a name
        they claim by themselves."""
        return [
            term
            for entry in self.knowledge.lexicons["effects"].entries
            if entry.pos == "noun" and entry.data.get("strength") == "strong"
            for terms in entry.terms.values()
            for term in terms
        ]

    @cached_property
    def _cure_words(self) -> set[str]:
        return {term.lower() for term in self._cure_terms}

    @cached_property
    def _cure_nouns(self) -> set[str]:
        """The cure nouns on the match key, for glued lower-case words (hashtags, "MİGRENSTOP")."""
        return {fold(term) for term in self._cure_terms}

    @cached_property
    def _glue_words(self) -> list[str]:
        """Cure nouns and product words that brand names and hashtags glue to a disease."""
        product = {fold(t) for entry in self.knowledge.lexicons["product_words"].entries for terms in entry.terms.values() for t in terms}
        return sorted((w for w in product | self._cure_nouns if " " not in w and len(w) >= 3), key=len, reverse=True)

    def _target_terms(self, rule: Rule, lang: str):
        """The rule's target terms of ``lang`` and English and the brand-name-only ``names``,
        folded as brand names and hashtags write them (no apostrophe: "#alzheimersprevention")."""
        for lexicon in rule.option("targets"):
            for entry in self.knowledge.lexicons[lexicon].entries:
                words = [*(entry.data.get("names") or ()), *(t for language in {lang, "en"} for t in entry.terms.get(language, ()))]
                yield from ((fold(word).replace("'", ""), entry) for word in words)

    def _one_word_terms(self, rule: Rule, lang: str) -> list[tuple[str, Entry]]:
        """One-word target terms and names (see ``_target_terms``), for fused brand names."""
        key = (rule.code, lang)
        if key not in self._name_terms:
            self._name_terms[key] = [(term, entry) for term, entry in self._target_terms(rule, lang) if " " not in term]
        return self._name_terms[key]

    def _entries_named(self, rule: Rule, part: str, lang: str):
        """Target entries with a one-word term that is ``part`` or that ``part`` cuts short
        (at least five letters and most of the word: "arthri", "hypertens"). A part that names
        an organ ("Prosta", "Gastro", "Gut") is not a disease. A cut ending in the combining
        vowel o counts without it ("Anksiyo" of "anksiyete")."""
        if part in self._organs or (len(part) >= 4 and any(organ.startswith(part) for organ in self._organs)):
            return
        stem = part[:-1] if part.endswith("o") and len(part) >= 6 else part
        seen = set()
        for term, entry in self._one_word_terms(rule, lang):
            if entry.id not in seen and (term == part or (len(stem) >= 5 and term.startswith(stem) and len(stem) >= 0.6 * len(term))):
                seen.add(entry.id)
                yield entry

    def _langs(self, rule: Rule, lang: str):
        # Cited titles are often English inside Turkish copy (and the reverse): read both.
        return self.knowledge.morphology if rule.option("scope") == "citation" else (lang,)

    def _excluded(self, rule: Rule, block: AnalyzedBlock, lang: str) -> list[LexiconMatch]:
        """Spans where a target does not count: natural states, drug names ("migren ilacı")."""
        return [m for lex in rule.option("exclude") or () for other in self._langs(rule, lang) for m in _matches(block, lex, other, self.knowledge)]

    def _targets(self, rule: Rule, block: AnalyzedBlock, lang: str, clause: Clause, excluded: list[LexiconMatch]) -> list[LexiconMatch]:
        """The rule's targets (diseases, symptoms…) named in a clause, ``excluded`` spans (see
        ``_excluded``) left out."""
        journals = block.journals if rule.option("scope") == "citation" else []
        return [
            m
            for lexicon in rule.option("targets")
            for other in self._langs(rule, lang)
            for m in _in(_matches(block, lexicon, other, self.knowledge), clause.start, clause.end)
            if not _inside(m, excluded) and not within(journals, m.start, m.end)
        ]

    def _effects(self, rule: Rule, block: AnalyzedBlock, sentence: Sentence, clause: Clause) -> list[LexiconMatch]:
        lang = sentence.lang
        strength = rule.option("strength")
        effects = []
        for lexicon in rule.option("with") or ():
            for match in _in(_matches(block, lexicon, lang, self.knowledge), clause.start, clause.end):
                if not _in_place(match.entry, block, sentence):
                    continue
                companion = match.entry.data.get("only_with")
                if companion and not any(
                    not m.negated and not self.model.acts_on_benign_object(block.key, m.start, m.end, lang)
                    for m in _in(_matches(block, companion, lang, self.knowledge), clause.start, clause.end)
                ):
                    continue
                # "metformin, the first-line treatment for diabetes": the treatment is the drug's
                # ("ilaç gibi", like a medicine, holds a drug word of its own; "ilaçsız çare",
                # "drug-free relief" do without one)
                if any(
                    (m.end <= match.start or m.start >= match.end) and not self.knowledge.morphology[lang].is_privative(m, block.key)
                    for other in match.entry.data.get("not_with") or ()
                    for m in _in(_matches(block, other, lang, self.knowledge), clause.start, clause.end)
                ):
                    continue
                if strength is None or match.entry.data.get("strength") == strength:
                    effects.append(match)
        return effects

    def _cooccurrence_hits(self, rule: Rule, block: AnalyzedBlock, sentence: Sentence, clause: Clause):
        lang = sentence.lang
        excluded = self._excluded(rule, block, lang)
        targets = self._targets(rule, block, lang, clause, excluded)
        window = int(rule.option("window", 8))
        if not rule.option("with"):
            if targets:  # one finding per clause is enough to send the writer there
                first = targets[0]
                yield _Hit(first.start, first.end, first, None, self._absolved(rule, clause, first.start, first.end))
            return
        effects = self._effects(rule, block, sentence, clause)
        live = [
            e
            for e in effects
            if not e.negated and not _inside(e, targets) and not self.model.acts_on_benign_object(block.key, e.start, e.end, lang)
        ]
        pairs = [(t, e) for t in targets for e in live if self._reaches(e, t, block.key, window)]
        tagged = [
            t
            for t in targets
            if rule.option("hashtags") and (block.key[t.start - 1 : t.start] == "#" or within(block.tag_lines, t.start, t.end))
        ]
        if pairs:
            target, effect = min(pairs, key=lambda pair: _distance(block.key, *pair))
            yield self._pair_hit(rule, clause, target, target, effect)
        elif tagged:
            # A disease as a hashtag, or in the page's tags, files the product under that
            # disease (FDA cites hashtags).
            tag = tagged[0]
            start = tag.start - (block.key[tag.start - 1 : tag.start] == "#")
            yield _Hit(start, tag.end, tag, None, self._absolved(rule, clause, tag.start, tag.end))
        elif fused := list(self._fused_hashtag_hits(rule, block, lang, clause)):
            yield from fused
        elif carried := self._carried_pair(rule, block, sentence, clause, targets, live, excluded, window):
            target, sign, effect = carried
            # quoted from the disease when the clause names it, else from its sign
            anchor = target if target.start >= clause.start else sign
            yield self._pair_hit(rule, clause, anchor, target, effect)
        elif afflicted := self._afflicted_pair(rule, block, sentence, clause, live, excluded):
            target, effect = afflicted
            yield self._pair_hit(rule, clause, target, target, effect)
        elif targets and any(e.negated for e in effects):
            # named, but the effect verb itself is negated ("tedavi edilemez"): a mention for CL100
            target, effect = targets[0], next(e for e in effects if e.negated)
            yield _Hit(min(target.start, effect.start), max(target.end, effect.end), target, effect, True)
        elif not targets and live and rule.option("anaphors"):
            yield from self._anaphor_hits(rule, block, sentence, clause, live, window, excluded)

    def _reaches(self, effect: LexiconMatch, target: LexiconMatch, key: str, window: int) -> bool:
        """Whether an effect word acts on a target: near enough (an entry may narrow its reach:
        "people with" frames only the disease it touches), and with the target in the case the
        verb needs (``object_case``)."""
        if _distance(key, target, effect) > effect.entry.data.get("window", window):
            return False
        case = effect.entry.data.get("object_case")
        return not case or self.knowledge.morphology[target.lang].in_case(case, target, key)

    def _pair_hit(self, rule: Rule, clause: Clause, anchor: LexiconMatch, target: LexiconMatch, effect: LexiconMatch) -> _Hit:
        """The hit of an effect on ``anchor`` (the target itself, a sign of it or an anaphor),
        judged by the clause's negation of the effect word."""
        negated = self._absolved(rule, clause, effect.start, effect.end)
        return _Hit(min(anchor.start, effect.start), max(anchor.end, effect.end), target, effect, negated)

    def _carried_pair(self, rule, block, sentence, clause, targets, live, excluded, window):
        """The disease of a clause and the effect on one of its signs ("gut hastalarında ürik
        asidi düşürür", "eases the itching of vaginal thrush"): a clause that names the disease
        claims an effect on the disease itself, not only on a symptom. In a testimonial the
        disease may stand in an earlier sentence, and then only an outcome carries it
        ("Fibromiyalji tanım var. … ağrılarım hafifledi"; not "My mum has Alzheimer's. This
        eased my headaches.")."""
        lang = sentence.lang
        if not targets:
            targets = self._earlier_targets(rule, block, sentence, clause, excluded, testimonial_only=True)
            live = [e for e in live if e.entry.data.get("outcome")]
        if not targets or not rule.option("carried_by"):
            return None
        signs = [
            m
            for lexicon in rule.option("carried_by")
            for m in _in(_matches(block, lexicon, lang, self.knowledge), clause.start, clause.end)
            if not _inside(m, excluded) and not _inside(m, targets)
        ]
        pairs = [(s, e) for s in signs for e in live if self._reaches(e, s, block.key, window)]
        if not pairs:
            return None
        sign, effect = min(pairs, key=lambda pair: _distance(block.key, *pair))
        return min(targets, key=lambda t: _distance(block.key, t, sign)), sign, effect

    def _afflicted_pair(self, rule, block, sentence, clause, live, excluded):
        """A disease the sentence says someone has ("Sedef hastalığım var", "my son has ADHD",
        "Dikkat eksikliği olan oğluma") is what the rest of the sentence is about: an outcome
        after it ("…, nefesi açıldı, hepsi geçti") or, in a question, a strong effect or an
        outcome ("…, faydası olur mu?", "bu geçirir mi?") claims that disease, however far from
        it. A frame negated where it stands says nobody has it ("KOAH hastası değilim", "I don't
        have asthma"); a negation elsewhere in the clause does not ("migrenim var, ilaçlarla bile
        geçmiyor, bu geçirir mi?")."""
        frames = rule.option("afflictions")
        effects = [e for e in live if e.entry.data.get("outcome") or (sentence.is_question and e.entry.data.get("strength") == "strong")]
        if not frames or not effects:
            return None
        lang = sentence.lang
        frames_found = [
            f
            for f in _in(_matches(block, frames, lang, self.knowledge), sentence.start, clause.end)
            if not any(c.start <= f.start < c.end and _negated_at(c, f, block.key) for c in sentence.clauses)
        ]
        afflicted = [
            t
            for lexicon in rule.option("targets")
            for t in _in(_matches(block, lexicon, lang, self.knowledge), sentence.start, clause.end)
            if not _inside(t, excluded) and any(self._frame_applies(f, t, block.key) for f in frames_found)
        ]
        pairs = [(t, e) for t in afflicted for e in effects if e.start >= t.end]
        return pairs[0] if pairs else None

    def _frame_applies(self, frame: LexiconMatch, target: LexiconMatch, key: str) -> bool:
        """Whether an affliction frame is said of this target: on the side its entry names
        (``side``: before, as "I have" and "diagnosed with" are; or after, as "var" and "hastası"
        are), and within its ``window`` of words."""
        after = frame.entry.data.get("side", "after") == "after"
        if (frame.start >= target.end) != after:
            return False
        return _distance(key, frame, target) <= frame.entry.data.get("window", 1)

    def _anaphor_hits(self, rule, block, sentence, clause, live, window, excluded):
        """An effect on "attacks"/"belirtiler" claims the disease named by the section heading
        or by an earlier sentence of the same block. A testimonial needs no such word: the
        writer's disease, once named, is what the rest of it is about ("I've had depression for
        years. This is the first thing that made a real difference.")."""
        lang = sentence.lang
        # a pain or a complaint named as a sign ("eklem ağrılarım") or a natural state ("kas
        # ağrım" after training) is that, not the disease of the context
        signs = [lexicon for lexicon in rule.option("carried_by") or () if lexicon != rule.option("anaphors")]
        named = excluded + [m for lexicon in signs for m in _matches(block, lexicon, lang, self.knowledge)]
        anaphors = [
            a for a in _in(_matches(block, rule.option("anaphors"), lang, self.knowledge), clause.start, clause.end) if not _inside(a, named)
        ]
        pairs = [(a, e) for a in anaphors for e in live if _distance(block.key, a, e) <= window]
        if pairs:
            context = self._earlier_targets(rule, block, sentence, clause, excluded)
        else:
            pairs = [(e, e) for e in live if e.entry.data.get("outcome")]
            context = self._earlier_targets(rule, block, sentence, clause, excluded, testimonial_only=True)
            if not (pairs and context):
                return
        if not context and block.heading is not None:
            heading = block.heading
            context = [m for lexicon in rule.option("targets") for m in _matches(heading, lexicon, heading.lang, self.knowledge)]
        if context:
            anaphor, effect = pairs[0]
            yield self._pair_hit(rule, clause, anaphor, context[0], effect)

    def _earlier_targets(
        self,
        rule: Rule,
        block: AnalyzedBlock,
        sentence: Sentence,
        clause: Clause,
        excluded: list[LexiconMatch],
        testimonial_only: bool = False,
    ) -> list[LexiconMatch]:
        """The rule's targets named in the block before ``clause``, in earlier sentences or in
        earlier clauses of its own ("Bel fıtığım için fizik tedavi görüyorum, bununla birlikte
        … ağrılarım azaldı"); with ``testimonial_only``, only those of the testimonial the
        sentence belongs to (none outside one)."""
        start = 0
        if testimonial_only:
            if (around := block.testimonial_around(sentence.start)) is None:
                return []
            start = around[0]
        return [
            m
            for lexicon in rule.option("targets")
            for m in _matches(block, lexicon, sentence.lang, self.knowledge)
            if start <= m.start and m.end <= clause.start and not _inside(m, excluded)
        ]

    def _absolved(self, rule: Rule, clause: Clause, start: int, end: int) -> bool:
        """Whether the clause's negation (of the claim word at [start, end)) or its caution
        takes the claim back, for a rule that respects them."""
        negated = clause.denies(start, end) and rule.option("negation", "respect") == "respect"
        cautious = clause.cautionary and rule.option("caution", "respect") == "respect"
        return negated or cautious

    def _pattern_hits(self, rule: Rule, block: AnalyzedBlock, lang: str, clause: Clause):
        for source in (rule.option("patterns") or {}).get(lang) or ():
            # A pattern that names lexicons can only match where one of them does: skip it
            # (and its costly compilation, lexicons inlined) everywhere else.
            needed = _PLACEHOLDER.findall(source)
            if needed and not any(_in(_matches(block, name, lang, self.knowledge), clause.start, clause.end) for name in needed):
                continue
            for match in self._compiled(source, lang).finditer(block.key, clause.start, clause.end):
                effect = None
                if rule.option("requires"):
                    # an effect word inside the match is part of a name: "mide koruyucu" (koru-)
                    effects = [
                        e
                        for lexicon in rule.option("requires")
                        for e in _in(_matches(block, lexicon, lang, self.knowledge), clause.start, clause.end)
                        if not e.negated
                        and not (match.start() <= e.start and e.end <= match.end())
                        and not self.model.acts_on_benign_object(block.key, e.start, e.end, lang)
                    ]
                    if not effects:
                        continue
                    effect = effects[0]
                start, end = match.span()
                negated = self._absolved(rule, clause, start, end)
                # the target the pattern names, for the message ("… an effect on kolesterol")
                target = next((t for name in rule.option("targets") or () for t in _in(_matches(block, name, lang, self.knowledge), start, end)), None)
                if effect is not None:
                    start, end = min(start, effect.start), max(end, effect.end)
                yield _Hit(start, end, target, effect, negated)

    def _compiled(self, source: str, lang: str) -> re.Pattern[str]:
        """A rule pattern with each ``{lexicon}`` replaced by that lexicon's terms, compiled once."""
        cache_key = (source, lang)
        if cache_key not in self._patterns:
            lexicons = self.knowledge.lexicons
            expanded = _PLACEHOLDER.sub(lambda m: lexicons[m.group(1)].pattern_source(lang), source)
            self._patterns[cache_key] = re.compile(expanded)
        return self._patterns[cache_key]

    def _finding(self, rule: Rule, block: AnalyzedBlock, index: int, hit: _Hit) -> Finding:
        lang = block.lang if hit.target is None else hit.target.lang
        fields = {
            "match": _quote(block.block.text[hit.start : hit.end]),
            "target": hit.target.entry.label(lang) if hit.target else "",
            "criterion": rule.criterion,
            "instead": "",
        }
        if hit.target is not None:
            instead = hit.target.entry.data.get("instead") or {}
            if instead.get(lang):
                fields["instead"] = f" Instead: {instead[lang]}"
        return Finding(rule.code, index, hit.start, hit.end, fields)


def _in_place(entry: Entry, block: AnalyzedBlock, sentence: Sentence) -> bool:
    """Whether an effect entry limited to headings, questions or testimonials
    (``headings_only``, ``questions_only``, ``testimonials_only``; any of its places when it has
    several) counts in this sentence."""
    # judged lazily: this runs for every effect match, and most entries have no limit
    places = {
        "headings_only": lambda: block.block.kind == "heading",
        "questions_only": lambda: sentence.is_question,
        "testimonials_only": lambda: block.testimonial_around(sentence.start) is not None,
    }
    limits = [place for place in places if entry.data.get(place)]
    return not limits or any(places[place]() for place in limits)


def _negated_at(clause: Clause, match: LexiconMatch, key: str) -> bool:
    """Whether a negation cue of the clause stands right next to the match (at most one word
    between them): "hastası değilim", "don't have"."""
    return any(
        len(_WORDS.findall(key[match.end : cue_start])) <= 1 if cue_start >= match.end else len(_WORDS.findall(key[cue_end : match.start])) <= 1
        for cue_start, cue_end in clause.negations
    )


def _is_name(text: str) -> bool:
    """Every word capitalised ("Migren Stop", "DİYABET DOSTU"): written as a name, not prose."""
    words = _WORDS.findall(text)
    return bool(words) and all(word[0].isupper() for word in words)


def _same_line(text: str, finding: Finding, earlier: Finding) -> bool:
    """Whether ``earlier``, a finding of the same block, is of the same rule and on the same line."""
    return (
        earlier.code == finding.code
        and earlier.start <= finding.start
        and "\n" not in text[earlier.start : finding.start]
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per rule per sentence: a second hit of the same rule ("Doğal antifungal" and
    "antifungal etkisiyle", or a claim repeated in the next clause) sends the writer to the
    same sentence again."""
    unique: list[Finding] = []
    for finding in findings:
        if not any(f.code == finding.code for f in unique):
            unique.append(finding)
    return unique
