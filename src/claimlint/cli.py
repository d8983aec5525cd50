"""Command line: arguments → run → formatter → exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, configuration, rule-pack
or input error (bad files are reported and skipped; the others are still linted).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .config import ConfigError
from .formatters import FORMATTERS
from .rule import RuleError
from .runner import Options, Run


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


def _fail(message: str) -> None:
    click.echo(f"claimlint: error: {message}", err=True)
    sys.exit(2)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated, repeatable), e.g. CL1,CL301.")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--lang", type=click.Choice(["auto", "tr", "en"]), default=None, help="Language of the copy [default: auto, per block].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of discovering one.")
@click.option("--rules", "rule_packs", multiple=True, type=click.Path(file_okay=False, path_type=Path), help="Add a directory of your own rules and lexicons (repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (errors in input still exit 2).")
@click.option("--exclude", multiple=True, help="Glob of paths to skip when walking directories (repeatable).")
@click.option("--stdin-filename", help="Name (and format, by extension) of the text read from '-'.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (disclaimer text); with '-', print the fixed text instead.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff without writing anything.")
@click.option("--show-context", is_flag=True, help="Also list diseases named in negated or cautionary sentences (CL100, info).")
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.option("--explain", metavar="CODE", help="Explain one rule: what it flags, why, examples, and exit.")
@click.version_option(__version__, prog_name="claimlint")
def main(paths, output_format, select, ignore, lang, config_path, rule_packs, fail_on, exit_zero, exclude, stdin_filename, fix, diff, show_context, list_rules, explain):
    """Lint supplement marketing copy (Markdown, HTML, text; Turkish and English) for disease
    claims (CL1xx), claim symbols without the FDA disclaimer (CL2xx) and compound-mass dose
    figures (CL3xx). PATH may be a file, a directory (searched for .md .markdown .txt .html
    .htm) or '-' for standard input."""
    options = Options(
        select=_codes(select) or None,
        ignore=_codes(ignore),
        lang=lang,
        config=config_path,
        rules=tuple(rule_packs),
        fail_on=fail_on,
        exclude=tuple(exclude),
        show_context=show_context,
        stdin_filename=stdin_filename,
        fix=fix,
        diff=diff,
    )
    try:
        run = Run(options)
        if list_rules or explain:
            knowledge = run.knowledge(run.config_for(Path.cwd() / "_"))
            click.echo(_rule_table(knowledge) if list_rules else _explanation(knowledge, explain.upper()), nl=False)
            return
        if not paths:
            raise click.UsageError("no PATH given (use '-' to read standard input)")
        result = run.lint_paths(list(paths))
    except (RuleError, ConfigError) as error:
        _fail(str(error))
        return
    for notice in result.notices:
        click.echo(f"claimlint: {notice}", err=True)
    for error in result.errors:
        click.echo(f"claimlint: error: {error}", err=True)
    if result.fixed_stdin is not None:
        # Fixing standard input prints the fixed text, as a filter does; the report goes to stderr.
        click.echo(result.fixed_stdin, nl=False)
        click.echo(FORMATTERS[output_format](result.diagnostics), nl=False, err=True)
    elif diff:
        click.echo("".join(result.diffs), nl=False)
    else:
        click.echo(FORMATTERS[output_format](result.diagnostics), nl=False)
    if result.fixed_files:
        click.echo(f"claimlint: fixed {result.fixed_files} file{'s' if result.fixed_files != 1 else ''}", err=True)
    if result.errors:
        sys.exit(2)
    if diff:
        sys.exit(1 if result.diffs else 0)
    sys.exit(1 if result.failing and not exit_zero else 0)


def _rule_table(knowledge) -> str:
    lines = []
    for code, rule in sorted(knowledge.rules.items()):
        default = "" if rule.default else " (off by default)"
        lines.append(f"{code}  {rule.name:<36} {rule.severity:<8} {rule.summary}{default}")
    return "\n".join(lines) + "\n"


def _explanation(knowledge, code: str) -> str:
    rule = knowledge.rules.get(code)
    if rule is None:
        _fail(f"unknown rule code '{code}' (see --list-rules)")
    lines = [
        f"{rule.code} {rule.name} [{rule.severity}]{'' if rule.default else ' (off by default)'}",
        "",
        rule.summary,
        "",
        "Regulation:",
        *(f"  - {source}" for source in rule.sources),
        "",
        f"Message: {rule.message}",
        f"Fix: {rule.help}",
    ]
    for lang, cases in rule.examples.items():
        lines += ["", f"Examples ({lang}):"]
        lines += [f"  flagged:     {text}" for text in cases["fail"]]
        lines += [f"  not flagged: {text}" for text in cases["pass"]]
    return "\n".join(lines) + "\n"
