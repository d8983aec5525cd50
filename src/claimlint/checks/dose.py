"""Dose figures (CL3xx): mineral amounts that give a salt's mass instead of the mineral's.

"1000 mg magnezyum glisinat" weighs the salt; the body gets about 141 mg of magnesium.  US,
EU and Turkish labelling declare the mineral itself, so copy that states the salt's mass
without the elemental amount misleads (CL301).  Where both are stated, the elemental amount
must be one the salt can hold (CL302), and a daily amount must stay under the upper limit
(CL303).  Which words mean what ("elemental", "providing", "günlük") lives in compounds.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimlint.compounds import CompoundTable, Element, Limit, Mention
from claimlint.quantity import Quantity, find_quantities, to_mg

_MAX_GAP = 60  # characters between a figure and what it refers to; more is another clause


@dataclass(frozen=True)
class DoseIssue:
    """A finding: ``text[start:end]`` is the figure and the name of what it weighs."""

    code: str
    start: int
    end: int
    fields: dict[str, str]


@dataclass
class _Figure:
    """A quantity with what it weighs: a salt ("compound"), the mineral ("elemental") or unknown ("bare")."""

    quantity: Quantity
    kind: str
    start: int
    end: int
    mention: Mention | None = None
    element: Element | None = None
    lang: str = "en"


class _Grammar:
    """The regexes the finder needs, built once per table from its cue words."""

    def __init__(self, table: CompoundTable) -> None:
        cue = table.cue_regex
        suffix = r"(?:['’][^\W\d_]+)?"  # "mg'lık", "mg’dır"
        punct = r"[\s:|=(,\-–—]"
        flags = re.IGNORECASE
        self.after_quantity = re.compile(
            rf"{suffix}\s*(?:(?:{cue('filler')})\s+)*(?:(?P<elemental>{cue('elemental')})\s*)?", flags)
        # Between a salt or element and the figure after it: punctuation, fillers, and at most
        # one parenthesis ("Magnesium (as magnesium glycinate) 200 mg").
        self.before_figure = re.compile(rf"{punct}*(?:\([^()]*\){punct}*)?(?:(?:{cue('filler')}){punct}*)*", flags)
        words = "|".join(cue(name) for name in ("link", "providing", "approximate", "elemental", "filler", "daily"))
        self.link = re.compile(rf"{suffix}(?:[\s(),:;=≈~→|\-–—/]|(?:{words})\.?)*", flags)
        self.strong_link = re.compile(rf"[(=≈~→|]|{cue('providing')}|{cue('approximate')}", flags)
        self.providing_after = re.compile(rf"{suffix}\s*(?:{cue('providing')})", flags)
        self.link_before = re.compile(rf"\s*,?\s*(?P<paren>\()?\s*(?P<word>{cue('link_before')})?\s*\(?\s*", flags)
        self.daily = re.compile(cue("daily"), flags)
        self.package = re.compile(cue("package"), flags)
        self.warning = re.compile(cue("warning"), flags)
        self.intake = re.compile(cue("intake"), flags)


@lru_cache(maxsize=8)
def _grammar(table: CompoundTable) -> _Grammar:
    return _Grammar(table)


def find_dose_issues(text: str, table: CompoundTable) -> list[DoseIssue]:
    """Find CL301, CL302 and CL303 issues in one block of plain text (paragraph, item, row).

    Works on Turkish and English alike; offsets are into ``text``.  ``fields`` fill the
    message templates of rules/dose.yaml.
    """
    grammar = _grammar(table)
    # A pack size ("Net contents: 300 g …") weighs the package, not a serving.
    quantities = [
        q for q in find_quantities(text)
        if q.unit != "iu" and not grammar.package.search(text, _sentence(text, q.start)[0], q.start)
    ]
    if not quantities:
        return []
    mentions = table.find_mentions(text)
    claimed: set[int] = set()  # mentions already weighed by a figure before them
    figures = [_classify(text, q, mentions, claimed, grammar) for q in quantities]
    issues: list[DoseIssue] = []
    paired: set[int] = set()
    for i, figure in enumerate(figures):
        if figure.kind != "compound":
            continue
        j = _elemental_partner(text, figures, i, grammar)
        if j is None:
            issues.append(_compound_mass_issue(text, figure))
            continue
        paired.add(i)
        partner = figures[j]
        partner.kind, partner.element, partner.lang = "elemental", figure.element, figure.lang
        issue = _inconsistency_issue(text, figure, partner, table)
        if issue:
            issues.append(issue)
    for i, figure in enumerate(figures):
        if i not in paired and figure.element is not None and figure.kind != "bare":
            issue = _upper_limit_issue(text, figure, table, grammar)
            if issue:
                issues.append(issue)
    return sorted(issues, key=lambda issue: (issue.start, issue.code))


def _close(text: str, start: int, end: int) -> int:
    """Extend a span that opens a parenthesis to its closing one: "Magnezyum bisglisinat (1.000 mg)"."""
    span = text[start:end]
    return end + 1 if span.count("(") > span.count(")") and text.startswith(")", end) else end


def _classify(text: str, q: Quantity, mentions: list[Mention], claimed: set[int], g: _Grammar) -> _Figure:
    """Decide what a quantity weighs, from the words right after it, else right before it.

    A name weighed by the figure before it ("1000 mg magnesium glycinate (141 mg)") is not
    also weighed by the figure after it.
    """
    after = g.after_quantity.match(text, q.end)
    following = next((m for m in mentions if m.start == after.end()), None)
    if following is not None:
        claimed.add(following.start)
        if following.kind == "unknown":
            return _Figure(q, "bare", q.start, q.end)
        kind = "compound" if following.kind == "compound" and not after.group("elemental") else "elemental"
        return _Figure(q, kind, q.start, following.end, following, following.element, following.lang)
    if after.group("elemental"):
        return _Figure(q, "elemental", q.start, after.end("elemental"))
    for m in reversed([m for m in mentions if m.end <= q.start]):
        gap = text[m.end:q.start]
        if len(gap) > _MAX_GAP or m.start in claimed:
            break
        if not g.before_figure.fullmatch(gap):
            continue
        if m.kind == "element":
            return _Figure(q, "elemental", m.start, q.end, m, m.element, m.lang)
        if m.kind == "compound" and not m.source:
            return _Figure(q, "compound", m.start, _close(text, m.start, q.end), m, m.element, m.lang)
        break
    return _Figure(q, "bare", q.start, q.end)


def _elemental_partner(text: str, figures: list[_Figure], i: int, g: _Grammar) -> int | None:
    """Index of the figure that states the elemental amount of salt figure ``i``, if any.

    After it: "1000 mg magnesium glycinate (141 mg elemental magnesium)", "…, providing 141 mg".
    Before it: "141 mg magnesium from 1000 mg magnesium glycinate".  Only short linking words
    may stand between, so a figure elsewhere in the sentence is not taken for it.
    """
    figure = figures[i]

    def same_element(other: _Figure) -> bool:
        return other.element is None or other.element == figure.element

    if i + 1 < len(figures):
        other = figures[i + 1]
        gap = text[figure.end:other.start]
        if other.kind != "compound" and same_element(other) and len(gap) <= _MAX_GAP and g.link.fullmatch(gap):
            strong = g.strong_link.search(gap) or g.providing_after.match(text, other.quantity.end)
            if other.kind == "elemental" or strong:
                return i + 1
    if i > 0:
        other = figures[i - 1]
        link = g.link_before.fullmatch(text[other.end:figure.start])
        if other.kind == "elemental" and same_element(other) and link and (link.group("paren") or link.group("word")):
            return i - 1
    return None


def _compound_mass_issue(text: str, figure: _Figure) -> DoseIssue:
    m = figure.mention
    return DoseIssue("CL301", figure.start, figure.end, {
        "figure": text[figure.start:figure.end],
        "compound": text[m.start:m.end],
        "element": m.element.name(m.lang),
        "elemental": _elemental(figure),
        "percent": _percent(figure),
        "lang": m.lang,
    })


def _inconsistency_issue(text: str, figure: _Figure, partner: _Figure, table: CompoundTable) -> DoseIssue | None:
    """CL302 when the stated elemental amount is more than the salt holds, or fits no form of it."""
    m, q, s = figure.mention, figure.quantity, partner.quantity
    fractions = [form.fraction for form in m.forms]
    mass = to_mg((q.low + q.high) / 2, q.unit)
    stated = to_mg((s.low + s.high) / 2, s.unit)
    tolerance = table.tolerance["consistency"]
    fits = any(abs(stated - mass * f) <= tolerance * mass * f for f in fractions)
    impossible = stated > mass * max(fractions) * (1 + table.tolerance["rounding"])
    if fits and not impossible:
        return None
    start = min(figure.start, partner.start)
    end = _close(text, start, max(figure.end, partner.end))
    return DoseIssue("CL302", start, end, {
        "figure": text[figure.start:figure.end],
        "stated": text[s.start:s.end],
        "expected": _elemental(figure),
        "compound": text[m.start:m.end],
        "element": m.element.name(m.lang),
        "percent": _percent(figure),
        "lang": m.lang,
    })


def _upper_limit_issue(text: str, figure: _Figure, table: CompoundTable, g: _Grammar) -> DoseIssue | None:
    """CL303 when a daily elemental amount (stated, or computed from a salt) is above a limit."""
    element, q = figure.element, figure.quantity
    start, end = _sentence(text, figure.start)
    if not g.daily.search(text, start, end) or g.warning.search(text, start, end):
        return None
    if table.limit_scope.get(element.key) == "supplemental" and g.intake.search(text, start, end):
        return None
    # For a salt, count only what its poorest form supplies: the finding must hold for all.
    fraction = min(f.fraction for f in figure.mention.forms) if figure.kind == "compound" else 1.0
    low, high = to_mg(q.low, q.unit) * fraction, to_mg(q.high, q.unit) * fraction
    exceeded = [limit for limit in table.limits.get(element.key, ()) if high > limit.mg]
    if not exceeded:
        return None
    return DoseIssue("CL303", figure.start, figure.end, {
        "figure": text[figure.start:figure.end],
        "amount": _amount(low, high, q.unit == "mcg"),
        "element": element.name(figure.lang),
        "limit": _limit(exceeded[0]),
        "authority": " and ".join(f"{limit.authority} {_limit(limit)}" for limit in exceeded),
        "lang": figure.lang,
    })


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: cue words elsewhere in the block do not apply to it."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.end()
            break
    return start, end


def _number(value: float) -> str:
    if value >= 10:
        return f"{value:.0f}"
    if value >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2g}"


def _amount(low_mg: float, high_mg: float, micro: bool) -> str:
    """Format an amount as "141 mg" or "28–56 mg"; µg for µg figures and under 1 mg, g from 10 g."""
    if micro or high_mg < 1:
        unit, scale = "µg", 1000
    else:
        unit, scale = ("g", 0.001) if high_mg >= 10_000 else ("mg", 1)
    low, high = _number(low_mg * scale), _number(high_mg * scale)
    return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def _elemental(figure: _Figure) -> str:
    """What a salt figure supplies, from its poorest to its richest form ("59–81 mg")."""
    q, fractions = figure.quantity, [form.fraction for form in figure.mention.forms]
    return _amount(to_mg(q.low, q.unit) * min(fractions), to_mg(q.high, q.unit) * max(fractions), q.unit == "mcg")


def _percent(figure: _Figure) -> str:
    fractions = [form.fraction for form in figure.mention.forms]
    low, high = f"{min(fractions) * 100:.1f}", f"{max(fractions) * 100:.1f}"
    return low if low == high else f"{low}–{high}"


def _limit(limit: Limit) -> str:
    return f"{limit.amount:g} {'µg' if limit.unit == 'mcg' else 'mg'}"
