"""Turning the bytes of a CSV file that a person saved into a table of clean strings.

Real files come from Excel in Danish: semicolons, Windows-1252 or UTF-8 with a BOM, CRLF,
decimal commas, stray spaces. This module accepts all of that and refuses what is not text,
naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said

DELIMITERS = (",", ";", "\t")
ROW_OF_FIRST_RECORD = 2  # the header is row 1, as in a spreadsheet


# A multi-byte UTF-8 sequence (æ is C3 A6): a file holding one was written as UTF-8.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
MAX_ROWS_NAMED = 10


def decode(data: bytes, name: str) -> str:
    """Decode a text file, per file and never into mojibake.

    UTF-16 with a BOM, or without one when every other byte is zero (as Notepad's "Unicode"
    writes); UTF-8 with or without a BOM; else Windows-1252 (Danish Excel's "CSV"). A file that
    is UTF-8 except for some rows (a row appended by another editor in Latin-1) is refused,
    naming those rows: decoding it all as Windows-1252 would turn every ø of the other rows into
    "Ã¸", silently.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # falls through to the binary check below
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError([Problem(name, Said("error.io.binary_at_byte", byte=nul))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data):
        _refuse_mixed_encoding(data, name)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(name, Said("error.io.neither_utf8_nor_cp1252", byte=f"0x{data[exc.start]:02x}", position=exc.start))]
        ) from None
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 without a BOM: mostly zero bytes at odd (little-endian) or even
    (big-endian) positions, as Latin letters are in UTF-16. None for anything else."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.6 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _refuse_mixed_encoding(data: bytes, name: str) -> None:
    """Name the rows that are not UTF-8 in a file that otherwise is."""
    problems = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            shown = line.decode("cp1252", errors="replace").strip()
            problems.append(
                Problem(
                    name,
                    Said("error.io.row_not_utf8", row_text=shown[:60]),
                    row=number,
                )
            )
    shown_problems = problems[:MAX_ROWS_NAMED]
    if len(problems) > MAX_ROWS_NAMED:
        shown_problems.append(Problem(name, Said("error.io.more_rows_not_utf8", n=len(problems) - MAX_ROWS_NAMED)))
    raise InputError(shown_problems)


def _looks_binary(text: str) -> int | None:
    """Position of the first control character that no text file holds, if any."""
    for position, char in enumerate(text[:65536]):
        if char < " " and char not in "\t\r\n\f":
            return position
    return None


def sniff_delimiter(text: str) -> str:
    """The separator that splits the header line into the most fields."""
    header = text.split("\n", 1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv_text(path: Path, name: str) -> pd.DataFrame:
    """Read a CSV file into a frame of stripped strings (missing cells NA), one row per record.

    The frame's index is the spreadsheet row number of each record. Completely empty lines are
    dropped; rows with more values than the header has columns are refused.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, Said("error.io.file_not_found"))]) from None
    except IsADirectoryError:
        raise InputError([Problem(name, Said("error.io.folder_not_csv"))]) from None
    text = decode(data, name)
    position = _looks_binary(text)
    if position is not None:
        raise InputError([Problem(name, Said("error.io.control_character", position=position))])
    if not text.strip():
        raise InputError([Problem(name, Said("error.io.empty_file"))])
    delimiter = sniff_delimiter(text)
    frame = _parse(text, delimiter, name)
    return clean_strings(frame)


def _parse(text: str, delimiter: str, name: str) -> pd.DataFrame:
    # pandas takes a first data row with more values than the header as "the first column is
    # the index" and shifts every value by one; refuse it like any other ragged row.
    first = list(itertools.islice(csv.reader(io.StringIO(text), delimiter=delimiter), 2))
    if len(first) == 2 and len(first[1]) > len(first[0]):
        _raise_ragged_rows(text, delimiter, name)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except pd.errors.ParserError:
        _raise_ragged_rows(text, delimiter, name)
        raise  # _raise_ragged_rows always raises; this keeps type checkers calm
    frame.columns = [str(column).strip() for column in frame.columns]
    frame.index = pd.RangeIndex(ROW_OF_FIRST_RECORD, ROW_OF_FIRST_RECORD + len(frame), name="row")
    return frame


def _raise_ragged_rows(text: str, delimiter: str, name: str) -> None:
    """Name every row with more values than the header (pandas names only the first)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader)
    problems = [
        Problem(name, Said("error.io.ragged_row", values=len(record), columns=len(header)), row=reader.line_num)
        for record in reader
        if len(record) > len(header)
    ]
    raise InputError(problems or [Problem(name, Said("error.io.not_csv"))])


def clean_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip spaces in every cell, turn empty cells into NA and drop rows that are all empty.

    A cell that orgnet neutralised when writing (``'=…``) gets its text back, so files orgnet
    wrote read back unchanged.
    """
    frame = frame.apply(lambda column: unneutralise(column.str.strip()).replace("", pd.NA))
    return frame.dropna(how="all")


# Text starting with one of these is run as a formula by Excel and LibreOffice (OWASP, "CSV
# Injection"); an apostrophe in front makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")


def neutralise(column: pd.Series) -> pd.Series:
    """Text cells that a spreadsheet would run as a formula, with an apostrophe in front.

    Numbers stay numbers, including text that is a number (``-0.5``, ``+45 12 34 56`` is not).
    """
    if not (column.dtype == object or pd.api.types.is_string_dtype(column)):
        return column
    text = column.astype("object")
    is_text = text.map(lambda value: isinstance(value, str))
    risky = is_text & text.where(is_text, "").str.startswith(FORMULA_STARTS)
    if not risky.any():
        return column
    numeric = pd.to_numeric(text.where(risky), errors="coerce").notna()
    risky &= ~numeric
    return text.where(~risky, "'" + text.where(risky, "").astype(str))


def unneutralise(column: pd.Series) -> pd.Series:
    """The text of cells that :func:`neutralise` protected."""
    if column.str.startswith("'", na=False).any():
        return column.str.replace(_NEUTRALISED, "", regex=True)
    return column


def write_csv(frame: pd.DataFrame, path: Path, *, raw: bool = False) -> None:
    """Write UTF-8 with a BOM, so that Danish Excel shows æ, ø and å as they are.

    Text that a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``@SUM(…)``) gets an
    apostrophe in front — the file has a BOM precisely so that Excel opens it — unless ``raw``
    (for programs reading the file); orgnet itself reads such cells back without the apostrophe.
    """
    if not raw:
        frame = frame.apply(neutralise)
    frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
