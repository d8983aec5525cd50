"""The document model: every character of block text maps back to its exact line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimlint.document import InputError, decode, parse

COMMONMARK = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "commonmark-spec-0.31.2.json"


def _position(document, needle: str) -> tuple[int, int]:
    """Line and column at which ``needle`` starts in the block text, via the block's mapping."""
    for block in document.blocks:
        index = block.text.find(needle)
        if index >= 0:
            return document.line_col(block.source_offset(index))
    raise AssertionError(f"{needle!r} not in any block: {[b.text for b in document.blocks]}")


def _assert_faithful(document) -> None:
    """Each block character that is not a substitute equals the source character it maps to."""
    for block in document.blocks:
        for index, char in enumerate(block.text):
            if char in " \n":
                continue
            source_char = document.source[block.source_offset(index)]
            assert source_char == char or source_char in "&", (block.text, index, char, source_char)


MARKDOWN = (
    "---\ntitle: Uykusuzluk tedavi\n---\n"
    "# Başlık **kalın**\n"
    "\n"
    "İNSÜLİN direnci `kod` ve [bağlantı metni](https://ornek.com.tr/urun?id=12) burada.\n"
    "\n"
    "- madde *bir* ve uyku kalitesi*\n"
    "\n"
    "| Mineral | Doz |\n|---|---|\n| Magnezyum \\| sitrat | 500 mg |\n"
    "\n"
    "![uykusuzluğa iyi gelir](resim.png)\n"
    "\n"
    "```\nkanseri önler\n```\n"
    "\n"
    "    girintili kod kanseri önler\n"
    "\n"
    "<!-- yorum kanseri önler -->\n"
)


def test_markdown_positions_and_masking():
    document = parse(MARKDOWN, "x.md", "markdown")
    texts = [block.text for block in document.blocks]
    assert "Başlık kalın" in texts
    assert _position(document, "İNSÜLİN") == (6, 1)
    assert _position(document, "bağlantı metni") == (6, 27)
    assert _position(document, "burada") == (6, 76)
    assert _position(document, "uyku kalitesi*") == (8, 18)
    assert _position(document, "500 mg") == (12, 25)
    assert _position(document, "uykusuzluğa") == (14, 3)
    joined = "\n".join(texts)
    for hidden in ("Uykusuzluk tedavi", "kod", "https", "kanseri önler", "yorum"):
        assert hidden not in joined
    assert "Magnezyum | sitrat" in texts
    assert [c.body.strip() for c in document.comments] == ["yorum kanseri önler"]
    _assert_faithful(document)


def test_literal_stars_survive_and_emphasis_does_not():
    document = parse("Uyku kalitesi* ve *vurgu* ile sleep.* ve \\*kaçış ve 2 * 3\n", "x.md", "markdown")
    (block,) = document.blocks
    assert block.text == "Uyku kalitesi* ve vurgu ile sleep.* ve *kaçış ve 2 * 3"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
def test_crlf_and_bom_do_not_shift_columns(newline, bom):
    source = newline.join(["# Başlık", "", "Birinci satır\tve ğüşıöç 😀 kanser.", "İkinci satır kanser."]) + newline
    data = (b"\xef\xbb\xbf" if bom else b"") + source.encode()
    text, has_bom = decode(data, "x.md")
    assert has_bom == bom
    document = parse(text, "x.md", "markdown", has_bom)
    assert _position(document, "kanser.") == (3, 27)
    assert _position(document, "İkinci") == (4, 1)
    _assert_faithful(document)


def test_combining_characters_are_composed_and_keep_columns():
    source = "U\u0308lser ve u\u0308lser kanser.\n"
    document = parse(source, "x.txt", "text")
    (block,) = document.blocks
    assert block.text.startswith("Ülser ve ülser")
    assert _position(document, "kanser") == (1, 18)


def test_html_visible_text_blocks_and_attributes():
    source = (
        "<html><head><title>Baş</title><style>.x{}</style></head><body>\n"
        "<h1>Migren &amp; uyku</h1>\n"
        "<p>Birinci <b>paragraf</b>.<script>kanser()</script></p>\n"
        "<p>İkinci <img alt=\"uykusuzluğa iyi gelir\" src=\"a.png\"> paragraf</p>\n"
        "<!-- claimlint-disable CL101 -->\n"
        "</body></html>\n"
    )
    document = parse(source, "x.html", "html")
    texts = [b.text.strip() for b in document.blocks]
    assert "Migren & uyku" in texts
    assert "Birinci paragraf." in texts
    assert "uykusuzluğa iyi gelir" in texts
    assert not any("kanser" in t or ".x{}" in t for t in texts)
    assert _position(document, "uykusuzluğa") == (4, 21)
    assert document.comments[0].body.strip() == "claimlint-disable CL101"
    kinds = {b.text.strip(): b.kind for b in document.blocks}
    assert kinds["Migren & uyku"] == "heading"


def test_plain_text_blocks_headings_and_lists():
    source = "Başlık Burada\nBirinci cümle devam\nediyor. İkinci cümle.\n- madde bir\n- madde iki\n\n# claimlint-disable CL101\nSon paragraf.\n"
    document = parse(source, "x.txt", "text")
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert ("heading", "Başlık Burada") in kinds
    assert ("paragraph", "Birinci cümle devam\nediyor. İkinci cümle.") in kinds
    assert ("list_item", "madde bir") in kinds
    assert document.comments[0].body == "claimlint-disable CL101"
    assert _position(document, "madde iki") == (5, 3)


def test_empty_file_is_fine():
    assert parse("", "x.md", "markdown").blocks == []


@pytest.mark.parametrize(
    "data,problem",
    [(b"\x00\x01\x02binary", "binary"), (b"ok\n\xff\xfe bad", "not valid UTF-8")],
)
def test_bad_bytes_raise_input_error(data, problem):
    with pytest.raises(InputError, match=problem):
        decode(data, "bad.md")


@pytest.mark.skipif(not COMMONMARK.exists(), reason="CommonMark examples not available")
def test_commonmark_spec_examples_map_exactly():
    examples = json.loads(COMMONMARK.read_text(encoding="utf-8"))["examples"]
    for example in examples:
        document = parse(example["markdown"], "x.md", "markdown")
        _assert_faithful(document)
