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
from orgnet.i18n import column_name, format_number, value_name
from orgnet.missing import non_respondents, response_rates

# The attributes the report compares by; the groups-differ finding looks at the same tables.
COMPARE_BY = ("role", "level", "gender", "employer")
SURVEY_SHARE = 0.41  # LederPejling: leaders who feel they lack informal networks outside the workplace

SENTENCES = {
    "no_informal_external": {
        "en": "{count} of {base} {who} ({share}) have no informal contact outside their own organisation. "
        "In LederPejling, {survey} of leaders felt they lacked informal networks outside their workplace.",
        "da": "{count} af {base} {who} ({share}) har ingen uformel kontakt uden for egen organisation. "
        "I LederPejling savnede {survey} af lederne uformelle netværk uden for arbejdspladsen.",
    },
    "weak_bagland": {
        "en": "{count} of {base} TRs ({share}) are in contact with fewer than {threshold} of the colleagues in their own unit (weak bagland).",
        "da": "{count} af {base} TR'er ({share}) har kontakt med færre end {threshold} af kollegerne i egen enhed (svagt bagland).",
    },
    "strong_bagland": {
        "en": "All {base} TRs are in contact with at least {threshold} of the colleagues in their own unit.",
        "da": "Alle {base} TR'er har kontakt med mindst {threshold} af kollegerne i egen enhed.",
    },
    "bottleneck": {
        "en": "{count} of {base} people are bottlenecks: among the {top} with the highest betweenness, and the network falls apart without them.",
        "da": "{count} af {base} personer er flaskehalse: blandt de {top} med højest mellemliggende centralitet, og netværket falder fra hinanden uden dem.",
    },
    "isolated": {
        "en": "{count} of {base} people ({share}) have no tie at all.",
        "da": "{count} af {base} personer ({share}) har ingen forbindelser overhovedet.",
    },
    "thin": {
        "en": "{count} of {base} people ({share}) have a thin network: fewer than {floor} contacts, or among the lowest {decile} of their peers.",
        "da": "{count} af {base} personer ({share}) har et tyndt netværk: færre end {floor} kontakter eller blandt de laveste {decile} af deres ligestillede.",
    },
    "response": {
        "en": "{count} of {base} people answered the survey ({rate}){by_organisation}.",
        "da": "{count} af {base} personer besvarede undersøgelsen ({rate}){by_organisation}.",
    },
    "no_answer": {
        "en": "{people} did not answer ({roles}): only what others reported about them is known.",
        "da": "{people} svarede ikke ({roles}): kun det, andre har oplyst om dem, kendes.",
    },
    "no_answer_one": {
        "en": "{people} did not answer ({roles}): only what others reported about them is known.",
        "da": "{people} svarede ikke ({roles}): kun det, andre har oplyst om vedkommende, kendes.",
    },
    "groups_differ": {
        "en": "Median contacts differ most by {attribute}: {high} for {high_group} (n = {high_n}) against {low} for {low_group} (n = {low_n}).",
        "da": "Medianen for kontakter varierer mest efter {attribute}: {high} for {high_group} (n = {high_n}) mod {low} for {low_group} (n = {low_n}).",
    },
}
WHO = {"leader": {"en": "leaders", "da": "ledere"}}
BY_ORGANISATION = {"en": "; by organisation: {rates}", "da": "; efter organisation: {rates}"}
LOWEST_UNITS = {"en": "; lowest by unit: {rates}", "da": "; lavest efter enhed: {rates}"}
UNITS_NAMED = 3  # the findings name the units that answered least; every unit is in the data notes
AND = {"en": "and", "da": "og"}
# (one, several) of a word counted in a sentence: "1 leder", "2 ledere"
PEOPLE = {"en": ("person", "people"), "da": ("person", "personer")}
ROLE_FORMS = {
    "leader": {"en": ("leader", "leaders"), "da": ("leder", "ledere")},
    "tr": {"en": ("TR", "TRs"), "da": ("TR", "TR'er")},
    "safety_rep": {"en": ("safety representative", "safety representatives"), "da": ("sikkerhedsrepræsentant", "sikkerhedsrepræsentanter")},
    "employee": {"en": ("employee", "employees"), "da": ("medarbejder", "medarbejdere")},
}
OTHER_ROLE = {"en": ("person with role {role}", "people with role {role}"), "da": ("person med rollen {role}", "personer med rollen {role}")}
NO_ROLE = {"en": ("person without a role", "people without a role"), "da": ("person uden rolle", "personer uden rolle")}
PEOPLE_CONCERNED = {"en": "people concerned", "da": "berørte personer"}


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
        writer.no_informal_external(),
        writer.bagland(),
        writer.count_flag("bottleneck"),
        writer.groups_differ(),
        writer.count_flag("isolated"),
        writer.count_flag("thin"),
    ]
    return [finding for finding in found if finding is not None]


