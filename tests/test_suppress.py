"""Inline suppressions and the unused-suppression rule (CL001)."""

from __future__ import annotations

CLAIM = "Magnezyum uykusuzluğu tedavi eder."


def codes(lint, text, fmt="markdown"):
    return [(d.line, d.code) for d in lint(text, fmt=fmt, path="x.txt" if fmt == "text" else "x.md")]


def test_disable_next_line(lint):
    text = f"<!-- claimlint-disable-next-line CL101 -- quoted from a rejected ad -->\n{CLAIM}\n\n{CLAIM}\n"
    assert codes(lint, text) == [(4, "CL101")]


def test_disable_enable_range_with_prefix(lint):
    text = f"<!-- claimlint-disable CL1 -- legacy page -->\n\n{CLAIM}\n\n<!-- claimlint-enable -->\n\n{CLAIM}\n"
    assert codes(lint, text) == [(7, "CL101")]


def test_disable_without_codes_covers_every_rule_to_the_end(lint):
    text = f"<!-- claimlint-disable -->\n\n{CLAIM}\n\nKapsül başına 500 mg magnezyum sitrat.\n"
    assert codes(lint, text) == []


def test_disable_line_for_trailing_comment(lint):
    text = f"{CLAIM} <!-- claimlint-disable-line CL101 -->\n"
    assert codes(lint, text) == []


def test_plain_text_hash_directives(lint):
    text = f"# claimlint-disable-next-line CL101\n{CLAIM}\n\n{CLAIM}\n"
    assert codes(lint, text, fmt="text") == [(4, "CL101")]


def test_unused_suppression_is_reported(lint):
    text = "<!-- claimlint-disable-next-line CL101 -->\nMagnezyum normal kas fonksiyonuna katkıda bulunur.\n"
    assert codes(lint, text) == [(1, "CL001")]


def test_unused_suppression_names_unknown_codes(lint):
    diagnostics = lint("<!-- claimlint-disable-next-line CL999 -->\nMerhaba.\n")
    assert [d.code for d in diagnostics] == ["CL001"]
    assert "no rule has that code" in diagnostics[0].message


def test_wrong_code_does_not_suppress(lint):
    text = f"<!-- claimlint-disable-next-line CL301 -->\n{CLAIM}\n"
    assert sorted(codes(lint, text)) == [(1, "CL001"), (2, "CL101")]
