"""From raw tables (as read from any file form) to a validated :class:`OrgNetwork`.

Validation happens here, once, at the edge: every problem in every table is collected and
raised together as one :class:`InputError`. Nothing is dropped silently: a tie either enters
the network, is merged into a duplicate that ``duplicates_merged`` counts, or is named in an
error.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet.config import ALL_FILES, KINDS, Config
from orgnet.errors import InputError, Problem, Said, shown
from orgnet.model import OrgNetwork, scope_of_ties
from orgnet.values import is_missing

PEOPLE_COLUMNS = ("id", "name", "organisation", "unit", "role", "level", "gender", "tenure_years", "profession")
TIE_COLUMNS = ("source", "target", "relation", "kind", "weight")
ID_COLUMNS = {"people": ("id",), "ties": ("source", "target"), "groups": ("person",)}
# Weights above this are refused: a survey's weights are small, and this bound keeps every sum
# of merged duplicate reports (and of a person's strength) finite — 1e12 reports of 1e290 would
# still be far below the largest float, 1.8e308.
MAX_WEIGHT = 1e290
GROUP_COLUMNS = ("group", "person", "group_kind")
# Attributes that name categories even when their values look like numbers ("level 1").
CATEGORICAL = {"id", "name", "organisation", "unit", "role", "level", "gender", "profession"}


@dataclass
class RawTable:
    """A table as read from a file: ``frame.index`` holds each record's row number."""

    label: str
    frame: pd.DataFrame
    # The relation of a tie that has neither kind nor relation, for forms whose ties may carry
    # neither (GraphML, GEXF: relation "tie", informal, as DL and Pajek). Applied after the
    # orgnet.toml renames, so that [columns] can still give the file a relation column.
    relation_when_none: str | None = None


def build_network(
    people: RawTable, ties: RawTable, groups: RawTable | None = None, config: Config | None = None
) -> OrgNetwork:
    """Validate the three tables and assemble the network, or raise every problem at once."""
    config = config or Config()
    problems: list[Problem] = []

    people_frame = _prepare(people, "people", ("id",), config, problems)
    ties_frame = _prepare(ties, "ties", ("source", "target"), config, problems)
    if ties_frame is not None and ties.relation_when_none:
        ties_frame = _with_relation(ties_frame, ties.relation_when_none)
    if ties_frame is not None and "kind" not in ties_frame and "relation" not in ties_frame:
        problems.append(_missing_column(ties, "kind", ("source", "target", "relation", "kind"), ties_frame))
        ties_frame = None
    groups_frame = _prepare(groups, "groups", ("group", "person"), config, problems) if groups else None
    problems += _unused_renames(config, {"people": people, "ties": ties, "groups": groups})

    person_ids = None
    if people_frame is not None:
        people_frame = _validate_people(people_frame, people.label, problems)
        person_ids = people_frame.index
    if ties_frame is not None:
        ties_frame = _validate_ties(ties_frame, ties.label, person_ids, people.label, config, problems)
    if groups_frame is not None:
        groups_frame = _validate_groups(groups_frame, groups.label, person_ids, people.label, problems)
    if problems:
        raise InputError(_in_reading_order(problems))

    merged_ties, duplicates = _merge_duplicates(ties_frame, ties.label)
    merged_ties["scope"] = scope_of_ties(people_frame, merged_ties)
    if groups_frame is None:
        groups_frame = pd.DataFrame({column: pd.Series(dtype="str") for column in GROUP_COLUMNS})
    return OrgNetwork(
        people=people_frame,
        ties=merged_ties,
        groups=groups_frame.reset_index(drop=True),
        duplicates_merged=duplicates,
    )


