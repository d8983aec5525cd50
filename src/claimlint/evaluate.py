"""Measure claimlint against labelled copy: ``python -m claimlint.evaluate corpora/``.

A corpus file is Markdown with one sentence per line; a line that should be flagged ends with
``<!-- expect: CL101 CL104 -->`` (each rule the line breaks; a code listed twice expects two
findings, as for two compounds in one dose line), and every other line is expected to be clean. Findings of severity ``info`` are not counted. For each language (from
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
from .language import LanguageModel, language_of_name
from .linter import Linter
from .matchkey import fold
from .rule import load_packs

_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->")


@dataclass
class Tally:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
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
    # Per language, whether each line was rightly flagged at all (whatever the rule): what a
    # reviewer sees first, since any finding sends them to the sentence.
    line_tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))


def _language(path: Path, line: str, model: LanguageModel) -> str:
    return language_of_name(str(path)) or model.detect(line)[0] or "en"


def evaluate(paths: list[Path], family: str = "") -> Report:
    """Lint every corpus file and compare findings with the expect markers, line by line."""
    knowledge = load_packs()
    rules = [r for r in knowledge.selected([], []) if r.severity != "info" and r.code.startswith(family)]
    linter = Linter(knowledge, rules)
    model = knowledge.language_model
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
            flagged, expected_flag = bool(produced), bool(expected)
            report.line_tallies[lang].add(Tally(int(flagged and expected_flag), int(flagged and not expected_flag), int(expected_flag and not flagged)))
            for code in set(expected) | set(produced):
                # (line, rule) pairs: several findings of one rule on a line count once, unless
                # the marker itself asks for several (two compounds in one dose line)
                made = produced[code] if expected[code] > 1 else min(produced[code], 1)
                tally = Tally(min(expected[code], made), max(0, made - expected[code]), max(0, expected[code] - made))
                report.tallies[(lang, code)].add(tally)
                if tally.fp or tally.fn:
                    kind = "FP" if tally.fp else "FN"
                    report.mistakes.append(f"{kind} {code} {path}:{number}: {_MARKER.sub('', line).strip()}")
    return report


def render_summary(report: Report) -> str:
    """The per-language table alone (what the README quotes)."""
    return render(report).split("\n\n")[0] + "\n"


def render(report: Report) -> str:
    """Markdown tables: per language overall, then per rule."""
    out = [
        "| language | lines | precision | recall | F1 | line precision | line recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for lang in sorted({lang for lang, _ in report.tallies}):
        total = Tally()
        for (tally_lang, _), tally in report.tallies.items():
            if tally_lang == lang:
                total.add(tally)
        line = report.line_tallies[lang]
        out.append(
            f"| {lang} | {report.lines[lang]} | {total.precision:.3f} | {total.recall:.3f} | {total.f1:.3f}"
            f" | {line.precision:.3f} | {line.recall:.3f} |"
        )
    out += ["", "| rule | language | TP | FP | FN | precision | recall | F1 |", "|---|---|---|---|---|---|---|---|"]
    for (lang, code), t in sorted(report.tallies.items(), key=lambda item: (item[0][1], item[0][0])):
        out.append(f"| {code} | {lang} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} |")
    return "\n".join(out) + "\n"


# The corpora the README quotes: (directory under the corpus root, rule family, title).
REPORT_SECTIONS = (
    ("claims", "CL1", "Disease claims (CL1xx)"),
    ("holdout", "CL1", "Disease claims (CL1xx), held-out copy (used once for error analysis)"),
    ("dev3", "CL1", "Disease claims (CL1xx), third set (separate authors; used for error analysis)"),
    ("holdout2", "CL1", "Disease claims (CL1xx), second held-out set (since used for error analysis)"),
    ("dev4", "CL1", "Disease claims (CL1xx), idiomatic short copy (separate authors; used for error analysis)"),
    ("dev5", "CL1", "Disease claims (CL1xx), long-form paragraphs (separate authors; used for error analysis)"),
    ("dev6", "CL1", "Disease claims (CL1xx), long-form paragraphs with many hard negatives (used for error analysis)"),
    ("holdout3", "CL1", "Disease claims (CL1xx), idiomatic short copy (held out, since used for error analysis)"),
    ("holdout4", "CL1", "Disease claims (CL1xx), long-form paragraphs (held out, since used for error analysis)"),
    ("holdout5", "CL1", "Disease claims (CL1xx), idiomatic short copy (held out, since used for error analysis)"),
    ("holdout6", "CL1", "Disease claims (CL1xx), long-form paragraphs (held out, since used for error analysis)"),
    ("holdout7", "CL1", "Disease claims (CL1xx), short copy and long-form paragraphs (held out, since used for error analysis)"),
    ("holdout8", "CL1", "Disease claims (CL1xx), short copy: reviews, Q&A, social posts, forums (held out, since used for error analysis)"),
    ("holdout9", "CL1", "Disease claims (CL1xx), long-form articles, one of them bilingual (held out, since used for error analysis)"),
    ("holdout10", "CL1", "Disease claims (CL1xx), long-form expert guides and brand blogs (held out, since used for error analysis)"),
    ("holdout11", "CL1", "Disease claims (CL1xx), untouched held-out short copy (marketplace pages with reviews and Q&A, social posts, a newsletter)"),
    ("holdout12", "CL1", "Disease claims (CL1xx), untouched held-out long-form copy (expert guides, brand blogs, an e-pharmacy page, a bilingual shop, a pharmacy Q&A)"),
    ("holdout13", "CL1", "Disease claims (CL1xx), marketplace listings with reviews and Q&A (held out, since used for error analysis)"),
    ("holdout14", "CL1", "Disease claims (CL1xx), long-form: a pharmacist's guide, a brand blog, a wellness guide (held out, since used for error analysis)"),
    ("holdout15", "CL1", "Disease claims (CL1xx), social posts, chat, newsletters, a bilingual page (held out, since used for error analysis)"),
    ("holdout16", "CL1", "Disease claims (CL1xx), untouched held-out long-form copy (a brand blog, a shop's article, a health-news piece)"),
    ("holdout17", "CL1", "Disease claims (CL1xx), short copy: social posts, a marketplace page, a parenting thread (held out, since used for error analysis)"),
    ("holdout18", "CL1", "Disease claims (CL1xx), untouched held-out long-form copy (an e-pharmacy blog, a natural-living blog, a brand guide)"),
    ("holdout19", "CL1", "Disease claims (CL1xx), untouched held-out short copy (a marketplace page, a sales chat, social captions and reviews, a parenting thread)"),
    ("holdout20", "CL1", "Disease claims (CL1xx), untouched held-out short copy (a brand newsletter with landing-page bullets, a mothers' forum, a product landing page, e-mails and a podcast ad)"),
    ("doses", "CL3", "Dose figures (CL3xx)"),
    ("holdout-doses", "CL3", "Dose figures (CL3xx), held-out copy (used once for error analysis)"),
)


# The held-out sets nobody has tuned on (their titles say "untouched"): the honest estimate on
# unseen copy.
UNTOUCHED = tuple(directory for directory, _, title in REPORT_SECTIONS if "untouched" in title)
_BANNED_LEXICONS = ("diseases", "symptoms", "drug_classes")


def _banned_word_pattern(knowledge, lang: str) -> re.Pattern[str]:
    """Any listed word at the start of a word of the folded text, as a list would be searched."""
    words = {fold(t).rstrip("-") for name in _BANNED_LEXICONS for e in knowledge.lexicons[name].entries for t in e.terms.get(lang, ())}
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


def banned_word_tallies(paths: list[Path]) -> dict[str, Tally]:
    """Line tallies per language of a content team's banned-word list: every line that holds a
    disease, symptom or drug-class word is flagged, matched as such lists are (case and
    diacritics folded, a word that starts with a listed word, no grammar and no context). The
    words are claimlint's own lexicons, so a comparison measures what morphology and context
    add, not a difference in vocabulary."""
    knowledge = load_packs()
    model = knowledge.language_model
    patterns = {lang: _banned_word_pattern(knowledge, lang) for lang in ("en", "tr")}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            marker = _MARKER.search(line)
            expected = bool(marker and any(code.startswith("CL1") for code in marker.group(1).split()))
            lang = _language(path, line, model)
            flagged = bool(patterns[lang].search(fold(_MARKER.sub("", line))))
            tallies[lang].add(Tally(int(flagged and expected), int(flagged and not expected), int(expected and not flagged)))
    return tallies


def baseline_comparison(root: Path, reports: dict[str, Report]) -> str:
    """Line precision, recall and F1 of claimlint and of a banned-word list on the untouched
    held-out sets (any CL1xx code: was a line that should be flagged flagged at all).
    ``reports`` are claimlint's, already measured per corpus set, so nothing is linted twice."""
    paths = sorted(p for directory in UNTOUCHED for p in (root / directory).rglob("*.md"))
    ours: dict[str, Tally] = defaultdict(Tally)
    for directory in UNTOUCHED:
        for lang, tally in reports[directory].line_tallies.items():
            ours[lang].add(tally)
    theirs = banned_word_tallies(paths)
    rows = ["| language | method | line precision | line recall | line F1 |", "|---|---|---|---|---|"]
    for lang in sorted(theirs):
        for method, tally in (("banned-word list", theirs[lang]), ("claimlint", ours[lang])):
            rows.append(f"| {lang} | {method} | {tally.precision:.3f} | {tally.recall:.3f} | {tally.f1:.3f} |")
    return "\n".join(rows)


