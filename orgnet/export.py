"""Writing result tables: ``.csv``, ``.xlsx`` or ``.json`` by the file's extension.

Metadata (how a table was computed) goes with it: a sheet ``about`` in a workbook, the key
``metadata`` in JSON, and a ``<name>.meta.json`` file beside a CSV.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.io.text import write_csv
from orgnet.texts import texts
from orgnet.values import is_missing

FORMATS = (".csv", ".xlsx", ".json")


def jsonable(value):
    """Numpy scalars, NaN and NA made JSON-ready (NaN and NA become null)."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if is_missing(value):
        return None
    return value


def check_table_path(path: Path) -> None:
    """Refuse an unknown extension before any work is done."""
    if Path(path).suffix.lower() not in FORMATS:
        raise OrgnetError(Said("error.metrics.cannot_write_table", path=path, suffix=Path(path).suffix or Path(path).name))


def write_table(frame: pd.DataFrame, path: Path, *, metadata: dict | None = None, sheet: str = "table", raw: bool = False) -> list[Path]:
    """Write ``frame`` (and its metadata) to ``path``; returns the files written.

    Text that a spreadsheet would run as a formula is neutralised in CSV and workbooks (an
    apostrophe in front) unless ``raw``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    check_table_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = jsonable(metadata or {})
    if suffix == ".csv":
        meta = path.with_suffix(".meta.json")
        with replacing(path, meta) as (table_part, meta_part):  # the table and its metadata as one set
            write_csv(frame, table_part, raw=raw)
            meta_part.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return [path, meta]
    if suffix == ".xlsx":
        about = pd.DataFrame(_flatten(metadata).items(), columns=["key", "value"])
        with replacing(path) as (part,):
            write_workbook({sheet: frame, "about": about}, part, neutralise=not raw, marking=_marking(metadata))
        return [path]
    records = [jsonable(row) for row in frame.to_dict(orient="records")]
    with replacing(path) as (part,):
        part.write_text(json.dumps({"metadata": metadata, sheet: records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [path]


def _marking(metadata: dict) -> str:
    """The line printed on every page of a workbook: who it is for, and that it holds personal data."""
    lang = metadata.get("lang") if metadata.get("lang") in ("en", "da") else "en"
    if metadata.get("audience") == "management":
        return texts(lang).t("report.marking_management")
    return texts(lang).t("report.confidential")


def _flatten(mapping: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value if not isinstance(value, list) else ", ".join(map(str, value))
    return flat
