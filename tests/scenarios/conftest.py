"""Hand-built networks for the scenario tests, small enough to compute every figure by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.io.tables import RawTable, build_network


def network(people: list[tuple], ties: list[tuple], columns=("id", "organisation", "unit", "role"), groups=None):
    """A network from rows: people as tuples of ``columns``; ties as (source, target, kind)."""
    people_frame = pd.DataFrame(people, columns=list(columns))
    people_frame["name"] = "Navn " + people_frame["id"]
    ties_frame = pd.DataFrame(ties, columns=["source", "target", "kind"]).assign(
        relation=lambda t: t["kind"].map({"formal": "line", "informal": "advice"})
    )
    return build_network(
        RawTable("people", people_frame),
        RawTable("ties", ties_frame),
        RawTable("groups", pd.DataFrame(groups, columns=["group", "person"])) if groups else None,
    )


@pytest.fixture
def merger():
    """A1, A2 in A; B1 in B; C1 in C. A1–A2 internal, A1–B1 and B1–C1 external. A1 is a leader."""
    return network(
        [("A1", "A", "A", "leader"), ("A2", "A", "A", "employee"), ("B1", "B", "B", "employee"), ("C1", "C", "C", "employee")],
        [("A1", "A2", "informal"), ("A1", "B1", "informal"), ("B1", "C1", "formal")],
    )


@pytest.fixture
def path():
    """X1 – X2 – X3 – X4, all in one organisation: X2 and X3 are articulation points."""
    return network(
        [("X1", "O", "U", "employee"), ("X2", "O", "U", "employee"), ("X3", "O", "U", "employee"), ("X4", "O", "U", "employee")],
        [("X1", "X2", "informal"), ("X2", "X3", "informal"), ("X3", "X4", "informal")],
        groups=[("g", "X1"), ("g", "X2")],
    )


@pytest.fixture
def trs():
    """TR T in unit U1 (with E1, E2 and leader L), unit U2 (F1, F2, F3); T knows E1, F1, F2, L."""
    return network(
        [
            ("T", "O", "U1", "tr"),
            ("E1", "O", "U1", "employee"),
            ("E2", "O", "U1", "employee"),
            ("L", "O", "U1", "leader"),
            ("F1", "O", "U2", "employee"),
            ("F2", "O", "U2", "employee"),
            ("F3", "O", "U2", "employee"),
            ("Q1", "P", "V", "employee"),
        ],
        [
            ("T", "E1", "informal"),
            ("T", "F1", "informal"),
            ("T", "F2", "informal"),
            ("T", "L", "formal"),
            ("F3", "Q1", "informal"),
        ],
    )


@pytest.fixture
def two_ledelse():
    """Kærholm and Solsikken both have a unit called Ledelse; only Kærholm has Køkken."""
    return network(
        [
            ("L1", "Kærholm", "Ledelse", "leader"),
            ("E1", "Kærholm", "Køkken", "employee"),
            ("L2", "Solsikken", "Ledelse", "leader"),
            ("E2", "Solsikken", "Stue", "employee"),
        ],
        [("L1", "E1", "informal"), ("L1", "L2", "informal"), ("L2", "E2", "formal")],
    )
