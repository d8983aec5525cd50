"""HTML: the visible text of a page, block by block, plus ``alt``/``title`` attributes.

Text inside script, style, code and similar elements is not linted; comments are kept for
suppression directives. ``parse_fragment`` is also used for raw HTML blocks inside Markdown.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from . import Block, Comment, TextBuilder

_SKIPPED = {"script", "style", "noscript", "template", "code", "pre", "kbd", "samp", "svg", "math", "head"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "button", "label",
}
_KINDS = {"li": "list_item", "td": "table_cell", "th": "table_cell", "title": "heading"}
_VISIBLE_ATTRIBUTES = re.compile(r"""\b(alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Extractor(HTMLParser):
    def __init__(self, source: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.builder = TextBuilder()
        self.kind = "paragraph"
        self.level = 0
        self.skip_depth = 0

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.base + self.line_starts[line - 1] + column

    def flush(self) -> None:
        if not self.builder.empty:
            self.blocks.append(self.builder.build(self.kind, self.level))
        self.builder.reset()

    def handle_starttag(self, tag: str, _attrs) -> None:
        if tag in _SKIPPED:
            self.skip_depth += tag not in _VOID
            return
        if tag in _BLOCKS:
            self.flush()
            self.kind = _KINDS.get(tag, "heading" if re.fullmatch(r"h[1-6]", tag) else "paragraph")
            self.level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0
        if not self.skip_depth:
            self._attribute_blocks(self.get_starttag_text() or "", self.source_offset())

    handle_startendtag = handle_starttag

    def _attribute_blocks(self, raw: str, start: int) -> None:
        # alt and title are read by people (screen readers, tooltips): lint them as blocks.
        for match in _VISIBLE_ATTRIBUTES.finditer(raw):
            group = next(g for g in (2, 3, 4) if match.group(g) is not None)
            attribute = TextBuilder()
            _add_with_entities(attribute, match.group(group), start + match.start(group))
            if not attribute.empty:
                self.blocks.append(attribute.build("alt"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCKS:
            self.flush()
            self.kind, self.level = "paragraph", 0

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.builder.add(data, self.source_offset())

    def handle_entityref(self, name: str) -> None:
        if not self.skip_depth:
            self.builder.add_substitute(unescape(f"&{name};"), self.source_offset())

    def handle_charref(self, name: str) -> None:
        if not self.skip_depth:
            self.builder.add_substitute(unescape(f"&#{name};"), self.source_offset())

    def handle_comment(self, data: str) -> None:
        start = self.source_offset()
        self.comments.append(Comment(start, start + len(data) + 7, data))


def _add_with_entities(builder: TextBuilder, raw: str, start: int) -> None:
    """Add attribute text, decoding entities while keeping each character's source offset."""
    position = 0
    for match in re.finditer(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);", raw):
        builder.add(raw[position : match.start()], start + position)
        builder.add_substitute(unescape(match.group()), start + match.start())
        position = match.end()
    builder.add(raw[position:], start + position)


def parse_fragment(source: str, base: int = 0) -> tuple[list[Block], list[Comment]]:
    """Blocks and comments of an HTML snippet whose first character is at offset ``base``."""
    extractor = _Extractor(source, base)
    extractor.feed(source)
    extractor.close()
    extractor.flush()
    return extractor.blocks, extractor.comments


def parse(source: str) -> tuple[list[Block], list[Comment]]:
    """Blocks and comments of a whole HTML document."""
    return parse_fragment(source, 0)
