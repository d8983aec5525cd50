"""Output formats. Each formatter turns diagnostics into the text written to stdout."""

from __future__ import annotations

from collections.abc import Callable

from ..diagnostic import Diagnostic
from . import github, json_format, sarif, text

FORMATTERS: dict[str, Callable[[list[Diagnostic]], str]] = {
    "text": text.render,
    "json": json_format.render,
    "github": github.render,
    "sarif": sarif.render,
}
