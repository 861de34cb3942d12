"""The what-if and two-wave results as a page to hand over (``DIR/index.html``, self-contained
and offline, in the frame of every orgnet page) and as a workbook (``.xlsx``, one sheet per table).

Every figure is formatted here, in Python, in the reader's language (``0,41`` and ``1.170`` in
Danish), and every code is a word (:mod:`~orgnet.scenarios.present`); the jinja2 template
(autoescaping on) only places the cells. A change is coloured by whether it is good or bad for
the network (more people flagged is bad, more contacts good), never by its sign alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from orgnet.compare import DEFAULT_K
from orgnet.errors import OrgnetError, Said
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import render
from orgnet.scenarios.diff import Diff
from orgnet.scenarios.present import TONED, cell, changes_table, is_change, label, t, tone, word, worded
from orgnet.scenarios.whatif import BASELINE, WhatIf, affected

MAX_ROWS = 200  # rows shown per table on the page; the workbook has them all
# The columns the page shows of the widest tables (the workbook has every column), so that a
# table fits an A4 page.
WHATIF_PEOPLE = (
    "name", "organisation", "lost_reach2", "lost_reach3",
    "isolated", "cut_off", "turned_internal", "new_flags", "resolved_flags",
)  # fmt: skip
DIFF_PEOPLE = (
    "name", "organisation", "degree_first", "degree_second", "degree_change", "degree_informal_external_change",
    "constraint_change", "new_flags", "resolved_flags",
)  # fmt: skip


@dataclass
class Table:
    """One section of the page and one sheet of the workbook.

    ``key`` names the section (``scenarios.text.section_<key>``); ``scenario`` is the scenario's
    name and number when the table is one scenario's; ``page_columns`` the columns the page
    shows (all when empty).
    """

    key: str
    table: pd.DataFrame
    intro: str = ""
    scenario: tuple[int, str] | None = None
    page_columns: tuple[str, ...] = field(default_factory=tuple)


def check_output(path: Path) -> None:
    """A folder (page and workbook) or an ``.xlsx`` file; refuse anything else before work starts."""
    if Path(path).suffix and Path(path).suffix.lower() != ".xlsx":
        raise OrgnetError(Said("error.scenarios.output", path=str(path), suffix=Path(path).suffix))


def whatif_tables(result: WhatIf, lang: str) -> list[Table]:
    tables = [Table("figures", result.figures, t("text.figures_intro", lang))]
    people = result.before.network.people
    for number, scenario in enumerate(result.results, start=1):
        which = (number, scenario.name)
        removed = people.loc[scenario.outcome.removed, [c for c in ("name", "organisation", "role") if c in people]]
        tables += [
            Table(
                "changes",
                changes_table(scenario.outcome.scenario, people, lang),
                t("text.scenario_intro", lang, n=len(removed)),
                which,
            ),
            Table("people", affected(scenario.people), t("text.people_intro", lang), which, WHATIF_PEOPLE),
            Table("bagland", scenario.bagland, t("text.bagland_intro", lang), which),
            Table("organisations", _changed(scenario.organisations), t("text.organisations_intro", lang), which),
            Table("removed", removed, "", which),
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
        Table("figures", diff.figures, t("text.figures_intro", lang)),
        Table("ties", diff.ties, t("text.ties_intro", lang)),
        Table("flags", diff.flags, t("text.flags_intro", lang)),
        Table(
            "in_both",
            diff.people.reindex(diff.people["degree_change"].abs().sort_values(ascending=False, kind="stable").index),
            t("text.diff_people_intro", lang),
            page_columns=DIFF_PEOPLE,
        ),
        Table("joined", diff.joined, ""),
        Table("left", diff.left, ""),
    ]
    if diff.groups is not None:
        tables.append(Table("groups", diff.groups, t("text.groups_intro", lang, k=diff.first.k)))
    return tables


def write_results(
    tables: list[Table],
    output: Path,
    *,
    title_key: str,
    lang: str,
    source: str,
    cards: dict | None = None,
    k: int = DEFAULT_K,
) -> list[Path]:
    """Write ``output`` as ``.xlsx``, or as a folder with ``index.html`` and ``tables.xlsx``."""
    output = Path(output)
    check_output(output)
    several = len({table.scenario for table in tables if table.scenario}) > 1
    sheets = {_sheet_name(table, i, lang, several): worded(table.table, lang) for i, table in enumerate(tables)}
    if output.suffix:
        with replacing(output) as (part,):
            write_workbook(sheets, part, neutralise=True)
        return [output]
    page, workbook = output / "index.html", output / "tables.xlsx"
    with replacing(page, workbook) as (page_part, workbook_part):  # the page and its workbook as one set
        write_workbook(sheets, workbook_part, neutralise=True)
        page_part.write_text(
            render_page(tables, title_key=title_key, lang=lang, source=source, cards=cards or {}, k=k), encoding="utf-8"
        )
    return [page, workbook]


def render_page(tables: list[Table], *, title_key: str, lang: str, source: str, cards: dict, k: int = DEFAULT_K) -> str:
    """The page in the one frame (banner, footer with audience and k, A4 print styles)."""
    return render(
        "scenarios.html.j2",
        lang=lang,
        audience="consultant",
        k=k,
        source=source,
        title=t(f"text.{title_key}", lang),
        notes=[t("text.workbook", lang), t("text.colours", lang)],
        cards=[{"label": label(key, lang), "value": cell(key, value, lang)} for key, value in cards.items()],
        sections=[_section(table, lang) for table in tables],
    )


def _title(table: Table, lang: str) -> str:
    section = t(f"text.section_{table.key}", lang)
    return t("text.section_of", lang, section=section, scenario=table.scenario[1]) if table.scenario else section


def _section(table: Table, lang: str) -> dict:
    frame = table.table
    index_name = frame.index.name
    frame = frame.reset_index() if index_name else frame
    if table.page_columns:
        frame = frame[[column for column in table.page_columns if column in frame.columns]]
    figures = index_name == "figure"
    numeric = [
        pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]) for column in frame.columns
    ]
    rows = []
    for record in frame.head(MAX_ROWS).itertuples(index=False):
        values = dict(zip(frame.columns, record))
        row_key = str(record[0]) if figures else None
        cells = []
        for column, value, is_number in zip(frame.columns, record, numeric):
            shown = cell(row_key if row_key and is_number else column, value, lang, signed=is_change(column))
            if column == "suppressed" and value is True:
                shown = t("text.suppressed", lang)
            css = ["num"] if is_number else []
            if is_number:
                css.append(_tone(column, value, values, row_key))
            cells.append({"text": shown, "css": " ".join(c for c in css if c)})
        rows.append(cells)
    more = t("text.more_rows", lang, shown=MAX_ROWS, total=len(frame)) if len(frame) > MAX_ROWS else ""
    return {
        "key": f"{table.key}-{table.scenario[0]}" if table.scenario else table.key,
        "title": _title(table, lang),
        "intro": table.intro,
        "columns": [{"label": label(column, lang), "numeric": is_number} for column, is_number in zip(frame.columns, numeric)],
        "rows": rows,
        "more": more,
        "empty": t("text.nothing", lang),
    }


def _tone(column, value, row: dict, figure: str | None) -> str:
    """good or bad: a figure's change (or a scenario against the network as it is), a column of changes."""
    if figure is not None:
        if column == "change":
            return tone(figure, value)
        if BASELINE in row and column != BASELINE and "change" not in row:
            before = row[BASELINE]
            if isinstance(value, (int, float, np.number)) and isinstance(before, (int, float, np.number)):
                return tone(figure, value - before)
        return ""
    return tone(column, value) if is_change(column) or column in TONED else ""


def _sheet_name(table: Table, position: int, lang: str, several: bool) -> str:
    # Excel allows 31 characters and no []:*?/\ in a sheet name; a position keeps names unique.
    name = t(f"sheet.{table.key}", lang)
    if several and table.scenario:
        name += f" ({table.scenario[0]})"
    clean = "".join("_" if c in "[]:*?/\\" else c for c in name)
    return f"{position + 1} {clean}"[:31]


__all__ = ["Table", "check_output", "diff_tables", "render_page", "whatif_tables", "word", "write_results"]
