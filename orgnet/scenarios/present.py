"""How the what-if, key-player and two-wave tables are shown: their column and row names, each
cell as the reader of a language writes it, whether a change is good or bad for the network,
a scenario's name from what it does, and a table for the terminal.

Every word is the catalogue's (``scenarios.*`` in :mod:`orgnet.texts`, flag names ``flag.*``,
attribute values through :func:`orgnet.i18n.value_name`); this module only chooses the key. The
tables themselves (:mod:`~orgnet.scenarios.whatif`, :mod:`~orgnet.scenarios.diff`) hold codes
and numbers.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from babel.lists import format_list

from orgnet.i18n import babel_locale, column_name, flag_name, format_number, value_name
from orgnet.scenarios.changes import Scenario
from orgnet.selection import parse_conditions
from orgnet.texts import texts

# Shares shown as percentages.
PERCENT = {"largest_component_share", "coverage_before", "coverage_after", "coverage_change", "share_gained"}

# Whether more of a figure or column is better (+1) or worse (−1) for the network; a name not
# here (people, betweenness, the E–I index) is neither, and its change is not coloured.
BETTER = {
    "ties": 1,
    "components": -1,
    "largest_component_share": 1,
    "isolates": -1,
    "density_all": 1,
    "density_formal": 1,
    "density_informal": 1,
    "density_internal": 1,
    "density_external": 1,
    "mean_distance": -1,
    "mean_reach2": 1,
    "mean_reach3": 1,
    "degree": 1,
    "degree_internal": 1,
    "degree_external": 1,
    "degree_formal": 1,
    "degree_informal": 1,
    "degree_informal_external": 1,
    "constraint": -1,  # Burt: the less one's contacts are tied to each other, the more one brokers
    "coverage": 1,
    "mean": 1,  # a group's mean change in informal external contacts
    "resolved": 1,
    "new": -1,
    "lost_reach2": -1,
    "lost_reach3": -1,
}
# Columns coloured besides the changes: how many flags were resolved or are new, reach lost.
TONED = ("resolved", "new", "lost_reach2", "lost_reach3")

# Columns whose cells are orgnet's codes, shown as words.
FLAG_LISTS = ("new_flags", "resolved_flags", "persisting_flags")


def t(key: str, lang: str, n=None, **fields) -> str:
    """The catalogue's ``scenarios.<key>`` in ``lang``."""
    return texts(lang).t(f"scenarios.{key}", n, **fields)


def _entry(section: str, name: str, lang: str) -> str | None:
    key = f"scenarios.{section}.{name.replace('+', '_')}"
    return texts(lang).t(key) if key in texts(lang) else None


def label(name, lang: str) -> str:
    """A column, figure or layer name in the reader's language; a name orgnet does not know
    (the user's own column, a wave's folder name) as it is."""
    name = str(name)
    known = _entry("label", name, lang)
    if known is not None:
        return known
    if name.startswith("flag:"):
        return t("label.flag_figure", lang, flag=flag_name(name[5:], lang))
    stem, _, suffix = name.rpartition("_")
    suffix_word = _entry("suffix", suffix, lang)
    if stem and suffix_word:
        what = _entry("part", stem, lang) or _entry("label", stem, lang)
        if what:
            return t("label.with_suffix", lang, what=what, suffix=suffix_word)
    return _entry("part", name, lang) or name


def better(name: str) -> int:
    """+1 when more of ``name`` (a figure, or a column such as ``degree_change``) is better, −1
    when it is worse, 0 when it is neither."""
    name = str(name)
    if name.startswith("flag:"):
        return -1  # more people flagged is worse, whichever flag
    return BETTER.get(name.removesuffix("_change"), 0)


def tone(name: str, change) -> str:
    """``good``, ``bad`` or ``""``: how a change of ``change`` in ``name`` is for the network."""
    if change is None or isinstance(change, (bool, np.bool_)) or not isinstance(change, (int, float, np.number)):
        return ""
    if pd.isna(change) or math.isclose(float(change), 0.0, abs_tol=1e-12):
        return ""
    direction = better(name) * (1 if change > 0 else -1)
    return "good" if direction > 0 else "bad" if direction < 0 else ""


def is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def word(column: str, value, lang: str):
    """A cell whose value is one of orgnet's codes as the word for it; anything else unchanged.

    Flag codes (and lists of them), layers, figure names, role and level values, the row of
    people in no group; the user's own values (names, units, organisations) as she wrote them.
    """
    from orgnet.scenarios.diff import NON_MEMBERS

    column = str(column)
    if is_missing(value):
        return value
    if column in FLAG_LISTS:
        return ", ".join(flag_name(code, lang) for code in str(value).split(", ") if code)
    if column == "flag":
        return flag_name(str(value), lang)
    if column in ("figure", "layer"):
        return label(value, lang)
    if column == "kind":
        return t(f"kind.{value}", lang)
    if column in ("role", "level", "gender"):
        return value_name(column, value, lang)
    if column == "group" and value == NON_MEMBERS:
        return t("label.not_in_group", lang)
    if isinstance(value, (bool, np.bool_)):
        return t("text.yes" if value else "text.no", lang)
    return value