def _renames_for(frame: pd.DataFrame, table: str, label: str, config: Config, problems: list[Problem]) -> dict[str, str] | None:
    """The renames orgnet.toml gives this file: flat ``[columns]`` entries for the columns it has,
    then ``[columns.<table>]``; two of them giving the file the same column are refused."""
    flat = {old: new for old, new in config.columns.get(ALL_FILES, {}).items() if old in frame.columns}
    own = {old: new for old, new in config.columns.get(table, {}).items()}
    renames = {**flat, **own}
    present = {old: new for old, new in renames.items() if old in frame.columns}
    by_target: dict[str, list[str]] = {}
    for old, new in present.items():
        by_target.setdefault(new, []).append(old)
    clashes = {new: olds for new, olds in by_target.items() if len(olds) > 1}
    file_name = Path(label).name
    for new, olds in clashes.items():
        keys = f'{olds[0]} = "{new}"'
        for old in olds[1:]:
            keys = Said("error.io.and", first=keys, then=f'{old} = "{new}"')
        problems.append(Problem(config.source or "orgnet.toml", Said("error.io.rename_clash", keys=keys, file=file_name, column=new)))
    return None if clashes else renames


def _unused_renames(config: Config, tables: dict[str, RawTable | None]) -> list[Problem]:
    """A rename in orgnet.toml whose old name no file has: said, never ignored (a typo would lose a column)."""
    present = {table: {unicodedata.normalize("NFC", str(c)) for c in raw.frame.columns} for table, raw in tables.items() if raw is not None}
    source = config.source or "orgnet.toml"
    problems = []
    for table, renames in config.columns.items():
        if table != ALL_FILES and table not in present:
            continue  # no such file in this data: nothing to rename
        searched = set().union(*present.values()) if table == ALL_FILES else present[table]
        section = "[columns]" if table == ALL_FILES else f"[columns.{table}]"
        for old, new in renames.items():
            if unicodedata.normalize("NFC", old) not in searched:
                found = ", ".join(sorted(searched, key=str.lower)) or Said("error.io.none")
                if table == ALL_FILES:
                    where = Said("error.io.no_file_has_column", column=old)
                else:
                    where = Said("error.io.file_has_no_column", file=Path(tables[table].label).name, column=old)
                problems.append(Problem(source, Said("error.io.rename_unused", section=section, old=old, new=new, where=where, found=found)))
    return problems


def _nfc(values: pd.Series) -> pd.Series:
    """Text values in Unicode NFC; numbers and missing values as they are. Only non-ASCII text
    can change, so only that is normalised (most ids are ASCII)."""
    text = values.map(lambda value: isinstance(value, str) and not value.isascii()) if values.dtype == object else None
    if text is None:
        if not pd.api.types.is_string_dtype(values):
            return values
        text = values.notna() & ~values.str.isascii().fillna(True).astype(bool)
    if not text.any():
        return values
    values = values.copy()
    values[text] = values[text].map(lambda value: unicodedata.normalize("NFC", value))
    return values


def _in_reading_order(problems: list[Problem]) -> list[Problem]:
    """Problems file by file (in the order met), then by row; whole-file problems first."""
    files = list(dict.fromkeys(problem.file for problem in problems))
    return sorted(problems, key=lambda p: (files.index(p.file), p.row if p.row is not None else -1))


# --- columns -------------------------------------------------------------------------------


