"""The compound table: formulas, stored fractions, validation, and name lookups."""

import copy
from pathlib import Path

import pytest
import yaml

from claimlint.compounds import (
    CompoundTable,
    atom_counts,
    elemental_fraction,
    formula_mass,
)

DATA = yaml.safe_load((Path(__file__).parent.parent / "rules" / "compounds.yaml").read_text(encoding="utf-8"))
WEIGHTS = {k: v for k, v in DATA["atomic_weights"].items() if k != "source"}


@pytest.fixture(scope="module")
def table():
    return CompoundTable.from_data(DATA)


def _all_forms():
    for entry in DATA["compounds"]:
        symbol = DATA["elements"][entry["element"]]["symbol"]
        yield entry["id"], symbol, entry["formula"], entry["fraction"]
        for hydrate in entry.get("hydrates", []):
            yield entry["id"], symbol, hydrate["formula"], hydrate["fraction"]


@pytest.mark.parametrize("cid, symbol, formula, fraction", list(_all_forms()))
def test_every_stored_fraction_matches_its_formula(cid, symbol, formula, fraction):
    assert fraction == round(elemental_fraction(formula, symbol, WEIGHTS), 4), cid


def test_table_is_large_enough():
    assert len(DATA["compounds"]) >= 40
    assert {e["element"] for e in DATA["compounds"]} == set(DATA["elements"])


@pytest.mark.parametrize(
    "formula, counts",
    [
        ("MgO", {"Mg": 1, "O": 1}),
        ("Mg(OH)2", {"Mg": 1, "O": 2, "H": 2}),
        ("Mg3(C6H5O7)2", {"Mg": 3, "C": 12, "H": 10, "O": 14}),
        ("MgCl2.6H2O", {"Mg": 1, "Cl": 2, "H": 12, "O": 6}),
        ("4MgCO3.Mg(OH)2.5H2O", {"Mg": 5, "C": 4, "O": 19, "H": 12}),
        ("C5H11NO2Se", {"C": 5, "H": 11, "N": 1, "O": 2, "Se": 1}),
        ("Ca3(PO4)2", {"Ca": 3, "P": 2, "O": 8}),
    ],
)
def test_atom_counts(formula, counts):
    assert atom_counts(formula) == counts


@pytest.mark.parametrize("formula", ["Mg(OH2", "MgOH)2", "Mg..O", "Mg-O", "mgO", ""])
def test_bad_formulas_raise(formula):
    with pytest.raises(ValueError):
        atom_counts(formula)


def test_formula_mass_and_unknown_element():
    assert formula_mass("MgO", WEIGHTS) == pytest.approx(40.304)
    assert formula_mass("MgSO4.7H2O", WEIGHTS) == pytest.approx(246.47, abs=0.01)
    with pytest.raises(ValueError, match="Xe"):
        formula_mass("XeO", WEIGHTS)
    with pytest.raises(ValueError, match="no Zn"):
        elemental_fraction("MgO", "Zn", WEIGHTS)


def test_worked_examples(table):
    glycinate = table.compounds["magnesium-glycinate"].forms[0]
    assert round(1000 * glycinate.fraction) == 141
    assert table.compounds["magnesium-citrate"].forms[0].fraction == pytest.approx(0.1616)
    assert table.compounds["magnesium-oxide"].forms[0].fraction == pytest.approx(0.6030)
    heptahydrate = [f for f in table.compounds["zinc-sulfate"].forms if f.formula == "ZnSO4.7H2O"]
    assert heptahydrate[0].fraction == pytest.approx(0.2274)
    assert round(220 * heptahydrate[0].fraction) == 50  # NIH ODS: 220 mg zinc sulfate = 50 mg zinc


def test_upper_limits(table):
    def limits(key):
        return {limit.authority: limit.mg for limit in table.limits[key]}

    assert limits("magnesium") == {"US UL": 350, "EU UL": 250}
    assert limits("zinc") == {"US UL": 40, "EU UL": 25}
    assert limits("iron") == {"US UL": 45, "EU safe level": 40}
    assert limits("calcium") == {"US UL": 2500, "EU UL": 2500}
    assert limits("selenium") == {"US UL": 0.4, "EU UL": 0.255}
    assert limits("potassium") == {}
    assert table.limit_scope["magnesium"] == "supplemental"


