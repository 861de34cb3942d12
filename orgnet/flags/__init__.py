"""Flags: explained findings per person, from the metrics table and the rules.

``flag_people`` returns one row per person × flag with ``id``, ``name``, ``flag``,
``severity``, ``value``, ``threshold`` and a plain-language ``reason`` (English or Danish) that
cites the numbers. Thresholds and roles come from the rules (``rules.toml``, overridable); the
reasons' words from the catalogue (``flag.<flag>.reason…`` in :mod:`orgnet.texts`), unless a rule
file words them its own way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.flags.bagland import LEADER_ROLE, bagland
from orgnet.flags.bridges import single_bridges
from orgnet.flags.rules import FLAGS, SEVERITIES, load_rules
from orgnet.i18n import format_number, local
from orgnet.metrics import compute_all
from orgnet.metrics.graph import SymGraph
from orgnet.missing import non_respondents
from orgnet.model import OrgNetwork
from orgnet.texts import LANGUAGES, texts
from orgnet.texts.labels import peer_group

__all__ = ["flag_people", "load_rules", "FLAGS", "bagland", "COLUMNS"]

COLUMNS = ["id", "name", "flag", "severity", "value", "threshold", "reason"]
INFORMAL_EXTERNAL = "informal+external"
# the figure whose number a reason's noun agrees with ("1 af 1 kollega"); the value otherwise
COUNTED = {"weak_bagland": "colleagues"}


def flag_people(
    network: OrgNetwork,
    metrics: pd.DataFrame | None = None,
    *,
    rules: dict | None = None,
    lang: str = "en",
    seed: int = 0,
    graph: SymGraph | None = None,
) -> pd.DataFrame:
    """Apply every rule; one row per flagged person × flag, most severe first.

    Parameters
    ----------
    metrics : DataFrame, optional
        ``compute_all(network, extra_layers=("informal+external",))``; computed if not given.
    rules : dict, optional
        From :func:`load_rules`; the defaults if not given.
    lang : "en" or "da"
        Language of ``reason``.
    graph : SymGraph, optional
        The network's symmetrised graph, when the caller has built it already.
    """
    if lang not in LANGUAGES:
        raise OrgnetError(Said("error.data.language", lang=lang))
    rules = rules or load_rules()
    if metrics is None or "degree_informal_external" not in metrics.columns:
        metrics = compute_all(network, extra_layers=(INFORMAL_EXTERNAL,), seed=seed, graph=graph)
    context = _Context(network, metrics, rules, lang, graph)
    found = [context.run(flag) for flag in FLAGS]
    table = pd.concat([f for f in found if len(f)], ignore_index=True) if any(len(f) for f in found) else pd.DataFrame(columns=COLUMNS)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    table = table.assign(_s=table["severity"].map(order), _f=table["flag"].map(FLAGS.index))
    return table.sort_values(["_s", "_f", "id"], kind="stable").drop(columns=["_s", "_f"]).reset_index(drop=True)[COLUMNS]


class _Context:
    """Everything the rules look at, computed once."""

    def __init__(self, network: OrgNetwork, metrics: pd.DataFrame, rules: dict, lang: str, graph: SymGraph | None = None):
        self.network, self.metrics, self.rules, self.lang = network, metrics, rules, lang
        self.graph = graph if graph is not None else SymGraph.from_network(network)
        people = network.people
        self.people = people
        self.names = people["name"].fillna(pd.Series(people.index, index=people.index)) if "name" in people else pd.Series(people.index, index=people.index)
        self.role = people["role"] if "role" in people else pd.Series(pd.NA, index=people.index, dtype="object")
        self.has_scope = "organisation" in people.columns
        self.degree = metrics["degree"]
        self._bagland: pd.DataFrame | None = None

    @property
    def bagland(self) -> pd.DataFrame:
        """The TR table, computed once for both TR rules."""
        if self._bagland is None:
            self._bagland = bagland(self.network)
        return self._bagland

    def applies(self, flag: str) -> pd.Series:
        roles = self.rules[flag].get("roles", [])
        return self.role.isin(roles) if roles else pd.Series(True, index=self.people.index)

    def rows(self, flag: str, mask: pd.Series, value, threshold, fields: dict | None = None, text_key: str | None = None) -> pd.DataFrame:
        mask = mask & self.applies(flag)
        ids = mask.index[mask.fillna(False).astype(bool)]
        if not len(ids):
            return pd.DataFrame(columns=COLUMNS)
        rule = self.rules[flag]
        value = _at(value, ids)
        threshold = _at(threshold, ids)
        fields = {key: _at(item, ids) for key, item in (fields or {}).items()}
        setting = f"{self.lang}_{text_key}" if text_key else self.lang
        own = rule.get(setting)  # a rule file's own wording, else the catalogue's
        key = f"flag.{flag}.reason" + (f"_{text_key}" if text_key else "")
        lang = self.lang
        counted = COUNTED.get(flag)
        reasons = []
        for i, person in enumerate(ids):
            figures = {
                "name": self.names[person],
                "value": value[i],
                "threshold": threshold[i],
                **{name: item[i] for name, item in fields.items()},
                **{name: item for name, item in rule.items() if not isinstance(item, (list, str))},
                **_percentages(rule, lang),
            }
            if own is not None:
                reasons.append(own.format(**{name: local(item, lang) for name, item in figures.items()}))
            else:
                count = figures[counted] if counted else figures["value"]
                plural = isinstance(count, (int, float)) and not pd.isna(count)
                reasons.append(texts(lang).t(key, n=count if plural else None, **figures))
        return pd.DataFrame(
            {"id": ids, "name": self.names[ids].to_numpy(), "flag": flag, "severity": rule["severity"], "value": value, "threshold": threshold, "reason": reasons}
        )

    def run(self, flag: str) -> pd.DataFrame:
        return getattr(self, f"_{flag}")(flag)

    # --- the rules ----------------------------------------------------------------------

    @property
    def silent(self) -> pd.Series:
        """People who did not answer the survey (``responded`` false): only others' reports of them are known."""
        return non_respondents(self.people)

    def _isolated(self, flag):
        isolated = self.degree == 0
        return pd.concat([self.rows(flag, isolated & ~self.silent, self.degree, 1),
                          self.rows(flag, isolated & self.silent, self.degree, 1, text_key="no_answer")], ignore_index=True)

    def _thin(self, flag):
        rule = self.rules[flag]
        level = self.people["level"] if "level" in self.people else pd.Series(pd.NA, index=self.people.index)
        peer_key = self.role.astype("object").fillna("—").astype(str) + "|" + level.astype("object").fillna("—").astype(str)
        frame = pd.DataFrame({"degree": self.degree, "peers": peer_key})
        grouped = frame.groupby("peers")["degree"]
        size = grouped.transform("size")
        median = grouped.transform("median")
        # the share of peers with as few contacts or fewer: the decile rule flags ≤ decile
        at_or_below = grouped.rank(method="max", pct=True)
        decile_cut = frame.assign(keep=at_or_below > rule["decile"]).query("keep").groupby("peers")["degree"].min()
        decile_threshold = frame["peers"].map(decile_cut)
        # in contact with everyone else in the data is not thin, however small the data
        below_floor = (self.degree < rule["floor"]) & (self.degree < len(self.people) - 1)
        in_decile = (size >= rule["min_peers"]) & (at_or_below <= rule["decile"])
        active = self.degree > 0
        description = [peer_group(r, lv, self.lang) for r, lv in zip(self.role, level)]
        fields = {"peers": pd.Series(description, index=self.people.index), "median": median.map(lambda v: _number(v, self.lang))}
        silent = self.silent
        floor_rows = self.rows(flag, active & below_floor & ~silent, self.degree, rule["floor"], fields, text_key="floor")
        decile_rows = self.rows(flag, active & ~below_floor & in_decile & ~silent, self.degree, decile_threshold, fields)
        silent_rows = self.rows(flag, active & (below_floor | in_decile) & silent, self.degree, rule["floor"], fields, text_key="no_answer")
        return pd.concat([floor_rows, decile_rows, silent_rows], ignore_index=True)

    # A rule that asks for a contact nobody in the data could be (the only person of her
    # organisation, the only organisation in the data, no leader in the TR's organisation) is
    # not applied: the missing tie says something about the data's scope, not about the person.

    @property
    def has_colleague(self) -> pd.Series:
        """Someone else in the data belongs to the person's organisation (true when it is unknown)."""
        organisation = self.people["organisation"]
        return ~(organisation.map(organisation.value_counts()) == 1)

    @property
    def has_outsider(self) -> pd.Series:
        """Someone in the data belongs to another (known) organisation (true when the own is unknown)."""
        organisation = self.people["organisation"]
        others = organisation.notna().sum() - organisation.map(organisation.value_counts())
        return ~(others == 0)

    def _no_internal(self, flag):
        if not self.has_scope:
            return pd.DataFrame(columns=COLUMNS)
        organisation = {"organisation": self.people["organisation"].fillna("—")}
        mask = (self.degree > 0) & (self.metrics["degree_internal"] == 0) & self.has_colleague
        return self.rows(flag, mask, self.metrics["degree_internal"], 1, organisation)

    def _no_external(self, flag):
        if not self.has_scope:
            return pd.DataFrame(columns=COLUMNS)
        mask = (self.degree > 0) & (self.metrics["degree_external"] == 0) & self.has_outsider
        return self.rows(flag, mask, self.metrics["degree_external"], 1)

    def _no_informal_external(self, flag):
        if not self.has_scope:
            return pd.DataFrame(columns=COLUMNS)
        value = self.metrics["degree_informal_external"]
        return self.rows(flag, (self.degree > 0) & (value == 0) & self.has_outsider, value, 1)

    def _single_bridge(self, flag):
        bridge = single_bridges(self.graph)
        label = bridge.map(lambda p: p if pd.isna(p) else f"{self.names[p]} ({p})")
        return self.rows(flag, bridge.notna() & (self.degree > 0), bridge, pd.Series(np.nan, index=bridge.index), {"bridge": label})

    def _bottleneck(self, flag):
        if "betweenness" not in self.metrics:
            return pd.DataFrame(columns=COLUMNS)
        rule = self.rules[flag]
        betweenness = self.metrics["betweenness"]
        cut = float(betweenness.quantile(1 - rule["top_share"]))
        mask = (self.metrics["articulation"] == 1) & (betweenness >= cut) & (betweenness > 0)
        return self.rows(flag, mask, betweenness, cut)

    def _weak_bagland(self, flag):
        table = self.bagland
        rule = self.rules[flag]
        coverage = table["coverage"].reindex(self.people.index)
        fields = {
            "reached": table["reached"].reindex(self.people.index).astype("Int64"),
            "colleagues": table["colleagues"].reindex(self.people.index).astype("Int64"),
            "unit": table["unit"].reindex(self.people.index).fillna("—"),
        }
        return self.rows(flag, coverage.notna() & (coverage < rule["min_coverage"]), coverage, rule["min_coverage"], fields)

    def _no_management_tie(self, flag):
        if not self.has_scope:
            return pd.DataFrame(columns=COLUMNS)
        table = self.bagland
        ties = table["management_ties"].reindex(self.people.index)
        organisation = {"organisation": self.people["organisation"].fillna("—")}
        leaders = self.people.loc[self.role == LEADER_ROLE, "organisation"].dropna().unique()
        has_management = self.people["organisation"].isin(leaders)
        return self.rows(flag, ties.notna() & (ties == 0) & has_management, ties, 1, organisation)


def _at(values, ids) -> list:
    if isinstance(values, pd.Series):
        return [_plain(v) for v in values.reindex(ids).tolist()]
    return [values] * len(ids)


def _plain(value):
    if isinstance(value, np.generic):
        return value.item()
    return value


def _number(value: float, lang: str) -> str:
    return f"{value:g}" if lang == "en" else format_number(value, lang)


def _percentages(rule: dict, lang: str) -> dict:
    extra = {}
    if "decile" in rule:
        extra["decile_pct"] = format(local(rule["decile"], lang), ".0%")
    if "top_share" in rule:
        extra["top_pct"] = format(local(rule["top_share"], lang), ".0%")
    return extra
