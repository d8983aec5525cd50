"""The match key: a case- and diacritic-folded copy of text with the same length.

Turkish text cannot be lower-cased with ``str.lower()``: ``"İ".lower()`` is two code points
(which shifts every later offset) and ``"I".lower()`` is ``i`` where Turkish wants ``ı``.
Lexicons are therefore matched against a *key* in which every letter is folded to lower-case
ASCII where it has an ASCII base (İ, I, ı, i → i; ç → c; ğ → g; ö → o; ş → s; ü → u; é → e …)
apostrophes are unified, and quotation marks and all white space become plain spaces. The same folding is applied to lexicon terms and cue patterns, so
"uykusuzluğu", "UYKUSUZLUĞU" and ASCII-folded "uykusuzlugu" all match one stem.

Block texts are composed (NFC, see ``document.compose``) before they are keyed, so folding
maps one character to one character and a match offset in the key is an offset in the text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘`´ʼ"
# Quotation marks and every kind of space are word gaps: "“tedavi” edilemez" reads as a phrase,
# and lexicon patterns need only match plain spaces between words.
_GAPS = '"“”«»„‟'


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """Fold one character to its key form: one character ('' only for a combining mark)."""
    if char in _APOSTROPHES:
        return "'"
    if char in _GAPS or char.isspace():
        return " "
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
    """The match key of ``text``; same length as ``text`` when it has no combining marks."""
    return text.translate(_TABLE)
