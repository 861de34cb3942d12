"""Changes to an organisation applied to a copy of its network: people leave, organisations
merge, people move.

A scenario is a named list of changes. :func:`apply_scenario` returns a new
:class:`~orgnet.model.OrgNetwork`; the input is never modified. Tie ``scope`` is recomputed
after every change with :func:`~orgnet.model.scope_of_ties`, so a merge turns the ties between
the merged organisations from external to internal and a move turns the mover's ties over.

Every change is checked against the data first: an unknown id, organisation or unit, a
merge of an organisation with itself, or a move to a unit name that several organisations
use (write ``ORGANISATION/UNIT``), is refused by name (:class:`~orgnet.errors.OrgnetError`).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError, Said, say
from orgnet.model import OrgNetwork, scope_of_ties
from orgnet.selection import chosen_people, parse_conditions

# The keys of a scenario in a TOML file, each with an example value for messages.
EXAMPLES = {"remove": "P0001", "remove_where": "employer=amt", "merge": "A,B=C", "move": "P0001=Bostedet Næsset"}


@dataclass(frozen=True)
class Scenario:
    """One named what-if: people removed (by id or attribute), organisations merged, people moved.

    ``merge`` holds ``(("A", "B"), "C")`` pairs: A and B become C. ``move`` holds
    ``("P0001", "X")``: the person joins unit X (and its organisation) or organisation X;
    a unit name found in several organisations must be written ``ORGANISATION/UNIT``.

    A scenario holds codes and names only; its words (``Fusion: A og B → C``) are chosen where it
    is shown, by :func:`orgnet.scenarios.present.scenario_title`.
    """

    name: str
    remove: tuple[str, ...] = ()
    remove_where: tuple[str, ...] = ()
    merge: tuple[tuple[tuple[str, ...], str], ...] = ()
    move: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.remove or self.remove_where or self.merge or self.move)


@dataclass(frozen=True)
class Outcome:
    """A scenario applied: the network after it, and who was removed or moved."""

    scenario: Scenario
    network: OrgNetwork
    removed: pd.Index = field(default_factory=pd.Index)
    moved: pd.Index = field(default_factory=pd.Index)


def parse_scenario(name: str, *, remove=(), remove_where=(), merge=(), move=()) -> Scenario:
    """A scenario from command-line texts: ``--merge "A,B=C"``, ``--move P0001=X`` and so on."""
    return Scenario(
        name=name,
        remove=tuple(part.strip() for text in remove for part in str(text).split(",") if part.strip()),
        remove_where=tuple(str(text) for text in remove_where),
        merge=tuple(_parse_merge(text) for text in merge),
        move=tuple(_parse_move(text) for text in move),
    )


def read_scenarios(path: Path) -> list[Scenario]:
    """Named scenarios from a TOML file, one table per scenario::

    [scenario."counties close"]
    remove_where = ["employer=amt"]
    merge = ["Bostedet Næsset,Botilbuddet Solsikken=Bo- og Aktivitetscenter Næsset"]
    """
    path = Path(path)
    try:
        data = tomllib.loads(_utf8_text(path))
    except tomllib.TOMLDecodeError as error:
        raise OrgnetError(Said("error.scenarios.not_toml", path=str(path), error=str(error))) from None
    table = data.get("scenario")
    if not isinstance(table, dict) or not table:
        raise OrgnetError(Said("error.scenarios.no_scenarios", path=str(path)))
    scenarios = []
    for name, spec in table.items():
        if not isinstance(spec, dict):
            raise OrgnetError(Said("error.scenarios.not_table", path=str(path), name=name))
        unknown = sorted(set(spec) - set(EXAMPLES))
        if unknown:
            keys = ", ".join(sorted(EXAMPLES))
            raise OrgnetError(Said("error.scenarios.unknown_key", path=str(path), name=name, setting=unknown[0], keys=keys))
        for key, value in spec.items():
            if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(item, str) for item in value))):
                raise OrgnetError(
                    Said(
                        "error.scenarios.not_texts",
                        path=str(path),
                        name=name,
                        setting=key,
                        value=json.dumps(value, ensure_ascii=False),
                        example=json.dumps([EXAMPLES[key]], ensure_ascii=False),
                    )
                )
        lists = {key: [spec[key]] if isinstance(spec.get(key), str) else list(spec.get(key, [])) for key in EXAMPLES}
        scenario = parse_scenario(name, **lists)
        if scenario.is_empty:
            raise OrgnetError(Said("error.scenarios.changes_nothing", path=str(path), name=name))
        scenarios.append(scenario)
    return scenarios


def _utf8_text(path: Path) -> str:
    """The file's text; TOML is UTF-8 by definition, so anything else is refused, naming where."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        legacy = bytes([byte]).decode("cp1252", errors="replace")
        said = Said("error.scenarios.not_utf8", path=str(path), byte=f"{byte:02x}", line=line, legacy=legacy)
        raise OrgnetError(said) from None


class _RemoveWhere(Said):
    """A --where message of orgnet.selection said of --remove-where, the option she wrote."""

    def __init__(self, message: str | Said):
        super().__init__("error.scenarios.remove_where", message=message)

    def text(self, lang: str = "en") -> str:
        return say(self.fields["message"], lang).replace("--where", "--remove-where", 1)


