"""Choosing people: ``--where role=leader`` and the subnetwork among the people chosen.

A condition is ``attribute=value`` or ``attribute!=value``; ``value`` may list several values
separated by commas (``role=leader,tr``) — unless the whole text is itself a value, as a unit
named ``Bostedet Åløkke, afd. Nord`` is. Conditions on the same attribute with ``=`` widen the
choice (either value); conditions on different attributes narrow it (all must hold); ``!=``
always narrows it. Values are compared as text, after trimming spaces, so ``level=1`` matches a
numeric column too. An attribute or a value that the data does not have is refused by name: a
typo must never give an empty or a silently unfiltered network.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.model import OrgNetwork

MAX_VALUES_SHOWN = 12


@dataclass(frozen=True)
class Condition:
    attribute: str
    values: tuple[str, ...]
    negated: bool = False
    text: str = ""  # the value as written, commas and all

    def __str__(self) -> str:
        return f"{self.attribute}{'!=' if self.negated else '='}{','.join(self.values)}"


def parse_conditions(texts: tuple[str, ...] | list[str]) -> tuple[Condition, ...]:
    """``("role=leader", "level!=top")`` → conditions; a malformed text is refused."""
    conditions = []
    for text in texts:
        negated = "!=" in text
        attribute, separator, values = text.partition("!=" if negated else "=")
        attribute = attribute.strip()
        chosen = tuple(value.strip() for value in values.split(",") if value.strip())
        if not separator or not attribute or not chosen:
            raise OrgnetError(Said("error.data.where.form", text=text))
        conditions.append(Condition(attribute, chosen, negated, values.strip()))
    return tuple(conditions)


def chosen_people(people: pd.DataFrame, conditions: tuple[Condition, ...]) -> pd.Index:
    """The ids of the people every condition admits (all of them when there is none)."""
    keep = pd.Series(True, index=people.index)
    widening: dict[str, pd.Series] = defaultdict(lambda: pd.Series(False, index=people.index))
    for condition in conditions:
        values = _values_of(people, condition.attribute)
        known = set(values)
        if condition.text in known:  # "Bostedet Åløkke, afd. Nord" is one value, not two
            condition = Condition(condition.attribute, (condition.text,), condition.negated, condition.text)
        unknown = [value for value in condition.values if value not in known]
        if unknown:
            known = sorted(set(values.dropna()))
            more = Said("error.data.where.more", count=len(known)) if len(known) > MAX_VALUES_SHOWN else ""
            raise OrgnetError(Said("error.data.where.no_value", condition=str(condition), attribute=condition.attribute, value=unknown[0],
                                   values=", ".join(known[:MAX_VALUES_SHOWN]), more=more))
        matches = values.isin(condition.values)
        if condition.negated:
            keep &= ~matches
        else:
            widening[condition.attribute] |= matches
    for matches in widening.values():
        keep &= matches
    return people.index[keep.to_numpy()]


def select_people(network: OrgNetwork, conditions: tuple[Condition, ...] | list[str] | tuple[str, ...]) -> OrgNetwork:
    """The people the conditions choose and only the ties and group memberships among them.

    Tie scope (internal/external) is kept as it was in the whole network: it describes the two
    people's organisations, which do not change when others are left out.
    """
    if not conditions:
        return network
    if isinstance(conditions[0], str):
        conditions = parse_conditions(conditions)
    ids = chosen_people(network.people, tuple(conditions))
    if not len(ids):
        raise OrgnetError(Said("error.data.where.no_one", conditions=" ".join(map(str, conditions))))
    ties = network.ties
    inside = ties["source"].isin(ids) & ties["target"].isin(ids)
    groups = network.groups[network.groups["person"].isin(ids)] if len(network.groups) else network.groups
    return replace(network, people=network.people.loc[ids], ties=ties[inside].reset_index(drop=True), groups=groups.reset_index(drop=True))


def describe_selection(conditions, chosen: int, total: int) -> dict:
    """What the output metadata says about the choice of people."""
    return {"where": [str(condition) for condition in conditions], "people_chosen": chosen, "people_in_data": total}


def _values_of(people: pd.DataFrame, attribute: str) -> pd.Series:
    if attribute == "id":
        return pd.Series(people.index.astype(str), index=people.index)
    if attribute not in people.columns:
        raise OrgnetError(Said("error.data.where.no_attribute", attribute=attribute, attributes=", ".join(map(str, people.columns))))
    column = people[attribute]
    text = column.astype("object").where(column.notna(), None)
    return text.map(lambda value: None if value is None else _as_text(value))


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
