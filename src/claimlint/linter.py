"""Linting one document: document → language → checks → findings → diagnostics.

The Linter is built once per run (rules selected, knowledge compiled lazily) and then lints
documents one by one; it never reads files or prints.
"""

from __future__ import annotations

import re
from functools import cached_property
from string import Formatter

from .checks.claims import ClaimCheck
from .diagnostic import Diagnostic, Finding
from .document import Block, Document, table_rows
from .fix import source_edits
from .language import analyze, language_of_name
from .rule import Knowledge, Rule
from .suppress import is_suppressed, parse_directives

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)|\n")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans for dose figures, so a figure is never paired with the elemental
    amount of the previous sentence (the dose check does not need spaCy)."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


class _Fields(dict):
    """Message fields; an unknown placeholder stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, fields: dict[str, str]) -> str:
    """Fill a rule's message or help template with a finding's fields."""
    return Formatter().vformat(template, (), _Fields(fields))


class Linter:
    """Applies a selection of rules to documents."""

    def __init__(self, knowledge: Knowledge, rules: list[Rule], lang: str | None = None) -> None:
        self.knowledge = knowledge
        self.rules = {rule.code: rule for rule in rules}
        self.lang = lang if lang in ("tr", "en") else None
        self._kinds = {rule.kind for rule in rules}

    @cached_property
    def _claims(self) -> ClaimCheck:
        return ClaimCheck(set(self.rules), self.knowledge, self.knowledge.language_model)

    @cached_property
    def _doses(self):
        from .checks.dose import find_dose_issues
        from .compounds import CompoundTable

        table = CompoundTable.from_data(self.knowledge.data["compounds"])
        return lambda text: find_dose_issues(text, table)

    @cached_property
    def _disclaimers(self):
        from .checks.disclaimer import DisclaimerCheck

        return DisclaimerCheck([r for r in self.rules.values() if r.kind == "disclaimer"], self.knowledge)

    def lint(self, document: Document) -> list[Diagnostic]:
        """Every diagnostic for ``document``, suppressions applied, sorted by position."""
        findings: list[Finding] = []
        if document.blocks and self._kinds & {"cooccurrence", "pattern", "context", "disclaimer"}:
            analyzed = analyze(document.blocks, self.knowledge.language_model, self.lang, language_of_name(document.path))
            if self._kinds & {"cooccurrence", "pattern", "context"}:
                findings.extend(self._claims.run(analyzed))
            if "disclaimer" in self._kinds:
                findings.extend(self._disclaimers.run(analyzed))
        blocks = list(document.blocks)
        if "dose" in self._kinds:
            blocks += table_rows(document)
            for index, block in enumerate(blocks):
                if block.kind == "table_cell":
                    continue  # read as part of its row, where the salt and the figure meet
                for start, end in _sentence_spans(block.text):
                    for issue in self._doses(block.text[start:end]):
                        if issue.code in self.rules:
                            fields = dict(issue.fields)
                            findings.append(Finding(issue.code, index, start + issue.start, start + issue.end, fields))
        diagnostics = [self._diagnostic(document, blocks, f) for f in findings if f.code in self.rules]
        return self._apply_suppressions(document, diagnostics)

    def _diagnostic(self, document: Document, blocks: list[Block], finding: Finding) -> Diagnostic:
        rule = self.rules[finding.code]
        if finding.block_index < 0:  # a document-level finding: at the start of the file
            start = end = 0
        else:
            start, end = blocks[finding.block_index].source_span(finding.start, finding.end)
        line, column = document.line_col(start)
        end_line, end_column = document.line_col(end)
        return Diagnostic(
            path=document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=rule.code,
            name=rule.name,
            severity=rule.severity,
            message=render(rule.message, finding.fields),
            help=render(rule.help, finding.fields),
            sources=rule.sources,
            fixes=source_edits(finding.edit, document, blocks) if finding.edit else (),
        )

    def _apply_suppressions(self, document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        directives = parse_directives(document)
        kept = [d for d in diagnostics if not is_suppressed(directives, d.code, d.line)]
        unused_rule = next((r for r in self.rules.values() if r.kind == "suppression"), None)
        if unused_rule:
            for directive in directives:
                if directive.used:
                    continue
                line, column = document.line_col(directive.comment.start)
                end_line, end_column = document.line_col(directive.comment.end)
                fields = {"directive": directive.text, "detail": ""}
                if directive.codes and not any(
                    rule_code.startswith(prefix) for prefix in directive.codes for rule_code in self.knowledge.rules
                ):
                    fields["detail"] = " (no rule has that code)"
                kept.append(
                    Diagnostic(
                        document.path, line, column, end_line, end_column, unused_rule.code, unused_rule.name,
                        unused_rule.severity, render(unused_rule.message, fields), render(unused_rule.help, fields),
                        unused_rule.sources,
                    )
                )
        return sorted(kept, key=Diagnostic.sort_key)
