"""The proposal in words: the page to hand over (``DIR/index.html``, the report's frame), its
workbook (``groups.xlsx``), the terminal's summary and the report's section.

The producers (:mod:`~orgnet.groups.proposal`, :mod:`~orgnet.groups.effect`) return codes and
numbers — the size rule's code and sizes, each member's role and reason code with her contacts,
each figure's code with its values before and after. The words are chosen here, from the
catalogue (``orgnet/texts/<lang>/groups.toml``), in the reader's language; numbers are written
the reader's way. The page ends with the handbook's start-up checklist as the agenda of the
first meeting.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.i18n import column_name, format_number
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import render
from orgnet.texts import texts
from orgnet.texts.labels import level_label

# the handbook's start-up checklist, in its order (the words: groups.checklist.<code>)
CHECKLIST = ("motive", "invitation", "goals", "rules", "expectations", "chairing", "between", "evaluation", "openness")
# the summary's entries shown in the sheet "about", in this order (the words: groups.about.<key>)
ABOUT = ("rule", "low", "high", "mode", "by", "apart", "together", "seed", "groups", "people", "placed", "score", "new_pairs", "known_pairs")
MEMBER_COLUMNS = ("group", "id", "name", "organisation", "unit", "level", "role_in_group", "reason", "degree")


# --- the words of one thing ----------------------------------------------------------------------


def rule_text(summary: dict, lang: str) -> str:
    """The size rule that applied, with the sizes used ("omkring 10 pr. gruppe (8–12): …")."""
    return texts(lang).t(f"groups.rule.{summary['rule']}", low=summary["low"], high=summary["high"])


def intro_text(summary: dict, lang: str) -> str:
    """ "32 grupper til 319 af 319 personer. Størrelse: …" — counts in the right number."""
    words = texts(lang)
    return words.t(
        "groups.intro", groups=words.t("groups.count.group", n=summary["groups"]), placed=format_number(summary["placed"], lang),
        people=words.t("count.people", n=summary["people"]), rule=rule_text(summary, lang),
    )


def objective_text(summary: dict, lang: str) -> str:
    """What the proposal maximises, for the summary's ``mode``."""
    return texts(lang).t(f"groups.objective.{summary['mode']}")


def figure_name(code: str, lang: str) -> str:
    return texts(lang).t(f"groups.figure.{code}")


def figure_value(code: str, value, lang: str) -> str:
    """A share as a percentage, a mean with three decimals, a count as a whole number."""
    if code.startswith("share_"):
        return format_number(value, lang, percent=True, digits=1)
    if code.startswith("mean_"):
        return format_number(value, lang, digits=3)
    return format_number(int(value), lang)


def reason_text(reason: str, degree, lang: str) -> str:
    """Why a member is in her group; the coordinator chosen for her contacts says how many."""
    if reason == "most_contacts":
        return texts(lang).t("groups.reason.most_contacts", n=int(degree))
    return texts(lang).t(f"groups.reason.{reason}")


def role_text(role: str, lang: str) -> str:
    return texts(lang).t(f"groups.role.{role}")


def member_name(row) -> str:
    return _text(row.name) or str(row.id)


def _level(value, lang: str) -> str:
    return level_label(value, lang) if _text(value) else "—"


def _text(value) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _figures(effect: pd.DataFrame, lang: str) -> list[dict]:
    return [
        {"figure": figure_name(row.figure, lang), "before": figure_value(row.figure, row.before, lang), "after": figure_value(row.figure, row.after, lang)}
        for row in effect.itertuples()
    ]


# --- the workbook --------------------------------------------------------------------------------


def workbook_sheets(members: pd.DataFrame, effect: pd.DataFrame, summary: dict, lang: str) -> dict[str, pd.DataFrame]:
    """The sheets of ``groups.xlsx`` in ``lang``, by their names.

    Danish reads as Danish: sheet names, headers, levels, roles, reasons and figures in words.
    English keeps the codes of the CSV files (headers, levels, roles) but names the reasons and
    the figures. Numbers stay numbers: the spreadsheet shows them in the reader's format.
    """
    words = texts(lang)
    return {
        words.t("groups.sheet.groups"): members_sheet(members, lang),
        words.t("groups.sheet.effect"): effect_sheet(effect, lang),
        words.t("groups.sheet.about"): _headers(about_table(summary, lang), lang),
    }


