"""find_quantities: number conventions, ranges, units, Turkish suffixes and non-doses."""

import pytest

from claimlint.quantity import Quantity, find_quantities, to_mg


@pytest.mark.parametrize(
    "text, expected",
    [
        # English and Turkish number conventions
        ("1,000.5 mg", [Quantity(0, 10, 1000.5, 1000.5, "mg")]),
        ("Take 1,000 mg daily", [Quantity(5, 13, 1000, 1000, "mg")]),
        ("1.000,5 mg", [Quantity(0, 10, 1000.5, 1000.5, "mg")]),
        ("Kapsül başına 1.000 mg", [Quantity(14, 22, 1000, 1000, "mg")]),
        ("1,5 g toz", [Quantity(0, 5, 1.5, 1.5, "g")]),
        ("2.5 g powder", [Quantity(0, 5, 2.5, 2.5, "g")]),
        ("12,5mg", [Quantity(0, 6, 12.5, 12.5, "mg")]),
        ("0.500 mg", [Quantity(0, 8, 0.5, 0.5, "mg")]),
        ("1,0005 mg", [Quantity(0, 9, 1.0005, 1.0005, "mg")]),
        ("1\u00a0000 mg", [Quantity(0, 8, 1000, 1000, "mg")]),
        # ranges
        ("200–400 mg", [Quantity(0, 10, 200, 400, "mg")]),
        ("200-400mg", [Quantity(0, 9, 200, 400, "mg")]),
        ("200 ila 400 mg", [Quantity(0, 14, 200, 400, "mg")]),
        ("200 to 400 mg", [Quantity(0, 13, 200, 400, "mg")]),
        ("1.000-1.300 mg", [Quantity(0, 14, 1000, 1300, "mg")]),
        ("5 ile 10 mg arası", [Quantity(0, 11, 5, 10, "mg")]),
        ("200 mg–400 mg", [Quantity(0, 13, 200, 400, "mg")]),
        ("500 mg–1 g", [Quantity(0, 10, 0.5, 1, "g")]),
        ("3-2 mg", [Quantity(2, 6, 2, 2, "mg")]),
        # units
        ("500 µg", [Quantity(0, 6, 500, 500, "mcg")]),
        ("500 μg", [Quantity(0, 6, 500, 500, "mcg")]),
        ("500 mcg", [Quantity(0, 7, 500, 500, "mcg")]),
        ("50 ug", [Quantity(0, 5, 50, 50, "mcg")]),
        ("200 mikrogram", [Quantity(0, 13, 200, 200, "mcg")]),
        ("200 micrograms", [Quantity(0, 14, 200, 200, "mcg")]),
        ("500 milligrams", [Quantity(0, 14, 500, 500, "mg")]),
        ("500 miligramlık", [Quantity(0, 12, 500, 500, "mg")]),
        ("500 MG", [Quantity(0, 6, 500, 500, "mg")]),
        ("2 gr", [Quantity(0, 4, 2, 2, "g")]),
        ("3 gram", [Quantity(0, 6, 3, 3, "g")]),
        ("2 grams", [Quantity(0, 7, 2, 2, "g")]),
        ("1000 IU", [Quantity(0, 7, 1000, 1000, "iu")]),
        ("1.000 İU", [Quantity(0, 8, 1000, 1000, "iu")]),
        ("1000 UI", [Quantity(0, 7, 1000, 1000, "iu")]),
        ("200-mg tablet", [Quantity(0, 6, 200, 200, "mg")]),
        ("400 mg/day", [Quantity(0, 6, 400, 400, "mg")]),
        # suffixes glued to the unit stay outside the span
        ("400 mg'dır", [Quantity(0, 6, 400, 400, "mg")]),
        ("310–420 mg'lık", [Quantity(0, 10, 310, 420, "mg")]),
        ("50 mg’lık", [Quantity(0, 5, 50, 50, "mg")]),
        # "İ" before a figure: offsets must not shift (no str.lower())
        ("İÇERİK: 500 mg", [Quantity(8, 14, 500, 500, "mg")]),
        ("İİİ 1.000 mg ve 2 g", [Quantity(4, 12, 1000, 1000, "mg"), Quantity(16, 19, 2, 2, "g")]),
    ],
)
def test_quantities(text, expected):
    assert find_quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "%100 doğal",
        "100% natural",
        "Published in 2019",
        "2019 yılında 120 katılımcı",
        "The study enrolled 120 participants.",
        "See page 12.",
        "Sayfa 12",
        "0,7 mmol/L",
        "0.75 mmol/L",
        "90 mg/dL",
        "90 mg/dl",
        "1 mg/L",
        "5 mg/kg",
        "5 gün boyunca",
        "5G ağ",
        "1–2 saat önce",
        "4–8 haftalık",
        "Magnezyum 3’lü kombinasyon",
        "1 000 mg",  # an ordinary space does not group digits ("2 500 mg" may be 2 × 500 mg)
        "B12",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_ordinary_space_is_not_a_thousands_separator():
    assert find_quantities("2 500 mg") == [Quantity(2, 8, 500, 500, "mg")]


def test_several_quantities_in_order():
    text = "Magnesium 200 mg, zinc 15 mg and selenium 55 µg."
    found = find_quantities(text)
    assert [text[q.start:q.end] for q in found] == ["200 mg", "15 mg", "55 µg"]


def test_to_mg():
    assert to_mg(1.5, "g") == 1500
    assert to_mg(500, "mcg") == 0.5
    assert to_mg(250, "mg") == 250
