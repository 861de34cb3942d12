"""The flags as the terminal lists them: one line per person × flag, then a count per flag.

English keeps orgnet's codes (``thin``, ``high``), as the CSV files do, so a listing can be
searched for them; Danish names every code and column with the catalogue's words.
"""

from __future__ import annotations

import pandas as pd

from orgnet.i18n import column_name, flag_name, format_number
from orgnet.texts import texts

SHOWN = ["id", "name", "flag", "severity", "reason"]


def flag_listing(table: pd.DataFrame, lang: str) -> str:
    """The flags table as text for the terminal, with a last line counting each flag."""
    words = texts(lang)
    if not len(table):
        return words.t("listing.none_flagged")
    counts = table["flag"].value_counts()
    shown = table[SHOWN]
    if lang != "en":
        shown = shown.assign(flag=shown["flag"].map(lambda code: flag_name(code, lang)),
                             severity=shown["severity"].map(lambda code: words.t(f"severity.{code}")))
        shown = shown.rename(columns={column: column_name(column, lang) for column in SHOWN})
    if lang == "en":  # codes and Python's numbers, as the English listing always was
        summary = ", ".join(f"{flag} {count}" for flag, count in counts.items())
    else:
        summary = ", ".join(f"{flag_name(flag, lang)} {format_number(int(count), lang)}" for flag, count in counts.items())
    return f"{shown.to_string(index=False)}\n\n{words.t('listing.summary', n=len(table), summary=summary)}"