@pytest.mark.parametrize(
    "text, compound, lang, source",
    [
        ("1000 mg magnezyum glisinat", "magnesium-glycinate", "tr", False),
        ("MAGNEZYUM SİTRATIN etkisi", "magnesium-citrate", "tr", False),
        ("çinko oksidin", "zinc-oxide", "tr", False),
        ("cinko sulfat", "zinc-sulfate", "tr", False),
        ("demir(II) sülfat", "iron-sulfate", "tr", False),
        ("325 mg dried ferrous sulfate", "iron-sulfate", "en", False),
        ("Epsom salts", "magnesium-sulfate", "en", False),
        ("200 µg L-selenomethionine", "selenium-selenomethionine", "en", False),
        ("magnesium (bis)glycinate", "magnesium-glycinate", "en", False),
        ("Magnesium (as magnesium glycinate)", "magnesium-glycinate", "en", True),
        ("magnezyum sitrattan 200 mg", "magnesium-citrate", "tr", True),
        ("(magnezyum glisinat olarak)", "magnesium-glycinate", "tr", True),
    ],
)
def test_compound_mentions(table, text, compound, lang, source):
    found = [m for m in table.find_mentions(text) if m.kind == "compound"]
    assert len(found) == 1
    assert (found[0].compound.id, found[0].lang, found[0].source) == (compound, lang, source)


def test_mention_offsets_and_kinds(table):
    text = "İÇERİK: Magnezyum 200 mg, iron oxide, ironic, MAGNEZYUM GLİSİNAT"
    found = table.find_mentions(text)
    assert [(text[m.start:m.end], m.kind) for m in found] == [
        ("Magnezyum", "element"),
        ("iron oxide", "unknown"),  # a salt the table does not list
        ("MAGNEZYUM GLİSİNAT", "compound"),
    ]


def test_named_hydrate_points_at_its_form(table):
    (mention,) = table.find_mentions("magnesium citrate nonahydrate")
    assert [f.formula for f in mention.forms] == ["Mg3(C6H5O7)2.9H2O"]
    (generic,) = table.find_mentions("magnesium citrate")
    assert len(generic.forms) == 2


def _broken(path, value):
    data = copy.deepcopy(DATA)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("compounds", 0, "fraction"), 0.7, r"compounds\[0\] \(id 'magnesium-oxide'\).*does not match 0\.6030"),
        (("compounds", 1, "formula"), "Mg(OH2", r"compounds\[1\].*unbalanced"),
        (("compounds", 2, "element"), "copper", r"compounds\[2\].*unknown element 'copper'"),
        (("compounds", 3, "hydrates", 0, "fraction"), 0.2, r"compounds\[3\].*hydrates\[0\].*does not match"),
        (("compounds", 4, "id"), "magnesium-oxide", r"compounds\[4\].*duplicate"),
        (("compounds", 0, "source"), None, r"compounds\[0\].*source"),
        (("compounds", 0, "names"), None, r"compounds\[0\].*names"),
        (("elements", "zinc", "symbol"), "Zq", r"elements\.zinc.*Zq"),
        (("upper_limits", "zinc", "limits", 0, "unit"), "kg", r"upper_limits\.zinc\.limits\[0\]"),
        (("cues", "daily"), None, r"cues\.daily"),
        (("tolerance", "consistency"), 2, r"tolerance\.consistency"),
        (("atomic_weights", "Mg"), -1, r"atomic_weights\.Mg"),
    ],
)
def test_bad_data_raises_value_error_naming_the_entry(path, value, message):
    with pytest.raises(ValueError, match=message):
        CompoundTable.from_data(_broken(path, value))


def test_ambiguous_name_raises():
    data = copy.deepcopy(DATA)
    data["compounds"][1]["names"]["en"].append("oxide")  # hydroxide entry claims "oxide" too
    with pytest.raises(ValueError, match=r"compounds\[1\].*'magnesium:oxide'"):
        CompoundTable.from_data(data)


def test_not_a_mapping_raises():
    with pytest.raises(ValueError, match="top level"):
        CompoundTable.from_data(["not", "a", "mapping"])
