"""orgnet keyplayers' search on a generated municipality of about 1,000 people (k = 5), timed.

The test suite bounds the search's work (``tests/scenarios/test_keyplayer.py`` counts the
fragmentation evaluations); how long that work takes belongs here.

    python benchmarks/keyplayers.py
"""

from __future__ import annotations

import time

from orgnet.generate import generate_municipality
from orgnet.metrics.graph import SymGraph
from orgnet.scenarios.keyplayer import key_players

TARGET_SECONDS = 30


def main() -> None:
    graph = SymGraph.from_network(generate_municipality(people=1000, seed=1))
    started = time.perf_counter()
    result = key_players(graph, 5, goal="fragment", seed=0)
    elapsed = time.perf_counter() - started
    print(
        f"orgnet keyplayers --size 5: {graph.n:,} people, {result.evaluations} fragmentation evaluations "
        f"among {result.candidates} candidates in {elapsed:.1f} s (target < {TARGET_SECONDS} s)"
    )


if __name__ == "__main__":
    main()
