"""Turning the bytes of a CSV file that a person saved into a table of clean strings.

Real files come from Excel in Danish: semicolons, Windows-1252 or UTF-8 with a BOM, CRLF,
decimal commas, stray spaces. This module accepts all of that and refuses what is not text,
naming the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem

DELIMITERS = (",", ";", "\t")
ROW_OF_FIRST_RECORD = 2  # the header is row 1, as in a spreadsheet


def decode(data: bytes, name: str) -> str:
    """Decode a text file: UTF-16 or UTF-8 (BOM or not), else Windows-1252 (Danish Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # falls through to the binary check below
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError([Problem(name, f"not a text file (binary data at byte {nul})")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(name, f"not a text file (byte 0x{data[exc.start]:02x} at {exc.start} is neither UTF-8 nor Windows-1252)")]
        ) from None
    return text


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
        raise InputError([Problem(name, "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(name, "is a folder, expected a CSV file")]) from None
    text = decode(data, name)
    position = _looks_binary(text)
    if position is not None:
        raise InputError([Problem(name, f"not a text file (control character at position {position})")])
    if not text.strip():
        raise InputError([Problem(name, "the file is empty; expected a header row")])
    delimiter = sniff_delimiter(text)
    frame = _parse(text, delimiter, name)
    return clean_strings(frame)


def _parse(text: str, delimiter: str, name: str) -> pd.DataFrame:
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
        Problem(name, f"{len(record)} values, but the header has {len(header)} columns", row=reader.line_num)
        for record in reader
        if len(record) > len(header)
    ]
    raise InputError(problems or [Problem(name, "cannot be read as CSV")])


def clean_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip spaces in every cell, turn empty cells into NA and drop rows that are all empty."""
    frame = frame.apply(lambda column: column.str.strip().replace("", pd.NA))
    return frame.dropna(how="all")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write UTF-8 with a BOM, so that Danish Excel shows æ, ø and å as they are."""
    frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