def cell(column: str, value, lang: str, *, signed: bool = False) -> str:
    """One value as the reader of ``lang`` writes it (``0,41``, ``1.170``, ``14,5 %``, words for
    codes); ``signed`` writes a change with its sign (``+8``, ``-631``)."""
    value = word(column, value, lang)
    if is_missing(value):
        return "—"
    if isinstance(value, (int, float, np.integer, np.floating)):
        text = _number(str(column), value, lang)
        return f"+{text}" if signed and value > 0 and text.strip("0,.% \xa0\u202f") else text
    return str(value)


def _number(column: str, value, lang: str) -> str:
    if column in PERCENT:
        return format_number(float(value), lang, digits=1, percent=True)
    if float(value).is_integer():
        return format_number(int(value), lang)
    size = abs(float(value))
    if column.startswith("density_") and size < 0.001:  # a density's tiny change with two significant digits (−0,000012)
        return format_number(float(value), lang, digits=min(8, 1 - math.floor(math.log10(size))))
    digits = 4 if size < 0.1 else 3
    return format_number(float(value) if round(float(value), digits) else 0.0, lang, digits=digits)  # never −0,0000


def is_change(column) -> bool:
    """A column of changes (``change``, ``degree_change``, ``coverage_change``), written with its sign."""
    return str(column) == "change" or str(column).endswith("_change")


def worded(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with its index as a column, codes as words and column names in ``lang``:
    what the workbook holds (numbers stay numbers)."""
    frame = frame.reset_index() if frame.index.name else frame.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]) or pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = [word(column, value, lang) for value in frame[column]]
    names = [label(column, lang) for column in frame.columns]
    frame.columns = _unique(names)
    return frame


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def terminal_table(frame: pd.DataFrame, lang: str, *, figure_rows: bool = False) -> str:
    """``frame`` as aligned text: names in ``lang``, numbers as its reader writes them, codes as words.

    With ``figure_rows``, each row's numbers are formatted by the row's figure (a share as a
    percentage), as on the page.
    """
    frame = frame.reset_index() if frame.index.name else frame
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in frame.columns]
    rows = [[label(column, lang) for column in frame.columns]]
    for record in frame.itertuples(index=False):
        key = str(record[0]) if figure_rows else None
        rows.append(
            [
                cell(key if key and number else column, value, lang, signed=is_change(column))
                for column, value, number in zip(frame.columns, record, numeric)
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(frame.columns))]
    lines = [
        "  ".join(
            text.rjust(width) if number else text.ljust(width) for text, width, number in zip(row, widths, numeric)
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def and_list(items, lang: str) -> str:
    """``A, B og C`` / ``A, B and C``."""
    items = [str(item) for item in items]
    return format_list(items, locale=babel_locale(lang)) if items else ""


def or_list(items, lang: str) -> str:
    items = [str(item) for item in items]
    return format_list(items, style="or", locale=babel_locale(lang)) if items else ""


MOST_NAMED = 4  # a removal of more people names the first three and counts the rest


def scenario_title(scenario: Scenario, people: pd.DataFrame | None, lang: str) -> str:
    """A scenario's name from what it does, in ``lang``: ``Fusion: A og B → C``,
    ``Alle med employer amt stopper``, ``Anne Holm flytter til Bostedet Næsset``."""
    parts = []
    if scenario.remove:
        names = [_person(person, people) for person in dict.fromkeys(scenario.remove)]
        shown = names if len(names) <= MOST_NAMED else [*names[:3], t("change.others", lang, n=len(names) - 3)]
        parts.append(t("change.remove", lang, n=len(names), people=and_list(shown, lang)))
    for text in scenario.remove_where:
        (condition,) = parse_conditions([text])
        values = [value_name(condition.attribute, value, lang) for value in condition.values]
        parts.append(
            t(
                "change.remove_where_not" if condition.negated else "change.remove_where",
                lang,
                attribute=column_name(condition.attribute, lang),
                values=or_list(values, lang),
            )
        )
    for sources, target in scenario.merge:
        parts.append(t("change.merge", lang, sources=and_list(sources, lang), target=target))
    for person, place in scenario.move:
        parts.append(t("change.move", lang, person=_person(person, people), place=place))
    return "; ".join(parts)


def changes_table(scenario: Scenario, people: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """One row per change of ``scenario``: its kind (a code) and what it does, in ``lang``."""
    rows = []
    for kind in ("remove", "remove_where", "merge", "move"):
        value = getattr(scenario, kind)
        if not value:
            continue
        items = [value] if kind == "remove" else [(item,) for item in value]
        for item in items:
            one = Scenario(scenario.name, **{kind: tuple(item)})
            rows.append({"kind": kind, "change": scenario_title(one, people, lang)})
    return pd.DataFrame(rows, columns=["kind", "change"])


def _person(person: str, people: pd.DataFrame | None) -> str:
    if people is not None and "name" in people.columns and person in people.index and not is_missing(people.at[person, "name"]):
        return str(people.at[person, "name"])
    return person
