"""SurveyXact (Rambøll) exports: ``Dataset``, ``Structure`` and ``Labels``.

As a workbook with those three sheets, or a folder of ``dataset.csv``, ``structure.csv`` and
``labels.csv`` in any of SurveyXact's encodings (comma-ANSI, semicolon-ANSI, tab UTF-16).
``Structure`` (``questionName; variableName; questionType; subType; questionText; choiceValue;
choiceText``) says what each Dataset column is; columns are mapped through it by variable name,
never by position. A ``Multiple`` question is one 0/1 variable per choice; a ``Single`` question's
codes are turned into their text through ``Labels`` (no header: variableName, value,
valueLabel). The shapes are those of the readSX R package's example exports.

Three things are not what they look like:

* a *frequency battery* — one Single variable per person, questionText ``<question> - <Name
  (Unit)>``, coded how often — is one choice per variable whose value is the tie's weight;
* the *"other" choice* (``Andre, skriv navn(e):``) is no name: its typed text is the Open
  variable whose questionText is ``<question> - <choice>``, and that is what is matched;
* *statoverall* (``stato_1 … stato_5``) is the response status, not a question: it decides who
  answered (:attr:`Wide.responded`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet.errors import InputError, Problem, Said, shown
from orgnet.io.excel import read_sheets
from orgnet.io.text import decode, sniff_delimiter
from orgnet.survey.frequency import Scale
from orgnet.survey.names import fold
from orgnet.survey.questions import QuestionSet
from orgnet.survey.summary import Message
from orgnet.survey.wide import CONTACT, FREQUENCY, OTHERS, Wide, respondent_column


def read_surveyxact_workbook(path: Path, sheets: dict[str, pd.DataFrame], scale: Scale | None = None) -> Wide | None:
    """The workbook as a SurveyXact export, or None if it lacks the three sheets."""
    lower = {sheet.lower(): sheet for sheet in sheets}
    if not {"dataset", "structure", "labels"} <= set(lower):
        return None
    # Labels has no header row, so it is read again without one, through the one workbook reader
    labels = read_sheets(path, str(path), header=None, dtype=str, keep_default_na=False)[lower["labels"]]
    return read_surveyxact(str(path), sheets[lower["dataset"]], sheets[lower["structure"]], _labels_sheet(labels), scale)


def read_surveyxact_folder(folder: Path, scale: Scale | None = None) -> Wide:
    files = {p.stem.lower(): p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".txt")}
    missing = [n for n in ("dataset", "structure", "labels") if n not in files]
    if missing:
        raise InputError([Problem(str(folder), Said("error.survey.surveyxact.needs", files=", ".join(n + ".csv" for n in missing)))])
    dataset = _plain_csv(files["dataset"], header=True)
    structure = _plain_csv(files["structure"], header=True)
    labels = _plain_csv(files["labels"], header=False)
    return read_surveyxact(str(folder), dataset, structure, _labels_sheet(labels), scale)


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


@dataclass(frozen=True)
class _Item:
    """One row of Structure: a variable of the Dataset and what it is."""

    question: str  # questionName (statoverall for the status)
    variable: str
    kind: str  # questionType: closed / open
    subtype: str  # multiple / single / string / …
    text: str
    value: str  # choiceValue
    choice: str  # choiceText, trimmed


def _items(structure: pd.DataFrame) -> list[_Item]:
    def cell(row, column):
        return str(row[column]).strip() if column in row and pd.notna(row[column]) else ""

    return [_Item(cell(row, "questionName"), cell(row, "variableName"), cell(row, "questionType").lower(), cell(row, "subType").lower(),
                  cell(row, "questionText"), _code(cell(row, "choiceValue")), " ".join(cell(row, "choiceText").split()))
            for row in structure.to_dict("records")]


def _cells(values: pd.Series, turn) -> np.ndarray:
    """Each cell stripped and turned by ``turn``; empty → NA. Computed once per distinct value."""
    codes, distinct = pd.factorize(values, use_na_sentinel=False)
    turned = [turn(str(value).strip()) if pd.notna(value) else "" for value in distinct]
    return np.array([text.strip() if text and text.strip() else pd.NA for text in turned], dtype=object)[codes]


def _words(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def read_surveyxact(label: str, dataset: pd.DataFrame, structure: pd.DataFrame, labels: dict, scale: Scale | None = None) -> Wide:
    """The export as a :class:`Wide` table; ``scale`` tells a frequency battery from a dropdown."""
    scale = scale or Scale(QuestionSet())
    needed = ("variableName", "questionText", "subType", "choiceText")
    missing = [c for c in needed if c not in structure.columns]
    if missing:
        raise InputError([Problem(f"{label} [Structure]", Said("error.survey.surveyxact.missing_column", column=c, columns=", ".join(structure.columns))) for c in missing])
    dataset = dataset.astype("object")  # _cells reads a missing cell as empty
    respondent = respondent_column(dataset.columns, f"{label} [Dataset]")
    items = [item for item in _items(structure) if item.variable in dataset.columns and item.variable != respondent]
    status = [item for item in items if _is_status(item)]
    items = [item for item in items if not _is_status(item)]

    # The open "other" choice: a Multiple variable (or a Single question's label) "Andre, skriv
    # navn(e):" whose typed text is an Open variable with questionText "<question> - <choice>".
    # The tick says only that names were typed; the Open variable holds the names.
    other_tick = {_words(f"{i.text} - {i.choice}"): i for i in items if i.subtype == "multiple"}
    texts_of: dict[str, list[str]] = {}
    for (variable, _), text in labels.items():
        texts_of.setdefault(variable, []).append(text)
    other_label = {_words(f"{i.text} - {text}"): (i, text) for i in items if i.subtype == "single" for text in texts_of.get(i.variable, [])}
    ticks, said_other, others, headers, choices = set(), {}, set(), {}, {}
    for item in items:
        if item.kind != "open":
            continue
        key = _words(item.text)
        if key in other_tick:
            ticks.add(other_tick[key].variable)
            others.add(item.variable)
            headers[item.variable] = other_tick[key].text
        elif key in other_label:
            single, text = other_label[key]
            said_other[single.variable] = text
            others.add(item.variable)
            headers[item.variable] = single.text

    # Column by column in plain Python over each column's few distinct values: a battery over a
    # roster of 2,000 is 2,000 variables, and pandas' per-column calls would cost seconds each time.
    columns = {respondent: _cells(dataset[respondent], lambda v: v)}
    for item in items:
        if item.variable in ticks:
            continue
        raw = dataset[item.variable]
        if item.variable in others:
            columns[item.variable] = _cells(raw, lambda v: v)
            continue
        headers[item.variable] = item.text
        if item.subtype == "multiple":
            choices[item.variable] = item.choice
            columns[item.variable] = _cells(raw, _code)
            continue
        other = said_other.get(item.variable)  # "Andre" chosen: the names are in the Open variable

        def text(value: str, variable=item.variable, other=other) -> str:
            value = _code(value)
            value = labels.get((variable, value), value)
            return "" if value == other else value

        columns[item.variable] = _cells(raw, text)
        question, dash, part = item.text.rpartition(" - ")
        if (item.subtype == "single" and dash and question.strip() and not any(p.search(fold(part)) for p in (CONTACT, FREQUENCY, OTHERS))
                and any(scale.label_of(text) for text in texts_of.get(item.variable, []))):
            # a frequency battery: one Single variable per person, "<question> - <Name (Unit)>", its
            # codes labelled how often. A Single variable none of whose labels is a frequency is a
            # dropdown (of names, say), whatever its questionText.
            headers[item.variable] = question.strip()
            choices[item.variable] = part.strip()
    frame = pd.DataFrame(columns, index=dataset.index, dtype="object").dropna(how="all")
    responded, notes = _status(label, dataset.loc[frame.index, [item.variable for item in status]].fillna(""), status, labels)
    return Wide(label, "SurveyXact", frame, respondent, headers, choices, separator=";", others=others, responded=responded, notes=notes)


# --- the response status ------------------------------------------------------------------------------

# statoverall's codes, the same in every SurveyXact survey: 1 Ny, 2 Distribueret, 3 Nogen svar,
# 4 Gennemført, 5 Frafaldet. Only 3 and 4 have answered; the labels are read first (Danish,
# Norwegian, English), the code when a label is unknown.
ANSWERED = {"nogen svar", "gennemfort", "noen svar", "gjennomfort", "some answers", "partially completed", "completed", "complete"}
STATUS_LABELS = ("Ny", "Distribueret", "Nogen svar", "Gennemført", "Frafaldet")  # SurveyXact's own, named when a status is unknown
NOT_ANSWERED = {"ny", "new", "distribueret", "distribuert", "distributed", "frafaldet", "frafalt", "dropped out", "declined"}
ANSWERED_CODES = {"3", "4"}
NOT_ANSWERED_CODES = {"1", "2", "5"}


def _is_status(item: _Item) -> bool:
    return item.question.lower() == "statoverall" or item.variable.lower() == "statoverall"


def _status(label: str, dataset: pd.DataFrame, status: list[_Item], labels: dict) -> tuple[pd.Series | None, list[str]]:
    """Whether each row answered, from statoverall (one 0/1 variable per status, or one coded
    variable); None when the export has no status."""
    if not status:
        return None, []
    states = pd.Series("", index=dataset.index, dtype="object")
    codes = pd.Series("", index=dataset.index, dtype="object")
    for item in status:
        values = dataset[item.variable].astype(str).str.strip().map(_code)
        if item.subtype == "multiple":
            chosen = values == "1"
            states[chosen], codes[chosen] = item.choice, item.value
        else:
            known = values != ""
            states[known] = [labels.get((item.variable, v), v) for v in values[known]]
            codes[known] = values[known]
    answered = pd.Series(True, index=dataset.index)
    problems = []
    for row, state, code in zip(dataset.index, states, codes):
        folded = fold(state)
        if folded in ANSWERED or (folded not in NOT_ANSWERED and code in ANSWERED_CODES):
            continue
        if folded in NOT_ANSWERED or code in NOT_ANSWERED_CODES:
            answered[row] = False
        else:
            problems.append(Problem(f"{label} [Dataset]", Said("error.survey.surveyxact.status", labels=", ".join(STATUS_LABELS), status=shown(state or code) if state or code else Said("error.survey.none_quoted")), row=int(row), column=status[0].variable, value=state))
    if problems:
        raise InputError(problems)
    counts = states.value_counts(sort=False)  # "" when a row has no status
    note = Message("note.status", {"answered": int(answered.sum()), "people": len(answered), "states": [(state, int(count)) for state, count in counts.items()]})
    return answered, [note]
