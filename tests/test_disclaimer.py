"""The FDA disclaimer family (CL2xx), end to end: parse → analyze → DisclaimerCheck → diagnostics."""

import re
from pathlib import Path

import pytest
import yaml

from claimlint.checks.disclaimer import DisclaimerCheck
from claimlint.document import parse
from claimlint.language import LanguageModel, analyze
from claimlint.linter import Linter
from claimlint.rule import load_packs

ROOT = Path(__file__).parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "magnesium-l-threonate-sleep.tr.txt"
RULES = yaml.safe_load((ROOT / "rules" / "disclaimer.yaml").read_text(encoding="utf-8"))["rules"]
KNOWLEDGE = load_packs()
LINTER = Linter(KNOWLEDGE, KNOWLEDGE.selected(["CL2"], []))
ENGINE = Linter(KNOWLEDGE, KNOWLEDGE.selected([], []))

EN_ONE = "This statement has not been evaluated by the Food and Drug Administration."
EN_MANY = "These statements have not been evaluated by the Food and Drug Administration."
EN_TWO = "This product is not intended to diagnose, treat, cure, or prevent any disease."
TR_ONE = "Bu beyan Gıda ve İlaç İdaresi tarafından değerlendirilmemiştir."
TR_MANY = "Bu beyanlar Gıda ve İlaç İdaresi tarafından değerlendirilmemiştir."
TR_TWO = "Bu ürün herhangi bir hastalığı teşhis etmek, tedavi etmek, iyileştirmek veya önlemek için tasarlanmamıştır."


def lint(text, fmt="markdown", linter=LINTER):
    return linter.lint(parse(text, "x.md", fmt))


def codes(text, fmt="markdown"):
    return [d.code for d in lint(text, fmt)]


def only(text, code, fmt="markdown"):
    found = [d for d in lint(text, fmt) if d.code == code]
    assert len(found) == 1, [(d.code, d.message) for d in lint(text, fmt)]
    return found[0]


def findings(text, fmt="markdown"):
    """Raw findings with their fields (what a later --fix will read)."""
    model = LanguageModel.from_data(KNOWLEDGE.data["context"])
    blocks = analyze(parse(text, "x.md", fmt).blocks, model, None)
    rules = [r for r in KNOWLEDGE.rules.values() if r.kind == "disclaimer"]
    return DisclaimerCheck(rules, KNOWLEDGE).run(blocks)


# --- the rule file ---------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule["code"])
def test_rule_file_format(rule):
    assert {"code", "name", "kind", "severity", "summary", "message", "help", "sources", "examples", "check"} <= set(rule)
    assert re.fullmatch(r"CL2\d\d", rule["code"]) and rule["kind"] == "disclaimer"
    assert rule["check"] in {"missing", "symbol", "number", "altered", "orphan", "scope"}
    for lang in ("en", "tr"):
        assert rule["examples"][lang]["fail"] and rule["examples"][lang]["pass"]


def test_every_code_is_loaded():
    assert [c for c in sorted(KNOWLEDGE.rules) if c.startswith("CL2")] == [f"CL20{i}" for i in range(1, 7)]


def _examples():
    for rule in RULES:
        for lang, sets in rule["examples"].items():
            for outcome in ("fail", "pass"):
                for text in sets[outcome]:
                    yield pytest.param(rule["code"], outcome, text, id=f"{rule['code']}-{lang}-{outcome}-{text[:25]}")


@pytest.mark.parametrize("code, outcome, text", list(_examples()))
def test_rule_examples_whole_engine(code, outcome, text):
    diagnostics = lint(text, linter=ENGINE)
    assert (code in [d.code for d in diagnostics]) == (outcome == "fail")
    for d in diagnostics:
        assert not re.search(r"\{[a-z_]+\}", d.message + d.help), d.message


# --- marked claims and the Markdown traps ------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    ["Supports restful sleep*", "Supports restful sleep.*", "Supports restful sleep*.", "Supports restful sleep.†",
     "Supports restful sleep.‡", "Supports restful sleep.**", "Supports restful sleep.\\*", "Supports “restful” sleep.”*"],
)
def test_symbol_at_the_end_marks_a_claim(claim):
    assert codes(claim) == ["CL201"]


