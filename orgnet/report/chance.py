"""Whether the report's group comparisons are more than chance, in words.

For each compared attribute and each group of at least ``k`` people (with at least ``k`` others
to compare with), Krackhardt's E–I index of the group's ties against its permutation test
(:func:`orgnet.stats.comparisons.group_comparisons`: the attribute's values shuffled among the
same people). A sentence says which way the group leans, whether that is beyond chance, and
names the test; a group under ``k`` gets no sentence and no p-value. docs/statistics.md says
what the test assumes.
"""

from __future__ import annotations

import pandas as pd

from orgnet.analysis import Analysis
from orgnet.i18n import format_number
from orgnet.report.words import value_label
from orgnet.stats.comparisons import group_comparisons
from orgnet.texts import texts
from orgnet.texts.labels import peer_group, role_plural

PERMUTATIONS = 2000
ALPHA = 0.05


def chance_comparisons(analysis: Analysis, attributes) -> dict[str, list]:
    """attribute → its groups' E–I comparisons that may be shown (size and others ≥ k)."""
    network, k = analysis.network, analysis.k
    found = {}
    for attribute in attributes:
        comparisons = group_comparisons(network, attribute, k=k, alpha=ALPHA, permutations=PERMUTATIONS, seed=analysis.seed, kinds=("ei",))
        shown = [c for c in comparisons if c.group is not None and c.shown and c.value is not None and c.p is not None]
        if shown:
            found[attribute] = shown
    return found


def sentence(comparison, lang: str) -> str:
    """"Ledere på afdelingsniveau har flere forbindelser med andre end med hinanden, end tilfældet
    ville give (E–I 0,60 mod 0,75 ved tilfældig fordeling; permutationstest p < 0,01)."""
    words = texts(lang)
    if comparison.beyond_chance:
        key = "report.chance.inward" if comparison.direction == "inward" else "report.chance.outward"
    else:
        key = "report.chance.within_chance"
    return words.t(
        key,
        group=group_name(comparison.attribute, comparison.group, lang),
        ei=format_number(comparison.value, lang, digits=2),
        expected=format_number(comparison.expected, lang, digits=2),
        p=p_text(comparison.p, lang),
    )


def p_text(p: float, lang: str) -> str:
    """``p < 0,001``, ``p < 0,01`` or ``p = 0,04``: below 0.01 a bound, as papers write it."""
    words = texts(lang)
    for limit in (0.001, 0.01):
        if p < limit:
            return words.t("report.chance.p_below", limit=format_number(limit, lang))
    return words.t("report.chance.p_equal", p=format_number(p, lang, digits=2))


def group_name(attribute: str, value, lang: str) -> str:
    """A group as the sentence's subject: "Ledere på afdelingsniveau", "Tillidsrepræsentanter (TR)",
    "Personer med køn kvinde"; a value of the user's own as she wrote it."""
    if attribute == "level":
        name = peer_group("leader", value, lang)
    elif attribute == "role":
        name = role_plural(value, lang)
    else:
        name = texts(lang).t("report.chance.people_with", attribute=_attribute(attribute, lang), value=value_label(attribute, value, lang))
    return name[:1].upper() + name[1:]


def _attribute(attribute: str, lang: str) -> str:
    from orgnet.report.words import attribute_label

    return attribute_label(attribute, lang)


def chance_table(found: dict[str, list]) -> pd.DataFrame:
    """The comparisons as codes and numbers, for the workbook."""
    rows = [
        {"by": c.attribute, "group": c.group, "ei": c.value, "expected": c.expected, "p": c.p, "p_less": c.p_less,
         "p_greater": c.p_greater, "direction": c.direction, "beyond_chance": c.beyond_chance, "test": c.test,
         "permutations": c.permutations, "seed": c.seed, "size": c.size, "others": c.others}
        for comparisons in found.values() for c in comparisons
    ]
    return pd.DataFrame(rows, columns=["by", "group", "ei", "expected", "p", "p_less", "p_greater", "direction", "beyond_chance",
                                       "test", "permutations", "seed", "size", "others"])
