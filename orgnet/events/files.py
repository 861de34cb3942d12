"""What the engines cannot say well about a local event file: that it is empty, that it is not
UTF-8 (and what it looks like instead), and how long its longest line is.

Each check reads as little as it can: the size from the file system, the longest line only of
files larger than the engine's line limit, and the bytes up to the first one that is not UTF-8
only after the engine refused the file.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import numpy as np

from orgnet.errors import InputError, Problem, Said

CHUNK = 1 << 24  # 16 MiB: bounds the memory of a scan


def empty_files(files: list[str]) -> list[Problem]:
    """An empty log (no bytes, or only a byte-order mark and white space) as a problem each."""
    problems = []
    for file in files:
        path = Path(file)
        if "://" in file or not path.is_file():
            continue
        size = path.stat().st_size
        if size == 0 or (size <= 64 and not path.read_bytes().lstrip(codecs.BOM_UTF8).strip()):
            problems.append(Problem(file, Said("error.events.empty_file")))
    return problems


def longest_line(path: Path, *, at_least: int = 2_097_152) -> int:
    """The longest line of ``path`` in bytes, or 0 if the file is shorter than ``at_least``.

    The engine's default limit suffices for any smaller file, so only larger files are scanned,
    one chunk at a time (a few hundred MB a second).
    """
    if path.stat().st_size < at_least:
        return 0
    longest, carried = 0, 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            ends = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 10)
            if len(ends) == 0:
                carried += len(chunk)
                continue
            longest = max(longest, carried + int(ends[0]) + 1)
            if len(ends) > 1:
                longest = max(longest, int(np.diff(ends).max()))
            carried = len(chunk) - int(ends[-1]) - 1
    return max(longest, carried)


def not_utf8_problem(path: Path) -> InputError:
    """The refusal of a log that is not UTF-8, naming its first such row and what it looks like."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    row = 1
    with open(path, "rb") as handle:
        for line in handle:
            try:
                decoder.decode(line)
            except UnicodeDecodeError:
                try:
                    shown = line.decode("cp1252").strip()
                    what = Said("error.events.windows_1252", line=shown[:60])
                except UnicodeDecodeError:
                    what = Said("error.events.neither_utf8")
                return InputError([Problem(str(path), what, row=row)])
            row += 1
    return InputError([Problem(str(path), Said("error.events.not_utf8"))])


def check_utf8(path: Path) -> None:
    """Raise :func:`not_utf8_problem` if ``path`` holds bytes that are not UTF-8 (Spark would replace them)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        try:
            while chunk := handle.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise not_utf8_problem(path) from None


def file_columns(file: str, form: str) -> list[str] | None:
    """The column names of one local CSV or Parquet file (None for a file the engine lists itself).

    A folder or glob is read as one table (DuckDB unites the files' columns by name), so a file
    without the channel's columns would only show as rows without a sender; its header says it.
    """
    path = Path(file)
    if "://" in file or not path.is_file():
        return None
    if form == "parquet":
        import duckdb

        try:
            return [row[0] for row in duckdb.connect().execute("DESCRIBE SELECT * FROM read_parquet($1)", [file]).fetchall()]
        except duckdb.Error:
            return None  # the engine names what is wrong with it
    from orgnet.io.text import sniff_delimiter

    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        head = handle.read(65536)
    first = next(csv.reader(head.splitlines()[:1] or [""], delimiter=sniff_delimiter(head)), [])
    return [column.strip() for column in first]
