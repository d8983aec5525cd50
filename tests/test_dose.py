"""find_dose_issues: CL301 compound-mass figures, CL302 inconsistent amounts, CL303 upper limits."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from claimlint.checks.dose import DoseIssue, find_dose_issues
from claimlint.compounds import CompoundTable

ROOT = Path(__file__).parent.parent
TABLE = CompoundTable.from_data(yaml.safe_load((ROOT / "rules" / "compounds.yaml").read_text(encoding="utf-8")))
RULES = yaml.safe_load((ROOT / "rules" / "dose.yaml").read_text(encoding="utf-8"))["rules"]


def codes(text):
    return [issue.code for issue in find_dose_issues(text, TABLE)]


def only(text, code):
    issues = [issue for issue in find_dose_issues(text, TABLE) if issue.code == code]
    assert len(issues) == 1, issues
    return issues[0]


# --- the rule file ---------------------------------------------------------------------------

REQUIRED_KEYS = {"code", "name", "kind", "severity", "summary", "message", "help", "sources", "examples"}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule["code"])
def test_rule_file_format(rule):
    assert REQUIRED_KEYS <= set(rule)
    assert re.fullmatch(r"CL3\d\d", rule["code"])
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule["name"])
    assert rule["kind"] == "dose" and rule["severity"] in {"error", "warning", "info"}
    for lang in ("en", "tr"):
        assert len(rule["examples"][lang]["fail"]) >= 3 and len(rule["examples"][lang]["pass"]) >= 3


def _examples():
    for rule in RULES:
        for lang, sets in rule["examples"].items():
            for outcome in ("fail", "pass"):
                for text in sets[outcome]:
                    yield pytest.param(rule, outcome, text, id=f"{rule['code']}-{lang}-{outcome}-{text[:30]}")


@pytest.mark.parametrize("rule, outcome, text", list(_examples()))
def test_rule_examples(rule, outcome, text):
    assert (rule["code"] in codes(text)) == (outcome == "fail")


@pytest.mark.parametrize("rule, outcome, text", [p for p in _examples() if p.values[1] == "fail"])
def test_messages_fill_from_fields(rule, outcome, text):
    issue = only(text, rule["code"])
    rule["message"].format(**issue.fields)
    rule["help"].format(**issue.fields)


# --- CL301 ---------------------------------------------------------------------------------

def test_seed_sentence_flags_the_salt_and_not_the_elemental_figure():
    text = ("Bir ürünün 1000 mg magnezyum glisinat içermesi, 1000 mg elemental magnezyum aldığı "
            "anlamına gelmez.")
    issue = only(text, "CL301")
    assert codes(text) == ["CL301"]
    assert (issue.start, issue.end) == (11, 37)
    assert issue.fields == {
        "figure": "1000 mg magnezyum glisinat", "compound": "magnezyum glisinat", "element": "magnezyum",
        "elemental": "141 mg", "percent": "14.1", "lang": "tr",
    }


@pytest.mark.parametrize(
    "text, figure, elemental",
    [
        ("1000 mg magnesium glycinate", "1000 mg magnesium glycinate", "141 mg"),
        ("magnezyum sitrat 500 mg", "magnezyum sitrat 500 mg", "59–81 mg"),
        ("Take 500 mg of magnesium citrate.", "500 mg of magnesium citrate", "59–81 mg"),
        ("Magnezyum bisglisinat (1.000 mg) içerir.", "Magnezyum bisglisinat (1.000 mg)", "141 mg"),
        ("| Magnesium citrate | 500 mg |", "Magnesium citrate | 500 mg", "59–81 mg"),
        ("Magnesium citrate: 500 mg", "Magnesium citrate: 500 mg", "59–81 mg"),
        ("200–400 mg magnesium glycinate", "200–400 mg magnesium glycinate", "28–56 mg"),
        ("1000 mg magnesium oxide", "1000 mg magnesium oxide", "603 mg"),
        ("1 g magnezyum oksit", "1 g magnezyum oksit", "603 mg"),
        ("Magnezyum glisinatın 1000 mg'ı", "Magnezyum glisinatın 1000 mg", "141 mg"),
        ("MAGNEZYUM SİTRATI 1.000 MG", "MAGNEZYUM SİTRATI 1.000 MG", "119–162 mg"),
        ("çinko oksidin 30 mg'ı", "çinko oksidin 30 mg", "24 mg"),
        ("50 mg zinc gluconate", "50 mg zinc gluconate", "7.2 mg"),
        ("200 µg L-selenomethionine", "200 µg L-selenomethionine", "81 µg"),
        ("0.2 mg sodium selenite", "0.2 mg sodium selenite", "91 µg"),
        ("220 mg zinc sulfate heptahydrate", "220 mg zinc sulfate heptahydrate", "50 mg"),
        ("325 mg ferrous sulfate", "325 mg ferrous sulfate", "65–119 mg"),
        ("A 500 mg tablet of magnesium citrate.", "500 mg tablet of magnesium citrate", "59–81 mg"),
        ("Magnesium oxide 20 g", "Magnesium oxide 20 g", "12 g"),
    ],
)
def test_compound_mass_figures(text, figure, elemental):
    issue = only(text, "CL301")
    assert text[issue.start:issue.end] == figure == issue.fields["figure"]
    assert issue.fields["elemental"] == elemental


def test_fields_use_the_language_of_the_text():
    en = only("1000 mg magnesium glycinate", "CL301").fields
    tr = only("1000 mg magnezyum glisinat", "CL301").fields
    assert (en["element"], en["lang"]) == ("magnesium", "en")
    assert (tr["element"], tr["lang"]) == ("magnezyum", "tr")


def test_name_shared_by_both_languages_takes_the_language_of_the_text():
    assert only("Her kapsülde 2.000 mg Magtein bulunur.", "CL301").fields["element"] == "magnezyum"
    assert only("Each capsule holds 2,000 mg Magtein.", "CL301").fields["element"] == "magnesium"


def test_offsets_survive_dotted_capital_i():
    text = "İÇİNDEKİLER: İİİ 1.000 mg magnezyum glisinat"
    issue = only(text, "CL301")
    assert text[issue.start:issue.end] == "1.000 mg magnezyum glisinat"
    assert issue.start == text.index("1.000")


@pytest.mark.parametrize(
    "text",
    [
        "400 mg magnesium",
        "350 mg magnezyum",
        "141 mg elemental magnesium",
        "1000 mg elemental magnezyum",
        "141 mg elementel magnezyum",
        "Magnesium (as magnesium glycinate) 200 mg",
        "Magnezyum (magnezyum glisinat olarak) 200 mg",
        "Magnezyum (bisglisinat formunda) 150 mg",
        "| Magnesium (as magnesium citrate) | 200 mg |",
        "400 mg magnesium from magnesium citrate",
        "Bu ürün magnezyum sitrattan 200 mg magnezyum sağlar.",
        "providing 141 mg magnesium",
        "Kapsül 141 mg elementel magnezyum sağlar.",
        "1000 mg magnesium glycinate (141 mg elemental magnesium)",
        "1000 mg magnesium glycinate (141 mg)",
        "1000 mg magnesium glycinate, providing about 141 mg",
        "1000 mg magnezyum glisinat 141 mg sağlar.",
        "1000 mg magnezyum glisinattan 141 mg magnezyum elde edilir.",
        "141 mg elemental magnesium from 1000 mg magnesium glycinate",
        "141 mg elementel magnezyum (1000 mg magnezyum glisinattan)",
        "| Magnesium citrate | 500 mg | 81 mg |",
        "Magnesium citrate provides magnesium.",
        "Magnezyum sitratın yaklaşık %16'sı magnezyumdur.",
        "500 mg iron oxide",  # a salt the table does not list: no guess
        "The 2019 study enrolled 120 participants.",
        "Serum magnesium of 0.7 mmol/L",
        "Fasting glucose of 90 mg/dL",
        "See page 12.",
        "Vitamin D3 1,000 IU",
    ],
)
def test_not_compound_mass(text):
    assert codes(text) == []


def test_one_issue_per_figure():
    text = "Each capsule: 1,000 mg magnesium glycinate, 100 mg zinc gluconate and 200 µg sodium selenite."
    found = find_dose_issues(text, TABLE)
    assert [(i.code, text[i.start:i.end]) for i in found] == [
        ("CL301", "1,000 mg magnesium glycinate"),
        ("CL301", "100 mg zinc gluconate"),
        ("CL301", "200 µg sodium selenite"),
    ]
    assert found[2].fields["elemental"] == "91 µg"


def test_issue_type():
    issue = only("500 mg magnesium citrate", "CL301")
    assert isinstance(issue, DoseIssue)
    with pytest.raises(AttributeError):
        issue.code = "CL302"


# --- CL302 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, stated, expected",
    [
        ("1000 mg magnesium glycinate provides 400 mg of elemental magnesium.", "400 mg", "141 mg"),
        ("Buffered magnesium glycinate 1,000 mg provides 200 mg of magnesium.", "200 mg", "141 mg"),
        ("1000 mg magnesium glycinate provides 100 mg of magnesium.", "100 mg", "141 mg"),
        ("500 mg magnezyum oksit (450 mg elementel magnezyum) içerir.", "450 mg", "302 mg"),
        ("Kalsiyum karbonat 1.250 mg = 800 mg kalsiyum.", "800 mg", "500 mg"),
        ("Magnezyum sitrat 1.000 mg (yaklaşık 60 mg elementel magnezyum).", "60 mg", "119–162 mg"),
        ("| Zinc gluconate | 50 mg | 25 mg zinc |", "25 mg", "7.2 mg"),
        ("141 mg elemental magnesium from 500 mg magnesium glycinate", "141 mg", "70 mg"),
    ],
)
def test_inconsistent_elemental_amounts(text, stated, expected):
    issue = only(text, "CL302")
    assert (issue.fields["stated"], issue.fields["expected"]) == (stated, expected)
    assert "CL301" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "1000 mg magnesium glycinate provides 141 mg of elemental magnesium.",
        "1000 mg magnezyum sitrat yaklaşık 162 mg elementel magnezyum sağlar.",
        "1000 mg magnesium citrate (119 mg elemental magnesium)",  # the nonahydrate
        "325 mg ferrous sulfate, equivalent to 65 mg of iron.",  # the heptahydrate
        "220 mg zinc sulfate (50 mg elemental zinc)",
        "2,000 mg magnesium L-threonate (144 mg elemental magnesium)",  # Magtein label, within 25 %
    ],
)
def test_consistent_elemental_amounts(text):
    assert codes(text) == []


def test_amount_above_ceiling_is_impossible_even_within_tolerance():
    # 150 mg is within 25 % of 141 mg but more than pure glycinate can hold.
    assert codes("1000 mg magnesium glycinate (150 mg elemental magnesium)") == ["CL302"]
    # Rounding up by a milligram is not.
    assert codes("1000 mg magnesium glycinate (142 mg elemental magnesium)") == []


def test_named_hydrate_is_checked_against_that_form_only():
    assert codes("220 mg zinc sulfate heptahydrate (50 mg elemental zinc)") == []
    assert codes("220 mg zinc sulfate heptahydrate (89 mg elemental zinc)") == ["CL302"]


def test_cl302_span_covers_both_figures():
    text = "Zinc gluconate 50 mg (25 mg zinc) per tablet."
    issue = only(text, "CL302")
    assert text[issue.start:issue.end] == "Zinc gluconate 50 mg (25 mg zinc)"


# --- CL303 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, amount, limit, authority",
    [
        ("Take 600 mg of magnesium daily.", "600 mg", "250 mg", "EU UL 250 mg and US UL 350 mg"),
        ("Take 300 mg of magnesium a day.", "300 mg", "250 mg", "EU UL 250 mg"),
        ("Günde 500 mg magnezyum alın.", "500 mg", "250 mg", "EU UL 250 mg and US UL 350 mg"),
        ("Gün başına 30 mg çinko.", "30 mg", "25 mg", "EU UL 25 mg"),
        ("Provides 50 mg zinc per day.", "50 mg", "25 mg", "EU UL 25 mg and US UL 40 mg"),
        ("Günlük 60 mg demir içeren formül.", "60 mg", "40 mg", "EU safe level 40 mg and US UL 45 mg"),
        ("Take 500 µg of selenium a day.", "500 µg", "255 µg", "EU UL 255 µg and US UL 400 µg"),
        ("Take 3,000 mg of calcium daily.", "3000 mg", "2500 mg", "US UL 2500 mg and EU UL 2500 mg"),
        ("Magnesium 200–400 mg per day", "200–400 mg", "250 mg", "EU UL 250 mg and US UL 350 mg"),
        ("Take 3000 mg magnesium citrate daily.", "357 mg", "250 mg", "EU UL 250 mg and US UL 350 mg"),
        ("3000 mg magnesium citrate daily (about 485 mg)", "485 mg", "250 mg", "EU UL 250 mg and US UL 350 mg"),
    ],
)
def test_daily_amounts_above_the_limit(text, amount, limit, authority):
    issue = only(text, "CL303")
    assert (issue.fields["amount"], issue.fields["limit"], issue.fields["authority"]) == (amount, limit, authority)


@pytest.mark.parametrize(
    "text",
    [
        "Take 200 mg of magnesium daily with food.",
        "Each capsule contains 400 mg of magnesium.",  # not a daily amount
        "Do not take more than 400 mg of magnesium per day from supplements.",
        "Günlük 1000 mg elemental magnezyum alınmamalıdır.",
        "Günde 350 mg magnezyumu aşmayın.",
        "Adults need 310–420 mg of magnesium a day.",
        "Önerilen günlük alım 310–320 mg magnezyumdur.",
        "Take 4,700 mg of potassium a day.",  # no upper limit
        "Take 25 mg of zinc a day.",  # at the limit is not above it
        "Take 255 µg of selenium a day.",
    ],
)
def test_daily_amounts_not_above_the_limit(text):
    assert "CL303" not in codes(text)


def test_daily_word_applies_to_its_own_sentence_only():
    assert "CL303" not in codes("Take 600 mg of magnesium. Then rest daily.")
    assert codes("Daily, take 600 mg of magnesium.") == ["CL303"]


def test_paired_salt_and_elemental_figure_count_once():
    text = "Take 3000 mg magnesium citrate daily, providing 485 mg of magnesium."
    assert codes(text) == ["CL303"]
    assert text[only(text, "CL303").start:only(text, "CL303").end] == "485 mg of magnesium"


# --- the labelled corpus -------------------------------------------------------------------

_MARKER = re.compile(r"\s*<!--\s*expect:([^>]*)-->\s*$")


def _corpus_lines():
    for path in sorted((ROOT / "corpora" / "doses").glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield pytest.param(line, id=f"{path.name}:{number}")


@pytest.mark.parametrize("line", list(_corpus_lines()))
def test_corpus_line(line):
    marker = _MARKER.search(line)
    expected = Counter(marker.group(1).split()) if marker else Counter()
    text = line[:marker.start()] if marker else line
    assert Counter(codes(text)) == expected


def test_corpus_has_enough_figures():
    from claimlint.quantity import find_quantities

    text = "\n".join(p.values[0] for p in _corpus_lines())
    assert sum(q.unit != "iu" for q in find_quantities(text)) >= 120