def _prepare(
    raw: RawTable, table: str, required: tuple[str, ...], config: Config, problems: list[Problem]
) -> pd.DataFrame | None:
    """Rename columns (orgnet.toml, then case), recode values, check required columns.

    Column names and the ids (``id``, ``source``, ``target``, ``person``) are normalised to
    Unicode NFC first, so that a ``å`` typed as one character and one typed as ``a`` plus a ring
    (as macOS and some web forms write it) are the same id.
    """
    frame = raw.frame.rename(columns=lambda column: unicodedata.normalize("NFC", str(column)))
    for column in ID_COLUMNS[table]:
        if column in frame.columns:
            frame[column] = _nfc(frame[column])
    renames = _renames_for(frame, table, raw.label, config, problems)
    if renames is None:
        return None
    frame = frame.rename(columns=renames)
    known = {"people": PEOPLE_COLUMNS, "ties": TIE_COLUMNS, "groups": GROUP_COLUMNS}[table]
    by_lower = {column.lower(): column for column in known}
    frame = frame.rename(columns=lambda column: by_lower.get(str(column).strip().lower(), str(column).strip()))
    duplicated = frame.columns[frame.columns.duplicated()].unique()
    for column in duplicated:
        problems.append(Problem(raw.label, Said("error.io.column_twice", column=column)))
    missing = [column for column in required if column not in frame.columns]
    for column in missing:
        problems.append(_missing_column(raw, column, known, frame))
    if missing or len(duplicated):
        return None
    for column, mapping in config.values.items():
        if column in frame.columns:
            frame[column] = frame[column].replace(mapping)
    return frame


def _missing_column(raw: RawTable, column: str, known: tuple[str, ...], frame: pd.DataFrame) -> Problem:
    found = ", ".join(str(c) for c in frame.columns) or Said("error.io.none")
    return Problem(raw.label, Said("error.io.missing_column", column=column, found=found, known=", ".join(known)))


def _as_id_strings(column: pd.Series) -> pd.Series:
    """Ids compare as text: ' 7' and 7.0 from Excel both become '7'.

    Text columns (every CSV) and numeric columns are converted in bulk; only a column that
    mixes types (an Excel sheet with numbers and text) is converted value by value.
    """
    if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
        return column.str.strip().replace("", pd.NA).astype("str")
    if pd.api.types.is_numeric_dtype(column.dtype):
        numbers = column.astype("float64")
        integral = numbers.notna() & (numbers % 1 == 0)
        text = numbers.astype("str").where(~integral, numbers.where(integral).astype("Int64").astype("str"))
        return text.where(numbers.notna(), pd.NA).astype("str")

    def to_text(value: object) -> object:
        if is_missing(value):
            return pd.NA
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        return text if text else pd.NA

    return column.map(to_text).astype("str")


# --- people --------------------------------------------------------------------------------


def _validate_people(frame: pd.DataFrame, label: str, problems: list[Problem]) -> pd.DataFrame:
    frame = frame.copy()
    frame["id"] = _as_id_strings(frame["id"])
    for row in frame.index[frame["id"].isna()]:
        problems.append(Problem(label, Said("error.io.empty_person_id"), row=int(row), column="id"))
    present = frame["id"].dropna()
    repeated = present.duplicated()
    first_row = dict(zip(present[~repeated], present.index[~repeated])) if repeated.any() else {}
    for row, person in present[repeated].items():
        problems.append(
            Problem(label, Said("error.io.duplicate_person_id", person=shown(person), first=first_row[person]), row=int(row), column="id", value=person)
        )
    for column in frame.columns:
        if column != "id":
            frame[column] = _typed_attribute(frame[column], categorical=column in CATEGORICAL)
    return frame.set_index("id", drop=True)


def _typed_attribute(column: pd.Series, *, categorical: bool) -> pd.Series:
    """Text stays text; a column of numbers (decimal commas allowed) becomes numeric."""
    if categorical:
        text = column.map(lambda v: v if is_missing(v) else _plain(v))
        return text.replace("", pd.NA).astype("str")
    if pd.api.types.is_numeric_dtype(column):
        return column
    numbers = _parse_numbers(column)
    if numbers is not None:
        return numbers
    return column.astype("str")


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _parse_numbers(column: pd.Series) -> pd.Series | None:
    """The column as numbers, reading '3,5' as 3.5; None if any value is not a number."""
    text = column.dropna().astype("str").str.strip()
    if text.empty:
        return None
    if not text.str.fullmatch(r"[-+]?\d+([.,]\d+)?").all():
        return None
    numbers = pd.to_numeric(column.astype("str").str.strip().str.replace(",", ".", regex=False), errors="coerce")
    if (numbers.dropna() % 1 == 0).all() and not text.str.contains(r"[.,]").any():
        return numbers.astype("Int64")
    return numbers.astype("float64")


