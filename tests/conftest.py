"""Shared fixtures: data folders written byte for byte, the CLI runner, the shared datasets."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orgnet.cli import main

SHARED_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch):
    """Commands speak the locale's language when --lang is not given; tests expect English unless
    they choose (a developer's da_DK shell must not change what they see)."""
    monkeypatch.setenv("ORGNET_LANG", "en")


@pytest.fixture
def write_folder(tmp_path):
    """Write people.csv / ties.csv (and more) as given text in a given encoding; return the folder."""

    def write(encoding: str = "utf-8", folder: str = "data", **files: str) -> Path:
        path = tmp_path / folder
        path.mkdir(exist_ok=True)
        for name, text in files.items():
            target = path / (name.replace("_", ".") if name.endswith("_toml") else f"{name}.csv")
            target.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def run_cli():
    """Run the CLI in-process; returns click's Result (exit_code, output)."""
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run


def shared_dataset(name: str) -> Path:
    path = SHARED_DATASETS / name
    if not path.exists():
        pytest.skip(f"shared dataset {name} not found at {path} (it lives outside the repository)")
    return path
