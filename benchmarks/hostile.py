"""How fast and how lightly orgnet refuses a 1 GB zip bomb disguised as a workbook.

    python benchmarks/hostile.py [--gigabytes 1]

Builds a valid two-sheet workbook plus one member of N GB of spaces (about 1 MB packed), then
times ``orgnet validate`` on it in a subprocess and reports its peak memory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl

# orgnet's own peak memory (VmHWM of its address space; a child's ru_maxrss would count the
# memory of the process it was forked from).
PEAK_OF_COMMAND = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("peak-kB " + next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]))
sys.argv = ["orgnet", *sys.argv[1:]]
runpy.run_module("orgnet", run_name="__main__")
"""


def build(path: Path, gigabytes: float) -> None:
    book = openpyxl.Workbook()
    book.active.title = "people"
    book["people"].append(["id"])
    book.create_sheet("ties").append(["source", "target", "kind"])
    book.save(path)
    chunk = b" " * 2**24
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/padding.xml", "w", force_zip64=True) as member:
            for _ in range(int(gigabytes * 2**30 / len(chunk))):
                member.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gigabytes", type=float, default=1.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bomb = Path(folder) / "bomb.xlsx"
        build(bomb, options.gigabytes)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", PEAK_OF_COMMAND, "validate", str(bomb)], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        stderr, peak = result.stderr.rsplit("peak-kB ", 1)
        print(f"{options.gigabytes:g} GB bomb ({bomb.stat().st_size / 2**20:.1f} MB on disk): exit {result.returncode}, "
              f"{elapsed:.2f} s, peak {int(peak) / 1024:.0f} MB\n{stderr.strip()}")


if __name__ == "__main__":
    main()
