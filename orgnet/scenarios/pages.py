"""The what-if and two-wave results as a page to hand over (``DIR/index.html``, self-contained
and offline, the report's look) and as a workbook (``.xlsx``, one sheet per table).

Every figure is formatted here, in Python, in the reader's language (``0,41`` and ``1.170`` in
Danish); the jinja2 template (autoescaping on) only places the cells. The page loads nothing:
its Content-Security-Policy allows no source at all besides inline style.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet import __version__
from orgnet.errors import OrgnetError
from orgnet.i18n import format_number
from orgnet.i18n import texts as report_texts
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import environment
from orgnet.scenarios.diff import Diff
from orgnet.scenarios.texts import label, text
from orgnet.scenarios.whatif import WhatIf, affected

MAX_ROWS = 200  # rows shown per table on the page; the workbook has them all
PERCENT = {"largest_component_share", "coverage_before", "coverage_after", "coverage_change", "share_gained"}


@dataclass
class Table:
    """One section of the page and one sheet of the workbook."""

    key: str
    table: pd.DataFrame
    intro: str = ""


def check_output(path: Path) -> None:
    """A folder (page and workbook) or an ``.xlsx`` file; refuse anything else before work starts."""
    if Path(path).suffix and Path(path).suffix.lower() != ".xlsx":
        raise OrgnetError(f"{path}: write a folder (an HTML page and a workbook) or an .xlsx file, not '{Path(path).suffix}'")


def whatif_tables(result: WhatIf, lang: str) -> list[Table]:
    tables = [Table("figures", result.figures, text("figures_intro", lang))]
    for scenario in result.results:
        name = scenario.name
        removed = result.before.network.people.loc[
            scenario.outcome.removed, [c for c in ("name", "organisation", "role") if c in result.before.network.people]
        ]
        tables += [
            Table(
                f"changes {name}",
                pd.DataFrame({"change": [scenario.outcome.scenario.describe()], "removed": [len(removed)]}),
                text("scenario_intro", lang),
            ),
            Table(f"people {name}", affected(scenario.people), text("people_intro", lang)),
            Table(f"bagland {name}", scenario.bagland, text("bagland_intro", lang)),
            Table(f"organisations {name}", _changed(scenario.organisations), text("organisations_intro", lang)),
            Table(f"removed {name}", removed, ""),
        ]
    return tables


def _changed(table: pd.DataFrame) -> pd.DataFrame:
    """The organisations whose E–I index or tie counts changed."""
    before = table[["internal_before", "external_before", "ei_before"]].to_numpy(dtype=float)
    after = table[["internal_after", "external_after", "ei_after"]].to_numpy(dtype=float)
    same = np.isclose(before, after, equal_nan=True).all(axis=1)
    return table[~same]


def diff_tables(diff: Diff, lang: str) -> list[Table]:
    tables = [
        Table("figures", diff.figures, text("figures_intro", lang)),
        Table("ties", diff.ties, text("ties_intro", lang)),
        Table("flags", diff.flags, text("flags_intro", lang)),
        Table(
            "people",
            diff.people.reindex(diff.people["degree_change"].abs().sort_values(ascending=False, kind="stable").index),
            text("diff_people_intro", lang),
        ),
        Table("joined", diff.joined, ""),
        Table("left", diff.left, ""),
    ]
    if diff.groups is not None:
        tables.append(Table("groups", diff.groups, text("groups_intro", lang).format(k=diff.first.k)))
    return tables


def write_results(
    tables: list[Table], output: Path, *, title_key: str, lang: str, source: str, cards: dict | None = None
) -> list[Path]:
    """Write ``output`` as ``.xlsx``, or as a folder with ``index.html`` and ``tables.xlsx``."""
    output = Path(output)
    check_output(output)
    sheets = {_sheet_name(table.key, i): _for_sheet(table.table) for i, table in enumerate(tables)}
    if output.suffix:
        with replacing(output) as (part,):
            write_workbook(sheets, part, neutralise=True)
        return [output]
    page, workbook = output / "index.html", output / "tables.xlsx"
    with replacing(page, workbook) as (page_part, workbook_part):  # the page and its workbook as one set
        write_workbook(sheets, workbook_part, neutralise=True)
        page_part.write_text(render_page(tables, title_key=title_key, lang=lang, source=source, cards=cards or {}), encoding="utf-8")
    return [page, workbook]


def render_page(tables: list[Table], *, title_key: str, lang: str, source: str, cards: dict) -> str:
    generated = report_texts(lang)["generated"].format(version=__version__, source=source)
    sections = [_section(table, lang) for table in tables]
    return environment().get_template("scenarios.html.j2").render(
        lang=lang,
        nonce=secrets.token_urlsafe(16),
        title=text(title_key, lang),
        generated=generated + " " + text("workbook", lang),
        cards=[{"label": label(key, lang), "value": cell(key, value, lang)} for key, value in cards.items()],
        sections=sections,
    )


def cell(column: str, value, lang: str) -> str:
    """One value as the reader of ``lang`` writes it."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, (bool, np.bool_)):
        return text("yes" if value else "no", lang)
    if isinstance(value, (int, float, np.integer, np.floating)):
        if str(column) in PERCENT:
            return format_number(float(value), lang, digits=1, percent=True)
        if float(value).is_integer():
            return format_number(int(value), lang)
        return format_number(float(value), lang, digits=4 if abs(value) < 0.1 else 3)
    return str(value)


def _section(table: Table, lang: str) -> dict:
    frame = table.table
    index_name = frame.index.name
    frame = frame.reset_index() if index_name else frame
    title_key, _, scenario = table.key.partition(" ")
    title = text(f"section_{title_key}", lang) + (f": {scenario}" if scenario else "")
    numeric = [
        pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]) for column in frame.columns
    ]
    rows = []
    for record in frame.head(MAX_ROWS).itertuples(index=False):
        row_label = str(record[0]) if index_name == "figure" else None
        cells = []
        for column, value, is_number in zip(frame.columns, record, numeric):
            key = row_label if row_label and is_number else column
            shown = label(value, lang) if column in ("figure", "layer", "flag") else cell(key, value, lang)
            if column == "suppressed" and value is True:
                shown = text("suppressed", lang)
            css = "num" if is_number else ""
            if (
                is_number
                and str(column).endswith("change")
                and isinstance(value, (int, float, np.number))
                and not pd.isna(value)
                and value
            ):
                css += " up" if value > 0 else " down"
            cells.append({"text": shown, "css": css})
        rows.append(cells)
    more = text("more_rows", lang).format(shown=MAX_ROWS, total=len(frame)) if len(frame) > MAX_ROWS else ""
    return {
        "key": table.key.replace(" ", "-"),
        "title": title,
        "intro": table.intro,
        "columns": [{"label": label(column, lang), "numeric": is_number} for column, is_number in zip(frame.columns, numeric)],
        "rows": rows,
        "more": more,
        "empty": text("nothing", lang),
    }


def _for_sheet(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index() if frame.index.name else frame


def _sheet_name(key: str, position: int) -> str:
    # Excel allows 31 characters and no []:*?/\ in a sheet name; a position keeps names unique.
    clean = "".join("_" if c in "[]:*?/\\" else c for c in key)
    return f"{position + 1} {clean}"[:31]
