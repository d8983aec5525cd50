"""The whole linter runs on odd input without crashing: every CommonMark spec example, HTML
fragments and plain text with every rule enabled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

COMMONMARK = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "commonmark-spec-0.31.2.json"


@pytest.mark.skipif(not COMMONMARK.exists(), reason="CommonMark examples not available")
@pytest.mark.parametrize("fmt,path", [("markdown", "x.md"), ("html", "x.html"), ("text", "x.txt")])
def test_every_commonmark_example_lints_in_every_format(lint, fmt, path):
    examples = json.loads(COMMONMARK.read_text(encoding="utf-8"))["examples"]
    for example in examples:
        for diagnostic in lint(example["markdown"], fmt=fmt, path=path):
            assert diagnostic.line >= 1 and diagnostic.column >= 1
            assert (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "*",
        "* * *",
        "†‡*",
        "İ" * 500,
        "a\u0307\u0307\u0307 b",
        "\u0308 başsız işaret",
        "😀 " * 200 + "kanser",
        "mg mg 1000 mg mg",
        "1.000.000,5 mg magnezyum glisinat",
        "<!-- claimlint-disable",
        "# \n## \n### ?",
    ],
)
def test_odd_texts(lint, text):
    for fmt, path in (("markdown", "x.md"), ("text", "x.txt"), ("html", "x.html")):
        lint(text, fmt=fmt, path=path)
