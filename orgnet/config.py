"""``orgnet.toml``: renaming columns, mapping relations to kinds and recoding values.

A Danish export rarely uses orgnet's column names; the file next to the data says how to
read it::

    [columns.people]          # the file's column = orgnet's column
    navn = "name"
    enhed = "unit"

    [relations]               # relation = kind
    sparring = "informal"

    [values.role]             # a column's value = orgnet's value
    leder = "leader"

Every key is optional. Unknown sections are refused so that a typo is not ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from orgnet.errors import InputError, Problem

KINDS = ("formal", "informal")

# Relations whose kind is clear from the name alone. A relation that is neither here nor in
# orgnet.toml needs a `kind` column, and is refused without one.
DEFAULT_RELATION_KINDS: dict[str, str] = {
    "line": "formal",
    "reports_to": "formal",
    "committee": "formal",
    "med": "formal",
    "network_group": "formal",
    "formal": "formal",
    "advice": "informal",
    "friendship": "informal",
    "informal": "informal",
    "tie": "informal",  # a DL, Pajek or NodeXL file that names no relation; map it in orgnet.toml
    "sparring": "informal",
}

TABLES = ("people", "ties", "groups")
KNOWN_SECTIONS = {"columns", "relations", "values", "flags", "events"}


@dataclass
class Config:
    """What ``orgnet.toml`` says; the default when there is no such file."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    flags: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)  # orgnet events: [events.columns.<channel>], [events.kinds]
    source: str | None = None

    def relation_kinds(self) -> dict[str, str]:
        return {**DEFAULT_RELATION_KINDS, **self.relations}


def load_config(path: Path) -> Config:
    """Read ``orgnet.toml`` at ``path``; a missing file gives the default configuration."""
    if not path.exists():
        return Config()
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError([Problem(name, "not UTF-8 text; save it as UTF-8")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem(name, f"not valid TOML: {exc}")]) from None
    return _parse(raw, name)


def _parse(raw: dict, name: str) -> Config:
    problems: list[Problem] = []
    for section in raw:
        if section not in KNOWN_SECTIONS:
            expected = ", ".join(sorted(KNOWN_SECTIONS))
            problems.append(Problem(name, f"unknown section [{section}]; expected one of: {expected}"))

    columns = raw.get("columns", {})
    for table in columns:
        if table not in TABLES:
            problems.append(Problem(name, f"unknown table [columns.{table}]; expected people, ties or groups"))

    relations = {str(k).strip(): str(v).strip() for k, v in raw.get("relations", {}).items()}
    for relation, kind in relations.items():
        if kind not in KINDS:
            problems.append(
                Problem(name, f"[relations] {relation} = '{kind}': the kind must be 'formal' or 'informal'")
            )
    if problems:
        raise InputError(problems)

    return Config(
        columns={table: {str(k): str(v) for k, v in mapping.items()} for table, mapping in columns.items()},
        relations=relations,
        values={col: {str(k): str(v) for k, v in mapping.items()} for col, mapping in raw.get("values", {}).items()},
        flags=raw.get("flags", {}),
        events=raw.get("events", {}),
        source=name,
    )