@pytest.mark.parametrize(
    "text",
    [
        "Take *two* capsules in the evening.",  # emphasis is removed by the parser
        "Take **two** capsules in the evening.",  # so is bold
        "* Two capsules\n* A glass of water",  # bullets
        "- Two capsules\n- Three capsules",
        "A 2 * 3 tray holds six capsules.",  # multiplication, mid-sentence
        "Magnesium* supports restful sleep.",  # a symbol inside the sentence is not at its end
        "| Nutrient | Amount |\n|---|---|\n| Magnesium | 144 mg† |\n| Zinc | 10 mg* |",  # Daily Value marks
        "[^1]: Manufacturer data on restful sleep.*",  # footnote definition
        "Daily Value is 25%*",
        "Now only $19.99*",  # a price footnote
    ],
)
def test_markdown_traps_are_not_claims(text):
    assert codes(text) == []


def test_table_cell_claim_counts():
    assert codes("| Benefit |\n|---|\n| Supports restful sleep* |") == ["CL201"]


def test_list_items_are_claims_in_turkish():
    d = only("- Sakin bir akşamı destekler*\n- Uykuya geçişe katkıda bulunur*", "CL201")
    assert d.severity == "error" and "*Bu beyanlar" in d.message and "(2 in the document)" in d.message


def test_missing_points_at_the_first_marked_claim():
    d = only("Intro without a mark.\n\nSecond paragraph supports calm.* More text.\n\nAnd sleep.*", "CL201")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 1, 3, 33)
    assert f"*{EN_MANY} {EN_TWO}" in d.message


def test_plain_text_star_list_marker_is_not_a_symbol():
    text = f"Supports restful sleep.†\n* {EN_ONE} {EN_TWO}"
    assert codes(text, "text") == []


# --- disclaimer present: placement, symbol, number ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Supports restful sleep.*\n\n*{EN_ONE} {EN_TWO}",
        f"Supports restful sleep.*\n\n*{EN_ONE}\n\n{EN_TWO}",  # split over two blocks
        f"Supports restful sleep.* *{EN_ONE} {EN_TWO}",  # same paragraph as the claim
        f"Supports restful sleep.*\n\n*{EN_ONE} {EN_TWO}*",  # Markdown emphasis: italic disclaimer
        f"Supports restful sleep.*\n\n**{EN_ONE} {EN_TWO}**",  # bold, as 101.93(e) asks
        f"Supports restful sleep.*\n\n\\*{EN_ONE} {EN_TWO}",  # escaped star
        f"Supports restful sleep.*\n\nDisclaimer: *{EN_ONE} {EN_TWO}",
        f"Supports restful sleep.*\n\n*Disclaimer: {EN_ONE} {EN_TWO}",
        f"Supports restful sleep.*\n\n{EN_ONE} {EN_TWO}",  # no leading symbol: accepted
        f"Supports restful sleep.*\n\n*{EN_ONE} {EN_TWO.replace('cure, or', 'cure or')}",  # serial comma
        f"Uykuya geçişi destekler.*\n\n† {TR_ONE} {TR_TWO}".replace("†", "*"),
        f"Uykuya geçişi destekler.†\n\n† {TR_ONE} {TR_TWO}",
    ],
)
def test_compliant_disclaimers(text):
    assert codes(text) == []


def test_symbol_mismatch_spells_out_the_symbol():
    d = only(f"Supports restful sleep.†\n\nHelps muscles relax.†\n\n*{EN_MANY} {EN_TWO}", "CL202")
    assert "starts with '*'" in d.message and "'†'" in d.message and f"\"†{EN_MANY}" in d.message
    assert (d.line, d.column, d.end_column) == (5, 1, 2)  # the symbol itself


def test_no_symbol_on_disclaimer_never_reports_a_mismatch():
    assert "CL202" not in codes(f"Supports restful sleep.‡\n\n{EN_ONE} {EN_TWO}")


