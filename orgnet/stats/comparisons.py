"""What the report says about groups: per comparison, the statistic, its p-value, the test and the group sizes.

:func:`group_comparisons` returns codes and numbers only (the words are chosen where the report
is written, from the catalogue). A comparison of a group of fewer than ``k`` people carries no
p-value (``shown`` False, ``p`` None): the report never gives one.

Each :class:`Comparison`:

- ``kind``: ``"ei"`` (E–I of the whole network, ``group`` None, or of one group) or ``"within"``
  (variable homophily: the density within one group against the density between groups);
- ``attribute``, ``group`` (the value as written), ``layer``;
- ``statistic`` (``"ei"`` or ``"coefficient"``), ``value`` (the E–I index, or the within-group
  density less the between-group density), ``expected`` (E–I's mean over the permutations);
- ``p`` (two-sided), ``p_greater``, ``p_less``; ``direction``: ``"inward"`` when the group keeps to
  itself more than chance would have it (E–I lower / within-density higher), ``"outward"`` otherwise;
- ``test``: ``"ei_permutation"`` (attribute values shuffled) or ``"qap_yperm"`` (Y's people permuted);
  ``permutations``, ``exact``, ``seed``;
- ``size`` (people in the group, or with a value), ``others`` (people with another value);
- ``shown``: size ≥ k; ``beyond_chance``: p < ``alpha`` (None when not shown).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from orgnet.compare import DEFAULT_K
from orgnet.model import OrgNetwork
from orgnet.stats.homophily import ei_test, groups_of, homophily_models
from orgnet.stats.qap import DEFAULT_PERMUTATIONS

TESTS = ("ei_permutation", "qap_yperm")


@dataclass
class Comparison:
    kind: str
    attribute: str
    group: str | None
    layer: str
    statistic: str
    value: float | None
    expected: float | None
    p: float | None
    p_greater: float | None
    p_less: float | None
    direction: str | None
    test: str
    permutations: int
    exact: bool
    seed: int
    size: int
    others: int
    shown: bool
    beyond_chance: bool | None

    def to_dict(self) -> dict:
        return asdict(self)


def group_comparisons(network: OrgNetwork, by: str, *, layer: str = "all", k: int = DEFAULT_K, alpha: float = 0.05,
                      permutations: int = DEFAULT_PERMUTATIONS, seed: int = 0, symmetric: bool = False,
                      kinds: tuple[str, ...] = ("ei", "within")) -> list[Comparison]:
    """E–I (whole network and per group) and variable homophily (per group), ready to be said in
    words; ``kinds`` chooses which (the report says E–I only)."""
    codes, values = groups_of(network, by)
    known = int((codes >= 0).sum())
    ei = ei_test(network, by, layer=layer, symmetric=symmetric, permutations=permutations, seed=seed)
    found = []
    for row in ei.rows:
        size = row.size
        others = 0 if row.group is None else known - size
        shown = size >= k and (row.group is None or others >= k)
        direction = None if row.ei is None or row.expected is None else ("inward" if row.ei < row.expected else "outward")
        p = row.p_two if shown else None
        found.append(Comparison(
            "ei", by, row.group, layer, "ei", row.ei, row.expected, p,
            row.p_greater if shown else None, row.p_less if shown else None, direction, "ei_permutation",
            ei.permutations, ei.exact, seed, size, others, shown, (p < alpha) if p is not None else None,
        ))
    if "within" not in kinds:
        return [found_one for found_one in found if found_one.kind in kinds]
    variable = homophily_models(network, by, layer=layer, symmetric=symmetric, permutations=permutations, seed=seed)["variable"]
    for term in variable.terms:
        if not term.term.startswith("within:"):
            continue
        group = term.term.partition("=")[2]
        size = int((codes == values.index(group)).sum())
        shown = size >= k and known - size >= k
        p = term.p_two if shown else None
        found.append(Comparison(
            "within", by, group, layer, "coefficient", term.coefficient, None, p,
            term.p_greater if shown else None, term.p_less if shown else None,
            "inward" if term.coefficient > 0 else "outward", "qap_yperm", variable.permutations, variable.exact, seed,
            size, known - size, shown, (p < alpha) if p is not None else None,
        ))
    return [found_one for found_one in found if found_one.kind in kinds]
