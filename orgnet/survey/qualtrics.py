"""Qualtrics ``.csv`` exports: three header rows.

Row 1 holds the short names (``Q1_1``), row 2 the question text (``… - Selected Choice``,
``… - Kontakt 1``, ``… - <choice>``), row 3 ``{"ImportId": …}``; the answers start at row 4. A
``Selected Choice`` cell joins the choices with ``,``; a column per choice holds ``1`` or a scale
label; ``_TEXT`` columns hold typed names. The respondent is ``RecipientEmail`` or
``ExternalReference``.
"""

from __future__ import annotations

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io.text import clean_strings
from orgnet.survey.names import fold
from orgnet.survey.wide import CONTACT, FREQUENCY, OTHERS, Wide, respondent_column


def read_qualtrics(label: str, rows: list[list[str]]) -> Wide:
    names, texts = rows[0], rows[1]
    width = len(names)
    body = [row + [""] * (width - len(row)) for row in rows[3:]]
    problems = [Problem(label, Said("error.survey.export.too_wide", values=len(row), width=width), row=number)
                for number, row in enumerate(rows[3:], start=4) if len(row) > width]
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(body, columns=[n.strip() for n in names], dtype="object")
    frame.index = pd.RangeIndex(4, 4 + len(frame), name="row")  # rows 1–3 are the headers
    frame = clean_strings(frame)
    respondent = respondent_column(frame.columns, label)
    headers, choices = {}, {}
    for column, text in zip(frame.columns, texts):
        if column == respondent:
            continue
        question, dash, item = text.rpartition(" - ")
        if not dash:
            headers[column] = text
            continue
        headers[column] = question
        if any(pattern.search(fold(item)) for pattern in (CONTACT, FREQUENCY, OTHERS)):
            headers[column] = text  # "Råd og sparring - Kontakt 1": a slot, not a choice
            continue
        if item.strip() == "Selected Choice":
            continue  # all choices in one cell, joined by ","
        if column.upper().endswith("_TEXT"):
            headers[column] = f"{question} - andre"  # "Other (write names)" typed beside a choice list
            continue
        choices[column] = item.strip()
    return Wide(label, "Qualtrics", frame, respondent, headers, choices, separator=",")
