"""Files built to hurt — zip bombs, encrypted or script-written workbooks, deep XML, link loops —
refused quickly with a message naming the file, and GEXF's dynamic attributes read."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import openpyxl
import pytest

import orgnet


def workbook(path, people=(("id", "name"), ("a", "Anna"), ("b", "Bo")), ties=(("source", "target", "kind"), ("a", "b", "informal"))):
    book = openpyxl.Workbook()
    book.active.title = "people"
    for row in people:
        book["people"].append(row)
    sheet = book.create_sheet("ties")
    for row in ties:
        sheet.append(row)
    book.save(path)
    return path


# Runs orgnet and prints its own peak memory (VmHWM of its address space: a child's ru_maxrss
# would include the memory of the test process it was forked from).
PEAK_OF_COMMAND = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("peak-kB " + next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]))
sys.argv = ["orgnet", *sys.argv[1:]]
runpy.run_module("orgnet", run_name="__main__")
"""


def test_zip_bomb_is_refused_in_little_memory(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    workbook(bomb)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/padding.xml", b" " * (300 * 2**20))  # 300 MB of spaces, ~300 kB packed
    assert bomb.stat().st_size < 2 * 2**20

    result = subprocess.run([sys.executable, "-c", PEAK_OF_COMMAND, "validate", str(bomb)], capture_output=True, text=True, timeout=120)
    stderr, peak = result.stderr.rsplit("peak-kB ", 1)
    peak_mb = int(peak) / 1024

    assert result.returncode == 1
    assert stderr.startswith(f"Error: 1 problem in the input:\n  - {bomb}: refused: xl/worksheets/padding.xml is compressed ")
    assert "as no real workbook is (a zip bomb?)" in stderr
    assert peak_mb < 500  # the seconds it takes are measured in benchmarks/hostile.py, not asserted here


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(tmp_path, run_cli):
    big = tmp_path / "big.xlsx"
    workbook(big)
    with zipfile.ZipFile(big, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/photo.bin", os.urandom(3 * 2**20))

    result = run_cli("--max-input-mb", "2", "validate", big)

    assert result.exit_code == 1
    assert "the workbook would unpack to 3 MB, more than the 2 MB orgnet reads (orgnet --max-input-mb N raises the limit)" in result.output
    assert run_cli("validate", big).exit_code == 0  # the default limit (512 MB) reads it


def test_password_protected_workbooks_are_named(tmp_path, run_cli):
    ole = tmp_path / "encrypted.xlsx"
    ole.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    zipped = workbook(tmp_path / "zip-password.xlsx")
    data = bytearray(zipped.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" bit
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    zipped.write_bytes(bytes(data))

    first, second = run_cli("validate", ole), run_cli("validate", zipped)

    assert first.output == f"Error: 1 problem in the input:\n  - {ole}: the workbook is password-protected (or an old .xls file); save it again as .xlsx without a password\n"
    assert second.output == f"Error: 1 problem in the input:\n  - {zipped}: the workbook is password-protected; save it again without a password\n"


def test_formula_cells_without_a_saved_value_are_named(tmp_path, run_cli):
    path = workbook(tmp_path / "script.xlsx", people=(("id", "name"), ("=CONCAT(\"a\")", "Anna"), ("b", "Bo")))

    result = run_cli("validate", path)

    assert result.exit_code == 1
    assert result.output == (
        f"Error: 1 problem in the input:\n  - {path} [people]: cells A2 hold a formula without a saved value (written by a script?); "
        "open and save the file in Excel, or paste the values instead of the formulas\n"
    )


@pytest.mark.parametrize("depth", [1, 3000])
def test_nested_graphml_groups_are_refused_by_name(tmp_path, run_cli, depth):
    nested = "".join(f'<node id="g{i}"><graph id="g{i}:" edgedefault="directed">' for i in range(depth))
    closing = "</graph></node>" * depth
    path = tmp_path / "yed.graphml"
    path.write_text(f'<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">{nested}{closing}</graph></graphml>')

    result = run_cli("validate", path)

    assert result.exit_code == 1
    assert result.output == (
        f"Error: 1 problem in the input:\n  - {path}: group nodes (a node holding a graph of its own, as yEd's groups) are not read: "
        "their members would be left out; ungroup the nodes (yEd: Grouping → Ungroup) and save again\n"
    )


def test_gexf_dynamic_attributes_take_the_latest_value(tmp_path):
    path = tmp_path / "dynamic.gexf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">'
        '<graph mode="dynamic" defaultedgetype="directed" timeformat="double">'
        '<attributes class="node" mode="dynamic"><attribute id="0" title="unit" type="string"/></attributes>'
        '<attributes class="edge" mode="static"><attribute id="1" title="kind" type="string"/></attributes>'
        '<nodes><node id="a" label="Anna"><attvalues><attvalue for="0" value="U1" start="1" end="2"/>'
        '<attvalue for="0" value="U2" start="2" end="3"/></attvalues></node>'
        '<node id="b" label="Bo"><attvalues><attvalue for="0" value="U1" start="1" end="3"/></attvalues></node></nodes>'
        '<edges><edge id="0" source="a" target="b"><attvalues><attvalue for="1" value="informal"/></attvalues></edge></edges>'
        "</graph></gexf>"
    )

    network = orgnet.read(path)

    assert network.people["unit"].to_dict() == {"a": "U2", "b": "U1"}


def test_a_link_loop_is_called_a_link_loop(tmp_path, run_cli):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "people.csv").symlink_to(folder / "people.csv")
    (folder / "ties.csv").write_text("source,target,kind\n")

    first, second = run_cli("validate", loop), run_cli("validate", folder)

    assert first.output == f"Error: 1 problem in the input:\n  - {loop}: a symbolic link that leads back to itself (a link loop); point it at the real file or folder\n"
    assert f"{folder}/people.csv: a symbolic link that leads back to itself (a link loop)" in second.output


def test_a_huge_orgnet_toml_is_refused(write_folder, run_cli):
    folder = write_folder(people="id\na\n", ties="source,target,kind\n", orgnet_toml="# " + "x" * 1_100_000 + "\n")

    result = run_cli("validate", folder)

    assert result.exit_code == 1
    assert result.output == "Error: 1 problem in the input:\n  - orgnet.toml: 1,100,003 bytes is more than the 1,000,000 an orgnet.toml may have\n"
