"""What every survey tool's reader gives: a :class:`Wide` table, one row per respondent, each
column described by the question text it belongs to (and, in one-column-per-choice layouts, its
choice). Also what the readers share: finding the respondent column, reading workbooks, and the
patterns of a contact slot (``kontakt 3``), a frequency slot (``hyppighed 3``) and an "others" field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io import excel
from orgnet.survey.summary import Message

RESPONDENT_COLUMNS = ("email", "e-mail", "mail", "email address", "e-mail address", "e-mailadresse", "mailadresse", "recipientemail",
                      "respondent", "respondentid", "respondent id", "externalreference", "external reference")
CONTACT = re.compile(r"\b(?:kontakt|contact|navn|name|person)\s*(\d+)\b")
FREQUENCY = re.compile(r"\b(?:hyppighed|frequency|hvor ofte|how often)\s*(\d+)\b")
OTHERS = re.compile(r"\b(?:andre|ovrige|others?)\b")


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
    others: set[str] = field(default_factory=set)  # columns of typed "other" names, whatever their header says
    # row → whether that person answered, where the tool records it (SurveyXact's statoverall);
    # None: everyone in the export answered
    responded: pd.Series | None = None
    notes: list[Message] = field(default_factory=list)  # how the file was read, one line each, for the import summary


def respondent_column(columns, label: str) -> str:
    for column in columns:
        if str(column).strip().lower() in RESPONDENT_COLUMNS:
            return column
    found = ", ".join(map(str, columns)) or Said("error.survey.none")
    raise InputError([Problem(label, Said("error.survey.export.no_respondent", found=found))])


def read_sheets(path: Path) -> dict[str, pd.DataFrame]:
    """Every sheet of an export workbook as text, rows numbered as a spreadsheet shows them."""
    sheets = excel.read_sheets(path, str(path), dtype=str, keep_default_na=False)  # the checks every workbook gets (damaged, zip bomb)
    for frame in sheets.values():
        frame.columns = [str(c).strip() for c in frame.columns]
        frame.index = pd.RangeIndex(2, 2 + len(frame), name="row")
    return sheets
