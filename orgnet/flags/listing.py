"""The terminal tables of ``orgnet flags`` and ``orgnet bagland``, in the reader's language.

Every header and every orgnet code is a word from the catalogue (``terminal.*``, the flag
names, the severities, the values of the attributes orgnet knows) in English as in Danish;
numbers are written as a reader of the language writes them (``1.170``, ``62 %``). Names, units
and other values the user wrote appear as she wrote them. The CSV, xlsx and JSON files written
with ``-o`` keep orgnet's codes.
"""

from __future__ import annotations

import pandas as pd

from orgnet.i18n import flag_name, format_number
from orgnet.texts import texts

SHOWN = ["id", "name", "flag", "severity", "reason"]
BAGLAND_SHOWN = ["id", "name", "unit", "colleagues", "reached", "coverage", "management_ties", "flags"]


def flag_listing(table: pd.DataFrame, lang: str) -> str:
    """The flags table as text for the terminal, with a last line counting each flag."""
    words = texts(lang)
    if not len(table):
        return words.t("listing.none_flagged")
    counts = table["flag"].value_counts()
    shown = table[SHOWN].assign(
        flag=table["flag"].map(lambda code: flag_name(code, lang)), severity=table["severity"].map(lambda code: words.t(f"severity.{code}"))
    )
    shown = shown.rename(columns=lambda column: words.t(f"terminal.{column}"))
    summary = ", ".join(f"{flag_name(flag, lang)} {format_number(int(count), lang)}" for flag, count in counts.items())
    return f"{text_table(shown)}\n\n{words.t('listing.summary', n=len(table), summary=summary)}"


def flag_counts_listing(overall: pd.DataFrame, by_level: pd.DataFrame | None, k: int, lang: str) -> str:
    """``flags --audience management``: people with each flag overall, then per level (groups under k: one line each)."""
    from orgnet.report.words import attribute_label, value_label

    words = texts(lang)
    rows = [(words.t("terminal.all"), "", flag_name(row.flag, lang), _number(row.people, lang), share_text(row.share, lang)) for row in overall.sort_values("people", ascending=False, kind="stable").itertuples()]
    for row in () if by_level is None else by_level.itertuples():
        group = value_label("level", row.level, lang)
        if row.suppressed:
            rows.append((group, f"<{format_number(k, lang)}", words.t("terminal.suppressed"), "", ""))
        elif isinstance(row.flag, str):
            rows.append((group, _number(row.n, lang), flag_name(row.flag, lang), _number(row.people, lang), share_text(row.share, lang)))
    header = [attribute_label("level", lang), words.t("terminal.n"), words.t("terminal.flag"), words.t("terminal.people"), words.t("terminal.share")]
    table = pd.DataFrame(rows, columns=header)
    if by_level is None:  # no level in the data: the counts over everyone only
        table = table.drop(columns=header[:2])
    return text_table(table, numbers=[header[1], *header[3:]])


def bagland_listing(table: pd.DataFrame, lang: str) -> str:
    """One line per TR: unit, colleagues, reached, coverage, ties to management, flags (by name)."""
    words = texts(lang)
    if table.empty:
        return words.t("terminal.no_trs")
    columns = [column for column in BAGLAND_SHOWN if column in table]
    shown = table[columns].copy()
    for column in ("colleagues", "reached", "management_ties"):
        shown[column] = shown[column].map(lambda value: _number(value, lang))
    shown["coverage"] = shown["coverage"].map(lambda value: share_text(value, lang))
    if "flags" in shown:
        shown["flags"] = shown["flags"].map(lambda codes: ", ".join(flag_name(code, lang) for code in str(codes).split(", ") if code))
    numbers = [words.t(f"terminal.{column}") for column in ("colleagues", "reached", "coverage", "management_ties")]
    return text_table(shown.rename(columns=lambda column: words.t(f"terminal.{column}")), numbers=numbers)


def bagland_overview_listing(overview: dict, k: int, lang: str) -> str:
    """``bagland --audience management``: the TRs' bagland over all TRs, or why nothing is shown."""
    words = texts(lang)
    if overview["suppressed"]:
        return words.t("terminal.bagland_suppressed", k=k)
    rows = [
        (words.t("terminal.trs"), _number(overview["trs"], lang)),
        (words.t("terminal.median_coverage"), share_text(overview["median_coverage"], lang)),
        (flag_name("weak_bagland", lang), f"{_number(overview['weak_bagland'], lang)} ({share_text(overview['weak_bagland_share'], lang)})"),
        (flag_name("no_management_tie", lang), f"{_number(overview['no_management_tie'], lang)} ({share_text(overview['no_management_tie_share'], lang)})"),
    ]
    header = [words.t("terminal.figure"), words.t("terminal.value")]
    return text_table(pd.DataFrame(rows, columns=header), numbers=header[1:])


def _number(value, lang: str) -> str:
    return format_number(value, lang)


def share_text(value, lang: str) -> str:
    """A share as a whole percentage; one decimal under 10 % so that small shares do not read as 0."""
    if value is None or pd.isna(value):
        return format_number(None, lang)
    return format_number(value, lang, percent=True, digits=1 if 0 < value < 0.1 else None)


def text_table(table: pd.DataFrame, numbers=()) -> str:
    """``table`` as aligned text: words to the left, the ``numbers`` columns to the right."""
    cells = table.astype("object").where(table.notna(), "").astype(str)
    widths = {column: max([len(str(column)), *cells[column].str.len()]) for column in cells}

    def line(values, columns) -> str:
        return "  ".join(value.rjust(widths[c]) if c in numbers else value.ljust(widths[c]) for value, c in zip(values, columns)).rstrip()

    columns = list(cells.columns)
    return "\n".join([line([str(c) for c in columns], columns), *(line(list(row), columns) for row in cells.itertuples(index=False))])
