"""Measure claimlint against labelled copy: ``python -m claimlint.evaluate corpora/``.

A corpus file is Markdown with one sentence per line; a line that should be flagged ends with
``<!-- expect: CL101 CL104 -->`` (one code per expected finding), and every other line is
expected to be clean. Findings of severity ``info`` are not counted. For each language (from
the file name, ``*.tr.md`` / ``*.en.md``, or detected per line in mixed files) and each rule,
the script prints precision, recall and F1, counting (line, code) pairs.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from .document import parse
from .language import LanguageModel
from .linter import Linter
from .rule import load_packs

_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->")


@dataclass
class Tally:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        """Accumulate another tally."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was reported."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Tallies per (language, code) and the lines that went wrong."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    mistakes: list[str] = field(default_factory=list)
    lines: Counter = field(default_factory=Counter)


def _language(path: Path, line: str, model: LanguageModel) -> str:
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2] in (".tr", ".en"):
        return suffixes[-2][1:]
    return model.detect(line)[0] or "en"


def evaluate(paths: list[Path], family: str = "") -> Report:
    """Lint every corpus file and compare findings with the expect markers, line by line."""
    knowledge = load_packs()
    rules = [r for r in knowledge.selected([], []) if r.severity != "info" and r.code.startswith(family)]
    linter = Linter(knowledge, rules)
    model = LanguageModel.from_data(knowledge.data["context"])
    report = Report()
    for path in paths:
        source = path.read_text(encoding="utf-8")
        found: dict[int, Counter] = defaultdict(Counter)
        for diagnostic in linter.lint(parse(source, str(path), "markdown")):
            found[diagnostic.line][diagnostic.code] += 1
        for number, line in enumerate(source.split("\n"), start=1):
            marker = _MARKER.search(line)
            expected = Counter(c for c in re.split(r"[ ,]+", marker.group(1)) if c.startswith(family)) if marker else Counter()
            if not line.strip():
                continue
            lang = _language(path, line, model)
            report.lines[lang] += 1
            produced = found.get(number, Counter())
            for code in set(expected) | set(produced):
                tally = Tally(min(expected[code], produced[code]), max(0, produced[code] - expected[code]), max(0, expected[code] - produced[code]))
                report.tallies[(lang, code)].add(tally)
                if tally.fp or tally.fn:
                    kind = "FP" if tally.fp else "FN"
                    report.mistakes.append(f"{kind} {code} {path}:{number}: {_MARKER.sub('', line).strip()}")
    return report


def render(report: Report) -> str:
    """Markdown tables: per language overall, then per rule."""
    out = ["| language | lines | precision | recall | F1 |", "|---|---|---|---|---|"]
    for lang in sorted({lang for lang, _ in report.tallies}):
        total = Tally()
        for (l, _), tally in report.tallies.items():
            if l == lang:
                total.add(tally)
        out.append(f"| {lang} | {report.lines[lang]} | {total.precision:.3f} | {total.recall:.3f} | {total.f1:.3f} |")
    out += ["", "| rule | language | TP | FP | FN | precision | recall | F1 |", "|---|---|---|---|---|---|---|---|"]
    for (lang, code), t in sorted(report.tallies.items(), key=lambda item: (item[0][1], item[0][0])):
        out.append(f"| {code} | {lang} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} |")
    return "\n".join(out) + "\n"


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--family", default="", help="Only rules whose code starts with this (CL1, CL3).")
@click.option("--mistakes", is_flag=True, help="Also list every false positive and false negative.")
def main(directory: Path, family: str, mistakes: bool) -> None:
    """Print precision, recall and F1 of claimlint on a labelled corpus directory."""
    paths = sorted(directory.rglob("*.md"))
    report = evaluate(paths, family.upper())
    click.echo(render(report), nl=False)
    if mistakes:
        click.echo("\n".join(report.mistakes))


if __name__ == "__main__":
    sys.exit(main())
