"""Broken inputs that used to end in a traceback or be ignored: one message each, exit status 1."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgnet
from orgnet.cli import main
from orgnet.generate import generate_municipality


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("data") / "data"
    orgnet.write(generate_municipality(people=60, seed=2), folder)
    return folder


def damaged_copy(workbook: Path, target: Path) -> Path:
    """``workbook`` with one byte flipped in the middle of its first sheet's compressed data."""
    with zipfile.ZipFile(workbook) as archive:
        sheet = next(info for info in archive.infolist() if info.filename.startswith("xl/worksheets/"))
    content = bytearray(workbook.read_bytes())
    content[sheet.header_offset + 30 + len(sheet.filename) + len(sheet.extra) + sheet.compress_size // 2] ^= 0xFF
    target.write_bytes(bytes(content))
    return target


@pytest.mark.parametrize("command", [["validate"], ["metrics", "-o", "{tmp}/m.csv"], ["report", "-o", "{tmp}/rep"]])
def test_a_damaged_workbook_is_one_message(tmp_path, data, command):
    good = tmp_path / "good.xlsx"
    orgnet.write(orgnet.read(data), good)
    bad = damaged_copy(good, tmp_path / "bad.xlsx")
    before = bad.read_bytes()

    result = CliRunner().invoke(main, [command[0], str(bad), *(part.format(tmp=tmp_path) for part in command[1:])])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: 1 problem in the input:\n  - {bad}: the workbook is damaged (")
    assert result.output.endswith("); open it in Excel and save it again\n")
    assert "Traceback" not in result.output and "Bad CRC-32" in result.output
    assert bad.read_bytes() == before


def test_a_damaged_workbook_given_to_reidentify(tmp_path, data):
    key = tmp_path / "key"
    runner = CliRunner()
    assert runner.invoke(main, ["pseudonymise", "--new-key", str(key)]).exit_code == 0
    good = tmp_path / "table.xlsx"
    assert runner.invoke(main, ["metrics", str(data), "-o", str(good)]).exit_code == 0
    bad = damaged_copy(good, tmp_path / "bad.xlsx")

    result = runner.invoke(main, ["reidentify", str(bad), "--key-file", str(key), "--data", str(data), "-o", str(tmp_path / "named.csv")])

    assert result.exit_code == 1
    assert result.output.startswith(f"Error: 1 problem in the input:\n  - {bad}: the workbook is damaged (")


def test_a_rename_whose_old_name_no_file_has_is_said(tmp_path, data):
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    (folder / "orgnet.toml").write_text('[columns]\nNavn = "name"\n\n[columns.ties]\nfra = "source"\n', encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", str(folder)])

    assert result.exit_code == 1
    tie_columns = ", ".join(sorted((data / "ties.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(","), key=str.lower))
    assert f'orgnet.toml: [columns.ties] fra = "source": ties.csv has no column \'fra\'. Columns: {tie_columns}\n' in result.output
    line = next(line for line in result.output.splitlines() if "[columns] Navn" in line)
    assert line.startswith('  - orgnet.toml: [columns] Navn = "name": no file has a column \'Navn\'. Columns: ')
    assert ", name, " in line  # the file has 'name' (lower case): the message lists it beside the typo


def test_a_rename_that_matches_is_applied(tmp_path, data):
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    people = (folder / "people.csv").read_text(encoding="utf-8").replace("name,", "navn,", 1)
    (folder / "people.csv").write_text(people, encoding="utf-8")
    (folder / "orgnet.toml").write_text('[columns]\nnavn = "name"\n', encoding="utf-8")

    assert list(orgnet.read(folder).people["name"]) == list(orgnet.read(data).people["name"])


def test_a_key_others_can_read_gets_a_warning(tmp_path, data):
    key = tmp_path / "key"
    runner = CliRunner()
    assert runner.invoke(main, ["pseudonymise", "--new-key", str(key)]).exit_code == 0
    quiet = runner.invoke(main, ["pseudonymise", str(data), "--key-file", str(key), "-o", str(tmp_path / "a")])
    assert quiet.exit_code == 0 and "warning" not in quiet.output
    key.chmod(0o644)

    result = runner.invoke(main, ["pseudonymise", str(data), "--key-file", str(key), "-o", str(tmp_path / "b")])

    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"warning: {key} can be read by anyone on this machine (mode 0644); with it the pseudonymised data can be mapped back to people. "
        f"Make it yours alone: chmod 600 {key}"
    )
