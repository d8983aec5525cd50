"""--fix and --diff: the disclaimer is added or corrected, and nothing else changes."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from claimlint.cli import main

EN_ONE = "This statement has not been evaluated by the Food and Drug Administration."
EN_MANY = "These statements have not been evaluated by the Food and Drug Administration."
EN_TWO = "This product is not intended to diagnose, treat, cure, or prevent any disease."
TR_MANY = "Bu beyanlar Gıda ve İlaç İdaresi tarafından değerlendirilmemiştir."
TR_TWO = "Bu ürün herhangi bir hastalığı teşhis etmek, tedavi etmek, iyileştirmek veya önlemek için tasarlanmamıştır."


def cli(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
def test_missing_disclaimer_is_appended_keeping_bytes(tmp_path, newline, bom):
    body = newline.join(["# Uyku", "", "Magnezyum rahat bir uykuyu destekler.*", "", "Kaslarınızı gevşetir.*", ""])
    path = tmp_path / "page.md"
    original = (b"\xef\xbb\xbf" if bom else b"") + body.encode()
    path.write_bytes(original)
    os.chmod(path, 0o640)
    result = cli("--fix", "--select", "CL2", str(path))
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(original.rstrip(newline.encode()))  # everything before is untouched
    expected_tail = f"{newline}{newline}*{TR_MANY} {TR_TWO}{newline}"
    assert data.decode("utf-8-sig").endswith(expected_tail)
    assert data.startswith(b"\xef\xbb\xbf") == bom
    assert (path.stat().st_mode & 0o777) == 0o640
    # idempotent: a second run changes nothing and finds nothing
    second = cli("--fix", "--select", "CL2", str(path))
    assert second.exit_code == 0
    assert path.read_bytes() == data


def test_plural_corrected_in_place_and_rest_identical(tmp_path):
    text = f"# Sleep\n\nMagnesium supports restful sleep.*\n\nKeep a regular bedtime.\n\n*{EN_MANY} {EN_TWO}\n\nFooter text.\n"
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    assert cli("--fix", "--select", "CL2", str(path)).exit_code == 0
    fixed = path.read_text(encoding="utf-8")
    assert fixed == text.replace(EN_MANY, EN_ONE)


def test_altered_wording_is_restored(tmp_path):
    altered = "This statement has not been evaluated by the FDA. This product is not intended to diagnose, cure or prevent any disease."
    text = f"Supports restful sleep.*\n\n*{altered}\n"
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    cli("--fix", "--select", "CL2", str(path))
    assert path.read_text(encoding="utf-8") == f"Supports restful sleep.*\n\n*{EN_ONE} {EN_TWO}\n"


def test_diff_previews_without_writing(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("Supports restful sleep.*\n", encoding="utf-8")
    result = cli("--diff", "--select", "CL2", str(path))
    assert result.exit_code == 1
    assert f"+*{EN_ONE} {EN_TWO}" in result.output
    assert path.read_text(encoding="utf-8") == "Supports restful sleep.*\n"


def test_stdin_is_printed_not_written():
    result = cli("--fix", "--select", "CL2", "-", "--stdin-filename", "page.md", stdin="Supports restful sleep.*\n")
    assert result.output.startswith("Supports restful sleep.*\n\n*" + EN_ONE)


def test_files_without_fixes_are_not_rewritten(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("Magnesium cures insomnia.\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    result = cli("--fix", str(path))
    assert result.exit_code == 1  # the disease claim is not auto-fixable: it stays reported
    assert path.stat().st_mtime_ns == before


def test_seed_without_its_disclaimer_gets_the_plural_turkish_one_back(tmp_path):
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "magnesium-l-threonate-sleep.tr.txt"
    if not seed.exists():
        pytest.skip("seed article not available")
    lines = seed.read_text(encoding="utf-8").split("\n")
    stripped = "\n".join(line for line in lines if not line.startswith("Bu beyanlar"))
    path = tmp_path / "article.txt"
    path.write_text(stripped, encoding="utf-8")
    before = cli("--select", "CL2", "--format", "json", str(path))
    assert '"CL201"' in before.output
    cli("--fix", "--select", "CL2", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith(stripped.rstrip("\n"))
    assert fixed.rstrip("\n").endswith(f"*{TR_MANY} {TR_TWO}")
    after = cli("--select", "CL2", str(path))
    assert "[error]" not in after.output and "[warning]" not in after.output
