"""The groups heuristic against HiGHS's proven optimum on small instances (docs/groups.md).

For each instance: the MILP's status, gap and value, and the heuristic's value with its default
restarts and with the former 12. Only instances HiGHS proves (status optimal, gap 0) count as a
comparison; the others are listed with their bound. Takes a few minutes (one instance may run
to the 60 s limit).

    python benchmarks/groups_exact.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orgnet.groups.heuristic import objective, solve  # noqa: E402
from orgnet.groups.milp import solve_exact  # noqa: E402
from tests.groups.test_groups import PROVEN, homogeneous_problem, random_problem  # noqa: E402

SWEEP = [(make, n, seed) for make in (random_problem, homogeneous_problem) for n in (12, 16, 18, 20) for seed in range(20, 32)]
UNPROVEN = [(random_problem, 30, 12)]


def main() -> None:
    instances = [(make, n, seed) for make, n, seed, _ in PROVEN] + SWEEP + UNPROVEN
    proven = missed = missed_12 = 0
    for make, n, seed in instances:
        problem = make(n, seed)
        started = time.perf_counter()
        exact = solve_exact(problem, time_limit=60)
        seconds = time.perf_counter() - started
        heuristic = objective(problem, solve(problem, seed=0))["score"]
        former = objective(problem, solve(problem, seed=0, restarts=12))["score"]
        gap = (exact.objective - heuristic) / abs(exact.objective)
        print(
            f"{make.__name__} {n:>2} {seed:>2}: {exact.status:<13} gap {exact.gap:.3f} optimum {exact.objective:g} "
            f"(bound {exact.bound:g}) in {seconds:.1f} s; heuristic {heuristic:g} ({gap:.1%}), with 12 restarts {former:g}",
            flush=True,
        )
        if exact.proven:
            proven += 1
            missed += heuristic < exact.objective - 1e-6
            missed_12 += former < exact.objective - 1e-6
    print(f"{proven} of {len(instances)} proven; the heuristic missed the optimum on {missed} (with 12 restarts: {missed_12})")


if __name__ == "__main__":
    main()
