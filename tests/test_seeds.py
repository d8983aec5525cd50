"""The two real articles in ../shared/seeds: what the issues say a reviewer expects of them.

The articles are read at run time and never copied into the project; the tests skip when the
shared folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GLYCINATE = SEEDS / "magnesium-glycinate-guide.tr.txt"
THREONATE = SEEDS / "magnesium-l-threonate-sleep.tr.txt"


def findings(lint, path: Path):
    if not path.exists():
        pytest.skip("seed articles not available")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    return [(d, lines[d.line - 1]) for d in lint(text, fmt="text", path=path.name)], lines


def _serious(found, needle):
    """Errors and warnings that start inside the sentence containing ``needle``."""
    hits = []
    for d, line in found:
        at = line.find(needle)
        if at < 0 or d.severity not in ("error", "warning"):
            continue
        start = line.rfind(". ", 0, at) + 1
        end = line.find(".", at)
        if start <= d.column - 1 <= (end if end >= 0 else len(line)):
            hits.append(d)
    return hits


def test_glycinate_guide(lint):
    found, _ = findings(lint, GLYCINATE)
    assert any(d.code.startswith("CL1") for d in _serious(found, "atak sıklığı ve şiddetini azaltmaya"))
    restless = _serious(found, "Huzursuz Bacak Sendromu ve Gece Rahatsızlığı") + _serious(found, "gece rahatsızlığını azaltmaya")
    assert any(d.code.startswith("CL1") for d in restless)
    for clean in ("tek bir takviyeyle", "Böbrek yetmezliği", "profesyonel destek önceliklidir"):
        assert not [d for d in _serious(found, clean) if d.code.startswith("CL1")], clean
    dose = [d for d, line in found if d.code == "CL301"]
    assert len(dose) == 1 and "141 mg" in dose[0].message
    assert "1000 mg magnezyum glisinat" in found[[d for d, _ in found].index(dose[0])][1]


def test_threonate_article(lint):
    found, _ = findings(lint, THREONATE)
    for clean in ("Bu beyanlar Gıda ve İlaç İdaresi", "tedavi ettiği anlamına gelmez"):
        assert not [d for d, line in found if clean in line and d.severity == "error"], clean
    references = [d for d, line in found if d.code == "CL106"]
    assert references and all(d.severity == "warning" for d in references)
    assert not [d for d, _ in found if d.code.startswith("CL2") and d.severity == "error"]
