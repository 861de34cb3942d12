"""The command line as a user meets it: help, version, python -m, demo."""

from __future__ import annotations

import subprocess
import sys

from orgnet import __version__


def test_help_lists_the_commands(run_cli):
    result = run_cli("--help")

    assert result.exit_code == 0
    for command in ("validate", "generate", "demo"):
        assert command in result.output


def test_version(run_cli):
    assert run_cli("--version").output == f"orgnet, version {__version__}\n"


def test_python_dash_m_runs_the_cli():
    completed = subprocess.run([sys.executable, "-m", "orgnet", "--version"], capture_output=True, text=True, check=False)

    assert completed.returncode == 0
    assert completed.stdout == f"orgnet, version {__version__}\n"


def test_bad_usage_is_status_2(run_cli):
    assert run_cli("validate").exit_code == 2


def test_demo_runs_the_whole_pipeline(tmp_path, run_cli):
    result = run_cli("demo", "-o", tmp_path / "demo")

    assert result.exit_code == 0
    for name in ("metrics.xlsx", "flags.xlsx", "report/index.html", "report/orgnet.xlsx", "graph.html"):
        assert (tmp_path / "demo" / name).stat().st_size > 1000, name
        assert str(tmp_path / "demo" / name) in result.output
    assert "1/5 validated" in result.output and "5/5 interactive graph written" in result.output


def test_cli_reference_in_docs_is_current():
    from pathlib import Path

    from orgnet.cli.reference import reference

    docs = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
    assert docs.read_text(encoding="utf-8") == reference(), "docs/cli.md is stale: run make docs"
