"""Reading a survey tool's export into one table of answers, whatever the tool.

Each reader turns its file into a :class:`Wide` table: one row per respondent, the columns
described by the question text they belong to and, for one-column-per-choice layouts, the
choice. :func:`answers_of` then gives one row per answer: ``file``, ``row``, ``respondent``,
``question``, ``answer``, ``frequency``, ``source``. The shapes (see docs/survey.md for where
each comes from):

* Microsoft Forms ``.xlsx``: ``ID, Start time, Completion time, Email, Name, …``, one column
  per question, a multi-select answer in one cell joined by ``;`` (with a trailing ``;``).
* Google Forms ``.csv``: ``Timestamp``, e-mail, checkboxes joined by ``", "`` in one cell, grid
  rows as ``Question [Row]``.
* SurveyXact: ``Dataset`` / ``Structure`` / ``Labels`` (workbook sheets or a folder of CSVs in
  comma-ANSI, semicolon-ANSI or tab UTF-16), one 0/1 column per choice, mapped through
  ``Structure`` and never by position.
* Qualtrics ``.csv``: three header rows (names, question text, ``{"ImportId": …}``), a
  ``Selected Choice`` cell joined by ``,`` or one column per choice.
* long: one row per answer, ``respondent, question, answer[, frequency]``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem
from orgnet.io.text import clean_strings, decode, read_csv_text, sniff_delimiter
from orgnet.survey.names import fold
from orgnet.survey.questions import QuestionSet

RESPONDENT_COLUMNS = ("email", "e-mail", "mail", "email address", "e-mailadresse", "mailadresse", "recipientemail",
                      "respondent", "respondentid", "respondent id", "externalreference", "external reference")
SELECTED = {"1", "valgt", "selected", "x", "ja", "yes", "true"}
NOT_SELECTED = {"0", "ikke valgt", "not selected", "nej", "no", "false"}
_CONTACT = re.compile(r"\b(?:kontakt|contact|navn|name|person)\s*(\d+)\b")
_FREQUENCY = re.compile(r"\b(?:hyppighed|frequency|hvor ofte|how often)\s*(\d+)\b")
_OTHERS = re.compile(r"\b(?:andre|ovrige|others?)\b")
ANSWER_COLUMNS = ["file", "row", "respondent", "question", "answer", "frequency", "source"]


@dataclass
class Wide:
    """An export as a table: ``frame`` (index = the row a person sees) and what each column is."""

    label: str
    tool: str
    frame: pd.DataFrame
    respondent: str | None
    headers: dict[str, str]  # column → question text
    choices: dict[str, str] = field(default_factory=dict)  # column → choice, for one-column-per-choice
    separator: str = ";"


def read_export(path: Path) -> Wide | pd.DataFrame:
    """Read ``path`` in whichever shape it has; a long table comes back as answers already."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, "no such file or folder")])
    if path.is_dir():
        return read_surveyxact_folder(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = _read_sheets(path)
        lower = {sheet.lower(): sheet for sheet in sheets}
        if "dataset" in lower and "structure" in lower and "labels" in lower:
            labels = pd.read_excel(path, sheet_name=lower["labels"], header=None, dtype=str, engine="openpyxl", keep_default_na=False)
            return _surveyxact(name, sheets[lower["dataset"]], sheets[lower["structure"]], _labels_sheet(labels))
        frame = next(iter(sheets.values()))
        if _is_long(frame):
            return _long(name, frame)
        return _msforms(name, frame)
    if suffix in (".csv", ".txt", ".tsv"):
        text = decode(path.read_bytes(), name)
        rows = list(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text)))
        if len(rows) >= 3 and any(cell.strip().startswith('{"ImportId"') for cell in rows[2]):
            return _qualtrics(name, rows)
        frame = read_csv_text(path, name)
        if _is_long(frame):
            return _long(name, frame)
        if any(fold(c) in ("timestamp", "tidsstempel") for c in frame.columns):
            return _google(name, frame)
        raise InputError([Problem(name, "not a survey export orgnet knows: expected a Google Forms CSV (Timestamp, …), a Qualtrics CSV "
                                        "(three header rows) or a long table (respondent, question, answer)")])
    raise InputError([Problem(name, f"unknown export form '{path.suffix}'; expected .xlsx, .csv or a SurveyXact folder "
                                    "(dataset.csv, structure.csv, labels.csv)")])


