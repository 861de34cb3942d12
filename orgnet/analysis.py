"""One analysis of one network, shared by every output: each part computed once, on demand.

``Analysis`` holds the data as read, the people chosen (``--where``), and every result the
outputs need — the symmetrised graph, the metrics table, the flags, the TR bagland table, the
comparisons and the network summary. Each is computed the first time it is asked for and kept,
so ``orgnet demo`` and ``orgnet report`` never compute a stage twice, and a later stage reuses
what an earlier one computed (flags reuse the metrics, the report reuses both, the graph reuses
the layout's graph).

Example
-------
>>> import orgnet
>>> from orgnet.analysis import Analysis
>>> analysis = Analysis(orgnet.read("datasets/skovbjerg"), where=["role=leader"])  # doctest: +SKIP
>>> analysis.flags["flag"].value_counts()  # doctest: +SKIP
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from orgnet.compare import DEFAULT_K, compare
from orgnet.flags import bagland, flag_people, load_rules
from orgnet.layers import BRIDGE_LAYER
from orgnet.metrics import compute_all, with_person_columns
from orgnet.metrics.centrality import Progress
from orgnet.metrics.graph import SymGraph
from orgnet.metrics.network import summarise
from orgnet.missing import treat_missing
from orgnet.model import OrgNetwork
from orgnet.overview import describe
from orgnet.selection import Condition, describe_selection, parse_conditions, select_people

# The layers that flags and reports need beside the standard four.


class Analysis:
    """The network (or the people chosen from it) and everything computed from it.

    Parameters
    ----------
    network : OrgNetwork
        The data as read.
    where : conditions, optional
        ``["role=leader", "level!=top"]`` (see :mod:`orgnet.selection`): every result is then
        computed on the subnetwork among the chosen people, and the metadata says so.
    seed, exact, sample_size, group_by
        As for :func:`orgnet.metrics.compute_all`.
    rules : dict, optional
        Flag rules (:func:`orgnet.flags.load_rules`); the defaults if not given.
    lang : "en" or "da"
        Language of the flags' reasons.
    k : int
        Smallest group shown in comparisons.
    progress : callable, optional
        ``progress(task, done, total)`` while the metrics run.
    metric_options : dict, optional
        Further keyword arguments for ``compute_all`` (e.g. structural-hole options).
    missing : "keep" or "reconstruct"
        What survey non-respondents' missing reports become (:mod:`orgnet.missing`); applied
        to the data as read, before ``where``, and stated in every output's metadata.
    """

    def __init__(
        self,
        network: OrgNetwork,
        *,
        where: tuple[str, ...] | list[str] | tuple[Condition, ...] = (),
        seed: int = 0,
        exact: bool | None = None,
        sample_size: int | None = None,
        group_by: str | None = None,
        rules: dict | None = None,
        lang: str = "en",
        k: int = DEFAULT_K,
        progress: Progress | None = None,
        metric_options: dict | None = None,
        missing: str = "keep",
    ):
        self.data = network
        self.conditions = parse_conditions(where) if where and isinstance(where[0], str) else tuple(where)
        treated, self.missing = treat_missing(network, missing)
        self.network = select_people(treated, self.conditions)
        self.seed, self.exact, self.sample_size, self.group_by = seed, exact, sample_size, group_by
        self.rules = rules or load_rules()
        self.lang, self.k, self.progress = lang, k, progress
        self.metric_options = dict(metric_options or {})
        self._comparisons: dict[tuple, pd.DataFrame] = {}

    # --- what was analysed ------------------------------------------------------------------

    @property
    def selection(self) -> dict:
        """The ``--where`` conditions and how many people they chose, for output metadata."""
        return describe_selection(self.conditions, len(self.network.people), len(self.data.people))

    @property
    def missing_metadata(self) -> dict:
        """How survey non-response was treated (``--missing``), for output metadata; empty without survey data."""
        return self.missing.metadata() if self.missing is not None else {}

    @property
    def is_selection(self) -> bool:
        return bool(self.conditions)

    @cached_property
    def overview(self) -> dict:
        return describe(self.network)

    # --- the results, each computed once ---------------------------------------------------

    @cached_property
    def graph(self) -> SymGraph:
        """The symmetrised graph of the chosen people, shared by metrics, flags, summary and layout."""
        return SymGraph.from_network(self.network)

    @cached_property
    def metrics(self) -> pd.DataFrame:
        table = compute_all(
            self.network,
            group_by=self.group_by,
            exact=self.exact,
            sample_size=self.sample_size,
            seed=self.seed,
            extra_layers=(BRIDGE_LAYER,),
            progress=self.progress,
            graph=self.graph,
            **self.metric_options,
        )
        table.attrs["orgnet"] = {**table.attrs.get("orgnet", {}), **self.selection, **self.missing_metadata}
        return table

    @cached_property
    def people_table(self) -> pd.DataFrame:
        """The metrics with id, name, organisation, unit, role and level first."""
        return with_person_columns(self.network, self.metrics)

    @cached_property
    def flags(self) -> pd.DataFrame:
        return flag_people(self.network, self.metrics, rules=self.rules, lang=self.lang, graph=self.graph)

    @cached_property
    def bagland(self) -> pd.DataFrame:
        """The TR table (one row per TR), with each TR's flags joined."""
        table = bagland(self.network)
        per_person = self.flags.groupby("id")["flag"].agg(", ".join)
        return table.assign(flags=per_person.reindex(table.index).fillna(""))

    @cached_property
    def summary(self) -> dict:
        return summarise(self.network, group_by=self.group_by, seed=self.seed, graph=self.graph)

    def comparison(self, by: list[str] | tuple[str, ...], *, role: str | None = None, k: int | None = None) -> pd.DataFrame:
        """Contacts and flag shares by the attributes ``by``; groups under ``k`` suppressed."""
        k = self.k if k is None else k
        key = (tuple(by), role, k)
        if key not in self._comparisons:
            self._comparisons[key] = compare(self.network, self.metrics, self.flags, by=list(by), k=k, role=role)
        return self._comparisons[key]
