"""Reading a survey tool's export into one table of answers, whatever the tool.

Each reader turns its file into a :class:`Wide` table: one row per respondent, the columns
described by the question text they belong to and, for one-column-per-choice layouts, the
choice. :func:`answers_of` then gives one row per answer: ``file``, ``row``, ``respondent``,
``question``, ``answer``, ``frequency``, ``source``. The shapes (see docs/survey.md for where
each comes from):

* Microsoft Forms ``.xlsx``: ``ID, Start time, Completion time, Email, Name, …``, one column
  per question, a multi-select answer in one cell joined by ``;`` (with a trailing ``;``).
* Google Forms ``.csv``: ``Timestamp`` (``Tidsstempel``), e-mail, grid rows as ``Question [Row]``;
  checkboxes joined by ``", "`` in the linked Sheet's export, by ``;`` in "Download responses".
* SurveyXact: ``Dataset`` / ``Structure`` / ``Labels`` (workbook sheets or a folder of CSVs in
  comma-ANSI, semicolon-ANSI or tab UTF-16), one 0/1 column per choice, mapped through
  ``Structure`` and never by position; a frequency battery, the typed text of an "other" choice
  and the response status (``statoverall``) read as such.
* Qualtrics ``.csv``: three header rows (names, question text, ``{"ImportId": …}``), a
  ``Selected Choice`` cell joined by ``,`` or one column per choice.
* long: one row per answer, ``respondent, question, answer[, frequency]`` under their usual names
  or those ``orgnet.toml`` gives (see :mod:`orgnet.survey.long`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from orgnet.config import ALL_FILES, load_config
from orgnet.errors import InputError, Problem, Said
from orgnet.io.text import decode, read_csv_text, sniff_delimiter
from orgnet.survey.forms import read_google, read_msforms
from orgnet.survey.frequency import Scale
from orgnet.survey.long import is_long, read_long
from orgnet.survey.names import fold
from orgnet.survey.qualtrics import read_qualtrics
from orgnet.survey.questions import QuestionSet
from orgnet.survey.surveyxact import read_surveyxact_folder, read_surveyxact_workbook
from orgnet.survey.wide import CONTACT, FREQUENCY, OTHERS, Wide, read_sheets

SELECTED = {"1", "valgt", "selected", "x", "ja", "yes", "true"}
NOT_SELECTED = {"0", "ikke valgt", "not selected", "nej", "no", "false"}
ANSWER_COLUMNS = ["file", "row", "respondent", "question", "answer", "frequency", "source"]


def read_export(path: Path, questions: QuestionSet | None = None) -> Wide | pd.DataFrame:
    """Read ``path`` in whichever shape it has; a long table comes back as answers already.

    ``questions`` gives the frequency scale a long table's frequencies are checked against.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, Said("error.survey.export.no_such_file"))])
    scale = Scale(questions or QuestionSet())
    if path.is_dir():
        return read_surveyxact_folder(path, scale)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = read_sheets(path)
        surveyxact = read_surveyxact_workbook(path, sheets, scale)
        if surveyxact is not None:
            return surveyxact
        frame = next(iter(sheets.values()))
        renames = _renames(path)
        if is_long(frame.columns, renames):
            return _long(name, frame, renames, scale)
        return read_msforms(name, frame)
    if suffix in (".csv", ".txt", ".tsv"):
        text = decode(path.read_bytes(), name)
        rows = list(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text)))
        if len(rows) >= 3 and any(cell.strip().startswith('{"ImportId"') for cell in rows[2]):
            return read_qualtrics(name, rows)
        frame = read_csv_text(path, name)
        renames = _renames(path)
        if is_long(frame.columns, renames):
            return _long(name, frame, renames, scale)
        if any(fold(c) in ("timestamp", "tidsstempel") for c in frame.columns):
            return read_google(name, frame)
        raise InputError([Problem(name, Said("error.survey.export.unknown_csv", first=frame.columns[0], columns=", ".join(map(str, frame.columns))))])
    raise InputError([Problem(name, Said("error.survey.export.unknown_form", suffix=path.suffix))])


def _renames(path: Path) -> dict[str, str]:
    """``[columns]`` of the orgnet.toml beside the export: the file's column = its role."""
    config = load_config(path.parent / "orgnet.toml")
    return config.columns.get(ALL_FILES, {})


def _long(label: str, frame: pd.DataFrame, renames: dict[str, str], scale: Scale) -> pd.DataFrame:
    answers = read_long(label, frame, renames)
    column = answers.attrs["columns"].get("frequency", "frequency")
    problems: list[Problem] = []
    answers["frequency"] = scale.canonical(answers["frequency"], label, answers["row"], lambda _: column, problems)
    if problems:
        raise InputError(problems)
    return answers


# --- from a wide table to answers -----------------------------------------------------------------


