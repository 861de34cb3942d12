"""Suggested contacts: for each chosen person, the ``n`` peers whose contact would help most.

"Help" is ranked in this order (ties broken by the next):

1. for someone with no informal contact outside the own organisation, a leader in another
   organisation (the gap 41 % of the leaders in LederPejling feel);
2. the largest drop in Burt's constraint, computed exactly for the network with that one tie
   added (:mod:`orgnet.suggestions.constraint`);
3. the most people newly within two steps;

then the candidate's id, so the same data always give the same suggestions.

Candidates are peers: the same role, and the same or an adjacent level (``any_level`` lifts
that). Never the person herself, never someone she already has a tie with (either direction),
never a non-respondent (``responded`` = no, as `orgnet survey import` writes it) or someone unavailable (``available`` = no) —
both optional columns of the people table.

Spreading the load: without a limit the same well-placed broker tops most lists (on the shipped
municipality one leader was the first suggestion for 57 of 100 flagged leaders), and she cannot
take on 57 new contacts. So by default no one is suggested to more than ``max_per_person``
people. The suggestions are given rank by rank (every first suggestion before any second); a
person asked by more people than she has room for keeps those she helps most — first those for
whom she is a rule-1 contact, then the largest drop in constraint, the most people newly
reached, the position in the data — and the others get their next best candidate (Gale and
Shapley's deferred acceptance, 1962, with capacities). ``capped`` marks a suggestion the limit
changed, and ``instead_of`` names whom the person would have been given without it.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from orgnet.errors import InputError, OrgnetError, Said
from orgnet.metrics.graph import SymGraph
from orgnet.missing import read_yes_no
from orgnet.model import OrgNetwork
from orgnet.suggestions.constraint import ConstraintUpdate, tie_strengths
from orgnet.suggestions.reasons import check_lang, suggestion_reason

COLUMNS = [
    "person", "name", "role", "rank", "suggested", "suggested_name", "suggested_organisation", "suggested_role",
    "other_organisation", "constraint_before", "constraint_after", "constraint_drop", "newly_reached", "newly_reached_peers",
    "capped", "instead_of", "reason",
]
DEFAULT_MAX_PER_PERSON = 5  # argued in docs/action.md
LEVEL_ORDER = ("top", "middle", "first_line")
ELIGIBILITY_COLUMNS = ("responded", "available")
CHUNK = 256  # egos scored together: three dense chunk × n arrays
DECIMALS = 10  # constraint compared at this precision, so equal values computed two ways rank alike


def suggest_contacts(
    network: OrgNetwork,
    persons=None,
    *,
    n: int = 3,
    any_level: bool = False,
    lang: str = "en",
    graph: SymGraph | None = None,
    new_strength: float | None = None,
    max_per_person: int | None = DEFAULT_MAX_PER_PERSON,
) -> pd.DataFrame:
    """The ``n`` best contacts to add for each person, with the numbers behind each.

    Parameters
    ----------
    network : OrgNetwork
        The people who may be suggested, and their ties (choose them first with
        :func:`orgnet.selection.select_people` to limit the candidates).
    persons : list of ids, optional
        Whom to suggest contacts for; everyone if not given. An unknown id is refused.
    n : int
        Suggestions per person (fewer when there are fewer candidates).
    any_level : bool
        Peers of any level, not only the same or an adjacent one.
    lang : "en" or "da"
        Language of ``reason``.
    graph : SymGraph, optional
        The network's symmetrised graph, when the caller has built it.
    new_strength : float, optional
        Strength of the added tie in constraint (see :class:`ConstraintUpdate`).
    max_per_person : int or None
        Suggest no one to more than this many persons (all ranks counted); ``None`` or 0: no
        limit. See the module's notes for who keeps a contested contact.

    Returns
    -------
    DataFrame
        One row per person × suggestion (columns ``COLUMNS``), best first. ``attrs["orgnet"]``
        names the persons who got fewer than ``n`` suggestions, the limit per suggested person,
        how many suggestions it changed, and how constraint was computed.

    Examples
    --------
    >>> import orgnet
    >>> network = orgnet.read("datasets/skovbjerg")  # doctest: +SKIP
    >>> suggest_contacts(network, ["P0002"], n=3, lang="da")["reason"].iloc[0]  # doctest: +SKIP
    """
    check_lang(lang)
    if n < 1:
        raise OrgnetError(Said("error.suggest.n_too_small", value=n))
    if max_per_person is not None and (isinstance(max_per_person, bool) or not isinstance(max_per_person, (int, np.integer)) or max_per_person < 0):
        raise OrgnetError(Said("error.suggest.bad_max_per_person", value=max_per_person))
    cap = int(max_per_person) if max_per_person else None
    people = network.people
    ids = people.index
    persons = list(ids) if persons is None else list(dict.fromkeys(persons))
    unknown = [person for person in persons if person not in ids]
    if unknown:
        raise OrgnetError(unknown_person(unknown))
    graph = graph if graph is not None else SymGraph.from_network(network)
    update = ConstraintUpdate(tie_strengths(network, graph), new_strength=new_strength)
    context = _Candidates(network, graph, any_level)
    egos = ids.get_indexer(persons)
    # An ego can be turned away only by people who end up full, at most len(egos) · n / cap of
    # them, so her list needs no more candidates than that beyond the n she gets.
    depth = n if cap is None else n + len(egos) * n // cap

    ranked = []
    for start in range(0, len(egos), CHUNK):
        ranked += context.ranked(egos[start : start + CHUNK], update, depth)
    found = _spread(ranked, n, cap)
    table = _table(network, found, update, lang)
    given = np.bincount([row[0] for row in found], minlength=len(ids)) if found else np.zeros(len(ids), dtype=np.int64)
    short = [ids[e] for e in egos if given[e] < n]
    load = table["suggested"].value_counts() if len(table) else pd.Series(dtype=np.int64)
    table.attrs["orgnet"] = {
        "suggestions_per_person": n,
        "persons": len(persons),
        "fewer_than_n": short,
        "max_per_person": cap if cap is not None else "none",
        "changed_by_cap": int(table["capped"].sum()) if len(table) else 0,
        "most_suggested_to_one": int(load.max()) if len(load) else 0,
        "constraint": "Burt (1992) on the ties orgnet.metrics uses, recomputed exactly with each added tie",
        "new_tie_strength": update.new_strength,
        "peers": "same role, any level" if any_level else "same role, same or adjacent level",
    }
    return table


@dataclass
class _Ranked:
    """One ego's candidates, best first, with what each would do for her."""

    ego: int
    candidates: np.ndarray
    priority: np.ndarray  # a rule-1 contact for her
    other: np.ndarray
    after: np.ndarray
    drop: np.ndarray
    newly: np.ndarray
    newly_peers: np.ndarray

    def row(self, position: int, rank: int, instead_of: int | None) -> tuple:
        return (
            self.ego, int(self.candidates[position]), rank, bool(self.other[position]), float(self.after[position]),
            int(self.newly[position]), int(self.newly_peers[position]), instead_of,
        )

    def claim(self, position: int, order: int) -> tuple:
        """How strongly she claims candidate ``position``; larger is stronger, ``order`` her place
        among the egos (earlier wins a tie)."""
        return (bool(self.priority[position]), float(self.drop[position]), int(self.newly[position]), -order)


