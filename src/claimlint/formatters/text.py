"""Human output: ``path:line:col: CODE [severity] message`` and an indented help line."""

from __future__ import annotations

from collections import Counter

from ..diagnostic import Diagnostic


def render(diagnostics: list[Diagnostic]) -> str:
    """One finding per line (plus its help), then a count by severity."""
    lines = []
    for d in diagnostics:
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}")
        if d.help:
            lines.append(f"  help: {d.help}{' (fixable with --fix)' if d.fixable else ''}")
    if diagnostics:
        counts = Counter(d.severity for d in diagnostics)
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
        lines.append(f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} ({', '.join(parts)}).")
        fixable = sum(1 for d in diagnostics if d.fixable)
        if fixable:
            lines.append(f"{fixable} fixable with --fix (preview with --diff).")
    return "\n".join(lines) + ("\n" if lines else "")
