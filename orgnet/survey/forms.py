"""Microsoft Forms (``.xlsx``) and Google Forms (``.csv``) exports.

Microsoft Forms: ``ID, Start time, Completion time, Email, Name, …`` then one column per
question; a multi-select answer in one cell joined by ``;`` (with a trailing ``;``).
Google Forms, in two shapes: the linked Sheet's export (File → Download → CSV) joins checkboxes
with ``", "``; "Download responses (.csv)" in the form quotes every field and joins them with
``;`` and no space (``A;B``). A file's checkboxes are split on ``;`` when any checkbox cell holds
one, else on ``", "`` (split against the known choices either way, so a unit name with a comma
stays whole; see :func:`orgnet.survey.exports.answers_of`). ``Timestamp`` (Danish:
``Tidsstempel``) is not read; grid rows are ``Question [Row]``.
"""

from __future__ import annotations

import re

import pandas as pd

from orgnet.io.text import clean_strings
from orgnet.survey.names import fold
from orgnet.survey.summary import Message
from orgnet.survey.wide import CONTACT, FREQUENCY, OTHERS, Wide, respondent_column

MSFORMS_META = {"id", "start time", "completion time", "email", "name", "last modified time",
                "starttidspunkt", "fuldforelsestidspunkt", "mail", "navn", "tidspunkt for seneste aendring"}


def read_msforms(label: str, frame: pd.DataFrame) -> Wide:
    frame = clean_strings(frame.astype("object").where(frame.notna(), ""))
    respondent = respondent_column(frame.columns, label)
    headers = {c: c for c in frame.columns if fold(c) not in MSFORMS_META}
    return Wide(label, "Microsoft Forms", frame, respondent, headers, separator=";")


_GRID = re.compile(r"^(.*?)\s*\[([^\[\]]+)\]\s*$")


def read_google(label: str, frame: pd.DataFrame) -> Wide:
    respondent = respondent_column(frame.columns, label)
    headers, choices = {}, {}
    for column in frame.columns:
        if column == respondent or fold(column) in ("timestamp", "tidsstempel"):
            continue
        grid = _GRID.match(column)
        headers[column] = grid.group(1) if grid else column
        if grid:
            choices[column] = grid.group(2).strip()
    lists = [c for c in headers if c not in choices and not any(p.search(fold(c)) for p in (CONTACT, FREQUENCY, OTHERS))]
    downloaded = any(frame[c].fillna("").astype(str).str.contains(";", regex=False).any() for c in lists)
    return Wide(label, "Google Forms", frame, respondent, headers, choices, separator=";" if downloaded else ", ",
                notes=[Message("note.google_semicolons")] if downloaded else [])
