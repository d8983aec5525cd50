"""The knowledge itself: lexicons and rule files are linted like code (codespell-style)."""

from __future__ import annotations

from collections import Counter

from claimlint.matchkey import fold


def test_disease_lexicon_is_broad_in_both_languages(knowledge):
    entries = knowledge.lexicon_data["diseases"]
    assert sum(1 for e in entries if e.terms.get("en")) >= 200
    assert sum(1 for e in entries if e.terms.get("tr")) >= 200
    assert all(e.terms.get("en") and e.terms.get("tr") for e in entries), "every disease needs its EN/TR pair"


def test_no_term_is_in_two_entries_of_a_lexicon(knowledge):
    for name, entries in knowledge.lexicon_data.items():
        for lang in ("en", "tr"):
            # the same word may be both a verb and a noun ("cure"), but not two entries of one kind
            counts = Counter((entry.pos, term) for entry in entries for term in {fold(t) for t in entry.terms.get(lang, ())})
            duplicated = sorted(term for term, count in counts.items() if count > 1)
            assert not duplicated, f"{name}/{lang}: {duplicated}"


def test_entry_ids_are_unique(knowledge):
    for name, entries in knowledge.lexicon_data.items():
        ids = Counter(entry.id for entry in entries)
        assert not [i for i, n in ids.items() if n > 1], name


def test_every_rule_names_its_regulation_and_is_in_its_family(knowledge):
    families = {"suppression": "CL0", "context": "CL1", "cooccurrence": "CL1", "pattern": "CL1", "disclaimer": "CL2", "dose": "CL3"}
    for code, rule in knowledge.rules.items():
        assert rule.sources, code
        assert code.startswith(families[rule.kind]), (code, rule.kind)
        assert rule.help and rule.message and rule.summary


def test_every_lexicon_compiles_for_both_languages(knowledge):
    for name, lexicon in knowledge.lexicons.items():
        assert lexicon.languages, name