@pytest.mark.parametrize(
    "text, found, wanted",
    [
        (f"Supports restful sleep.*\n\n*{EN_MANY} {EN_TWO}", "plural", "singular"),
        (f"Supports restful sleep.*\n\nHelps muscles relax.*\n\n*{EN_ONE} {EN_TWO}", "singular", "plural"),
        (f"Uykuyu destekler.*\n\n{TR_MANY} {TR_TWO}", "plural", "singular"),
        (f"Uykuyu destekler.*\n\nKasları gevşetir.*\n\n{TR_ONE} {TR_TWO}", "singular", "plural"),
        (f"Uykuyu destekler.*\n\n{TR_MANY.replace('beyanlar', 'ifadeler')} {TR_TWO}", "plural", "singular"),
        (f"Uykuyu destekler.*\n\nKasları gevşetir.*\n\n{TR_ONE.replace('beyan', 'iddia')} {TR_TWO}", "singular", "plural"),
    ],
)
def test_number_mismatch(text, found, wanted):
    d = only(text, "CL203")
    assert d.severity == "warning" and f"is {found}" in d.message and f"the {wanted} form" in d.message


def test_number_matches_in_turkish_variants():
    assert codes(f"Uykuyu destekler.*\n\nKasları gevşetir.*\n\n{TR_MANY.replace('beyanlar', 'ifadeler')} {TR_TWO}") == []
    assert codes(f"Uykuyu destekler.*\n\n{TR_ONE.replace('beyan', 'iddia')} {TR_TWO}") == []


# --- altered disclaimers (near misses) ---------------------------------------------------------


@pytest.mark.parametrize(
    "disclaimer, difference",
    [
        (f"{EN_ONE} {EN_TWO.replace('treat, ', '')}", "missing 'treat'"),
        (f"{EN_ONE.replace('Food and Drug Administration', 'FDA')} {EN_TWO}", "'FDA' instead of 'Food and Drug Administration'"),
        (f"{EN_ONE.replace('evaluated', 'approved')} {EN_TWO}", "'approved' instead of 'evaluated'"),
        (f"{EN_ONE} {EN_TWO.replace('This product is', 'These products are')}", "'These products are' instead of 'This product is'"),
        (EN_ONE, f"missing the sentence '{EN_TWO}'"),
        (EN_TWO, f"missing the sentence '{EN_ONE}'"),
        (f"{EN_ONE} {EN_TWO.replace('treat,', 'mitigate, treat,')}", "extra 'mitigate'"),
        (f"{TR_ONE.replace('değerlendirilmemiştir', 'onaylanmamıştır')} {TR_TWO}", "'onaylanmamıştır' instead of 'değerlendirilmemiştir'"),
        (f"{TR_ONE} {TR_TWO.replace('tedavi etmek, ', '')}", "missing 'tedavi etmek'"),
        (f"{TR_ONE.replace('Gıda ve İlaç İdaresi', 'T.C. Sağlık Bakanlığı')} {TR_TWO}", "'T.C. Sağlık Bakanlığı' instead of 'Gıda ve İlaç İdaresi'"),
        (f"{TR_ONE} {TR_TWO.replace('Bu ürün', 'Bu ürünler')}", "'ürünler' instead of 'ürün'"),
        (TR_ONE, f"missing the sentence '{TR_TWO}'"),
    ],
)
def test_altered_disclaimer_names_the_difference(disclaimer, difference):
    text = f"Supports restful sleep.*\n\n*{disclaimer}"
    d = only(text, "CL204")
    assert d.severity == "error" and difference in d.message, d.message
    assert "CL201" not in codes(text)  # altered, not missing


def test_altered_message_gives_the_text_to_write():
    d = only(f"Uykuyu destekler.†\n\nKasları gevşetir.†\n\n† {TR_MANY.replace('değerlendirilmemiştir', 'onaylanmamıştır')} {TR_TWO}", "CL204")
    assert f"\"†{TR_MANY} {TR_TWO}\"" in d.message


def test_near_miss_note_explains_why():
    d = only(f"Sleep.*\n\n*{EN_ONE.replace('Food and Drug Administration', 'FDA')} {EN_TWO}", "CL204")
    assert "spells the agency out" in d.message