def _baseline_section(root: Path, reports: dict[str, Report]) -> list[str]:
    sets = ", ".join(f"`{d}/`" for d in UNTOUCHED)
    return [
        f"Against a banned-word list (claimlint's disease, symptom and drug-class words, matched at the start of a word after case and diacritic folding, with no grammar and no context) on the untouched held-out sets {sets}:",
        "",
        baseline_comparison(root, reports),
    ]


def _section_reports(root: Path) -> dict[str, Report]:
    """claimlint's report on every corpus set of REPORT_SECTIONS under ``root``."""
    return {directory: evaluate(sorted((root / directory).rglob("*.md")), family) for directory, family, _ in REPORT_SECTIONS}


def full_report(root: Path) -> str:
    """The accuracy page (docs/accuracy.md): every corpus of REPORT_SECTIONS under ``root``."""
    parts = [
        "# Accuracy on the labelled corpora",
        "",
        "Generated by `bash scripts/accuracy.sh` (`python -m claimlint.evaluate --report corpora`);",
        "`tests/test_accuracy.py` fails when this page is stale. Counts are (line, rule) pairs.",
    ]
    reports = _section_reports(root)
    for directory, family, title in REPORT_SECTIONS:
        command = f"python -m claimlint.evaluate {root.name}/{directory} --family {family}"
        parts += ["", f"## {title}", "", f"`{command}`", "", render(reports[directory]).rstrip()]
    parts += ["", "## Disease claims (CL1xx) against a banned-word list", "", *_baseline_section(root, reports)]
    return "\n".join(parts) + "\n"


