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
    """The input cannot be used; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self._describe())

    def _describe(self) -> str:
        count = len(self.problems)
        head = "1 problem in the input:" if count == 1 else f"{count} problems in the input:"
        return "\n".join([head, *(f"  - {problem}" for problem in self.problems)])