@pytest.mark.parametrize(
    "disclaimer",
    [
        f"{TR_ONE.replace('Gıda ve İlaç İdaresi', 'FDA')} {TR_TWO}",  # bare FDA is accepted in Turkish
        f"{TR_ONE.replace('Gıda ve İlaç İdaresi', 'ABD Gıda ve İlaç Dairesi')} {TR_TWO.replace('için', 'amacıyla')}",
        f"{TR_ONE.replace('değerlendirilmemiştir', 'incelenmemiştir')} {TR_TWO}",
        f"{TR_ONE} {TR_TWO.replace('için tasarlanmamıştır', 'amaçlanmamıştır')}",
        f"{TR_ONE} Bu ürün herhangi bir hastalığın teşhisi, tedavisi, iyileştirilmesi veya önlenmesi amacıyla tasarlanmamıştır.",
        f"{EN_ONE.replace('the Food', 'the U.S. Food')} {EN_TWO}",
    ],
)
def test_accepted_variants(disclaimer):
    lang_claim = "Uykuyu destekler.*" if disclaimer.startswith("Bu") else "Supports sleep.*"
    assert codes(f"{lang_claim}\n\n*{disclaimer}") == []


@pytest.mark.parametrize(
    "text",
    [
        "Supports restful sleep.*\n\nThis product is not intended for children under 12.",
        "Supports restful sleep.*\n\nThis product has been evaluated in two clinical studies.",
        "Uykuyu destekler.*\n\nTakviye edici gıdalar ilaç değildir. Hastalıkların önlenmesi veya tedavi edilmesi amacıyla kullanılmaz.",
        "Uykuyu destekler.*\n\nBu ürün Tarım ve Orman Bakanlığı tarafından onaylanmıştır.",
    ],
)
def test_ordinary_sentences_are_not_disclaimers(text):
    assert codes(text) == ["CL201"]


def test_bilingual_interleaved_disclaimers():
    text = f"Supports sleep.*\n\nUykuyu destekler.*\n\n{EN_MANY}\n{TR_MANY}\n{EN_TWO}\n{TR_TWO}"
    assert codes(text) == []


# --- orphan and scope ----------------------------------------------------------------------------


def test_orphan_disclaimer_is_info():
    d = only(f"Magnesium supports restful sleep.\n\n{EN_MANY} {EN_TWO}", "CL205")
    assert d.severity == "info"
    assert only(f"Magnezyum uykuyu destekler.\n\n{TR_MANY} {TR_TWO}", "CL205").line == 3


def page(title, claim, disclaimer=""):
    return f"# {title}\n\n{claim}\n\n{disclaimer}\n\n"


def test_section_without_disclaimer_in_a_paged_document():
    text = page("One", "Supports sleep.*", f"*{EN_ONE} {EN_TWO}") + page("Two", "Supports focus.*", f"*{EN_ONE} {EN_TWO}")
    text += page("Three", "Supports recovery.*")
    d = only(text, "CL206")
    assert d.line == 15 and "this section" in d.message and f"*{EN_ONE}" in d.message
    assert "CL201" not in codes(text)


def test_sections_in_plain_text_are_split_by_rules():
    text = f"Uykuyu destekler.*\n{TR_ONE} {TR_TWO}\n\n---\n\nOdaklanmayı destekler.*\n{TR_ONE} {TR_TWO}\n\n---\n\nKasları gevşetir.*"
    assert codes(text, "text") == ["CL206"]


def test_one_disclaimer_covers_a_document_with_many_headings():
    text = page("One", "Supports sleep.*") + page("Two", "Supports focus.*", f"*{EN_MANY} {EN_TWO}")
    assert codes(text) == []


def test_footer_after_a_rule_covers_the_page_before():
    text = page("One", "Supports sleep.*") + "---\n\n" + f"*{EN_ONE} {EN_TWO}\n\n"
    text += page("Two", "Supports focus.*") + "---\n\n" + f"*{EN_ONE} {EN_TWO}\n"
    assert codes(text) == []


def test_missing_everywhere_is_one_missing_not_scope():
    assert codes(page("One", "Supports sleep.*") + page("Two", "Supports focus.*")) == ["CL201"]


