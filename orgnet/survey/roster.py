"""The roster (*medarbejderlisten*): who was asked, and how a respondent is found in it.

A respondent is found by e-mail or id, compared after Unicode NFC, stripping spaces and case
folding (``Anna@X.dk `` is ``anna@x.dk``). Two people that share such a key would make every
answer under it go to one of them — the later one, silently — so a roster with two people on one
e-mail is refused by both ``survey template`` (before the survey is sent) and ``survey import``.
Two people sharing a *name* is legal; only their choice-list labels must differ (see
:func:`check_choice_labels`), and a typed name that fits both goes to review.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said, shown
from orgnet.io.excel import read_sheets
from orgnet.io.tables import RawTable, build_network
from orgnet.io.text import read_csv_text
from orgnet.survey.matching import choice_label


def read_roster(path: str | Path) -> pd.DataFrame:
    """The roster (people table: ``id``, ``name``, optional ``email``, ``organisation``, ``unit``, …), validated.

    A CSV file, or a workbook: its ``people`` sheet if it has one, else its first sheet. The
    frame's ``attrs`` keep the file (``"file"``) and each person's row in it (``"rows"``), so
    that later checks can name the rows the user sees.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, Said("error.survey.roster.no_such_file"))])
    people = _roster_sheet(path, name) if path.suffix.lower() == ".xlsx" else RawTable(name, read_csv_text(path, name))
    empty_ties = RawTable("(no ties)", pd.DataFrame({c: pd.Series(dtype=str) for c in ("source", "target", "kind")}))
    roster = build_network(people, empty_ties).people
    if "name" not in roster.columns:
        raise InputError([Problem(name, Said("error.survey.roster.no_name", columns=", ".join(["id", *roster.columns])))])
    # build_network keeps the file's order, so position i of the roster is record i of the file
    roster.attrs["file"] = people.label
    roster.attrs["rows"] = dict(zip(roster.index, (int(row) for row in people.frame.index)))
    _check_emails(roster)
    return roster


def _roster_sheet(path: Path, name: str) -> RawTable:
    sheets = read_sheets(path, name, dtype=object)  # the checks every workbook gets (damaged, zip bomb)
    by_name = {sheet.strip().lower(): (sheet, frame) for sheet, frame in sheets.items()}
    sheet, frame = by_name.get("people", next(iter(sheets.items())))
    frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    return RawTable(f"{name} [{sheet}]", frame)


def respondent_key(value: object) -> str:
    """How an e-mail or id is compared: NFC, spaces stripped, case folded."""
    return unicodedata.normalize("NFC", str(value)).strip().casefold()


def row_of(roster: pd.DataFrame, person: str) -> int | None:
    return roster.attrs.get("rows", {}).get(person)


def row_and_id(roster: pd.DataFrame, person: str) -> Said:
    """``row 3 (id 'b')``; only the id for a roster not read by :func:`read_roster`."""
    row = row_of(roster, person)
    return Said("error.survey.roster.row_and_id", row=row, id=shown(person)) if row is not None else Said("error.survey.roster.id", id=shown(person))


def and_list(items: list) -> Said | str:
    """``a and b and c`` in the reader's language (each item a text or a Said)."""
    if len(items) == 1:
        return items[0]
    return Said("error.survey.and", first=and_list(items[:-1]), last=items[-1])


def file_of(roster: pd.DataFrame) -> str:
    return roster.attrs.get("file", "the roster")


def _check_emails(roster: pd.DataFrame) -> None:
    if "email" not in roster.columns:
        return
    label, first, problems = file_of(roster), {}, []
    for person, mail in roster["email"].items():
        if pd.isna(mail) or not str(mail).strip():
            continue
        key = respondent_key(mail)
        if key in first:
            other, other_mail = first[key]
            problems.append(Problem(
                label,
                Said("error.survey.roster.same_email", mail=shown(mail), row=row_of(roster, other), other_mail=shown(other_mail), other=shown(other)),
                row=row_of(roster, person), column="email", value=mail,
            ))
        else:
            first[key] = (person, mail)
    if problems:
        raise InputError(problems)


def respondent_lookup(roster: pd.DataFrame) -> dict[str, list[str]]:
    """Respondent key (e-mail or id, see :func:`respondent_key`) → the roster people it names.

    A key naming two people (ids that differ only in case, one person's id being another's
    e-mail) is kept with both, so that an answer under it is refused rather than given to one.
    """
    lookup: dict[str, list[str]] = {}
    columns = [roster.index.to_series(index=roster.index)]
    if "email" in roster.columns:
        columns.append(roster["email"])
    for column in columns:
        for person, value in column.items():
            if pd.isna(value) or not str(value).strip():
                continue
            people = lookup.setdefault(respondent_key(value), [])
            if person not in people:
                people.append(person)
    return lookup


def check_choice_labels(roster: pd.DataFrame) -> None:
    """Refuse a roster whose choice list would show two people as the same line.

    Namesakes in different units differ by their unit (``Mette Hansen (Børnehaven)``); two
    namesakes in one unit would be one line twice, and no answer could tell them apart.
    """
    units = roster["unit"] if "unit" in roster else pd.Series(None, index=roster.index)
    names = roster["name"].astype("object").where(roster["name"].notna(), pd.Series(roster.index, index=roster.index))
    label, first, problems = file_of(roster), {}, []
    for person, name, unit in zip(roster.index, names, units):
        line = unicodedata.normalize("NFC", choice_label(str(name), unit if isinstance(unit, str) else None)).strip()
        if line in first:
            problems.append(Problem(
                label,
                Said("error.survey.roster.same_line", line=shown(line), id=shown(person), other=row_and_id(roster, first[line])),
                row=row_of(roster, person), column="name", value=name,
            ))
        else:
            first[line] = person
    if problems:
        raise InputError(problems)
