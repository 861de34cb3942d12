"""orgnet's codes as words of the catalogue (:mod:`orgnet.texts`) — flags, columns, attribute
values — and numbers written the way a reader of each language writes them."""

from __future__ import annotations

from orgnet.texts import LANGUAGES, catalogue
from orgnet.texts import texts as catalogue_texts
from orgnet.values import is_missing

__all__ = ["LANGUAGES", "column_name", "flag_name", "format_number", "local", "value_name"]

# The attributes whose known values have names in the catalogue (``value.<attribute>.<code>``).
# Other values are the data's own words and stay as they are.
NAMED_VALUES = ("role", "level", "gender")


def value_names(lang: str) -> dict[str, dict[str, str]]:
    """attribute → code → the value's name in ``lang``, for the attributes orgnet knows."""
    entries = catalogue(lang)
    return {attribute: {key.rsplit(".", 1)[1]: entries[key] for key in entries if key.startswith(f"value.{attribute}.")} for attribute in NAMED_VALUES}


def flag_name(code: str, lang: str) -> str:
    """A flag code as a reader of ``lang`` reads it (``weak_bagland`` → ``svagt bagland``)."""
    key = f"flag.{code}.name"
    return catalogue_texts(lang).t(key) if key in catalogue_texts(lang) else code


def column_name(column: str, lang: str) -> str:
    """A column or attribute name in ``lang``: orgnet's own names translated, the user's as given."""
    from orgnet.flags.rules import FLAGS

    if column in FLAGS:
        return flag_name(column, lang)
    if column.startswith("share_") and column.removeprefix("share_") in FLAGS:
        return catalogue_texts(lang).t("column.share_of_flag", flag=flag_name(column.removeprefix("share_"), lang))
    if lang == "en":
        return column
    entries = catalogue(lang)
    for key in (f"column.{column}", f"report.{column}"):
        if key in entries:
            return entries[key]
    return column


def value_name(attribute: str, value, lang: str) -> str:
    """A value of ``attribute`` in ``lang`` (``level`` ``top`` → ``topleder``); unknown values as given."""
    if is_missing(value) or value == "(missing)":
        return catalogue(lang)["report.missing"]
    if lang == "en":
        return str(value)
    return value_names(lang).get(attribute, {}).get(str(value), str(value))


def babel_locale(lang: str) -> str:
    """The CLDR locale that writes ``lang``'s numbers and lists (``da_DK``), from the catalogue."""
    return catalogue(lang)["language.locale"]


def format_number(value, lang: str, *, digits: int | None = None, percent: bool = False) -> str:
    """A number as a reader of ``lang`` writes it: ``1.170`` and ``0,41`` in Danish,
    ``1,170`` and ``0.41`` in English; ``—`` for a missing value.

    ``digits`` fixes the decimals (default: integers as integers, other numbers with up to 4
    decimals); ``percent`` shows a share as a percentage (``14,5 %``). Babel's CLDR data decides
    separators and the percent sign's spacing, so they are right per locale.
    """
    from babel import Locale
    from babel.numbers import format_decimal, format_percent

    if is_missing(value):
        return "—"
    locale = babel_locale(lang)
    if percent:
        pattern = Locale.parse(locale).percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
        return format_percent(value, format=pattern, locale=locale)
    if digits is None:
        if float(value).is_integer():
            return format_decimal(int(value), format="#,##0", locale=locale)
        return format_decimal(value, format="#,##0.####", locale=locale)
    return format_decimal(value, format="#,##0" + ("." + "0" * digits if digits else ""), locale=locale)


class LocalNumber:
    """A number that formats itself the way a reader of ``lang`` writes it, in ``str.format``
    templates such as the flag reasons (``{value:.3f}``, ``{value:.0%}``, ``{value}``).

    English is exactly Python's own formatting; Danish swaps the decimal point and the
    thousands separator and puts a space before ``%`` (``0,600``, ``50 %``, ``1.170``).
    """

    def __init__(self, value, lang: str):
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if self.lang == "en":
            return format(self.value, spec)
        if not spec:
            return format_number(self.value, self.lang)
        text = format(self.value, spec).translate(_DANISH_SEPARATORS)
        return text[:-1] + "\u00a0%" if spec.endswith("%") else text

    def __str__(self) -> str:
        return self.__format__("")


_DANISH_SEPARATORS = str.maketrans({",": ".", ".": ","})


def local(value, lang: str):
    """``value`` wrapped as a :class:`LocalNumber` when it is a number, else as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or is_missing(value):
        return value
    return LocalNumber(value, lang)