# --- ties ----------------------------------------------------------------------------------


def _validate_ties(
    frame: pd.DataFrame,
    label: str,
    person_ids: pd.Index | None,
    people_label: str,
    config: Config,
    problems: list[Problem],
) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("source", "target"):
        frame[column] = _as_id_strings(frame[column])
        for row in frame.index[frame[column].isna()]:
            problems.append(Problem(label, Said("error.io.empty_tie_id", column=column), row=int(row), column=column))
        if person_ids is not None:
            unknown = frame[column].notna() & ~frame[column].isin(person_ids)
            for row, person in frame.loc[unknown, column].items():
                problems.append(
                    Problem(label, Said("error.io.unknown_person_id", person=shown(person), people=people_label), row=int(row), column=column, value=person)
                )
    self_tie = frame["source"].notna() & (frame["source"] == frame["target"])
    for row, person in frame.loc[self_tie, "source"].items():
        problems.append(Problem(label, Said("error.io.self_tie", person=shown(person)), row=int(row), value=person))

    if "relation" in frame:
        frame["relation"] = frame["relation"].map(lambda v: pd.NA if pd.isna(v) else _plain(v)).astype("str")
    frame["kind"] = _kinds(frame, label, config, problems)
    if "relation" not in frame:
        frame["relation"] = frame["kind"]
    frame["relation"] = frame["relation"].fillna(frame["kind"])
    frame["weight"] = _weights(frame, label, problems)
    return frame


def _with_relation(frame: pd.DataFrame, relation: str) -> pd.DataFrame:
    """Ties with neither kind nor relation get ``relation``; the others are left as they are."""
    missing = pd.Series(True, index=frame.index)
    for column in ("relation", "kind"):
        if column in frame:
            missing &= frame[column].isna()
    if not missing.any() and ("relation" in frame or "kind" in frame):
        return frame
    given = frame["relation"] if "relation" in frame else pd.Series(pd.NA, index=frame.index, dtype="object")
    return frame.assign(relation=given.astype("object").where(~missing, relation))


def _kinds(frame: pd.DataFrame, label: str, config: Config, problems: list[Problem]) -> pd.Series:
    mapped = frame["relation"].map(config.relation_kinds()) if "relation" in frame else pd.Series(pd.NA, index=frame.index)
    if config.default_kind and "relation" in frame:
        mapped = mapped.where(mapped.notna() | frame["relation"].isna(), config.default_kind)
    if "kind" in frame:
        given = frame["kind"].map(lambda v: pd.NA if pd.isna(v) else str(v).strip().lower())
        bad = given.notna() & ~given.isin(KINDS)
        for row, value in frame.loc[bad, "kind"].items():
            problems.append(
                Problem(label, Said("error.io.bad_kind", kind=value), row=int(row), column="kind", value=value)
            )
        kinds = given.where(given.notna(), mapped)
    else:
        kinds = mapped
    unknown = kinds.isna()
    for row in frame.index[unknown]:
        relation = frame.at[row, "relation"] if "relation" in frame else pd.NA
        if pd.isna(relation):
            problems.append(Problem(label, Said("error.io.no_kind_no_relation"), row=int(row), column="kind"))
        else:
            problems.append(
                Problem(
                    label,
                    Said("error.io.no_kind_for_relation", relation=relation),
                    row=int(row),
                    column="relation",
                    value=relation,
                )
            )
    return kinds.astype("str")


