"""Frequency answers as the tools word them, matched to the scale of ``questions.toml``.

A tool's label is compared without case and with Danish letters folded (``Ugentligt`` is
``ugentligt``), and a label that *begins* with a scale answer as whole words is that answer:
SurveyXact's ``Sjældnere end månedligt`` is ``sjældnere``, ``Less often than monthly`` is
``less often``. When several scale answers begin the label, the longest wins. Anything else is
not on the scale and is refused, naming the column of the file it came from.
"""

from __future__ import annotations

import pandas as pd

from orgnet.errors import Problem, Said
from orgnet.survey.names import fold
from orgnet.survey.questions import DEFAULT_SCALE, QuestionSet


class Scale:
    """The frequency scale of a question set: a tool's label → the scale's own label."""

    def __init__(self, questions: QuestionSet):
        labels = questions.scale or DEFAULT_SCALE
        self.labels = list(labels)
        self._by_fold = {fold(label): label for label in labels}
        # longest first, so that "less often" is tried before a shorter answer it begins with
        self._prefixes = sorted(self._by_fold, key=len, reverse=True)

    def label_of(self, value: object) -> str | None:
        """The scale's label for ``value``, or None when it is not on the scale."""
        folded = fold(str(value))
        if folded in self._by_fold:
            return self._by_fold[folded]
        for prefix in self._prefixes:
            if prefix and folded.startswith(prefix + " "):
                return self._by_fold[prefix]
        return None

    def problem(self, file: str, row: int, column: str, value: object) -> Problem:
        return Problem(file, Said("error.survey.frequency.off_scale", value=value, scale=", ".join(self.labels)), row=row, column=column, value=value)

    def canonical(self, frequencies: pd.Series, file: str, rows, column_of, problems: list[Problem]) -> list:
        """Each frequency as the scale's label (NA stays NA); a value off the scale is a problem.

        ``column_of(i)`` names the file's column the i-th value came from.
        """
        out = []
        for i, (value, row) in enumerate(zip(frequencies, rows)):
            if pd.isna(value) or not str(value).strip():
                out.append(pd.NA)
                continue
            label = self.label_of(value)
            if label is None:
                problems.append(self.problem(file, int(row), column_of(i), value))
            out.append(pd.NA if label is None else label)  # refused above; NA so that it is refused once
        return out