def answers_of(wide: Wide, questions: QuestionSet, labels: list[str]) -> tuple[pd.DataFrame, list[str], list[Problem]]:
    """One row per answer; also the columns that belong to no question, and cells that make no sense.

    A frequency is given as the scale's own label (``Sjældnere end månedligt`` → ``sjældnere``);
    one off the scale is a problem naming the column of the file it is in.
    """
    split = _splitter(wide.separator, labels)
    scale = Scale(questions)
    records, unused, problems = [], [], []
    frequency_of: dict[tuple[str, str], str] = {}  # (question, slot) → column
    contact_of: dict[tuple[str, str], str] = {}
    plan = []
    question_of: dict = {}  # a battery's 2,000 columns share one header
    for column, header in wide.headers.items():
        question = question_of[header] if header in question_of else question_of.setdefault(header, questions.question_of(header))
        if question is None:
            unused.append(column)
            continue
        folded = fold(header)
        frequency, contact = FREQUENCY.search(folded), CONTACT.search(folded)
        if column in wide.others:
            plan.append((column, question.key, "others"))
        elif column in wide.choices:
            plan.append((column, question.key, "choice"))
        elif frequency:
            frequency_of[(question.key, frequency.group(1))] = column
        elif contact:
            contact_of[(question.key, contact.group(1))] = column
            plan.append((column, question.key, "contact"))
        elif OTHERS.search(folded):
            plan.append((column, question.key, "others"))
        else:
            plan.append((column, question.key, "list"))
    slot_of = {column: slot for (_, slot), column in contact_of.items()}
    reading: dict[str, tuple[str, str | None]] = {}  # a choice cell's text → (folded, frequency): a battery repeats a few texts
    who = dict(zip(wide.frame.index, wide.frame[wide.respondent])) if wide.respondent else dict.fromkeys(wide.frame.index, pd.NA)
    for column, key, how in plan:
        cells = wide.frame[column]
        present = cells.notna().to_numpy()
        given = zip(cells.index[present].tolist(), cells.to_numpy()[present].tolist())
        if how == "contact":
            paired = frequency_of.get((key, slot_of[column]))
            freq = wide.frame[paired] if paired else pd.Series(pd.NA, index=cells.index)
            for row, cell in given:
                records.append((wide.label, int(row), who[row], key, cell, _frequency(scale, freq[row], wide.label, row, paired, problems), "text"))
        elif how == "others":
            for row, cell in given:
                records.append((wide.label, int(row), who[row], key, cell, pd.NA, "others"))
        elif how == "list":
            for row, cell in given:
                for answer in split(cell):
                    records.append((wide.label, int(row), who[row], key, answer, pd.NA, "choice"))
        else:
            choice = wide.choices[column]
            for row, cell in given:
                value = str(cell).strip()
                folded, frequency = reading.get(value) or reading.setdefault(value, (fold(value), scale.label_of(value)))
                if folded in SELECTED or value == choice:
                    records.append((wide.label, int(row), who[row], key, choice, pd.NA, "choice"))
                elif frequency is not None:  # one column per person holding how often (a frequency battery)
                    records.append((wide.label, int(row), who[row], key, choice, frequency, "choice"))
                elif folded not in NOT_SELECTED:
                    problems.append(Problem(wide.label, Said("error.survey.export.neither", value=value, scale=", ".join(scale.labels)), row=int(row), column=column, value=value))
    answers = pd.DataFrame.from_records(records, columns=ANSWER_COLUMNS)
    answers.attrs["tool"] = wide.tool
    return answers, unused, problems


def _frequency(scale: Scale, value: object, label: str, row, column: str | None, problems: list[Problem]) -> object:
    if column is None or pd.isna(value):
        return pd.NA
    known = scale.label_of(value)
    if known is None:
        problems.append(scale.problem(label, int(row), column, value))
    return pd.NA if known is None else known  # refused above; NA so that it is refused once


def _splitter(separator: str, labels: list[str]):
    """Split a multi-select cell against the known choices, so ``Hansen, Mette`` stays whole.

    What lies between the known choices is the "Other" text as typed, kept whole (``Jensen, Ulla
    (Lyngbakken)`` in the linked Sheet's ``", "`` cell): the import splits it where the pieces are
    names, as a typed list (:func:`orgnet.survey.splitting.split_names`).
    """
    mark = separator.strip()
    known = {mark.join(part.strip() for part in label.split(mark)): label for label in labels}
    longest = max((label.count(mark) + 1 for label in labels), default=1)

    def split(cell: str) -> list[str]:
        tokens = [t.strip() for t in str(cell).split(mark)]
        found, i, typed = [], 0, False  # typed: the last piece found is typed text, not a choice
        while i < len(tokens):
            if not tokens[i]:
                i += 1
                continue
            for j in range(min(len(tokens), i + longest), i, -1):
                joined = mark.join(tokens[i:j])
                if joined in known:
                    found.append(known[joined])
                    i, typed = j, False
                    break
            else:
                if typed:
                    found[-1] += separator + tokens[i]
                else:
                    found.append(tokens[i])
                i, typed = i + 1, True
        return found

    return split