def _weights(frame: pd.DataFrame, label: str, problems: list[Problem]) -> pd.Series:
    if "weight" not in frame:
        return pd.Series(1.0, index=frame.index)
    raw = frame["weight"]
    if pd.api.types.is_numeric_dtype(raw):
        weights = raw.astype("float64")
        not_numbers = pd.Series(False, index=frame.index)
    else:
        text = raw.astype("str").str.strip()
        weights = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        not_numbers = text.notna() & weights.isna()
    for row, value in raw[not_numbers].items():
        problems.append(Problem(label, Said("error.io.weight_not_a_number", weight=value), row=int(row), column="weight", value=value))
    not_positive = weights.notna() & ~(weights > 0)
    for row, value in raw[not_positive].items():
        problems.append(Problem(label, Said("error.io.weight_not_positive", weight=value), row=int(row), column="weight", value=value))
    not_finite = weights.notna() & (weights > 0) & ~np.isfinite(weights)
    for row, value in raw[not_finite].items():
        problems.append(Problem(label, Said("error.io.weight_not_finite", weight=value, most=MAX_WEIGHT), row=int(row), column="weight", value=value))
    too_large = weights.notna() & np.isfinite(weights) & (weights > MAX_WEIGHT)
    for row, value in raw[too_large].items():
        problems.append(Problem(label, Said("error.io.weight_too_large", weight=value, most=MAX_WEIGHT), row=int(row), column="weight", value=value))
    return weights.fillna(1.0).astype("float64")


def _merge_duplicates(frame: pd.DataFrame, label: str) -> tuple[pd.DataFrame, int]:
    """One tie per (source, target, relation): weights added, the number of reports kept."""
    key = ["source", "target", "relation"]
    kinds_per_tie = frame.groupby(key, sort=False)["kind"].nunique()
    conflicting = kinds_per_tie[kinds_per_tie > 1]
    if len(conflicting):
        problems = []
        for source, target, relation in conflicting.index:
            rows = frame.index[(frame["source"] == source) & (frame["target"] == target) & (frame["relation"] == relation)]
            problems.append(
                Problem(label, Said("error.io.both_kinds", source=source, target=target, relation=relation, rows=", ".join(map(str, rows))), row=int(rows[0]))
            )
        raise InputError(problems)
    frame = frame.drop(columns=["scope"], errors="ignore")  # derived again from the people
    if "reports" in frame:  # a file orgnet wrote: it already counts the reports behind each tie
        frame["reports"] = pd.to_numeric(frame["reports"], errors="coerce").fillna(1).astype("int64")
    else:
        frame["reports"] = 1
    extra = [column for column in frame.columns if column not in (*key, "kind", "weight", "reports")]
    aggregations = {"kind": "first", "weight": "sum", "reports": "sum", **{column: "first" for column in extra}}
    merged = frame.reset_index(drop=True).groupby(key, sort=False, as_index=False).agg(
        **{column: (column, how) for column, how in aggregations.items()}
    )
    merged = merged[["source", "target", "relation", "kind", "weight", "reports", *extra]]
    return merged, int(len(frame) - len(merged))


# --- groups --------------------------------------------------------------------------------


def _validate_groups(
    frame: pd.DataFrame, label: str, person_ids: pd.Index | None, people_label: str, problems: list[Problem]
) -> pd.DataFrame:
    frame = frame.copy()
    frame["group"] = _as_id_strings(frame["group"])
    frame["person"] = _as_id_strings(frame["person"])
    for column in ("group", "person"):
        for row in frame.index[frame[column].isna()]:
            problems.append(Problem(label, Said("error.io.empty_group_cell", column=column), row=int(row), column=column))
    if person_ids is not None:
        unknown = frame["person"].notna() & ~frame["person"].isin(person_ids)
        for row, person in frame.loc[unknown, "person"].items():
            problems.append(Problem(label, Said("error.io.unknown_person_id", person=shown(person), people=people_label), row=int(row), column="person", value=person))
    if "group_kind" in frame:
        frame["group_kind"] = frame["group_kind"].astype("str")
    return frame.drop_duplicates(subset=["group", "person"])
