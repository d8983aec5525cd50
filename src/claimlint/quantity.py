"""Mass figures in English and Turkish text: "1,000 mg", "1.000,5 mg", "200–400mg", "1,5 g".

Only a number followed by a mass unit (or IU) is a quantity, so years, page numbers, sample
sizes and percentages never are; concentrations such as "mg/dL" are skipped as well, because
they are lab values, not doses.  Matching is case-insensitive through ``re.IGNORECASE`` and
never lower-cases the text, so every offset is an offset into the caller's string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """A mass figure: ``text[start:end]`` is its number(s) and unit; ``low == high`` unless a range.

    ``unit`` is one of "mg", "g", "mcg" or "iu"; ``low`` and ``high`` are in that unit.
    """

    start: int
    end: int
    low: float
    high: float
    unit: str


# A single separator followed by exactly three digits groups thousands ("1,000", "1.000");
# any other separator is the decimal mark ("1,5", "2.5").  A leading 0 never starts a group.
# Only a no-break or thin space groups digits: "2 500 mg" may mean two 500 mg capsules.
_NUMBER = r"""
    (?!0\d)                                        # "000" is no number ("1 000" is not grouped)
    (?: [1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?           # 1,000  1,000.5   (English grouping)
      | [1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?           # 1.000  1.000,5   (Turkish grouping)
      | [1-9]\d{0,2}(?:[\u00a0\u202f\u2009]\d{3})+  # 1 000 with a no-break or thin space
      | \d+(?:[.,]\d+)? )                           # 1000  1,5  2.5
    (?!\d)
"""

# Abbreviations must end the word (or take an apostrophe suffix: "mg'lık"); spelled-out units
# may take Turkish suffixes directly ("miligramlık").  "g" and "gr" are lower case only, so
# "5G" is not five grams.
_UNIT = r"""
    (?P<mcg> (?:mcg|[µμ]g|ug)(?![^\W_]) | mikrogram | micrograms? )
  | (?P<mg>  mg(?![^\W_]) | milligrams? | milligrammes? | miligram )
  | (?P<g>   grams? | (?-i:gr?)(?![^\W_]) )
  | (?P<iu>  (?:iu|ui)(?![^\W_]) )
"""
_UNIT_RE = re.compile(_UNIT, re.IGNORECASE | re.VERBOSE)
_UNIT_TEXT = re.sub(r"\(\?P<\w+>", "(?:", _UNIT)  # unnamed, to embed twice (range and single)

_QUANTITY_RE = re.compile(
    rf"""
    (?<![\w.,%])                                   # not inside a word or number, not after %
    (?P<n1>{_NUMBER})
    (?: (?:[ \u00a0\u202f\u2009]?(?P<u1>{_UNIT_TEXT}))?
        (?: \s*[-‐‑‒–—]\s* | \s+(?:to|ila|ile)\s+ )  # range: 200–400, 200 to 400, 200 ila 400
        (?P<n2>{_NUMBER}) )?
    (?:[ \u00a0\u202f\u2009]{{0,2}}|-)             # "200 mg", "200mg", "200-mg"
    (?P<u>{_UNIT_TEXT})
    (?P<per>\s*/\s*(?:d?l|ml|kg|g|m[²2]|lbs?)(?![^\W_]))?   # mg/dL, mg/L, mg/kg: not a dose
    """,
    re.IGNORECASE | re.VERBOSE,
)

_TO_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001}


def _value(number: str) -> float:
    """Read a number written with either convention (see ``_NUMBER``)."""
    if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?", number):
        return float(number.replace(",", ""))
    if re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?", number):
        return float(number.replace(".", "").replace(",", "."))
    return float(re.sub(r"\s", "", number).replace(",", "."))


def _unit(text: str) -> str:
    return _UNIT_RE.fullmatch(text).lastgroup


def to_mg(value: float, unit: str) -> float:
    """Convert a mass in ``unit`` ("mg", "g" or "mcg") to milligrams."""
    return value * _TO_MG[unit]


def find_quantities(text: str) -> list[Quantity]:
    """Every mass figure in ``text``, in order, with exact character offsets.

    Ranges become one quantity with ``low < high``; a range whose first number has a different
    unit ("500 mg–1 g") is expressed in the second unit.  A "range" that runs backwards is not
    one (the second number alone is kept).
    """
    found = []
    for m in _QUANTITY_RE.finditer(text):
        if m.group("per"):
            continue
        unit = _unit(m.group("u"))
        high = _value(m.group("n2") or m.group("n1"))
        start, low = m.start(), high
        if m.group("n2"):
            low = _value(m.group("n1"))
            low_unit = _unit(m.group("u1")) if m.group("u1") else unit
            if low_unit != unit and "iu" not in (low_unit, unit):
                low = to_mg(low, low_unit) / _TO_MG[unit]
            if low > high:
                start, low = m.start("n2"), high
        found.append(Quantity(start, m.end("u"), low, high, unit))
    return found
