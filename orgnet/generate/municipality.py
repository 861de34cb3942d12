"""A synthetic merged Danish municipality, calibrated to the LederPejling survey.

Everything is drawn with numpy in bulk (no loop over people or ties), so 100,000 people take
seconds. The calibration targets and how each is built in are documented in ``docs/data.md``;
the tests check them on generated data.

Structure: ~20 people per institution (at most 5 leaders: one ``top``, perhaps one ``middle``,
up to three ``first_line`` each heading a unit), a TR and a safety representative among the
employees; a central administration (director and area heads); leaders of institutions in
neighbouring municipalities, the region and private firms as external contacts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from orgnet.generate import names
from orgnet.io.tables import RawTable, build_network
from orgnet.model import OrgNetwork

PEOPLE_PER_INSTITUTION = 16
EXTERNAL_SHARE = 0.08  # leaders outside the municipality, as a share of everyone
NO_INFORMAL_EXTERNAL = 0.41  # LederPejling: 41 % lack informal networks outside the workplace
WOMEN_SHARE = {"top": 0.55, "middle": 0.65, "first_line": 0.72, "staff": 0.78}
# Multipliers of the expected number of informal external contacts (beyond the first).
LEVEL_REACH = {"top": 3.0, "middle": 1.8, "first_line": 1.0}
WOMEN_FIRST_LINE_REACH = 0.75  # women department leaders are "less so" (survey)
TENURE_REACH_PER_YEAR = 0.06  # networks grow with seniority, above all informally
STAFF_COLLEAGUES = {"advice": 3.0, "friendship": 4.0}  # colleagues a staff member names, on average
STAFF_ADVICE = {"top": 14.0, "middle": 8.0, "first_line": 3.0}  # staff a leader advises, on average


def generate_municipality(*, people: int = 1200, seed: int = 2007) -> OrgNetwork:
    """A reproducible fictional municipality of about ``people`` people.

    Parameters
    ----------
    people : int
        About how many people (leaders, representatives, employees, external leaders).
    seed : int
        The same seed gives the same network, person for person.
    """
    rng = np.random.default_rng(seed)
    builder = _Builder(rng, people)
    return builder.build()


class _Builder:
    def __init__(self, rng: np.random.Generator, people: int):
        self.rng = rng
        self.n_external = max(8, round(EXTERNAL_SHARE * people))
        self.n_institutions = max(3, round((people - self.n_external) / PEOPLE_PER_INSTITUTION))
        self.blocks: list[pd.DataFrame] = []
        self.ties: list[pd.DataFrame] = []
        self.groups: list[pd.DataFrame] = []

    # --- people ---------------------------------------------------------------------------

    def build(self) -> OrgNetwork:
        people = self._people()
        self.people = people
        self._line_ties()
        self._committees()
        self._network_groups()
        self._informal_internal()
        self._informal_external()
        ties = pd.concat(self.ties, ignore_index=True)
        ties = ties[ties["source"] != ties["target"]].drop_duplicates(["source", "target", "relation"])
        groups = pd.concat(self.groups, ignore_index=True) if self.groups else None
        ids = people["id"].to_numpy()
        ties = ties.assign(source=ids[ties["source"]], target=ids[ties["target"]])
        if groups is not None:
            groups = groups.assign(person=ids[groups["person"]])
        columns = ["id", "name", "organisation", "unit", "role", "level", "gender", "tenure_years", "profession", "employer", "municipality", "former_municipality"]
        return build_network(
            RawTable("generated people", people[columns].replace("", pd.NA)),
            RawTable("generated ties", ties[["source", "target", "relation", "kind"]]),
            RawTable("generated groups", groups) if groups is not None else None,
        )

    def _people(self) -> pd.DataFrame:
        rng = self.rng
        n_inst = self.n_institutions
        has_middle = rng.random(n_inst) < 0.35
        n_first = rng.binomial(3, 0.55, n_inst)
        n_units = np.maximum(n_first, 1)
        inst_names = _institution_names(rng, n_inst)
        employer = rng.choice(["kommune", "selvejende"], size=n_inst, p=[0.78, 0.22])
        former = rng.choice(names.FORMER_MUNICIPALITIES, size=n_inst, p=[0.5, 0.25, 0.25])
        n_areas = max(1, int(np.ceil(n_inst / 10)))
        area_of_inst = rng.integers(0, n_areas, n_inst)

        # leaders of institutions: top, then middle (if any), then first_line
        count = 1 + has_middle + n_first
        inst_of_leader = np.repeat(np.arange(n_inst), count)
        rank = np.arange(len(inst_of_leader)) - np.repeat(np.cumsum(count) - count, count)
        middle_here = has_middle[inst_of_leader]
        level = np.where(rank == 0, "top", np.where((rank == 1) & middle_here, "middle", "first_line"))
        first_index = rank - 1 - middle_here  # 0.. for first_line leaders
        unit_of_leader = np.where(level == "first_line", first_index, 0)
        unit_offset = np.cumsum(n_units) - n_units
        leaders = pd.DataFrame(
            {
                "inst": inst_of_leader,
                "unit_global": unit_offset[inst_of_leader] + unit_of_leader,
                "leads_unit": (level == "first_line") | ((level == "top") & (n_first[inst_of_leader] == 0)),
                "role": "leader",
                "level": level,
            }
        )

        # employees, contiguous by unit; the first of a unit's first two are TR and safety rep
        fixed = len(leaders) + 1 + n_areas
        budget = max(0, self.n_institutions * PEOPLE_PER_INSTITUTION - fixed)
        mean_per_unit = max(3.0, budget / n_units.sum())
        unit_size = np.maximum(3, rng.poisson(mean_per_unit, n_units.sum()))
        unit_inst = np.repeat(np.arange(n_inst), n_units)
        emp_unit = np.repeat(np.arange(n_units.sum()), unit_size)
        within = np.arange(len(emp_unit)) - np.repeat(np.cumsum(unit_size) - unit_size, unit_size)
        first_unit = unit_offset[unit_inst[emp_unit]] == emp_unit
        last_unit = unit_offset[unit_inst[emp_unit]] + n_units[unit_inst[emp_unit]] - 1 == emp_unit
        role = np.full(len(emp_unit), "employee", dtype=object)
        role[first_unit & (within == 0)] = "tr"
        safety = np.where(n_units[unit_inst[emp_unit]] > 1, last_unit & (within == 0), first_unit & (within == 1))
        role[safety] = "safety_rep"
        staff = pd.DataFrame({"inst": unit_inst[emp_unit], "unit_global": emp_unit, "leads_unit": False, "role": role, "level": ""})

        municipal = pd.concat([leaders, staff], ignore_index=True)
        unit_label = np.array([f"{inst_names[i]}, {names.UNIT_NAMES[u % len(names.UNIT_NAMES)]}" for i, u in zip(unit_inst, np.arange(n_units.sum()) - unit_offset[unit_inst])], dtype=object)
        municipal["organisation"] = np.asarray(inst_names, dtype=object)[municipal["inst"]]
        municipal["unit"] = unit_label[municipal["unit_global"]]
        municipal["employer"] = employer[municipal["inst"]]
        municipal["municipality"] = names.HOME
        municipal["former_municipality"] = former[municipal["inst"]]
        municipal["area"] = area_of_inst[municipal["inst"]]

        admin = pd.DataFrame(
            {
                "inst": -1,
                "unit_global": -1,
                "leads_unit": False,
                "role": "leader",
                "level": ["top"] + ["middle"] * n_areas,
                "organisation": names.ADMINISTRATION,
                "unit": ["Direktionen"] + [f"Område {chr(ord('A') + a % 26)}{a // 26 or ''}" for a in range(n_areas)],
                "employer": "kommune",
                "municipality": names.HOME,
                "former_municipality": "",
                "area": [-1, *range(n_areas)],
            }
        )
        external = self._external_leaders()
        people = pd.concat([municipal, admin, external], ignore_index=True)
        people["is_municipal_leader"] = (people["role"] == "leader") & (people["municipality"] == names.HOME) & (people["inst"] >= 0)

        n = len(people)
        group = np.where(people["role"] == "leader", people["level"], "staff")
        woman = rng.random(n) < pd.Series(group).map(WOMEN_SHARE).to_numpy()
        people["gender"] = np.where(woman, "woman", "man")
        first = np.where(woman, rng.choice(names.WOMEN, n), rng.choice(names.MEN, n))
        people["name"] = pd.Series(first, dtype=object) + " " + pd.Series(rng.choice(names.SURNAMES, n), dtype=object)
        people["tenure_years"] = np.round(np.minimum(40, rng.gamma(2.0, 4.0, n)), 1)
        is_leader = people["role"].to_numpy() == "leader"
        people["profession"] = np.where(is_leader, "pædagog", rng.choice(names.PROFESSIONS, n, p=[0.45, 0.25, 0.15, 0.08, 0.07]))
        people["activity"] = rng.lognormal(0.0, 0.7, n)  # a person's drive to make contacts
        width = len(str(n))
        people["id"] = [f"P{i:0{width}d}" for i in range(1, n + 1)]
        self.n_areas = n_areas
        return people

    def _external_leaders(self) -> pd.DataFrame:
        rng = self.rng
        n = self.n_external
        kinds = rng.choice(["neighbour", "region", "private"], size=n, p=[0.6, 0.2, 0.2])
        n_orgs = max(3, n // 4)
        org = rng.integers(0, n_orgs, n)
        place = np.asarray(names.PLACES, dtype=object)[org % len(names.PLACES)]
        neighbour = np.asarray(names.NEIGHBOURS, dtype=object)[org % len(names.NEIGHBOURS)]
        private = np.asarray(names.PRIVATE, dtype=object)[org % len(names.PRIVATE)]
        suffix = np.where(org >= len(names.PLACES), " " + (org // len(names.PLACES) + 1).astype(str).astype(object), "")
        organisation = np.where(
            kinds == "neighbour", neighbour + ", " + place + suffix,
            np.where(kinds == "region", names.REGION + ", " + place + suffix, private + suffix),
        )
        municipality = np.where(kinds == "neighbour", neighbour, np.where(kinds == "region", names.REGION, ""))
        return pd.DataFrame(
            {
                "inst": -2,
                "unit_global": -2,
                "leads_unit": False,
                "role": "leader",
                "level": rng.choice(["top", "middle", "first_line"], size=n, p=[0.4, 0.25, 0.35]),
                "organisation": organisation,
                "unit": "",
                "employer": np.where(kinds == "neighbour", "kommune", np.where(kinds == "region", "region", "privat")),
                "municipality": municipality,
                "former_municipality": "",
                "area": -2,
            }
        )

    # --- ties -----------------------------------------------------------------------------

    def _add(self, sources, targets, relation: str, kind: str) -> None:
        self.ties.append(pd.DataFrame({"source": np.asarray(sources, dtype=np.int64), "target": np.asarray(targets, dtype=np.int64), "relation": relation, "kind": kind}))

    def _line_ties(self) -> None:
        """Reporting lines: staff → unit leader → head of institution → area head → director."""
        p = self.people
        idx = np.arange(len(p))
        municipal = p["inst"].to_numpy() >= 0
        leader = (p["role"] == "leader").to_numpy()
        top = (p["level"] == "top").to_numpy()

        unit_leader = pd.Series(idx[municipal & p["leads_unit"].to_numpy()], index=p.loc[municipal & p["leads_unit"].to_numpy(), "unit_global"])
        staff = municipal & ~leader
        self._add(idx[staff], unit_leader.reindex(p.loc[staff, "unit_global"]).to_numpy(), "line", "formal")

        head = pd.Series(idx[municipal & top], index=p.loc[municipal & top, "inst"])
        sub = municipal & leader & ~top
        self._add(idx[sub], head.reindex(p.loc[sub, "inst"]).to_numpy(), "line", "formal")

        admin = (p["inst"] == -1).to_numpy()
        area_head = pd.Series(idx[admin & ~top], index=p.loc[admin & ~top, "area"])
        self._add(idx[municipal & top], area_head.reindex(p.loc[municipal & top, "area"]).to_numpy(), "line", "formal")
        director = idx[admin & top][0]
        self._add(idx[admin & ~top], np.full((admin & ~top).sum(), director), "line", "formal")

        # external organisations: everyone below top reports to a top leader of the same organisation
        ext = (p["inst"] == -2).to_numpy()
        ext_frame = p.loc[ext, ["organisation", "level"]].assign(pos=idx[ext])
        heads = ext_frame[ext_frame["level"] == "top"].groupby("organisation")["pos"].first()
        below = ext_frame[ext_frame["level"] != "top"]
        boss = heads.reindex(below["organisation"]).to_numpy()
        has_boss = ~np.isnan(boss)
        self._add(below["pos"].to_numpy()[has_boss], boss[has_boss].astype(np.int64), "line", "formal")

    def _members_to_pairs(
        self, group_ids: np.ndarray, members: np.ndarray, relation: str, prefix: str, group_kind: str, labels=None
    ) -> None:
        """Every pair of members of each group tied (formal), and the membership recorded."""
        order = np.argsort(group_ids, kind="stable")
        group_ids, members = group_ids[order], members[order]
        starts = np.flatnonzero(np.r_[True, group_ids[1:] != group_ids[:-1]])
        sizes = np.diff(np.r_[starts, len(group_ids)])
        # pairs (i, j), i < j, inside each group: built per group size, vectorised over groups
        src, dst = [], []
        for size in np.unique(sizes):
            firsts = starts[sizes == size]
            ii, jj = np.triu_indices(size, k=1)
            src.append((firsts[:, None] + ii).ravel())
            dst.append((firsts[:, None] + jj).ravel())
        src, dst = np.concatenate(src), np.concatenate(dst)
        flip = self.rng.random(len(src)) < 0.5  # who reported the tie is arbitrary
        s, t = np.where(flip, members[dst], members[src]), np.where(flip, members[src], members[dst])
        self._add(s, t, relation, "formal")
        labels = [f"{prefix}{g}" for g in group_ids] if labels is None else list(np.asarray(labels, dtype=object)[group_ids])
        self.groups.append(pd.DataFrame({"group": labels, "person": members, "group_kind": group_kind}))

    def _committees(self) -> None:
        """Local MED committees (head, middle leader, TR, safety rep) and the central MED."""
        p = self.people
        idx = np.arange(len(p))
        municipal = (p["inst"] >= 0).to_numpy()
        role, level = p["role"].to_numpy(), p["level"].to_numpy()
        member = municipal & ((role == "tr") | (role == "safety_rep") | (level == "top") | (level == "middle"))
        inst = p["inst"].to_numpy()
        self.inst_names = p.groupby("inst")["organisation"].first()
        labels = "MED " + self.inst_names.reindex(range(self.n_institutions)).astype(object)
        self._members_to_pairs(inst[member], idx[member], "committee", "MED ", "med", labels=labels.to_numpy())

        admin = idx[(p["inst"] == -1).to_numpy()]
        trs = idx[municipal & (role == "tr")]
        chosen_trs = self.rng.choice(trs, size=min(len(trs), 6), replace=False)
        central = np.r_[admin[: 1 + min(self.n_areas, 4)], chosen_trs]
        self._members_to_pairs(np.zeros(len(central), dtype=np.int64), central, "committee", "Hoved-MED", "med", labels=np.array(["Hoved-MED"], dtype=object))

    def _network_groups(self) -> None:
        """Leader network groups of 3–10 across institutions; seniors and top leaders join more."""
        p = self.people
        idx = np.arange(len(p))
        leaders = idx[p["is_municipal_leader"].to_numpy()]
        level = p["level"].to_numpy()[leaders]
        tenure = p["tenure_years"].to_numpy()[leaders]
        join = np.where(level == "top", 0.75, np.where(level == "middle", 0.6, 0.45)) + 0.005 * np.minimum(tenure, 20)
        members = leaders[self.rng.random(len(leaders)) < join]
        members = self.rng.permutation(members)
        sizes, remaining = [], len(members)
        while remaining >= 3:
            sizes.append(min(int(self.rng.integers(3, 11)), remaining))
            remaining -= sizes[-1]
        if not sizes:
            return
        sizes[-1] += remaining  # one or two left over join the last group
        group_ids = np.repeat(np.arange(1, len(sizes) + 1), sizes)
        self._members_to_pairs(group_ids, members, "network_group", "Ledernetværk ", "network_group")

    def _informal_internal(self) -> None:
        """Advice and friendship inside the workplace; a TR reaches a share of his colleagues."""
        rng = self.rng
        p = self.people
        idx = np.arange(len(p))
        activity = p["activity"].to_numpy()
        inst = p["inst"].to_numpy()
        role = p["role"].to_numpy()
        unit = p["unit_global"].to_numpy()

        # staff ask colleagues in their own unit for advice, and make friends across the
        # institution (units, and the staff of an institution, are contiguous blocks)
        staff = idx[(inst >= 0) & (role != "leader")]
        for relation, block in (("advice", unit[staff]), ("friendship", inst[staff])):
            block_start = pd.Series(staff).groupby(block).transform("min").to_numpy()
            block_size = pd.Series(staff).groupby(block).transform("size").to_numpy()
            picks = rng.poisson(STAFF_COLLEAGUES[relation] * activity[staff])
            who = np.repeat(staff, picks)
            alter = np.repeat(block_start, picks) + (rng.random(picks.sum()) * np.repeat(block_size, picks)).astype(np.int64)
            # a TR's contact with colleagues is drawn on its own below, so that his bagland
            # coverage follows the drawn share rather than the colleagues' general sociability
            plain = (role[who] != "tr") & (role[alter] != "tr")
            self._add(who[plain], alter[plain], relation, "informal")

        # each TR's coverage of his bagland: most reach most colleagues, some only a few
        trs = idx[role == "tr"]
        coverage = pd.Series(rng.beta(5.0, 2.5, len(trs)), index=unit[trs])
        colleagues = staff[role[staff] != "tr"]
        colleagues = colleagues[np.isin(unit[colleagues], unit[trs])]
        tr_of = pd.Series(trs, index=unit[trs]).reindex(unit[colleagues]).to_numpy()
        reached = rng.random(len(colleagues)) < coverage.reindex(unit[colleagues]).to_numpy()
        self._add(colleagues[reached], tr_of[reached], "advice", "informal")

        # leaders: sparring with the other leaders of the institution, advice to staff
        leaders = idx[(inst >= 0) & (role == "leader")]
        seniority = 1.0 + TENURE_REACH_PER_YEAR * p["tenure_years"].to_numpy()[leaders]
        inst_leaders = pd.Series(leaders).groupby(inst[leaders])
        start = inst_leaders.transform("min").to_numpy()
        size = inst_leaders.transform("size").to_numpy()
        k = rng.poisson(1.2 * activity[leaders] * seniority)
        who = np.repeat(leaders, k)
        alter = np.repeat(start, k) + (rng.random(k.sum()) * np.repeat(size, k)).astype(np.int64)
        self._add(who, alter, "sparring", "informal")

        inst_staff = pd.Series(staff).groupby(inst[staff])
        staff_start = pd.Series(inst_staff.min()).reindex(inst[leaders]).to_numpy()
        staff_size = pd.Series(inst_staff.size()).reindex(inst[leaders]).to_numpy()
        # heads of institution know staff across the units; unit leaders mostly their own unit
        k = rng.poisson(pd.Series(p["level"].to_numpy()[leaders]).map(STAFF_ADVICE).to_numpy() * activity[leaders] * seniority)
        who = np.repeat(leaders, k)
        alter = np.repeat(staff_start, k) + (rng.random(k.sum()) * np.repeat(staff_size, k)).astype(np.int64)
        self._add(who, alter, "advice", "informal")

    def _informal_external(self) -> None:
        """Sparring between leaders of different workplaces, calibrated to the survey.

        A leader without informal external contact has no "stubs": nobody outside can name him.
        Whether a leader has stubs follows a logistic model whose intercept is solved so that
        41 % of the municipality's leaders have none; how many follows level, gender, tenure,
        employer and the same activity that drives internal contacts (the small positive
        correlation between internal and external counts).
        """
        rng = self.rng
        p = self.people
        idx = np.arange(len(p))
        leaders = idx[(p["role"] == "leader").to_numpy() & (p["inst"] != -1).to_numpy()]
        municipal = p["is_municipal_leader"].to_numpy()[leaders]
        level = p["level"].to_numpy()[leaders]
        woman = (p["gender"].to_numpy() == "woman")[leaders]
        tenure = p["tenure_years"].to_numpy()[leaders]
        employer = p["employer"].to_numpy()[leaders]
        activity = p["activity"].to_numpy()[leaders]

        push = (
            np.select([level == "top", level == "middle"], [-0.9, -0.2], 0.5)
            + 0.4 * (woman & (level == "first_line"))
            - 0.05 * (tenure - 8.0)
            + 0.3 * (employer == "kommune")
            - 0.8 * np.log(activity)
        )
        intercept = _solve_intercept(push[municipal], NO_INFORMAL_EXTERNAL)
        none = rng.random(len(leaders)) < 1.0 / (1.0 + np.exp(-(intercept + push)))
        none[~municipal] = rng.random((~municipal).sum()) < 0.15

        reach = (
            pd.Series(level).map(LEVEL_REACH).to_numpy()
            * np.where(woman & (level == "first_line"), WOMEN_FIRST_LINE_REACH, 1.0)
            * (1.0 + TENURE_REACH_PER_YEAR * tenure)
            * np.where(employer == "selvejende", 1.25, 1.0)
            * activity
        )
        stubs = np.where(none, 0, 1 + rng.poisson(0.9 * reach))
        holders = leaders[~none]
        organisation = p["organisation"].to_numpy()

        stub_owner = rng.permutation(np.repeat(leaders, stubs))
        if len(stub_owner) % 2:
            stub_owner = stub_owner[:-1]
        a, b = stub_owner[0::2], stub_owner[1::2]
        keep = organisation[a] != organisation[b]
        a, b = a[keep], b[keep]

        # a leader who drew stubs but lost every pair to his own workplace still gets one contact
        linked = np.zeros(len(p), dtype=bool)
        linked[a] = linked[b] = True
        lonely = holders[~linked[holders]]
        partner = rng.choice(holders, size=len(lonely))
        for _ in range(20):
            same = organisation[partner] == organisation[lonely]
            if not same.any():
                break
            partner[same] = rng.choice(holders, size=same.sum())
        ok = organisation[partner] != organisation[lonely]
        a, b = np.r_[a, lonely[ok]], np.r_[b, partner[ok]]

        mutual = rng.random(len(a)) < 0.35  # both named each other
        self._add(np.r_[a, b[mutual]], np.r_[b, a[mutual]], "sparring", "informal")


def _solve_intercept(push: np.ndarray, target: float) -> float:
    """The intercept at which the mean logistic probability equals ``target`` (bisection)."""
    low, high = -20.0, 20.0
    for _ in range(80):
        mid = (low + high) / 2
        share = np.mean(1.0 / (1.0 + np.exp(-(mid + push))))
        low, high = (mid, high) if share < target else (low, mid)
    return (low + high) / 2


def _institution_names(rng: np.random.Generator, count: int) -> list[str]:
    """Distinct names like 'Botilbuddet Egebakken'; numbered once every pairing is used."""
    pairings = [f"{kind} {place}" for kind in names.INSTITUTION_KINDS for place in names.PLACES]
    order = rng.permutation(len(pairings))
    return [
        pairings[order[i % len(pairings)]] + (f" {i // len(pairings) + 1}" if i >= len(pairings) else "")
        for i in range(count)
    ]