def _spread(ranked: list[_Ranked], n: int, cap: int | None) -> list[tuple]:
    """Each ego's n suggestions, with no candidate given to more than ``cap`` egos.

    Rank by rank, deferred acceptance: every ego asks her best candidate not yet tried; a
    candidate holds the strongest claims up to her remaining room and turns the weakest away,
    who ask their next. Without a cap this is simply each ego's first n.
    """
    if cap is None:
        return [r.row(k, k + 1, None) for r in ranked for k in range(min(n, len(r.candidates)))]
    load: dict[int, int] = {}
    position = [0] * len(ranked)  # the next candidate each ego will ask
    chosen: list[list[int]] = [[] for _ in ranked]
    for _ in range(n):
        held: dict[int, list] = {}  # candidate → min-heap of (claim, ego, position): the weakest on top
        waiting = list(range(len(ranked)))
        while waiting:
            e = waiting.pop()
            r = ranked[e]
            if position[e] >= len(r.candidates):
                continue  # no candidate left for her
            at = position[e]
            position[e] += 1
            c = int(r.candidates[at])
            room = cap - load.get(c, 0)
            heap = held.setdefault(c, [])
            entry = (r.claim(at, e), e, at)
            if len(heap) < room:
                heapq.heappush(heap, entry)
            elif room > 0 and entry > heap[0]:
                waiting.append(heapq.heapreplace(heap, entry)[1])
            else:
                waiting.append(e)
        for c, heap in held.items():
            load[c] = load.get(c, 0) + len(heap)
            for _, e, at in heap:
                chosen[e].append(at)
    found = []
    for e, r in enumerate(ranked):
        # a suggestion outside her first n stands in for one of the first n she did not get
        missing = iter(at for at in range(min(n, len(r.candidates))) if at not in chosen[e])
        for rank, at in enumerate(chosen[e], start=1):
            found.append(r.row(at, rank, None if at < n else int(r.candidates[next(missing)])))
    return found