def _is_long(frame: pd.DataFrame) -> bool:
    return {"respondent", "question", "answer"} <= {str(c).strip().lower() for c in frame.columns}


def _respondent_column(columns, label: str) -> str:
    for column in columns:
        if str(column).strip().lower() in RESPONDENT_COLUMNS:
            return column
    found = ", ".join(map(str, columns)) or "(none)"
    raise InputError([Problem(label, "no column that says who answered (e-mail or respondent id); expected one of "
                                     f"Email, E-mail, RecipientEmail, respondent. Columns in the file: {found}")])


def _read_sheets(path: Path) -> dict[str, pd.DataFrame]:
    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, engine="openpyxl", keep_default_na=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError([Problem(str(path), f"not an Excel workbook (.xlsx): {exc}")]) from None
    for frame in sheets.values():
        frame.columns = [str(c).strip() for c in frame.columns]
        frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    return sheets


# --- the tools ----------------------------------------------------------------------------------

MSFORMS_META = {"id", "start time", "completion time", "email", "name", "last modified time",
                "starttidspunkt", "fuldforelsestidspunkt", "mail", "navn", "tidspunkt for seneste aendring"}


def _msforms(label: str, frame: pd.DataFrame) -> Wide:
    frame = clean_strings(frame.astype("object").where(frame.notna(), ""))
    respondent = _respondent_column(frame.columns, label)
    headers = {c: c for c in frame.columns if fold(c) not in MSFORMS_META}
    return Wide(label, "Microsoft Forms", frame, respondent, headers, separator=";")


_GRID = re.compile(r"^(.*?)\s*\[([^\[\]]+)\]\s*$")


def _google(label: str, frame: pd.DataFrame) -> Wide:
    respondent = _respondent_column(frame.columns, label)
    headers, choices = {}, {}
    for column in frame.columns:
        if column == respondent or fold(column) in ("timestamp", "tidsstempel"):
            continue
        grid = _GRID.match(column)
        headers[column] = grid.group(1) if grid else column
        if grid:
            choices[column] = grid.group(2).strip()
    return Wide(label, "Google Forms", frame, respondent, headers, choices, separator=", ")


def _qualtrics(label: str, rows: list[list[str]]) -> Wide:
    names, texts = rows[0], rows[1]
    width = len(names)
    body = [row + [""] * (width - len(row)) for row in rows[3:]]
    problems = [Problem(label, f"{len(row)} values, but the header has {width} columns", row=number)
                for number, row in enumerate(rows[3:], start=4) if len(row) > width]
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(body, columns=[n.strip() for n in names], dtype="object")
    frame.index = pd.RangeIndex(4, 4 + len(frame), name="row")  # rows 1–3 are the headers
    frame = clean_strings(frame)
    respondent = _respondent_column(frame.columns, label)
    headers, choices = {}, {}
    for column, text in zip(frame.columns, texts):
        if column == respondent:
            continue
        question, dash, item = text.rpartition(" - ")
        if not dash:
            headers[column] = text
            continue
        headers[column] = question
        if any(pattern.search(fold(item)) for pattern in (_CONTACT, _FREQUENCY, _OTHERS)):
            headers[column] = text  # "Råd og sparring - Kontakt 1": a slot, not a choice
            continue
        if item.strip() == "Selected Choice":
            continue  # all choices in one cell, joined by ","
        if column.upper().endswith("_TEXT"):
            headers[column] = f"{question} - andre"  # "Other (write names)" typed beside a choice list
            continue
        choices[column] = item.strip()
    return Wide(label, "Qualtrics", frame, respondent, headers, choices, separator=",")


def read_surveyxact_folder(folder: Path) -> Wide:
    files = {p.stem.lower(): p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".txt")}
    missing = [n for n in ("dataset", "structure", "labels") if n not in files]
    if missing:
        raise InputError([Problem(str(folder), f"a SurveyXact export folder needs {', '.join(n + '.csv' for n in missing)}")])
    dataset = _plain_csv(files["dataset"], header=True)
    structure = _plain_csv(files["structure"], header=True)
    labels = _plain_csv(files["labels"], header=False)
    return _surveyxact(str(folder), dataset, structure, _labels_sheet(labels))


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


def _surveyxact(label: str, dataset: pd.DataFrame, structure: pd.DataFrame, labels: dict) -> Wide:
    needed = ("variableName", "questionText", "subType", "choiceText")
    missing = [c for c in needed if c not in structure.columns]
    if missing:
        raise InputError([Problem(f"{label} [Structure]", f"missing column '{c}'. Columns: {', '.join(structure.columns)}") for c in missing])
    dataset = dataset.astype("object").where(dataset.notna(), "")
    respondent = _respondent_column(dataset.columns, f"{label} [Dataset]")
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