def apply_scenario(network: OrgNetwork, scenario: Scenario) -> Outcome:
    """The network after ``scenario``: removals first, then merges, then moves.

    Ties of removed people and their group memberships go with them. Organisations are merged
    and people moved by rewriting ``organisation`` (and ``unit`` for a move to a unit); tie
    scope is then recomputed for every tie.
    """
    people = network.people
    removed = _removed_ids(people, scenario)
    organisations = _organisations(people) if scenario.merge or scenario.move else None
    merges = [(_join_known(sources, organisations), target) for sources, target in scenario.merge]
    for sources, target in merges:
        _check_merge(sources, target, organisations)
    moves = [_check_move(person, place, people, removed, organisations) for person, place in scenario.move]

    people = people.drop(index=removed).copy()
    for sources, target in merges:
        people.loc[people["organisation"].isin(sources), "organisation"] = target
    for person, organisation, unit in moves:
        people.loc[person, "organisation"] = organisation
        if "unit" in people.columns:
            people.loc[person, "unit"] = unit
    ties = network.ties
    ties = ties[~(ties["source"].isin(removed) | ties["target"].isin(removed))].reset_index(drop=True)
    ties = ties.assign(scope=scope_of_ties(people, ties))
    groups = network.groups
    if len(groups):
        groups = groups[~groups["person"].isin(removed)].reset_index(drop=True)
    after = replace(network, people=people, ties=ties, groups=groups)
    return Outcome(scenario, after, removed=removed, moved=pd.Index([person for person, _, _ in moves]))


def _removed_ids(people: pd.DataFrame, scenario: Scenario) -> pd.Index:
    unknown = [person for person in scenario.remove if person not in people.index]
    if unknown:
        raise OrgnetError(Said("error.scenarios.remove_unknown", person=unknown[0]))
    removed = pd.Index(list(dict.fromkeys(scenario.remove)), dtype=people.index.dtype)
    for text in scenario.remove_where:
        try:
            chosen = chosen_people(people, parse_conditions([text]))
        except OrgnetError as error:
            raise OrgnetError(_RemoveWhere(error.message)) from None
        removed = removed.union(chosen, sort=False)
    if len(removed) >= len(people):
        raise OrgnetError(Said("error.scenarios.removes_everyone", name=scenario.name))
    return removed


def _organisations(people: pd.DataFrame) -> set[str]:
    if "organisation" not in people.columns:
        raise OrgnetError(Said("error.scenarios.no_organisation_column"))
    return set(people["organisation"].dropna().astype(str))


def _check_merge(sources: tuple[str, ...], target: str, organisations: set[str]) -> None:
    label = f'--merge "{",".join(sources)}={target}"'
    for source in sources:
        if source not in organisations:
            suggestion = _suggest(source, organisations)
            raise OrgnetError(Said("error.scenarios.no_organisation", label=label, name=source, suggestion=suggestion))
    if len(set(sources)) < len(sources):
        raise OrgnetError(Said("error.scenarios.merge_itself", label=label))
    if len(sources) < 2:
        raise OrgnetError(Said("error.scenarios.merge_one", label=label))


def _check_move(
    person: str, place: str, people: pd.DataFrame, removed: pd.Index, organisations: set[str]
) -> tuple[str, str, object]:
    label = f"--move {person}={place}"
    if person not in people.index:
        raise OrgnetError(Said("error.scenarios.move_unknown", label=label, person=person))
    if person in removed:
        raise OrgnetError(Said("error.scenarios.move_removed", label=label, person=person))
    places = _units(people)  # (organisation, unit) pairs
    holders = sorted(organisation for organisation, unit in places if unit == place)
    if len(holders) > 1:
        # The same unit name in two organisations ("Ledelse"): moving to either would be a guess.
        named = ", ".join(f"{organisation}/{place}" for organisation in holders)
        raise OrgnetError(
            Said(
                "error.scenarios.unit_ambiguous",
                label=label,
                count=len(holders),
                unit=place,
                named=named,
                person=person,
                first=holders[0],
            )
        )
    if holders:
        return person, holders[0], place
    # ORGANISATION/UNIT; organisation names may hold a slash themselves, so try every split
    splits = [(place[:at], place[at + 1 :]) for at, letter in enumerate(place) if letter == "/"]
    matches = [(organisation, unit) for organisation, unit in splits if (organisation, unit) in places]
    if len(matches) == 1:
        return person, *matches[0]
    if place in organisations:
        return person, place, pd.NA
    raise OrgnetError(Said("error.scenarios.no_place", label=label, place=place, suggestion=_suggest(place, organisations)))


def _units(people: pd.DataFrame) -> set[tuple[str, str]]:
    if "unit" not in people.columns:
        return set()
    known = people.dropna(subset=["unit", "organisation"])
    return set(zip(known["organisation"].astype(str), known["unit"].astype(str)))


def _join_known(parts: tuple[str, ...], organisations: set[str]) -> tuple[str, ...]:
    """Rejoin comma-split parts that together name one organisation ("Skovbjerg Kommune, Social-
    og Sundhedsforvaltningen"), so names with commas can be merged."""
    names, pending = [], []
    for part in parts:
        pending.append(part)
        joined = ", ".join(pending)
        if joined in organisations:
            names.append(joined)
            pending = []
    if pending:
        names.extend(pending)
    return tuple(names)


def _suggest(value: str, known: set[str]) -> Said | str:
    """`` (did you mean 'X'?)`` said in the reader's language, or nothing."""
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=1)
    return Said("error.scenarios.did_you_mean", name=close[0]) if close else ""


def _parse_merge(text: str) -> tuple[tuple[str, ...], str]:
    sources, separator, target = str(text).rpartition("=")
    names = tuple(name.strip() for name in sources.split(",") if name.strip())
    if not separator or len(names) < 2 or not target.strip():
        raise OrgnetError(Said("error.scenarios.merge_form", text=str(text)))
    return names, target.strip()


def _parse_move(text: str) -> tuple[str, str]:
    person, separator, place = str(text).partition("=")
    if not separator or not person.strip() or not place.strip():
        raise OrgnetError(Said("error.scenarios.move_form", text=str(text)))
    return person.strip(), place.strip()