README_START = "<!-- accuracy:start -->"
README_END = "<!-- accuracy:end -->"


def readme_block(root: Path) -> str:
    """The README's accuracy block: the per-language table of each corpus, with its command."""
    parts = [README_START]
    reports = _section_reports(root)
    for directory, family, title in REPORT_SECTIONS:
        command = f"python -m claimlint.evaluate {root.name}/{directory} --family {family}"
        parts += ["", f"{title}: `{command}`", "", render_summary(reports[directory]).rstrip()]
    parts += ["", *_baseline_section(root, reports), "", README_END]
    return "\n".join(parts)


def update_readme(readme: Path, root: Path) -> None:
    """Replace the README's accuracy block with freshly measured figures."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    readme.write_text(text[:start] + readme_block(root) + text[end:], encoding="utf-8")


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--family", default="", help="Only rules whose code starts with this (CL1, CL3).")
@click.option("--mistakes", is_flag=True, help="Also list every false positive and false negative.")
@click.option("--report", is_flag=True, help="DIRECTORY is the corpus root: print the whole accuracy page.")
@click.option("--update-readme", "readme", type=click.Path(dir_okay=False, path_type=Path), help="With --report: also refresh this README's accuracy block.")
def main(directory: Path, family: str, mistakes: bool, report: bool, readme: Path | None) -> None:
    """Print precision, recall and F1 of claimlint on a labelled corpus directory."""
    if readme is not None:
        update_readme(readme, directory)
    if report:
        click.echo(full_report(directory), nl=False)
        return
    result = evaluate(sorted(directory.rglob("*.md")), family.upper())
    click.echo(render(result), nl=False)
    if mistakes:
        click.echo("\n".join(result.mistakes))


if __name__ == "__main__":
    sys.exit(main())
