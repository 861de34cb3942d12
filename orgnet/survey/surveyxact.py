"""SurveyXact (Rambøll) exports: ``Dataset``, ``Structure`` and ``Labels``.

As a workbook with those three sheets, or a folder of ``dataset.csv``, ``structure.csv`` and
``labels.csv`` in any of SurveyXact's encodings (comma-ANSI, semicolon-ANSI, tab UTF-16).
``Structure`` (``questionName; variableName; questionType; subType; questionText; choiceValue;
choiceText``) says what each Dataset column is; columns are mapped through it by variable name,
never by position. A ``Multiple`` question is one 0/1 variable per choice; a ``Single`` question's
codes are turned into their text through ``Labels`` (no header: variableName, value,
valueLabel). The shapes are those of the readSX R package's example exports.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem
from orgnet.io.text import clean_strings, decode, sniff_delimiter
from orgnet.survey.wide import Wide, respondent_column


def read_surveyxact_workbook(path: Path, sheets: dict[str, pd.DataFrame]) -> Wide | None:
    """The workbook as a SurveyXact export, or None if it lacks the three sheets."""
    lower = {sheet.lower(): sheet for sheet in sheets}
    if not {"dataset", "structure", "labels"} <= set(lower):
        return None
    labels = pd.read_excel(path, sheet_name=lower["labels"], header=None, dtype=str, engine="openpyxl", keep_default_na=False)
    return read_surveyxact(str(path), sheets[lower["dataset"]], sheets[lower["structure"]], _labels_sheet(labels))


def read_surveyxact_folder(folder: Path) -> Wide:
    files = {p.stem.lower(): p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".txt")}
    missing = [n for n in ("dataset", "structure", "labels") if n not in files]
    if missing:
        raise InputError([Problem(str(folder), f"a SurveyXact export folder needs {', '.join(n + '.csv' for n in missing)}")])
    dataset = _plain_csv(files["dataset"], header=True)
    structure = _plain_csv(files["structure"], header=True)
    labels = _plain_csv(files["labels"], header=False)
    return read_surveyxact(str(folder), dataset, structure, _labels_sheet(labels))


def _plain_csv(path: Path, *, header: bool) -> pd.DataFrame:
    """SurveyXact's CSVs: any of its three encodings; its stray empty last column is dropped."""
    text = decode(path.read_bytes(), str(path))
    rows = [row for row in csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text)) if any(c.strip() for c in row)]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if header:
        names = [c.strip() or f"_empty{i}" for i, c in enumerate(rows[0])] if rows else []
        frame = pd.DataFrame(rows[1:], columns=names, dtype="object")
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_empty") and not frame[c].str.strip().any()])
        frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    else:
        frame = pd.DataFrame(rows, dtype="object")
        frame.index = pd.RangeIndex(1, 1 + len(frame), name="row")
    frame.attrs["label"] = str(path)
    return frame


def _labels_sheet(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Labels has no header row: variableName, value, valueLabel (as readSX reads it)."""
    if frame.shape[1] < 3:
        return {}
    rows = frame.iloc[:, :3].astype(str).values.tolist()
    return {(v.strip(), _code(c)): t.strip() for v, c, t in rows}


def _code(value: str) -> str:
    value = str(value).strip()
    return value[:-2] if value.endswith(".0") else value


def read_surveyxact(label: str, dataset: pd.DataFrame, structure: pd.DataFrame, labels: dict) -> Wide:
    needed = ("variableName", "questionText", "subType", "choiceText")
    missing = [c for c in needed if c not in structure.columns]
    if missing:
        raise InputError([Problem(f"{label} [Structure]", f"missing column '{c}'. Columns: {', '.join(structure.columns)}") for c in missing])
    dataset = dataset.astype("object").where(dataset.notna(), "")
    respondent = respondent_column(dataset.columns, f"{label} [Dataset]")
    headers, choices = {}, {}
    frame = pd.DataFrame(index=dataset.index)
    frame[respondent] = dataset[respondent]
    for _, item in structure.iterrows():
        variable = str(item["variableName"]).strip()
        if variable not in dataset.columns or variable == respondent:
            continue
        values = dataset[variable].astype(str).str.strip().map(_code)
        headers[variable] = str(item["questionText"]).strip()
        if str(item["subType"]).strip().lower() == "multiple":
            choices[variable] = str(item["choiceText"]).strip()
            frame[variable] = values
        else:  # a single choice (a dropdown of names or of frequencies) or open text: codes → labels
            frame[variable] = [labels.get((variable, v), v) for v in values]
    frame = clean_strings(frame.astype("object"))
    return Wide(label, "SurveyXact", frame, respondent, headers, choices, separator=";")
