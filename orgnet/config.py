"""``orgnet.toml``: renaming columns, mapping relations to kinds and recoding values.

A Danish export rarely uses orgnet's column names; the file next to the data says how to
read it::

    [columns]                 # the file's column = orgnet's column, in whichever file has it
    navn = "name"
    enhed = "unit"

    [columns.ties]            # or for one file only
    fra = "source"

    [relations]               # relation = kind
    sparring = "informal"
    "*" = "informal"          # every relation not listed (single-relation data)

    [values.role]             # a column's value = orgnet's value
    leder = "leader"

Every key is optional. Unknown sections are refused so that a typo is not ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from orgnet.errors import InputError, Problem, Said

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
MAX_CONFIG_BYTES = 1_000_000
ALL_FILES = "*"  # flat [columns] renames: for whichever file has the column
ANY_RELATION = "*"  # [relations] "*" = "informal": the kind of every relation not listed
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
        return {**DEFAULT_RELATION_KINDS, **{k: v for k, v in self.relations.items() if k != ANY_RELATION}}

    @property
    def default_kind(self) -> str | None:
        """The kind of every relation that is not named (``[relations] "*" = "informal"``)."""
        return self.relations.get(ANY_RELATION)


def load_config(path: Path) -> Config:
    """Read ``orgnet.toml`` at ``path``; a missing file gives the default configuration."""
    if not path.exists():
        return Config()
    name = path.name
    size = path.stat().st_size
    if size > MAX_CONFIG_BYTES:  # a mapping is a few lines; megabytes would make every command slow
        raise InputError([Problem(name, Said("error.io.config_too_big", size=size, most=MAX_CONFIG_BYTES))])
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError([Problem(name, Said("error.io.config_not_utf8"))]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem(name, Said("error.io.config_not_toml", reason=str(exc)))]) from None
    return _parse(raw, name)


def _parse(raw: dict, name: str) -> Config:
    problems: list[Problem] = []
    for section in raw:
        if section not in KNOWN_SECTIONS:
            expected = ", ".join(sorted(KNOWN_SECTIONS))
            problems.append(Problem(name, Said("error.io.config_unknown_section", section=section, expected=expected)))

    for section in KNOWN_SECTIONS & set(raw):
        if not isinstance(raw[section], dict):
            problems.append(Problem(name, Said("error.io.config_not_a_table", section=section, value=repr(raw[section]))))
    if problems:
        raise InputError(problems)

    # [columns] holds per-file tables ([columns.people]) and/or flat renames (navn = "name")
    # that apply to whichever file has that column.
    columns: dict[str, dict[str, str]] = {}
    flat: dict[str, str] = {}
    for key, value in raw.get("columns", {}).items():
        if isinstance(value, dict):
            if key not in TABLES:
                problems.append(Problem(name, Said("error.io.config_unknown_table", table=key)))
            columns[key] = {str(k): str(v) for k, v in value.items()}
        else:
            flat[str(key)] = str(value)
    if flat:
        columns[ALL_FILES] = flat

    relations = {str(k).strip(): str(v).strip() for k, v in raw.get("relations", {}).items()}
    for relation, kind in relations.items():
        if kind not in KINDS:
            problems.append(
                Problem(name, Said("error.io.config_bad_kind", relation=relation, kind=kind))
            )
    if problems:
        raise InputError(problems)

    return Config(
        columns=columns,
        relations=relations,
        values={col: {str(k): str(v) for k, v in mapping.items()} for col, mapping in raw.get("values", {}).items()},
        flags=raw.get("flags", {}),
        events=raw.get("events", {}),
        source=name,
    )
