"""orgnet's exceptions: one base class, and input errors that carry every problem found.

The CLI turns any :class:`OrgnetError` into a clear message in one place
(``orgnet.cli``); library users can catch the same class and read ``problems``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters a reader cannot see or tell from a space: zero-width, BOM, no-break spaces, controls.
_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")


def shown(value: object) -> str:
    """``value`` in quotes as a message shows it, with invisible characters escaped:
    ``'\\u200bB'`` instead of a ``'B'`` that looks like the one it does not match."""
    return "'" + _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", str(value)) + "'"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    ``row`` is the row a person sees in a spreadsheet: the header is row 1, the first
    data row is row 2. It is ``None`` for problems of a whole file or column.
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class OrgnetError(Exception):
    """Base of every error orgnet raises on purpose; its text is meant for the user."""


class InputError(OrgnetError):
    """The input cannot be used; ``problems`` lists every problem found, not only the first.

    The message says each cause once: problems with the same file, column and text (877 rows
    whose relation ``information_advice`` has no kind) become one line naming the rows
    (``rows 2–878 (877 rows)``); ``lines`` holds those lines.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        self.lines = grouped_lines(self.problems)
        super().__init__(self._describe())

    def _describe(self) -> str:
        count = len(self.lines)
        head = "1 problem in the input:" if count == 1 else f"{count} problems in the input:"
        return "\n".join([head, *(f"  - {line}" for line in self.lines)])


def grouped_lines(problems: list[Problem]) -> list[str]:
    """One line per cause: problems that differ only in their row are named together."""
    causes: dict[tuple, list[Problem]] = {}
    for problem in problems:
        causes.setdefault((problem.file, problem.column, problem.message), []).append(problem)
    lines = []
    for (file, column, message), same in causes.items():
        rows = sorted({p.row for p in same if p.row is not None})
        if len(rows) < 2:  # one row, or a problem of a whole file or column: said once
            lines.append(str(same[0]))
            continue
        where = f"{file}, rows {_row_ranges(rows)} ({len(rows)} rows)"
        if column is not None:
            where += f", column '{column}'"
        lines.append(f"{where}: {message}")
    return lines


def _row_ranges(rows: list[int], shown: int = 6) -> str:
    """``2–878`` or ``2, 5, 9–12``; after ``shown`` runs, ``…``."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    text = [f"{a}–{b}" if b > a else str(a) for a, b in runs[:shown]]
    return ", ".join(text) + (", …" if len(runs) > shown else "")
