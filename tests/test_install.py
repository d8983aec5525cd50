"""A non-editable install (as pip and pre-commit make it) finds the rule packs in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{completed.stderr}")
    return next(out.glob("claimlint-*.whl"))


def test_wheel_contains_every_rule_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in (REPO / "rules").rglob("*.yaml"):
        packaged = "claimlint/rules/" + rule_file.relative_to(REPO / "rules").as_posix()
        assert packaged in names, packaged


def test_installed_package_lints_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    page = tmp_path / "elsewhere" / "page.md"
    page.parent.mkdir()
    page.write_text("Magnezyum uykusuzluğu tedavi eder.\n", encoding="utf-8")
    code = (
        "import sys, claimlint, claimlint.rule as r; "
        f"assert claimlint.__file__.startswith({str(target)!r}), claimlint.__file__; "
        f"assert str(r.builtin_pack()).startswith({str(target)!r}), r.builtin_pack(); "
        "from claimlint.cli import main; main()"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    completed = subprocess.run(
        [sys.executable, "-c", code, "page.md"], cwd=page.parent, env=env, capture_output=True, text=True
    )
    assert completed.returncode == 1, completed.stderr
    assert "page.md:1:11: CL101" in completed.stdout
