"""Outputs are never half-written, an interrupt ends quietly, and no output overwrites an input."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import orgnet
from orgnet.generate import generate_municipality

SLOW_WRITER = textwrap.dedent(
    """
    import signal, sys, time
    import pandas as pd
    from orgnet.cli import _stop
    from orgnet.export import write_table
    import orgnet.io.text as text

    signal.signal(signal.SIGTERM, _stop)
    real = pd.DataFrame.to_csv

    def slow_to_csv(frame, path, **options):  # writes a third of the rows, then hangs
        real(frame.iloc[: len(frame) // 3], path, **options)
        print("writing", flush=True)
        time.sleep(60)

    pd.DataFrame.to_csv = slow_to_csv
    try:
        write_table(pd.DataFrame({"id": range(3000), "x": range(3000)}), sys.argv[1], metadata={"new": True})
    except BaseException as stop:
        sys.exit(143)
    """
)


def test_a_writer_stopped_mid_way_leaves_the_old_files_and_no_partial_one(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old,complete\n")
    (tmp_path / "out.meta.json").write_text('{"old": true}\n')
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "writing"  # a partial file exists now, under a temporary name

    process.send_signal(signal.SIGTERM)

    assert process.wait(timeout=120) == 143
    assert target.read_text() == "old,complete\n"
    assert (tmp_path / "out.meta.json").read_text() == '{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.meta.json"]


@pytest.fixture(scope="module")
def mid_size(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data") / "n"
    orgnet.write(generate_municipality(people=8000, seed=3), folder)
    return folder


@pytest.mark.parametrize(("signal_number", "status", "line"), [(signal.SIGTERM, 143, "orgnet: stopped"), (signal.SIGINT, 130, "orgnet: interrupted")])
def test_stopping_orgnet_metrics_ends_quietly(mid_size, tmp_path, signal_number, status, line):
    output = tmp_path / "m.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "orgnet", "metrics", str(mid_size), "-o", str(output), "--exact"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _wait_for_workers(process.pid)  # reading is done; the path searches run in the worker processes
    process.send_signal(signal_number)
    stdout, stderr = process.communicate(timeout=300)

    assert process.returncode == status
    assert stderr.strip() == line
    assert "Traceback" not in stdout + stderr
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []


def _wait_for_workers(pid: int, timeout: float = 120) -> None:
    """Until the command has forked its worker processes (Linux: /proc/PID/task/PID/children)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if children.exists() and children.read_text().strip():
            time.sleep(0.5)
            return
        time.sleep(0.1)
    raise AssertionError("the command never started its worker processes")


def test_an_output_onto_an_input_file_is_refused(write_folder, run_cli):
    folder = write_folder(people="id,name\na,Anna\nb,Bo\n", ties="source,target,kind\na,b,informal\n")
    before = (folder / "people.csv").read_bytes()

    result = run_cli("metrics", folder, "-o", folder / "people.csv")

    assert result.exit_code == 1
    assert result.output == f"Error: {folder / 'people.csv'}: is an input of this command (read from DATA {folder}); write the output somewhere else\n"
    assert (folder / "people.csv").read_bytes() == before


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_unwritable_output_is_one_message_about_that_file(write_folder, tmp_path, suffix):
    folder = write_folder(people="id,name\na,Anna\nb,Bo\n", ties="source,target,kind\na,b,informal\n")
    output = f"/proc/orgnet-test{suffix}"  # a place nobody can create files in, root included

    result = subprocess.run([sys.executable, "-m", "orgnet", "flags", str(folder), "-o", output], capture_output=True, text=True, timeout=300)

    assert result.returncode == 1
    assert result.stderr == "Error: /proc: is a read-only folder; orgnet writes nothing into it (make it writable, or choose another)\n"