def members_sheet(members: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The members as a workbook sheet in ``lang`` (see :func:`workbook_sheets`); also for the
    report's workbook."""
    table = members.copy()
    if lang != "en":
        table["level"] = table["level"].map(lambda value: level_label(value, lang) if _text(value) else value)
        table["role_in_group"] = table["role_in_group"].map(lambda role: role_text(role, lang))
    table["reason"] = [reason_text(reason, degree, lang) for reason, degree in zip(members["reason"], members["degree"])]
    return _headers(table, lang)


def effect_sheet(effect: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures before and after as a workbook sheet in ``lang``, each figure named."""
    return _headers(effect.assign(figure=effect["figure"].map(lambda code: figure_name(code, lang))), lang)


def about_table(summary: dict, lang: str) -> pd.DataFrame:
    """The summary as rows of ``key, value``: the rule and the objective in words, the mode and
    the attributes named (the user's own attributes as she wrote them), numbers as numbers."""
    words = texts(lang)

    def shown(key):
        value = summary.get(key)
        if key == "rule":
            return rule_text(summary, lang)
        if key == "mode":
            return words.t(f"groups.mode.{value}")
        if key in ("by", "apart", "together"):
            return column_name(value, lang) if value else words.t("groups.about.none")
        return value

    rows = [(words.t(f"groups.about.{key}"), shown(key)) for key in ABOUT if key in summary]
    rows.append((words.t("groups.about.objective"), objective_text(summary, lang)))
    return pd.DataFrame(rows, columns=["key", "value"])


def _headers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    words = texts(lang)
    return table.rename(columns=lambda column: words.t(f"groups.column.{column}") if f"groups.column.{column}" in words else column_name(str(column), lang))


# --- the terminal --------------------------------------------------------------------------------


def terminal_text(members: pd.DataFrame, effect: pd.DataFrame, summary: dict, lang: str, *, with_members: bool) -> str:
    """What ``orgnet groups`` prints: the groups and the size rule, the objective, the figures
    before and after, and (``with_members``) every member with her group, role and reason."""
    words = texts(lang)
    lines = [intro_text(summary, lang), objective_text(summary, lang), "", words.t("groups.effect_heading") + ":"]
    figures = _figures(effect, lang)
    lines += _aligned(
        [words.t(f"groups.column.{c}") for c in ("figure", "before", "after")], [[row["figure"], row["before"], row["after"]] for row in figures], right={1, 2}
    )
    if with_members:
        shown = ("group", "id", "name", "organisation", "unit", "level", "role_in_group", "reason")
        rows = [
            [format_number(int(r.group), lang), str(r.id), member_name(r), _text(r.organisation) or "—", _text(r.unit) or "—", _level(r.level, lang),
             role_text(r.role_in_group, lang), reason_text(r.reason, r.degree, lang)]
            for r in members.itertuples()
        ]
        lines += ["", *_aligned([_header(column, lang) for column in shown], rows, right={0})]
    return "\n".join(lines)


def _header(column: str, lang: str) -> str:
    """A members column's heading in the terminal: the catalogue's word in both languages."""
    if lang == "en":
        return column.replace("_", " ")
    return texts(lang).t(f"groups.column.{column}")


def _aligned(headers: list[str], rows: list[list[str]], *, right: set[int]) -> list[str]:
    """A plain text table: text columns to the left, number columns (``right``) to the right."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]

    def line(cells):
        return "  ".join(str(cell).rjust(width) if i in right else str(cell).ljust(width) for i, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), *(line(row) for row in rows)]


# --- the page ------------------------------------------------------------------------------------


def write_page(
    members: pd.DataFrame, effect: pd.DataFrame, summary: dict, folder: Path, *, lang: str, pair_counts: dict, source: str | None = None
) -> list[Path]:
    """``folder/index.html`` and ``folder/groups.xlsx``, as one set (both new or both as they were)."""
    words = texts(lang)
    cards = []
    for group, rows in members.groupby("group", sort=True):
        cards.append({
            "number": format_number(int(group), lang),
            "id": int(group),
            "new": words.t("groups.new_pairs", n=pair_counts.get(int(group), 0)),
            "members": [
                {"name": member_name(r), "organisation": _text(r.organisation) or "—", "level": _level(r.level, lang),
                 "coordinator": r.role_in_group == "coordinator", "role": role_text(r.role_in_group, lang), "reason": reason_text(r.reason, r.degree, lang)}
                for r in rows.itertuples()
            ],
        })
    page = render(
        "groups.html.j2", lang=lang, source=source, intro=intro_text(summary, lang), objective=objective_text(summary, lang),
        figures=_figures(effect, lang), cards=cards, checklist=[words.t(f"groups.checklist.{item}") for item in CHECKLIST],
    )
    index, workbook = Path(folder) / "index.html", Path(folder) / "groups.xlsx"
    with replacing(index, workbook) as (index_part, workbook_part):
        index_part.write_text(page, encoding="utf-8")
        write_workbook(workbook_sheets(members, effect, summary, lang), workbook_part, neutralise=True, marking=words.t("report.confidential"))
    return [index, workbook]


# --- the report's section ------------------------------------------------------------------------


def report_section(members: pd.DataFrame, effect: pd.DataFrame, summary: dict, lang: str) -> dict:
    """What the report's "Forslag til ledernetværksgrupper" section shows: the rule, the objective,
    the before/after figures and each group's members (the coordinator first, marked)."""
    words = texts(lang)
    groups = []
    for group, rows in members.groupby("group", sort=True):
        names = [words.t("groups.coordinator_mark", name=member_name(r)) if r.role_in_group == "coordinator" else member_name(r) for r in rows.itertuples()]
        organisations = len({_text(o) for o in rows["organisation"]}) if "organisation" in rows else 0
        groups.append({"number": int(group), "members": ", ".join(names), "size": len(rows), "organisations": organisations})
    return {
        "title": words.t("groups.title"),
        "intro": intro_text(summary, lang),
        "objective": objective_text(summary, lang),
        "figures": _figures(effect, lang),
        "groups": groups,
        "labels": {
            "figure": words.t("groups.column.figure"), "before": words.t("groups.column.before"), "after": words.t("groups.column.after"),
            "group": words.t("groups.group"), "effect": words.t("groups.effect_heading"),
        },
    }