def counted(count: int, forms: tuple[str, str], lang: str) -> str:
    """``1 leder``, ``2 ledere``: the count in ``lang`` and the word's form for it."""
    return f"{format_number(count, lang)} {forms[0] if count == 1 else forms[1]}"


def role_forms(role, lang: str) -> tuple[str, str]:
    """(one, several) for a value of ``role``; a role orgnet does not know is named as written."""
    if role is None or role is pd.NA or (isinstance(role, float) and role != role):
        return NO_ROLE[lang]
    if role in ROLE_FORMS:
        return ROLE_FORMS[role][lang]
    return tuple(form.format(role=role) for form in OTHER_ROLE[lang])


def listed(items: list[str], lang: str) -> str:
    """``a, b and c`` / ``a, b og c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {AND[lang]} {items[-1]}"


def non_respondents_by_role(people: pd.DataFrame, lang: str) -> str:
    """``2 ledere og 3 medarbejdere``: the non-respondents counted by role, most first."""
    silent = people[non_respondents(people).to_numpy()]
    roles = silent["role"].astype("object") if "role" in silent else pd.Series(None, index=silent.index, dtype="object")
    counts = roles.where(roles.notna(), None).value_counts(dropna=False)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    return listed([counted(int(n), role_forms(role, lang), lang) for role, n in ordered], lang)


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
        text = SENTENCES[key][self.lang].format(count=self.number(count), base=self.number(base), **fields)
        return Finding(key, text, int(count), int(base), anchor)

    def _applies(self, flag: str) -> pd.Series | None:
        """Who a rule applies to, or None when the data cannot tell (a role rule without roles)."""
        roles = self.rules[flag].get("roles", [])
        if not roles:
            return pd.Series(True, index=self.people.index)
        if "role" not in self.people:
            return None
        return self.people["role"].isin(roles)

    def response(self) -> Finding | None:
        """The survey's response rate, overall and per organisation, as ``orgnet survey import`` printed it."""
        rates = response_rates(self.people)
        if rates is None or len(self.people) < self.k:
            return None
        overall = rates.iloc[0]
        shown = rates[(rates["level"] == "organisation") & (rates["people"] >= self.k)]  # a group under k is never named
        by_organisation = BY_ORGANISATION[self.lang].format(rates=", ".join(
            f"{group} {self.number(rate, percent=True)}" for group, rate in zip(shown["group"], shown["rate"]))) if len(shown) else ""
        units = rates[(rates["level"] == "unit") & (rates["people"] >= self.k) & (rates["rate"] < overall["rate"])]
        units = units.sort_values(["rate", "group"], kind="stable").head(UNITS_NAMED)
        if len(units):
            by_organisation += LOWEST_UNITS[self.lang].format(rates=", ".join(
                f"{group} {self.number(rate, percent=True)}" for group, rate in zip(units["group"], units["rate"])))
        return self.sentence("response", int(overall["responded"]), int(overall["people"]), "data-notes",
                             rate=self.number(overall["rate"], percent=True), by_organisation=by_organisation)

    def no_answer(self) -> Finding | None:
        silent = int(non_respondents(self.people).sum())
        if not silent or len(self.people) < self.k:
            return None
        text = SENTENCES["no_answer_one" if silent == 1 else "no_answer"][self.lang].format(people=counted(silent, PEOPLE[self.lang], self.lang),
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
        who = WHO["leader"][self.lang] if roles == ["leader"] else PEOPLE_CONCERNED[self.lang]
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
            fields["top"] = self.number(rule["top_share"], percent=True)
        if flag == "thin":
            fields.update(floor=self.number(rule["floor"]), decile=self.number(rule["decile"], percent=True))
        return self.sentence(flag, count, base, f"flag-{flag}", **fields)

    def groups_differ(self) -> Finding | None:
        """The attribute whose shown groups' median contacts lie furthest apart."""
        best = None
        for attribute in COMPARE_BY:
            if attribute not in self.people:
                continue
            table = self.analysis.comparison([attribute])
            shown = table[~table["suppressed"].astype(bool) & (table[attribute] != "(missing)")]
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
            attribute=column_name(attribute, self.lang),
            high=self.number(high["median_degree"]), high_group=value_name(attribute, high[attribute], self.lang), high_n=self.number(high["n"]),
            low=self.number(low["median_degree"]), low_group=value_name(attribute, low[attribute], self.lang), low_n=self.number(low["n"]),
        )
