"""orgnet groups on about 2,000 leaders (a generated municipality of 7,700 people), end to end.

    python benchmarks/groups.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orgnet
from orgnet.generate import generate_municipality


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "municipality"
        network = generate_municipality(people=7700, seed=3)
        orgnet.write(network, data)
        leaders = int((network.people["role"] == "leader").sum())
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "orgnet", "groups", str(data), "-o", str(Path(folder) / "groups.csv")], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        print(f"orgnet groups: {leaders:,} leaders of {len(network.people):,} people in {elapsed:.1f} s (exit {result.returncode}; target < 30 s)")
        print(result.stdout.splitlines()[0] if result.stdout else result.stderr)


if __name__ == "__main__":
    main()
