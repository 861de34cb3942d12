"""Small networks with roles, levels and organisations for the suggestion and profile tests, built through
the public reading path. (The profile pages' browser tests are in tests/viz, beside the browser
fixtures: one Playwright session for the whole run.)"""

from __future__ import annotations

import pandas as pd
from hypothesis import strategies as st

from orgnet.io.tables import RawTable, build_network

ORGANISATIONS = ("Åløkke", "Bøgely", "Cedertræet")
LEVELS = ("top", "middle", "first_line")


def make_network(people: list[dict], arcs: list[tuple], kinds: list[str] | None = None, weights: list[float] | None = None):
    """``people``: dicts with at least ``id``; ``arcs``: (source index, target index)."""
    table = pd.DataFrame(people)
    ids = table["id"].tolist()
    kinds = kinds or ["informal"] * len(arcs)
    ties = pd.DataFrame(
        {
            "source": [ids[a] for a, _ in arcs],
            "target": [ids[b] for _, b in arcs],
            "relation": ["line" if kind == "formal" else "advice" for kind in kinds],
            "kind": kinds,
            **({"weight": weights} if weights is not None else {}),
        },
        columns=["source", "target", "relation", "kind", *(["weight"] if weights is not None else [])],
    )
    return build_network(RawTable("people", table), RawTable("ties", ties))


@st.composite
def role_networks(draw, min_people: int = 2, max_people: int = 14):
    """Leaders and TRs at three levels in three organisations, directed ties of both kinds,
    isolates and duplicate reports included."""
    n = draw(st.integers(min_people, max_people))
    people = [
        {
            "id": f"p{i}",
            "name": f"Person {i}",
            "organisation": draw(st.sampled_from(ORGANISATIONS)),
            "role": draw(st.sampled_from(("leader", "leader", "tr"))),
            "level": draw(st.sampled_from(LEVELS)),
        }
        for i in range(n)
    ]
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    arcs = draw(st.lists(pairs, max_size=3 * n))
    kinds = draw(st.lists(st.sampled_from(("formal", "informal")), min_size=len(arcs), max_size=len(arcs)))
    return make_network(people, arcs, kinds)