class _Candidates:
    """Who may be suggested to whom, and the reach each candidate would add."""

    def __init__(self, network: OrgNetwork, graph: SymGraph, any_level: bool):
        people = network.people
        self.n = graph.n
        self.adjacency = sp.csr_matrix(graph.adjacency.astype(bool).astype(np.int64))
        self.degree = graph.degree.astype(np.int64)
        self.role = _codes(people["role"]) if "role" in people else np.zeros(self.n, dtype=np.int64)
        self.is_leader = (people["role"] == "leader").to_numpy() if "role" in people else np.ones(self.n, dtype=bool)
        self.level_codes, self.level_ok = _levels(people["level"], any_level) if "level" in people else (np.zeros(self.n, dtype=np.int64), np.ones((1, 1), dtype=bool))
        self.organisation = _codes(people["organisation"]) if "organisation" in people else np.full(self.n, -1)
        self.eligible = _eligible(people)
        self.lacks_informal_external = _lacks_informal_external(network)

    def ranked(self, egos: np.ndarray, update: ConstraintUpdate, depth: int) -> list[_Ranked]:
        after = update.after(egos)
        rows = np.arange(len(egos))
        allowed = (self.role[None, :] == self.role[egos][:, None]) & self.level_ok[self.level_codes[egos]][:, self.level_codes] & self.eligible[None, :]
        allowed[rows, egos] = False
        ties = self.adjacency[egos].tocoo()
        allowed[ties.row, ties.col] = False

        # within two steps today, herself included: I + A + A²
        reach = (sp.identity(self.n, format="csr", dtype=np.int64)[egos] + self.adjacency[egos] + self.adjacency[egos] @ self.adjacency).astype(bool)
        outside = ~reach.toarray()
        known = (reach.astype(np.int64) @ self.adjacency).toarray()  # |N(c) ∩ reach(e)|
        newly = outside.astype(np.int64) + self.degree[None, :] - known
        newly_peers = np.zeros_like(newly)
        for role in np.unique(self.role[egos]):
            same = self.role == role
            mine = self.role[egos] == role
            known_peers = (reach[mine].multiply(same[None, :]).astype(np.int64) @ self.adjacency).toarray()
            newly_peers[mine] = (outside[mine] & same[None, :]) + (self.adjacency @ same.astype(np.int64))[None, :] - known_peers

        other = (self.organisation[None, :] != self.organisation[egos][:, None]) & (self.organisation[None, :] >= 0) & (self.organisation[egos][:, None] >= 0)
        priority = other & self.is_leader[None, :] & self.lacks_informal_external[egos][:, None]
        ranked_after = np.round(after, DECIMALS)
        before = update.before[egos]
        found = []
        for k, ego in enumerate(egos):
            candidates = np.flatnonzero(allowed[k])
            order = np.lexsort((candidates, -newly[k, candidates], ranked_after[k, candidates], ~priority[k, candidates]))
            best = candidates[order[:depth]]
            found.append(
                _Ranked(
                    int(ego), best, priority[k, best], other[k, best], after[k, best],
                    np.where(np.isnan(before[k]), np.inf, np.round(before[k] - after[k, best], DECIMALS)),  # an isolate's first contact
                    newly[k, best], newly_peers[k, best],
                )
            )
        return found


