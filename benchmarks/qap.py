"""MRQAP (OLS, double semi-partialling) with 3 terms and 2,000 permutations on 300 and on 2,000 people, timed.

The model a consultant would run: Y an informal relation (about 3 % of the pairs), the terms a formal
relation (sparse, related to Y), ``same:unit`` (10 units) and ``diff:tenure_years`` (dense). The test
suite checks the numbers (tests/stats); how long they take belongs here (docs/performance.md).

    python benchmarks/qap.py [--people 300 2000] [--permutations 2000] [--method dsp]
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np

from orgnet.stats.qap import design, mrqap

TARGETS = {300: 5.0, 2000: 60.0}  # seconds, issue #22


def model(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    unit = rng.integers(0, 10, n)
    tenure = rng.gamma(2.0, 4.0, n)
    same = (unit[:, None] == unit[None, :]).astype(float)
    formal = (rng.random((n, n)) < 0.01).astype(float)
    y = (rng.random((n, n)) < 0.02 + 0.05 * same + 0.3 * formal).astype(float)
    diff = np.abs(tenure[:, None] - tenure[None, :])
    for m in (y, formal, same, diff):
        np.fill_diagonal(m, 0)
    return y, [formal, same, diff], ["formal", "same:unit", "diff:tenure_years"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--permutations", type=int, default=2000)
    parser.add_argument("--method", default="dsp")
    options = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load average {load:.1f}, numpy {np.__version__}")
    for n in options.people:
        y, xs, names = model(n)
        made = design(y, xs, names, ~np.eye(n, dtype=bool))
        started = time.perf_counter()
        result = mrqap(made, method=options.method, permutations=options.permutations, seed=0)
        elapsed = time.perf_counter() - started
        target = TARGETS.get(n)
        verdict = "" if target is None else f" (target < {target:.0f} s: {'met' if elapsed < target else 'NOT met'})"
        print(f"MRQAP {options.method}, 3 terms, {result.permutations:,} permutations, {n:,} people ({result.dyads:,} dyads): "
              f"{elapsed:.1f} s{verdict}")


if __name__ == "__main__":
    main()
