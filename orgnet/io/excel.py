"""Excel workbooks: sheets ``people``, ``ties`` and optional ``groups``."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.exceptions import InvalidFileException

from orgnet.adapters import _clean
from orgnet.errors import InputError, Problem, Said
from orgnet.io.limits import check_workbook
from orgnet.io.tables import RawTable
from orgnet.io.text import ROW_OF_FIRST_RECORD


def read_sheets(path: Path, name: str, *, advice: str | Said = "", **options) -> dict[str, pd.DataFrame]:
    """Every sheet of a workbook, after the checks every workbook gets (encrypted, zip bomb, damaged).

    The one way orgnet opens a workbook as input; ``advice`` ends the message for a file that is
    no workbook, ``options`` go to :func:`pandas.read_excel`.
    """
    if not Path(path).is_file():
        raise InputError([Problem(name, Said("error.io.file_not_found"))])
    check_workbook(path, name)
    try:
        return pd.read_excel(path, sheet_name=None, engine="openpyxl", **options)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, SyntaxError) as exc:  # ParseError is a SyntaxError
        raise InputError([Problem(name, Said("error.io.not_a_workbook", reason=str(exc), advice=advice))]) from None


def read_workbook_tables(path: Path, name: str) -> dict[str, RawTable]:
    """The workbook's ``people``, ``ties`` and ``groups`` sheets (names case-insensitive)."""
    sheets = read_sheets(path, name, dtype=object)
    by_name = {sheet.strip().lower(): frame for sheet, frame in sheets.items()}
    missing = [sheet for sheet in ("people", "ties") if sheet not in by_name]
    if missing:
        found = ", ".join(sheets) or Said("error.io.none")
        raise InputError([Problem(name, Said("error.io.missing_sheet", sheet=sheet, found=found)) for sheet in missing])
    _refuse_formulas_without_values(path, name, [sheet for sheet in sheets if sheet.strip().lower() in ("people", "ties", "groups")])
    tables = {}
    for sheet in ("people", "ties", "groups"):
        if sheet in by_name:
            frame = by_name[sheet]
            frame.columns = [str(column).strip() for column in frame.columns]
            frame = frame.map(lambda v: (v.strip() or pd.NA) if isinstance(v, str) else v)
            frame.index = pd.RangeIndex(ROW_OF_FIRST_RECORD, ROW_OF_FIRST_RECORD + len(frame), name="row")
            tables[sheet] = RawTable(f"{name} [{sheet}]", frame.dropna(how="all"))
    return tables


# A cell with a formula and no saved result: <c r="A5" …><f>…</f></c> (no <v>), as scripts write them.
FORMULA_WITHOUT_VALUE = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?\s*</c>')


def _refuse_formulas_without_values(path: Path, name: str, sheets: list[str]) -> None:
    """pandas reads such a cell as empty ("empty person id"); say what it really is."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = _sheet_files(archive)
            problems = []
            for sheet in sheets:
                member = names.get(sheet)
                if member is None:
                    continue
                cells = FORMULA_WITHOUT_VALUE.findall(archive.read(member))
                if cells:
                    more = Said("error.io.formula_cells_more", count=len(cells)) if len(cells) > 5 else ""
                    shown = ", ".join(cell.decode() for cell in cells[:5])
                    problems.append(Problem(f"{name} [{sheet}]", Said("error.io.formula_without_value", cells=shown, more=more)))
    except (zipfile.BadZipFile, KeyError):
        return
    if problems:
        raise InputError(problems)


def _sheet_files(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part, from workbook.xml and its relationships."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    relations = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = dict(re.findall(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', relations))
    targets.update({rid: target for target, rid in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', relations)})
    sheets = {}
    for sheet, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        target = targets.get(rid, "")
        sheets[html.unescape(sheet)] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return sheets


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_workbook(sheets: dict[str, pd.DataFrame], path: Path, *, neutralise: bool = False, marking: str | None = None) -> None:
    """Write each frame to a sheet; text that starts with '=' stays text, never a formula.

    ``neutralise`` (for reports handed to others) also puts an apostrophe before any text that
    starts with =, +, -, @, tab or carriage return, so that no name can run as a formula even
    after it is copied into another cell or saved as CSV (OWASP's advice on formula injection).
    """
    workbook = Workbook(write_only=True)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(title)
        if marking:  # printed on every page of every sheet, e.g. "Confidential: contains personal data"
            sheet.oddHeader.center.text = marking
            sheet.oddFooter.center.text = marking
        sheet.append([_neutral(str(c)) if neutralise else str(c) for c in frame.columns])
        for values in frame.itertuples(index=False, name=None):
            cells = [_clean(value) for value in values]
            if neutralise:
                cells = [_neutral(value) for value in cells]
            sheet.append([_text_cell(sheet, value) for value in cells])
    workbook.save(path)


def _neutral(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text_cell(sheet, value: object) -> object:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would otherwise store '=…' as a formula
        return cell
    return value
