"""orgnet's exceptions: one base class, and input errors that carry every problem found.

The CLI turns any :class:`OrgnetError` into a clear message in one place (``orgnet.cli``), in
the command's ``--lang``; library users can catch the same class, read ``problems``, and get
the English text from ``str(error)`` or another language's from ``error.text(lang)``.

A message is :class:`Said` — a catalogue key (``error.*``, in ``orgnet/texts/<lang>/errors*.toml``)
and its fields — so that its words are chosen when it is shown, in the reader's language. A plain
string is still accepted and shown as it is, in every language.
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


class Said:
    """A message before it has words: a catalogue key and the values it names.

    ``str()`` is the English; :meth:`text` any language. A field that is itself ``Said`` is
    said in the same language (a list's "or", a unit's name of orgnet's own).
    """

    __slots__ = ("key", "fields")

    def __init__(self, key: str, **fields):
        self.key, self.fields = key, fields

    def text(self, lang: str = "en") -> str:
        from orgnet.texts import texts

        words = texts(lang)
        values = {name: value.text(lang) if isinstance(value, Said) else value for name, value in self.fields.items()}
        count = values.pop("n", None)
        return words.t(self.key, count, **values)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.fields!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Said) and (self.key, self._frozen()) == (other.key, other._frozen())

    def __hash__(self) -> int:
        return hash((self.key, self._frozen()))

    def _frozen(self) -> tuple:
        return tuple(sorted((name, repr(value)) for name, value in self.fields.items()))


def say(message: str | Said, lang: str = "en") -> str:
    """``message`` in ``lang``: a :class:`Said` in its words, a plain string as it is."""
    return message.text(lang) if isinstance(message, Said) else str(message)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    ``row`` is the row a person sees in a spreadsheet: the header is row 1, the first
    data row is row 2. It is ``None`` for problems of a whole file or column.
    """

    file: str
    message: str | Said
    row: int | None = None
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        return f"{_where(self.file, self.row, self.column, lang)}: {say(self.message, lang)}"


def _where(file: str, row: int | None, column: str | None, lang: str, rows: str | None = None) -> str:
    """``people.csv, row 4, column 'id'`` in ``lang``; ``rows`` a range of rows said once."""
    from orgnet.texts import texts

    words = texts(lang)
    where = file
    if rows is not None:
        where = words.t("error.where.rows", where=where, rows=rows[0], n=rows[1])
    elif row is not None:
        where = words.t("error.where.row", where=where, row=row)
    if column is not None:
        where = words.t("error.where.column", where=where, column=column)
    return where


class OrgnetError(Exception):
    """Base of every error orgnet raises on purpose; its text is meant for the user."""

    def __init__(self, message: str | Said = ""):
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (a plain-string message is the same in every language)."""
        return say(self.message, lang)


class InputError(OrgnetError):
    """The input cannot be used; ``problems`` lists every problem found, not only the first.

    The message says each cause once: problems with the same file, column and text (877 rows
    whose relation ``information_advice`` has no kind) become one line naming the rows
    (``rows 2–878 (877 rows)``); ``lines`` holds those lines.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        self.lines = grouped_lines(self.problems)
        super().__init__("")

    def text(self, lang: str = "en", *, most: int | None = None) -> str:
        """Every cause on a line, in ``lang``; with ``most``, the first ``most`` and how many more."""
        from orgnet.texts import texts

        words, lines = texts(lang), grouped_lines(self.problems, lang)
        if most is None or len(lines) <= most:
            return "\n".join([words.t("error.input.head", n=len(lines)), *(f"  - {line}" for line in lines)])
        rest = len(lines) - most
        head = words.t("error.input.head_cut", n=len(lines), shown=most)
        return "\n".join([head, *(f"  - {line}" for line in lines[:most]), words.t("error.input.more", n=rest)])


def grouped_lines(problems: list[Problem], lang: str = "en") -> list[str]:
    """One line per cause: problems that differ only in their row are named together."""
    causes: dict[tuple, list[Problem]] = {}
    for problem in problems:
        causes.setdefault((problem.file, problem.column, problem.message), []).append(problem)
    lines = []
    for (file, column, message), same in causes.items():
        rows = sorted({p.row for p in same if p.row is not None})
        if len(rows) < 2:  # one row, or a problem of a whole file or column: said once
            lines.append(same[0].text(lang))
            continue
        lines.append(f"{_where(file, None, column, lang, rows=(_row_ranges(rows), len(rows)))}: {say(message, lang)}")
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