def _table(network: OrgNetwork, found: list[tuple], update: ConstraintUpdate, lang: str) -> pd.DataFrame:
    people = network.people
    ids = people.index
    if not found:
        return pd.DataFrame(columns=COLUMNS)
    ego, candidate, rank, other, after, newly, newly_peers, instead_of = (np.asarray(column) for column in zip(*found))
    names = people["name"].astype("object").where(people["name"].notna(), pd.Series(ids, index=ids)) if "name" in people else pd.Series(ids, index=ids)
    column = lambda name: people[name].astype("object").to_numpy() if name in people else np.full(len(ids), None, dtype=object)  # noqa: E731
    before = update.before[ego]
    table = pd.DataFrame(
        {
            "person": ids[ego], "name": names.to_numpy()[ego], "role": column("role")[ego], "rank": rank,
            "suggested": ids[candidate], "suggested_name": names.to_numpy()[candidate],
            "suggested_organisation": column("organisation")[candidate], "suggested_role": column("role")[candidate],
            "other_organisation": other, "constraint_before": before, "constraint_after": after, "constraint_drop": before - after,
            "newly_reached": newly, "newly_reached_peers": newly_peers,
            "capped": np.array([c is not None for c in instead_of], dtype=bool),
            "instead_of": [None if c is None else ids[c] for c in instead_of],
        }
    )
    table["reason"] = [suggestion_reason(row, lang) for row in table.to_dict(orient="records")]
    return table[COLUMNS]


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes for text values; a missing value is its own code (compared like a value)."""
    codes, _ = pd.factorize(values.astype("object").where(values.notna(), "\0missing"))
    return codes.astype(np.int64)


def _levels(levels: pd.Series, any_level: bool) -> tuple[np.ndarray, np.ndarray]:
    """Level codes and which pairs of levels are peers: the same or an adjacent level (in
    ``LEVEL_ORDER`` or, for numbers, one apart); any level with ``any_level``."""
    text = levels.astype("object").where(levels.notna(), "\0missing")
    codes, uniques = pd.factorize(text)
    count = len(uniques)
    if any_level:
        return codes.astype(np.int64), np.ones((count, count), dtype=bool)
    position = np.array([_level_position(value) for value in uniques], dtype=float)
    ok = np.eye(count, dtype=bool) | (np.abs(position[:, None] - position[None, :]) <= 1)
    return codes.astype(np.int64), ok


def _level_position(value) -> float:
    if value in LEVEL_ORDER:
        return float(LEVEL_ORDER.index(value))
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return np.nan  # an unordered level: peers only with itself


def _eligible(people: pd.DataFrame) -> np.ndarray:
    """False for people marked ``responded`` = no or ``available`` = no; empty means yes."""
    keep = np.ones(len(people), dtype=bool)
    problems = []
    for column in ELIGIBILITY_COLUMNS:
        if column not in people:
            continue
        try:
            keep &= ~read_yes_no(people, column).eq(False).fillna(False).to_numpy(dtype=bool)
        except InputError as error:  # both columns' problems at once
            problems += error.problems
    if problems:
        raise InputError(problems)
    return keep


def unknown_person(unknown: list) -> Said:
    """No person with the first of ``unknown``'s ids (and how many more are unknown)."""
    if len(unknown) > 1:
        return Said("error.suggest.unknown_people", person=unknown[0], n=len(unknown) - 1, more=len(unknown) - 1)
    return Said("error.suggest.unknown_person", person=unknown[0])


def _lacks_informal_external(network: OrgNetwork) -> np.ndarray:
    """True for everyone with no informal tie to another organisation (either direction)."""
    ties = network.ties
    chosen = ties[(ties["kind"] == "informal") & (ties["scope"] == "external")]
    has = network.people.index.isin(pd.Index(chosen["source"]).union(pd.Index(chosen["target"])))
    return ~has if "organisation" in network.people else np.zeros(len(network.people), dtype=bool)
