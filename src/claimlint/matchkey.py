"""The match key: a case- and diacritic-folded copy of text that keeps every offset.

Turkish text cannot be lower-cased with ``str.lower()``: ``"İ".lower()`` is two code points
(which shifts every later offset) and ``"I".lower()`` is ``i`` where Turkish wants ``ı``.
Lexicons are therefore matched against a *key* in which every letter is folded to lower-case
ASCII where it has an ASCII base (İ, I, ı, i → i; ç → c; ğ → g; ö → o; ş → s; ü → u; é → e …),
apostrophes are unified and combining marks are dropped.  The same folding is applied to the
lexicon terms, so "uykusuzluğu", "UYKUSUZLUĞU" and ASCII-folded "uykusuzlugu" all match.

For ordinary (NFC) text the key has exactly the text's length, so a match offset in the key is
the offset in the original.  Decomposed text (combining marks, as pasted from macOS) is folded
through an index map instead.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʼ"


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Fold one character to its key form (one character, or '' for a combining mark)."""
    if char in _APOSTROPHES:
        return "'"
    if char in "İIıi":
        return "i"
    if unicodedata.combining(char):
        return ""
    base = unicodedata.normalize("NFD", char)[0]
    if base.isascii() and base.isalpha():
        return base.lower()
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict):
    """A ``str.translate`` table that folds characters on first sight and caches them."""

    def __missing__(self, codepoint: int) -> str:
        folded = fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Return the match key of ``text`` (may be shorter if ``text`` has combining marks).

    Used for lexicon terms and cue words, whose offsets do not matter.
    """
    return text.translate(_TABLE)


@dataclass(frozen=True)
class MatchKey:
    """A folded view of ``source`` with a map from key offsets back to source offsets."""

    source: str
    key: str
    # Source offset of each key character; None when the key is aligned 1:1 with the source.
    index: tuple[int, ...] | None = None

    @classmethod
    def of(cls, source: str) -> "MatchKey":
        """Build the key; fast path when folding keeps the length (no combining marks)."""
        key = source.translate(_TABLE)
        if len(key) == len(source):
            return cls(source, key)
        chars: list[str] = []
        index: list[int] = []
        for offset, char in enumerate(source):
            folded = fold_char(char)
            if folded:
                chars.append(folded)
                index.append(offset)
        return cls(source, "".join(chars), tuple(index))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a key span [start, end) to the source span it covers (with trailing marks)."""
        if self.index is None:
            return start, end
        if start >= len(self.index):
            return len(self.source), len(self.source)
        source_start = self.index[start]
        if end >= len(self.index):
            return source_start, len(self.source)
        return source_start, self.index[end]

    def to_key(self, source_offset: int) -> int:
        """Map a source offset to the first key offset at or after it."""
        if self.index is None:
            return source_offset
        return bisect_right(self.index, source_offset - 1)
