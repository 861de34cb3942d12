"""The report's "Main findings": sentences written from the numbers of one Analysis.

Each sentence carries its count and its base (``12 of 40 leaders``) and the id of the table
that holds the figures (``#flag-no_informal_external``), so a reader can check it. A sentence is
written only when its numbers exist: no sentence without a base, none about a group under ``k``
people (the comparisons' suppression rule, applied to every base), and a suppressed group is
never named.

The leaders' missing informal external contact is set beside LederPejling's 41 % — leaders who
*feel* they lack informal networks outside their workplace (a self-report; orgnet's figure is the
structural fact that no such tie was reported). The sentence says both, so neither is mistaken
for the other.

Example
-------
>>> from orgnet.analysis import Analysis
>>> from orgnet.generate import generate_municipality
>>> findings = main_findings(Analysis(generate_municipality(people=200, seed=1)))  # doctest: +SKIP
>>> findings[0].text  # doctest: +SKIP
'31 of 52 leaders (60 %) have no informal contact outside their own organisation …'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from orgnet.analysis import Analysis
from orgnet.compare import MISSING
from orgnet.i18n import format_number
from orgnet.metrics.cohesion import cut_off
from orgnet.missing import non_respondents, response_rates
from orgnet.report.words import attribute_label, value_label
from orgnet.texts import texts

# The attributes the report compares by; the groups-differ finding looks at the same tables.
COMPARE_BY = ("role", "level", "gender", "employer")
SURVEY_SHARE = 0.41  # LederPejling: leaders who feel they lack informal networks outside the workplace

# the sentences and the counted roles are the catalogue's (findings.* in orgnet.texts)
COUNTED_ROLES = ("leader", "tr", "safety_rep", "employee")
UNITS_NAMED = 3  # the findings name the units that answered least; every unit is in the data notes


@dataclass(frozen=True)
class Finding:
    """One sentence, its numbers and the table behind it.

    ``count`` of ``base`` is what the sentence reports (for the groups finding: the two groups'
    sizes); ``anchor`` is the id of the report element that holds the figures.
    """

    key: str
    text: str
    count: int
    base: int
    anchor: str


def main_findings(analysis: Analysis) -> list[Finding]:
    """The main findings of ``analysis`` in its language, most domain-specific first.

    Uses only what the Analysis has (or computes once and keeps): the flags, the TR table, the
    comparisons by ``COMPARE_BY``, the rules' thresholds and ``k``. A finding whose base is
    under ``k`` people is left out.
    """
    writer = _Writer(analysis)
    found = [
        writer.response(),
        writer.no_answer(),
        *_about_everyone(writer),
    ]
    return [finding for finding in found if finding is not None]


def management_findings(analysis: Analysis) -> list[Finding]:
    """The main findings that hold only aggregates, for the management report.

    The survey's response overall (no organisation or unit named), the leaders' informal
    external contact, the TRs' bagland over all TRs, the bottlenecks, the groups that differ
    most (groups of at least ``k`` people only) and the isolated and thin networks: a count of
    a base of at least ``k`` people each, never a person, a unit or an organisation.
    """
    writer = _Writer(analysis)
    found = [writer.response(named_groups=False), *_about_everyone(writer)]
    return [finding for finding in found if finding is not None]


def _about_everyone(writer) -> list:
    """The findings both reports make, each a count over a base of at least k people."""
    return [
        writer.no_informal_external(),
        writer.bagland(),
        writer.count_flag("bottleneck"),
        writer.groups_differ(),
        writer.count_flag("isolated"),
        writer.count_flag("thin"),
    ]


def role_count(role, n: int, lang: str) -> str:
    """``1 leder``, ``2 ledere``; a role orgnet does not know is named as written."""
    if role is None or role is pd.NA or (isinstance(role, float) and role != role):
        return texts(lang).t("findings.role.missing", n=n)
    if role in COUNTED_ROLES:
        return texts(lang).t(f"findings.role.{role}", n=n)
    return texts(lang).t("findings.role.unknown", n=n, role=role)


def listed(items: list[str], lang: str) -> str:
    """``a, b and c`` / ``a, b og c``."""
    return items[0] if len(items) == 1 else texts(lang).t("findings.and", items=", ".join(items[:-1]), last=items[-1])


def non_respondents_by_role(people: pd.DataFrame, lang: str) -> str:
    """``2 ledere og 3 medarbejdere``: the non-respondents counted by role, most first."""
    silent = people[non_respondents(people).to_numpy()]
    roles = silent["role"].astype("object") if "role" in silent else pd.Series(None, index=silent.index, dtype="object")
    counts = roles.where(roles.notna(), None).value_counts(dropna=False)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return listed([role_count(role, int(n), lang) for role, n in ordered], lang)


class _Writer:
    def __init__(self, analysis: Analysis):
        self.analysis, self.lang, self.k = analysis, analysis.lang, analysis.k
        self.people = analysis.network.people
        self.flags = analysis.flags
        self.rules = analysis.rules

    def number(self, value, **options) -> str:
        return format_number(value, self.lang, **options)

    def share(self, count: int, base: int) -> str:
        share = count / base
        # a whole percent hides small shares ("4 of 1,170 (0 %)"): one decimal under 10 %
        return self.number(share, percent=True, digits=1 if 0 < share < 0.1 else None)

    def flagged(self, flag: str) -> int:
        return int(self.flags.loc[self.flags["flag"] == flag, "id"].nunique())

    def sentence(self, key: str, count: int, base: int, anchor: str, **fields) -> Finding:
        text = texts(self.lang).t(f"findings.{key}", n=count, count=self.number(count), base=self.number(base), **fields)
        return Finding(key, text, int(count), int(base), anchor)

    def _applies(self, flag: str) -> pd.Series | None:
        """Who a rule applies to, or None when the data cannot tell (a role rule without roles)."""
        roles = self.rules[flag].get("roles", [])
        if not roles:
            return pd.Series(True, index=self.people.index)
        if "role" not in self.people:
            return None
        return self.people["role"].isin(roles)

    def response(self, named_groups: bool = True) -> Finding | None:
        """The survey's response rate, overall and (``named_groups``) per organisation and for the
        units that answered least, as ``orgnet survey import`` printed it."""
        rates = response_rates(self.people)
        if rates is None or len(self.people) < self.k:
            return None
        overall = rates.iloc[0]
        if not named_groups:
            return self.sentence("response", int(overall["responded"]), int(overall["people"]), "headline",
                                 rate=self.number(overall["rate"], percent=True), by_organisation="")
        shown = rates[(rates["level"] == "organisation") & (rates["people"] >= self.k)]  # a group under k is never named
        by_organisation = texts(self.lang).t("findings.by_organisation", rates=", ".join(
            f"{group} {self.number(rate, percent=True)}" for group, rate in zip(shown["group"], shown["rate"]))) if len(shown) else ""
        units = rates[(rates["level"] == "unit") & (rates["people"] >= self.k) & (rates["rate"] < overall["rate"])]
        units = units.sort_values(["rate", "group"], kind="stable").head(UNITS_NAMED)
        if len(units):
            by_organisation += texts(self.lang).t("findings.lowest_units", rates=", ".join(
                f"{group} {self.number(rate, percent=True)}" for group, rate in zip(units["group"], units["rate"])))
        return self.sentence("response", int(overall["responded"]), int(overall["people"]), "data-notes",
                             rate=self.number(overall["rate"], percent=True), by_organisation=by_organisation)

    def no_answer(self) -> Finding | None:
        silent = int(non_respondents(self.people).sum())
        if not silent or len(self.people) < self.k:
            return None
        text = texts(self.lang).t("findings.no_answer", n=silent, people=texts(self.lang).t("count.people", n=silent),
                                  roles=non_respondents_by_role(self.people, self.lang))
        return Finding("no_answer", text[0].upper() + text[1:], silent, len(self.people), "data-notes")

    def no_informal_external(self) -> Finding | None:
        flag = "no_informal_external"
        applies = self._applies(flag)
        if applies is None or "organisation" not in self.people:
            return None
        # the rule looks only at people with at least one contact
        base = int((applies & (self.analysis.metrics["degree"].reindex(self.people.index) > 0)).sum())
        if base < self.k:
            return None
        count = self.flagged(flag)
        roles = self.rules[flag].get("roles", [])
        who = texts(self.lang).t("findings.leaders" if roles == ["leader"] else "findings.people_concerned")
        return self.sentence(
            flag, count, base, f"flag-{flag}" if count else "flag-counts",
            who=who, share=self.share(count, base), survey=self.number(SURVEY_SHARE, percent=True),
        )

    def bagland(self) -> Finding | None:
        table = self.analysis.bagland
        coverage = table["coverage"].dropna() if len(table) else pd.Series(dtype=float)
        base = len(coverage)
        if base < self.k:
            return None
        threshold = self.rules["weak_bagland"]["min_coverage"]
        count = int((coverage < threshold).sum())
        key = "weak_bagland" if count else "strong_bagland"
        return self.sentence(key, count, base, "bagland", share=self.share(count, base), threshold=self.number(threshold, percent=True))

    def count_flag(self, flag: str) -> Finding | None:
        count, base = self.flagged(flag), len(self.people)
        if not count or base < self.k:
            return None
        rule = self.rules[flag]
        fields = {"share": self.share(count, base)}
        if flag == "bottleneck":
            return self.bottleneck(count, base, rule)
        if flag == "thin":
            fields.update(floor=texts(self.lang).t("count.contact", n=rule["floor"]), decile=self.number(rule["decile"], percent=True))
        return self.sentence(flag, count, base, f"flag-{flag}", **fields)

    def bottleneck(self, count: int, base: int, rule: dict) -> Finding:
        """How many are bottlenecks, and what removing them does: how many people are cut off
        from the rest of the network — by each alone (the largest) and by all together."""
        finding = self.sentence("bottleneck", count, base, "flag-bottleneck", top=self.number(rule["top_share"], percent=True))
        people = self.flags.loc[self.flags["flag"] == "bottleneck", "id"].unique()
        each, together = cut_off(self.analysis.graph, people)
        words = texts(self.lang)
        if len(each) == 1:
            cut = words.t("findings.cut.alone", n=together)
        elif max(each) == 1:
            cut = words.t("findings.cut.each_one", n=together)
        else:
            cut = words.t("findings.cut.together", n=together, largest=words.t("count.people", n=max(each)))
        return Finding(finding.key, f"{finding.text} {cut}", finding.count, finding.base, finding.anchor)

    def groups_differ(self) -> Finding | None:
        """The attribute whose shown groups' median contacts lie furthest apart."""
        best = None
        for attribute in COMPARE_BY:
            if attribute not in self.people:
                continue
            table = self.analysis.comparison([attribute])
            shown = table[~table["suppressed"].astype(bool) & (table[attribute] != MISSING)]
            if len(shown) < 2:
                continue
            high = shown.loc[shown["median_degree"].idxmax()]
            low = shown.loc[shown["median_degree"].idxmin()]
            spread = float(high["median_degree"] - low["median_degree"])
            if spread > 0 and (best is None or spread > best[0]):
                best = (spread, attribute, high, low)
        if best is None:
            return None
        _, attribute, high, low = best
        return self.sentence(
            "groups_differ", int(high["n"]), int(high["n"] + low["n"]), f"compare-{attribute}",
            attribute=attribute_label(attribute, self.lang),
            high=self.number(high["median_degree"]), high_group=value_label(attribute, high[attribute], self.lang), high_n=self.number(high["n"]),
            low=self.number(low["median_degree"]), low_group=value_label(attribute, low[attribute], self.lang), low_n=self.number(low["n"]),
        )
