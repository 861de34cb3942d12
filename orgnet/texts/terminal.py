"""What the commands print, laid out for a terminal: labels and values in columns."""

from __future__ import annotations

from collections.abc import Iterable


def aligned(rows: Iterable[tuple[str, object]], indent: str = "") -> list[str]:
    """``label: value`` lines with the values in one column (labels of any language's length)."""
    rows = [(str(label), str(value)) for label, value in rows]
    if not rows:
        return []
    width = max(len(label) for label, _ in rows) + 2
    return [f"{indent}{label + ':':<{width}}{value}" for label, value in rows]


def table(frame, numeric: Iterable[str] = ()) -> str:
    """A table of strings for the terminal: text left-aligned, the ``numeric`` columns right-aligned
    (values already written as the reader writes numbers), one space of air between columns."""
    numeric = set(numeric)
    columns = [str(column) for column in frame.columns]
    cells = [[str(value) for value in row] for row in frame.itertuples(index=False)]
    widths = [max([len(column), *(len(row[i]) for row in cells)]) for i, column in enumerate(columns)]

    def line(values) -> str:
        parts = [f"{value:>{width}}" if column in numeric else f"{value:<{width}}" for column, value, width in zip(frame.columns, values, widths)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(columns), *(line(row) for row in cells)])
