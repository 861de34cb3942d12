"""NodeXL workbooks: the Excel tables ``Edges`` and ``Vertices``, found by table name.

NodeXL keeps its data in Excel tables (ListObjects) named ``Edges`` and ``Vertices`` under a row of
column-group captions, so the tables are read where their ranges say, not from row 1. Visual
columns (colour, shape, layout) are left out; ``Vertex 1``/``Vertex 2`` are the tie's ends,
``Edge Weight`` its weight, ``Relationship`` its relation; ``Vertex`` is the person's id and
``Label`` the name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from orgnet.errors import InputError, Problem, Said
from orgnet.io.tables import RawTable

VISUAL = {"color", "width", "style", "opacity", "visibility", "label text color", "label font size", "shape", "size",
          "image file", "label fill color", "label position", "tooltip", "layout order", "x", "y", "locked?",
          "polar r", "polar angle", "id", "dynamic filter", "add your own columns here", "marked?"}
EDGE_NAMES = {"vertex 1": "source", "vertex 2": "target", "edge weight": "weight", "weight": "weight",
              "relationship": "relation", "relation": "relation", "kind": "kind"}
VERTEX_NAMES = {"vertex": "id", "label": "name"}


def nodexl_tables(path: Path) -> dict[str, tuple[str, str]] | None:
    """``{"edges": (sheet, range), …}`` if the workbook has NodeXL's tables, else None."""
    try:
        names = load_workbook(path, read_only=True).sheetnames
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    if "edges" not in {n.strip().lower() for n in names}:
        return None  # NodeXL's Edges table sits on its Edges sheet; skip loading other workbooks whole
    workbook = load_workbook(path, read_only=False, data_only=True)
    found = {}
    for sheet in workbook.worksheets:
        for table in sheet.tables.values():
            if table.name.lower() in ("edges", "vertices"):
                found[table.name.lower()] = (sheet.title, table.ref)
    workbook.close()
    return found if "edges" in found else None


def read_nodexl_tables(path: Path, name: str, tables: dict[str, tuple[str, str]]) -> tuple[RawTable, RawTable]:
    workbook = load_workbook(path, read_only=False, data_only=True)
    edges = _table(workbook, *tables["edges"], EDGE_NAMES)
    if "source" not in edges or "target" not in edges:
        raise InputError([Problem(f"{name} [Edges]", Said("error.io.nodexl_vertex_columns"))])
    if "relation" not in edges and "kind" not in edges:
        edges["relation"] = "tie"
    if "vertices" in tables:
        people = _table(workbook, *tables["vertices"], VERTEX_NAMES)
    else:
        people = pd.DataFrame()
    workbook.close()
    if "id" not in people:
        ids = list(dict.fromkeys([*edges["source"].dropna().astype(str), *edges["target"].dropna().astype(str)]))
        people = pd.DataFrame({"id": ids}, index=pd.RangeIndex(1, len(ids) + 1, name="row"))
    else:  # NodeXL lists in Vertices only the vertices someone edited; the rest are in Edges
        listed = set(people["id"].dropna().astype(str))
        extra = [v for v in dict.fromkeys([*edges["source"].dropna().astype(str), *edges["target"].dropna().astype(str)]) if v not in listed]
        if extra:
            start = int(people.index.max()) + 1 if len(people) else 1
            people = pd.concat([people, pd.DataFrame({"id": extra}, index=pd.RangeIndex(start, start + len(extra), name="row"))])
    return RawTable(f"{name} [Vertices]", people), RawTable(f"{name} [Edges]", edges)


def _table(workbook, sheet: str, ref: str, names: dict) -> pd.DataFrame:
    first_column, first_row, last_column, last_row = range_boundaries(ref)
    cells = list(workbook[sheet].iter_rows(min_row=first_row, max_row=last_row, min_col=first_column, max_col=last_column, values_only=True))
    header = [str(c).strip() if c is not None else "" for c in cells[0]] if cells else []
    frame = pd.DataFrame(cells[1:], columns=header, dtype=object)
    frame.index = pd.RangeIndex(first_row + 1, first_row + 1 + len(frame), name="row")
    keep = [c for c in frame.columns if c and c.lower() not in VISUAL]
    frame = frame[keep].rename(columns=lambda c: names.get(c.lower(), c))
    frame = frame.map(lambda v: (v.strip() or pd.NA) if isinstance(v, str) else v)
    return frame.dropna(how="all")
