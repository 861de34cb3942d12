"""The words the report, the management report and the terminal tables write for orgnet's codes.

A value of an attribute orgnet knows (``level`` ``first_line``, ``role`` ``safety_rep``,
``gender`` ``m``) is written as the catalogue names it (``value.<attribute>.<code>``) in *both*
languages; a missing value as the catalogue's "(not given)"; any other value is the user's own
word and is written as she wrote it.
"""

from __future__ import annotations

from orgnet.compare import MISSING
from orgnet.texts import texts
from orgnet.values import is_missing as missing_value


def is_missing(value) -> bool:
    """A missing value, or the comparisons' own mark for one."""
    return missing_value(value) or value == MISSING


def value_label(attribute: str, value, lang: str) -> str:
    """``value`` of ``attribute`` as a reader of ``lang`` reads it (``first_line`` → ``afdelingsleder``)."""
    words = texts(lang)
    if is_missing(value):
        return words.t("report.missing")
    key = f"value.{attribute}.{value}"
    return words.t(key) if key in words else str(value)


def attribute_label(attribute: str, lang: str) -> str:
    """An attribute's name (``level`` → ``niveau``); an attribute orgnet does not know as written."""
    words = texts(lang)
    key = f"report.{attribute}"
    return words.t(key) if key in words and isinstance(words.entries[key], str) else attribute
