"""The command line as users and CI call it: exit codes, formats, bad input, configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import main

CLAIM = "# Ürün\n\nMagnezyum uykusuzluğu tedavi eder.\n"
CLEAN = "# Ürün\n\nMagnezyum normal kas fonksiyonuna katkıda bulunur.\n"


def run(args, cwd: Path | None = None, stdin: str | None = None):
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return runner.invoke(main, args, input=stdin)
    finally:
        os.chdir(old)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_clean_file_exits_zero(tmp_path):
    result = run([str(write(tmp_path / "a.md", CLEAN))])
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_findings_exit_one_with_text_format(tmp_path):
    path = write(tmp_path / "a.md", CLAIM)
    result = run([str(path)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:3:11: CL101 [error] ")
    assert "  help: " in result.output


def test_exit_zero_and_fail_on(tmp_path):
    path = write(tmp_path / "a.md", CLAIM)
    assert run([str(path), "--exit-zero"]).exit_code == 0
    warning_only = write(tmp_path / "b.md", "Kapsül başına 500 mg magnezyum sitrat.\n")
    assert run([str(warning_only)]).exit_code == 1
    assert run([str(warning_only), "--fail-on", "error"]).exit_code == 0


def test_json_contract_round_trips(tmp_path):
    path = write(tmp_path / "a.md", CLAIM)
    result = run([str(path), "--format", "json"])
    data = json.loads(result.output)
    assert data and {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "help"} <= set(data[0])
    assert (data[0]["line"], data[0]["column"], data[0]["end_line"], data[0]["end_column"]) == (3, 11, 3, 34)
    assert data[0]["code"] == "CL101" and data[0]["name"] == "disease-claim"


def test_github_format(tmp_path):
    path = write(tmp_path / "a.md", CLAIM)
    line = run([str(path), "--format", "github"]).output.splitlines()[0]
    assert line.startswith(f"::error file={path},line=3,col=11,endLine=3,endColumn=34,title=CL101 disease-claim::")


def test_sarif_validates_against_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("SARIF schema not available")
    path = write(tmp_path / "a.md", CLAIM)
    log = json.loads(run([str(path), "--format", "sarif"]).output)
    jsonschema.validate(log, json.loads(schema_path.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"][0]["ruleId"] == "CL101"


def test_select_and_ignore_prefixes(tmp_path):
    path = write(tmp_path / "a.md", CLAIM + "\nKapsül başına 500 mg magnezyum sitrat.\n")

    def codes(args):
        return {d["code"] for d in json.loads(run([str(path), "--format", "json", *args]).output)}

    assert codes([]) == {"CL101", "CL301"}
    assert codes(["--select", "CL3"]) == {"CL301"}
    assert codes(["--ignore", "CL1"]) == {"CL301"}


def test_lang_option(tmp_path):
    path = write(tmp_path / "a.md", "Migrene iyi gelir.\n")
    assert run([str(path), "--lang", "tr"]).exit_code == 1
    assert run([str(path), "--lang", "en"]).exit_code == 0


def test_directories_are_walked_with_exclude(tmp_path):
    write(tmp_path / "docs" / "a.md", CLAIM)
    write(tmp_path / "docs" / "skip" / "b.md", CLAIM)
    write(tmp_path / "docs" / "c.py", "print('uykusuzluğu tedavi eder')\n")
    result = run([str(tmp_path / "docs"), "--exclude", "skip/*", "--format", "json"])
    paths = {d["path"] for d in json.loads(result.output)}
    assert paths == {str(tmp_path / "docs" / "a.md")}


def test_stdin_with_filename():
    result = run(["-", "--stdin-filename", "copy.md"], stdin=CLAIM)
    assert result.exit_code == 1
    assert result.output.startswith("copy.md:3:11: CL101")


def test_bad_inputs_exit_two_and_others_still_linted(tmp_path):
    good = write(tmp_path / "good.md", CLAIM)
    bad_utf8 = write(tmp_path / "latin1.md", "kas fonksiyonu\n".encode() + b"\xe7ok\n")
    binary = write(tmp_path / "image.md", b"\x89PNG\x00\x00\x01")
    missing = tmp_path / "missing.md"
    result = run([str(bad_utf8), str(binary), str(missing), str(good)])
    assert result.exit_code == 2
    stderr_lines = [line for line in result.output.splitlines() if line.startswith("claimlint: error:")]
    assert any(f"{bad_utf8}:2: not valid UTF-8" in line for line in stderr_lines)
    assert any(f"{binary}: binary file" in line for line in stderr_lines)
    assert any(f"{missing}: no such file" in line for line in stderr_lines)
    assert f"{good}:3:11: CL101" in result.output


def test_binary_met_while_walking_is_skipped_with_notice(tmp_path):
    write(tmp_path / "a.md", CLEAN)
    write(tmp_path / "b.md", b"\x00\x00binary")
    result = run([str(tmp_path)])
    assert result.exit_code == 0
    assert "binary file" in result.output and "skipped" in result.output


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = write(tmp_path / "a.md", CLAIM)
    path.chmod(0)
    assert run([str(path)]).exit_code == 2


def test_empty_file_is_clean(tmp_path):
    assert run([str(write(tmp_path / "empty.md", ""))]).exit_code == 0


def test_config_discovery_from_pyproject_and_yaml(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.claimlint]\nignore = ['CL1']\n")
    write(tmp_path / "sub" / ".claimlint.yaml", "select: [CL1]\nper-file-ignores:\n  'legacy/*.md': [CL101]\n")
    top = write(tmp_path / "top.md", CLAIM)
    deep = write(tmp_path / "sub" / "deep" / "page.md", CLAIM)
    legacy = write(tmp_path / "sub" / "legacy" / "old.md", CLAIM)
    assert run([str(top)]).exit_code == 0  # pyproject ignores CL1
    assert run([str(deep)]).exit_code == 1  # nearest config (.claimlint.yaml) selects CL1
    assert run([str(legacy)]).exit_code == 0  # per-file-ignores
    assert run([str(top), "--config", str(tmp_path / "sub" / ".claimlint.yaml")]).exit_code == 1


def test_bad_config_exits_two(tmp_path):
    write(tmp_path / ".claimlint.yaml", "selekt: [CL1]\n")
    result = run([str(write(tmp_path / "a.md", CLAIM))])
    assert result.exit_code == 2
    assert "unknown setting 'selekt'" in result.output


def test_user_rule_pack_adds_a_disease_without_python(tmp_path):
    pack = tmp_path / "pack"
    write(pack / "lexicon" / "extra.yaml", "lexicon: diseases\nentries:\n  - id: frobnitis\n    en: [frobnitis]\n    tr: [frobnit]\n")
    page = write(tmp_path / "a.md", "Our drops cure frobnitis.\n\nDamlalar frobniti tedavi eder.\n")
    assert run([str(page)]).exit_code == 0
    result = run([str(page), "--rules", str(pack), "--format", "json"])
    assert [d["line"] for d in json.loads(result.output)] == [1, 3]


@pytest.mark.parametrize(
    "content,expected",
    [
        ("rules:\n  - code: CL901\n    name: x\n", "missing required key"),
        ("rules:\n  - code: CL101\n    name: dup\n    kind: dose\n    severity: error\n    summary: s\n    message: m\n    help: h\n    sources: [s]\n    examples: {en: {fail: [a], pass: [b]}}\n", "duplicate code CL101"),
        ("rules:\n  - code: CL901\n    name: x\n    kind: pattern\n    severity: error\n    summary: s\n    message: m\n    help: h\n    sources: [s]\n    patterns: {en: ['(']}\n    examples: {en: {fail: [a], pass: [b]}}\n", "bad regular expression"),
        ("rules:\n  - code: CL901\n    name: x\n    kind: dose\n    colour: red\n    severity: error\n    summary: s\n    message: m\n    help: h\n    sources: [s]\n    examples: {en: {fail: [a], pass: [b]}}\n", "unknown key 'colour'"),
        ("rules: [\n", "invalid YAML"),
        (
            "rules:\n  - code: CL901\n    name: x\n    kind: cooccurrence\n    severity: error\n    summary: s\n    message: m\n"
            "    help: h\n    sources: [s]\n    targets: [diseases]\n    overrides_within: [CL999]\n    examples: {en: {fail: [a], pass: [b]}}\n",
            "overrides_within names unknown rule 'CL999'",
        ),
    ],
)
def test_bad_rule_pack_is_reported_with_file_and_line(tmp_path, content, expected):
    write(tmp_path / "pack" / "mine.yaml", content)
    result = run([str(write(tmp_path / "a.md", CLEAN)), "--rules", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert expected in result.output
    assert f"{tmp_path / 'pack' / 'mine.yaml'}:" in result.output


@pytest.mark.parametrize(
    "entry,expected",
    [
        ("lexicon: effects\nentries:\n  - id: zap\n    pos: verb\n    object_case: ablative\n    tr: [zapla]\n", "needs case 'ablative'"),
        ("lexicon: afflictions\nentries:\n  - id: got\n    side: left\n    en: [got]\n", "has side 'left'"),
    ],
)
def test_a_lexicon_entry_with_impossible_options_is_a_rule_pack_error(tmp_path, entry, expected):
    pack = tmp_path / "pack"
    write(pack / "lexicon" / "extra.yaml", entry)
    result = run([str(write(tmp_path / "a.md", CLEAN)), "--rules", str(pack)])
    assert result.exit_code == 2
    assert expected in result.output


def test_a_bad_context_pattern_is_a_rule_pack_error_not_a_crash(tmp_path):
    pack = tmp_path / "pack"
    write(pack / "context.yaml", "caution:\n  en: ['(unclosed']\n")
    result = run([str(write(tmp_path / "a.md", "Magnesium cures insomnia.\n")), "--rules", str(pack)])
    assert result.exit_code == 2
    assert "context.yaml" in result.output and "Traceback" not in result.output


def test_list_rules_explain_version():
    listing = run(["--list-rules"]).output
    for code in ("CL001", "CL101", "CL108", "CL301"):
        assert code in listing
    explanation = run(["--explain", "cl101"]).output
    assert "21 CFR 101.93(g)(2)" in explanation and "Examples (tr)" in explanation
    assert run(["--explain", "CL999"]).exit_code == 2
    assert "0." in run(["--version"]).output


def test_no_paths_is_a_usage_error():
    assert run([]).exit_code == 2


def test_python_dash_m_entry_point(tmp_path):
    path = write(tmp_path / "a.md", CLAIM)
    completed = subprocess.run([sys.executable, "-m", "claimlint", str(path)], capture_output=True, text=True)
    assert completed.returncode == 1
    assert "CL101" in completed.stdout
