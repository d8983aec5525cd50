"""Every rule's own examples: each failing text must produce the rule, each passing text not."""

from __future__ import annotations

import pytest

from claimlint.rule import load_packs

_RULES = load_packs().rules


def _cases():
    for code, rule in sorted(_RULES.items()):
        for lang, cases in rule.examples.items():
            for expectation in ("fail", "pass"):
                for text in cases[expectation]:
                    yield pytest.param(code, lang, expectation, text, id=f"{code}-{lang}-{expectation}-{text[:40]}")


@pytest.mark.parametrize("code,lang,expectation,text", list(_cases()))
def test_rule_example(lint, code, lang, expectation, text):
    # A suppression rule is about other rules' findings, so it runs with every default rule.
    select = None if _RULES[code].kind == "suppression" else [code]
    codes = [d.code for d in lint(text, select=select)]
    if expectation == "fail":
        assert code in codes, f"{code} should flag ({lang}): {text!r}"
    else:
        assert code not in codes, f"{code} should not flag ({lang}): {text!r}"


def test_every_rule_has_examples_in_both_languages_or_a_reason():
    for rule in _RULES.values():
        assert rule.examples, rule.code
        for cases in rule.examples.values():
            assert cases["fail"] and cases["pass"], rule.code
