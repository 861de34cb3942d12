"""Layers: the ties of one kind × scope × relation, named like ``informal+external``.

A layer name is terms joined by ``+``. Each term is a kind (``formal``, ``informal``), a scope
(``internal``, ``external``) or a relation label found in the data. Terms of different
dimensions must all hold (``informal+external``: informal *and* external); terms of the same
dimension are alternatives (``advice+friendship``: either relation). ``all`` is every tie.
"""

from __future__ import annotations

import pandas as pd

from orgnet.config import KINDS
from orgnet.errors import OrgnetError, Said

SCOPE_TERMS = ("internal", "external")

# The layers orgnet reports everywhere, in this order: the whole network, then the kinds and the
# scopes (the handbook's two distinctions), and the four quadrants of kind × scope for a person's
# own network. ``informal+external`` — the bridges outside one's own organisation — is the layer
# the flags and the groups care most about.
ALL = "all"
KIND_SCOPE_LAYERS = ("formal", "informal", "internal", "external")
SUMMARY_LAYERS = (ALL, *KIND_SCOPE_LAYERS)
QUADRANTS = ("formal+internal", "informal+internal", "formal+external", "informal+external")
BRIDGE_LAYER = "informal+external"


def parse_layer(spec: str, relations: set[str]) -> dict[str, set[str]]:
    """The layer's terms by dimension (``kind``, ``scope``, ``relation``); refuse unknown terms."""
    terms = [term.strip() for term in spec.split("+") if term.strip()]
    if not terms:
        raise OrgnetError(Said("error.data.layer.empty", spec=spec))
    chosen: dict[str, set[str]] = {}
    for term in terms:
        if term == "all":
            continue
        if term in KINDS:
            dimension = "kind"
        elif term in SCOPE_TERMS:
            dimension = "scope"
        elif term in relations:
            dimension = "relation"
        else:
            known = ", ".join([*KINDS, *SCOPE_TERMS, *sorted(relations)])
            raise OrgnetError(Said("error.data.layer.unknown_term", term=term, spec=spec, known=known))
        chosen.setdefault(dimension, set()).add(term)
    return chosen


def select_ties(ties: pd.DataFrame, spec: str) -> pd.DataFrame:
    """The ties in layer ``spec`` (see the module docstring)."""
    chosen = parse_layer(spec, set(ties["relation"].dropna().unique()))
    keep = pd.Series(True, index=ties.index)
    for dimension, values in chosen.items():
        keep &= ties[dimension].isin(values)
    return ties[keep].reset_index(drop=True)


def layer_name(spec: str) -> str:
    """A column-friendly name: ``informal+external`` → ``informal_external``."""
    return "_".join(term.strip() for term in spec.split("+") if term.strip())


def degree_column(spec: str) -> str:
    """The metrics table's column of a layer's contacts: ``degree`` for all, ``degree_<layer>`` else."""
    return "degree" if spec == ALL else f"degree_{layer_name(spec)}"