def _long(label: str, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.rename(columns=lambda c: str(c).strip().lower())
    frame = clean_strings(frame.astype("object").where(frame.notna(), ""))
    answers = pd.DataFrame({
        "file": label, "row": frame.index.astype(int), "respondent": frame["respondent"].to_numpy(),
        "question": frame["question"].to_numpy(), "answer": frame["answer"].to_numpy(),
        "frequency": frame["frequency"].to_numpy() if "frequency" in frame else pd.NA, "source": "text",
    })
    answers.attrs["tool"] = "long table"
    return answers


# --- from a wide table to answers -----------------------------------------------------------------


def answers_of(wide: Wide, questions: QuestionSet, labels: list[str]) -> tuple[pd.DataFrame, list[str], list[Problem]]:
    """One row per answer; also the columns that belong to no question, and cells that make no sense."""
    split = _splitter(wide.separator, labels)
    records, unused, problems = [], [], []
    weights = questions.weights
    frequency_of: dict[tuple[str, str], str] = {}  # (question, slot) → column
    contact_of: dict[tuple[str, str], str] = {}
    plan = []
    for column, header in wide.headers.items():
        question = questions.question_of(header)
        if question is None:
            unused.append(column)
            continue
        folded = fold(header)
        frequency, contact = _FREQUENCY.search(folded), _CONTACT.search(folded)
        if column in wide.choices:
            plan.append((column, question.key, "choice"))
        elif frequency:
            frequency_of[(question.key, frequency.group(1))] = column
        elif contact:
            contact_of[(question.key, contact.group(1))] = column
            plan.append((column, question.key, "contact"))
        elif _OTHERS.search(folded):
            plan.append((column, question.key, "others"))
        else:
            plan.append((column, question.key, "list"))
    slot_of = {column: slot for (_, slot), column in contact_of.items()}
    who = wide.frame[wide.respondent] if wide.respondent else pd.Series(pd.NA, index=wide.frame.index)
    for column, key, how in plan:
        cells = wide.frame[column]
        present = cells.notna()
        if how == "contact":
            paired = frequency_of.get((key, slot_of[column]))
            freq = wide.frame[paired] if paired else pd.Series(pd.NA, index=cells.index)
            for row in cells.index[present]:
                records.append((wide.label, int(row), who[row], key, cells[row], freq[row], "text"))
        elif how == "others":
            for row in cells.index[present]:
                records.append((wide.label, int(row), who[row], key, cells[row], pd.NA, "others"))
        elif how == "list":
            for row in cells.index[present]:
                for answer in split(cells[row]):
                    records.append((wide.label, int(row), who[row], key, answer, pd.NA, "choice"))
        else:
            choice = wide.choices[column]
            for row in cells.index[present]:
                value = str(cells[row]).strip()
                folded = fold(value)
                if folded in SELECTED or value == choice:
                    records.append((wide.label, int(row), who[row], key, choice, pd.NA, "choice"))
                elif folded in weights:
                    records.append((wide.label, int(row), who[row], key, choice, value, "choice"))
                elif folded not in NOT_SELECTED:
                    problems.append(Problem(wide.label, f"'{value}' is neither selected/not selected nor a frequency of the scale",
                                            row=int(row), column=column, value=value))
    answers = pd.DataFrame.from_records(records, columns=ANSWER_COLUMNS)
    answers.attrs["tool"] = wide.tool
    return answers, unused, problems


def _splitter(separator: str, labels: list[str]):
    """Split a multi-select cell against the known choices, so ``Hansen, Mette`` stays whole."""
    mark = separator.strip()
    known = {mark.join(part.strip() for part in label.split(mark)): label for label in labels}
    longest = max((label.count(mark) + 1 for label in labels), default=1)

    def split(cell: str) -> list[str]:
        tokens = [t.strip() for t in str(cell).split(mark)]
        found, i = [], 0
        while i < len(tokens):
            if not tokens[i]:
                i += 1
                continue
            for j in range(min(len(tokens), i + longest), i, -1):
                joined = mark.join(tokens[i:j])
                if joined in known:
                    found.append(known[joined])
                    i = j
                    break
            else:
                found.append(tokens[i])
                i += 1
        return found

    return split
