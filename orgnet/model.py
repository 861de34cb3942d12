"""The data model: people, ties and groups as pandas tables.

``OrgNetwork`` is a plain value: tables in, tables out. Every stage after reading takes one
and returns tables; nothing mutates it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd


@dataclass(frozen=True)
class OrgNetwork:
    """People, ties and groups of one organisational network.

    Attributes
    ----------
    people : DataFrame
        One row per person, indexed by ``id`` (text); every column is an attribute.
    ties : DataFrame
        One row per distinct (source, target, relation): ``source``, ``target``, ``relation``,
        ``kind`` (formal/informal), ``weight`` (summed over duplicates), ``reports`` (how many
        input rows were merged into the tie), ``scope`` (internal/external/unknown), and any
        extra columns of the input.
    groups : DataFrame
        Group membership: ``group``, ``person`` and optional ``group_kind``.
    duplicates_merged : int
        How many input tie rows were merged into an earlier identical tie.
    """

    people: pd.DataFrame
    ties: pd.DataFrame
    groups: pd.DataFrame
    duplicates_merged: int = 0

    @property
    def ids(self) -> pd.Index:
        return self.people.index

    def layer(self, spec: str | None) -> OrgNetwork:
        """The same people with only the ties of one layer, e.g. ``"informal+external"``."""
        from orgnet.layers import select_ties

        if not spec:
            return self
        return replace(self, ties=select_ties(self.ties, spec))

    def isolates(self) -> pd.Index:
        """People with no tie in either direction."""
        linked = pd.Index(self.ties["source"]).union(pd.Index(self.ties["target"]))
        return self.people.index.difference(linked, sort=False)

    def to_networkx(self, **options):
        from orgnet.adapters import to_networkx

        return to_networkx(self, **options)

    def to_igraph(self, **options):
        from orgnet.adapters import to_igraph

        return to_igraph(self, **options)


def scope_of_ties(people: pd.DataFrame, ties: pd.DataFrame) -> pd.Series:
    """``internal`` when both people share ``organisation``, else ``external``.

    Without an ``organisation`` column the file describes one organisation, so every tie is
    internal. A tie to a person whose organisation is empty has scope ``unknown``.
    """
    if "organisation" not in people.columns:
        return pd.Series("internal", index=ties.index, dtype="str")
    organisation = people["organisation"]
    source_org = ties["source"].map(organisation)
    target_org = ties["target"].map(organisation)
    scope = pd.Series("external", index=ties.index, dtype="str")
    scope[(source_org == target_org).fillna(False).astype(bool)] = "internal"
    scope[source_org.isna() | target_org.isna()] = "unknown"
    return scope
