"""A simulated second survey wave: the same organisation a year later.

Used to ship ``datasets/skovbjerg-2008`` (made with ``orgnet generate --wave2-of
datasets/skovbjerg --seed 2008``) so ``orgnet diff`` has two waves to compare. What changes:

- **leavers**: each person leaves with probability ``LEAVE_RATE``, with all their ties;
- **newcomers**: each leaver's post is filled by a new person (new id and name) who takes over
  the post — organisation, unit, role, level, profession, employer — its formal ties (reporting
  lines, committees, network groups) and its group memberships, but none of the informal ties;
  each newcomer names ``NEWCOMER_TIES`` colleagues of the unit for advice;
- **ties lost and formed**: each informal tie among stayers is lost with probability
  ``INFORMAL_LOSS``; new informal ties close triangles (a colleague of a colleague), about
  ``CLOSURE_RATE`` times the number of informal ties;
- **the reform**: two organisations (drawn among those with a TR, i.e. institutions) merge into
  one, named after both; their leaders form a joint committee (formal ties among them);
- everyone who stays is a year more senior (``tenure_years`` + 1).

Everything is drawn with numpy in bulk from one seed; the same input and seed give the same
wave, tie for tie.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.generate import names
from orgnet.io.tables import RawTable, build_network
from orgnet.model import OrgNetwork

LEAVE_RATE = 0.08
INFORMAL_LOSS = 0.12
CLOSURE_RATE = 0.10
NEWCOMER_TIES = 2
POST_COLUMNS = ("organisation", "unit", "role", "level", "profession", "employer", "municipality", "former_municipality")


def simulate_wave2(network: OrgNetwork, *, seed: int = 2008) -> tuple[OrgNetwork, dict]:
    """The network a year later, and a dict saying what was simulated (merged organisations,
    counts of leavers, newcomers, ties lost and formed)."""
    rng = np.random.default_rng(seed)
    people = network.people.copy()
    ids = people.index
    leaving = rng.random(len(ids)) < LEAVE_RATE
    leavers = ids[leaving]
    newcomers = _new_ids(ids, len(leavers))
    successor = pd.Series(newcomers, index=leavers)

    stayers = people.loc[~leaving].copy()
    if "tenure_years" in stayers.columns:
        stayers["tenure_years"] = pd.to_numeric(stayers["tenure_years"], errors="coerce") + 1
    hired = _newcomers(people.loc[leavers], newcomers, rng)
    after = pd.concat([stayers, hired])

    ties = network.ties[["source", "target", "relation", "kind"]]
    informal = ties["kind"] == "informal"
    touches_leaver = ties["source"].isin(leavers) | ties["target"].isin(leavers)
    lost_informal = informal & ~touches_leaver & (rng.random(len(ties)) < INFORMAL_LOSS)
    kept = ties[~touches_leaver & ~lost_informal]
    # A newcomer takes over the post's formal ties (both ends may have been replaced).
    inherited = ties[~informal & touches_leaver].assign(
        source=lambda t: t["source"].map(successor).fillna(t["source"]),
        target=lambda t: t["target"].map(successor).fillna(t["target"]),
    )
    formed = _triadic_closure(kept[kept["kind"] == "informal"], int(CLOSURE_RATE * informal.sum()), rng)
    advice = _newcomer_advice(after, newcomers, rng)

    merged, merged_name = _merge_two(after, rng)
    committee = pd.DataFrame(columns=["source", "target", "relation", "kind"])
    if merged:
        after.loc[after["organisation"].isin(merged), "organisation"] = merged_name
        leaders = after.index[(after["organisation"] == merged_name) & (after.get("role") == "leader")]
        pairs = np.array([(a, b) for i, a in enumerate(leaders) for b in leaders[i + 1 :]], dtype=object).reshape(-1, 2)
        committee = pd.DataFrame({"source": pairs[:, 0], "target": pairs[:, 1], "relation": "committee", "kind": "formal"})

    new_ties = pd.concat([kept, inherited, formed, advice, committee], ignore_index=True)
    new_ties = new_ties[new_ties["source"] != new_ties["target"]].drop_duplicates(["source", "target", "relation"])
    groups = network.groups
    if len(groups):
        groups = groups.assign(person=groups["person"].map(successor).fillna(groups["person"]))
    wave = build_network(
        RawTable("simulated people", after.reset_index()),
        RawTable("simulated ties", new_ties.reset_index(drop=True)),
        RawTable("simulated groups", groups.reset_index(drop=True)) if len(groups) else None,
    )
    about = {
        "seed": seed,
        "leavers": int(len(leavers)),
        "newcomers": int(len(newcomers)),
        "informal_ties_lost": int(lost_informal.sum()),
        "ties_formed": int(len(formed) + len(advice) + len(committee)),
        "merged": list(merged),
        "merged_into": merged_name,
    }
    return wave, about


def _new_ids(ids: pd.Index, count: int) -> list[str]:
    """Ids after the largest existing one, in its style (``P1171``) when ids are P + digits."""
    numbers = pd.to_numeric(ids.str.extract(r"^P(\d+)$")[0], errors="coerce")
    if numbers.notna().all() and len(numbers):
        start, width = int(numbers.max()) + 1, max(4, len(ids[0]) - 1)
        return [f"P{number:0{width}d}" for number in range(start, start + count)]
    return [f"N{number:04d}" for number in range(1, count + 1)]


def _newcomers(posts: pd.DataFrame, ids: list[str], rng: np.random.Generator) -> pd.DataFrame:
    count = len(ids)
    women = rng.random(count) < 0.7
    first = np.where(women, rng.choice(names.WOMEN, count), rng.choice(names.MEN, count))
    hired = pd.DataFrame(index=pd.Index(ids, name=posts.index.name))
    hired["name"] = pd.Series(first, index=hired.index) + " " + rng.choice(names.SURNAMES, count)
    for column in posts.columns:
        if column in POST_COLUMNS:
            hired[column] = posts[column].to_numpy()
    if "gender" in posts.columns:
        hired["gender"] = np.where(women, "woman", "man")
    if "tenure_years" in posts.columns:
        hired["tenure_years"] = np.round(rng.uniform(0.1, 1.0, count), 1)
    return hired.reindex(columns=posts.columns)


def _triadic_closure(informal: pd.DataFrame, count: int, rng: np.random.Generator) -> pd.DataFrame:
    """``count`` draws of a tie i–j and a random contact k of j; the new tie is i → k."""
    if not len(informal) or count <= 0:
        return informal.iloc[:0]
    pairs = pd.concat([informal[["source", "target"]], informal[["target", "source"]].set_axis(["source", "target"], axis=1)])
    pairs = pairs.drop_duplicates().sort_values(["source", "target"], kind="stable")
    sources, targets = pairs["source"].to_numpy(), pairs["target"].to_numpy()
    draw = rng.integers(0, len(pairs), count)
    middle = targets[draw]
    first, last = np.searchsorted(sources, middle, side="left"), np.searchsorted(sources, middle, side="right")
    offsets = first + (rng.random(count) * (last - first)).astype(np.int64)
    relation = rng.choice(["advice", "friendship"], count)
    return pd.DataFrame({"source": sources[draw], "target": targets[offsets], "relation": relation, "kind": "informal"})


def _newcomer_advice(people: pd.DataFrame, newcomers: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """Each newcomer names up to ``NEWCOMER_TIES`` others of the unit, drawn at random."""
    if "unit" not in people.columns or not newcomers:
        return pd.DataFrame(columns=["source", "target", "relation", "kind"])
    units = people["unit"]
    candidates = pd.DataFrame({"source": newcomers, "unit": units.reindex(newcomers).to_numpy()}).merge(
        pd.DataFrame({"target": people.index, "unit": units.to_numpy()}), on="unit"
    )
    candidates = candidates[candidates["source"] != candidates["target"]]
    candidates = candidates.assign(order=rng.random(len(candidates))).sort_values(["source", "order"], kind="stable")
    chosen = candidates[candidates.groupby("source").cumcount() < NEWCOMER_TIES]
    return chosen[["source", "target"]].assign(relation="advice", kind="informal").reset_index(drop=True)


def _merge_two(people: pd.DataFrame, rng: np.random.Generator) -> tuple[tuple[str, ...], str | None]:
    """Two organisations with a TR (institutions), drawn at random, and the merged name."""
    if "organisation" not in people.columns:
        return (), None
    with_tr = (
        people.loc[people.get("role") == "tr", "organisation"].dropna()
        if "role" in people.columns
        else people["organisation"].dropna()
    )
    candidates = sorted(set(with_tr))
    if len(candidates) < 2:
        return (), None
    first, second = (candidates[i] for i in sorted(rng.choice(len(candidates), 2, replace=False)))
    place = second.split(" ", 1)[1] if " " in second else second
    return (first, second), f"{first} og {place}"
