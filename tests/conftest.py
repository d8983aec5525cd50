"""Shared fixtures: the built-in knowledge is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.document import parse
from claimlint.linter import Linter
from claimlint.rule import load_packs

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def knowledge():
    """All built-in rules and data."""
    return load_packs()


@pytest.fixture(scope="session")
def lint(knowledge):
    """lint(text, select=None, fmt='markdown', lang=None) -> diagnostics."""
    linters = {}

    def run(text: str, select=None, fmt: str = "markdown", lang=None, path: str = "x.md"):
        key = (tuple(select or ()), lang)
        if key not in linters:
            linters[key] = Linter(knowledge, knowledge.selected(list(select or ()), []), lang)
        return linters[key].lint(parse(text, path, fmt))

    return run