def test_number_is_counted_per_section_in_a_paged_document():
    text = page("One", "Supports sleep.*", f"*{EN_ONE} {EN_TWO}") + page("Two", "Supports focus.*\n\nAnd calm.*", f"*{EN_ONE} {EN_TWO}")
    assert codes(text) == ["CL203"]


def test_markdown_thematic_break_splits_sections():
    text = f"Sleep.*\n\n*{EN_ONE} {EN_TWO}\n\n---\n\nFocus.*\n\n*{EN_ONE} {EN_TWO}\n\n---\n\nRecovery.*"
    assert codes(text) == ["CL206"]


# --- fields for a later --fix, and data-only translations ----------------------------------------


def test_fields_carry_what_a_fix_needs():
    (finding,) = findings("Uykuyu destekler.†\n\nKasları gevşetir.†")
    assert finding.code == "CL201"
    assert finding.fields["expected"] == f"†{TR_MANY} {TR_TWO}"
    assert (finding.fields["symbol"], finding.fields["lang"], finding.fields["number"]) == ("†", "tr", "plural")
    assert finding.fields["insert_after_block"] == "1"
    (altered,) = findings(f"Sleep.*\n\n*{EN_ONE}\n\n{EN_TWO.replace('treat, ', '')}")
    assert (altered.block_index, altered.fields["end_block"]) == (1, "2")


def test_a_translation_is_data_only(tmp_path):
    (tmp_path / "disclaimers.yaml").write_text(
        "languages:\n  de:\n"
        "    singular: 'Diese Aussage wurde von der Food and Drug Administration nicht bewertet. Dieses Produkt ist nicht dazu bestimmt, eine Krankheit zu diagnostizieren, zu behandeln, zu heilen oder zu verhindern.'\n"
        "    plural: 'Diese Aussagen wurden von der Food and Drug Administration nicht bewertet. Dieses Produkt ist nicht dazu bestimmt, eine Krankheit zu diagnostizieren, zu behandeln, zu heilen oder zu verhindern.'\n"
        "    number: {singular: [Aussage], plural: [Aussagen]}\n"
        "    anchors: [nicht bewertet, nicht dazu bestimmt]\n",
        encoding="utf-8",
    )
    knowledge = load_packs([tmp_path])
    linter = Linter(knowledge, knowledge.selected(["CL2"], []))
    good = "Unterstützt den Schlaf.*\n\n*Diese Aussage wurde von der Food and Drug Administration nicht bewertet. Dieses Produkt ist nicht dazu bestimmt, eine Krankheit zu diagnostizieren, zu behandeln, zu heilen oder zu verhindern."
    assert lint(good, linter=linter) == []
    altered = [d for d in lint(good.replace("zu behandeln, ", ""), linter=linter)]
    assert [d.code for d in altered] == ["CL204"] and "missing 'zu behandeln'" in altered[0].message


# --- the real Turkish seed -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} not found")
    return SEED.read_text(encoding="utf-8")


def test_seed_is_clean(seed):
    assert [d for d in lint(seed, "text") if d.severity == "error"] == []
    assert lint(seed, "text") == []


def test_seed_without_disclaimer_is_one_missing(seed):
    text = "\n".join(line for line in seed.split("\n") if not line.startswith("Bu beyanlar"))
    diagnostics = lint(text, "text")
    assert [(d.code, d.severity) for d in diagnostics] == [("CL201", "error")]
    assert "*Bu beyanlar Gıda ve İlaç İdaresi" in diagnostics[0].message


def test_seed_with_one_mark_reports_the_plural(seed):
    first = seed.index("*") + 1
    text = seed[:first] + seed[first:].replace("*", "")
    d = only(text, "CL203", "text")
    assert "is plural" in d.message and "1 marked claim" in d.message and f"\"*{TR_ONE}" in d.message


def test_claims_with_a_symbol_no_disclaimer_answers_are_missing_their_disclaimer():
    text = f"Supports restful sleep.*\n\nSupports muscle function.†\n\n*{EN_ONE} {EN_TWO}"
    diagnostics = lint(text)
    assert [d.code for d in diagnostics] == ["CL201"]
    assert "'†'" in diagnostics[0].message and diagnostics[0].line == 3
