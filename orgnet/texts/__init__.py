"""The one catalogue of every word orgnet shows a user, in English and Danish.

``texts(lang).t(key, n=…, **fields)`` is the only way in: a namespaced key (``flag.thin.name``,
``term.constraint``), a count ``n`` that chooses the plural form by the language's CLDR rule
(Babel's; ``1 kontakt``, ``2 kontakter``; ``{n}`` is the count as CLDR writes it, ``1,170`` /
``1.170``), and named fields filled in with ``str.format``, numbers written as a reader of the
language writes them (``0,41``, ``50 %``; English fields as Python writes them, as before). The entries live
in ``en/*.toml`` and ``da/*.toml`` next to this module, one file per part of orgnet (``common``,
``report``, ``groups`` …) so that a translator reads one output at a time; a key stands in one file
only. docs/i18n.md says why TOML and how a translator works; a plural entry is a table of CLDR
categories (``one``, ``other``).

Templates use the same lookup as the jinja filter ``t``: ``{{ "profile.title" | t(name=me.name) }}``
reads the language from the template's ``lang`` variable.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

import jinja2
from babel import Locale

from orgnet.errors import OrgnetError, Said

LANGUAGES = ("en", "da")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def is_plural(entry) -> bool:
    """A catalogue entry that is a table of CLDR plural categories (``other`` always among them)."""
    return isinstance(entry, dict) and "other" in entry and set(entry) <= set(PLURAL_CATEGORIES)


def flatten(tree: dict, prefix: str = "") -> dict[str, str | dict[str, str]]:
    """The TOML tree as ``{"flag.thin.name": "thin network", "count.contact": {"one": …, "other": …}}``."""
    entries = {}
    for name, entry in tree.items():
        key = f"{prefix}{name}"
        if isinstance(entry, dict) and not is_plural(entry):
            entries.update(flatten(entry, f"{key}."))
        else:
            entries[key] = entry
    return entries


@cache
def catalogue(lang: str) -> dict[str, str | dict[str, str]]:
    """Every entry of ``lang``'s catalogue files, by its dotted key."""
    check_lang(lang)
    entries: dict[str, str | dict[str, str]] = {}
    found_in: dict[str, str] = {}
    for file in catalogue_files(lang):
        for key, entry in flatten(tomllib.loads(file.read_text(encoding="utf-8"))).items():
            if key in entries:
                raise ValueError(f"orgnet/texts/{lang}/{file.name}: '{key}' is already in {found_in[key]}")
            entries[key], found_in[key] = entry, file.name
    return entries


def catalogue_files(lang: str) -> list:
    """``lang``'s catalogue files (``orgnet/texts/<lang>/*.toml``), by name."""
    folder = resources.files("orgnet.texts").joinpath(lang)
    return sorted((file for file in folder.iterdir() if file.name.endswith(".toml")), key=lambda file: file.name)


def check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise OrgnetError(Said("error.data.language", lang=lang))


class Texts:
    """One language's catalogue: :meth:`t` looks a key up, chooses the plural form, fills the fields."""

    def __init__(self, lang: str):
        self.lang = lang
        self.entries = catalogue(lang)
        self._plural = Locale.parse(lang).plural_form

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def t(self, key: str, n=None, **fields) -> str:
        """The entry ``key``; with ``n``, its plural form for ``n`` (and ``{n}`` filled in)."""
        from orgnet.i18n import format_number, local

        try:
            entry = self.entries[key]
        except KeyError:
            raise KeyError(f"no text '{key}' in the {self.lang} catalogue") from None
        if is_plural(entry):
            if n is None:
                raise TypeError(f"text '{key}' has plural forms: give n")
            entry = entry.get(self._plural(abs(n)), entry["other"])
            fields.setdefault("n", format_number(n, self.lang))  # the count as CLDR writes it: 1,170 / 1.170
        if not fields:
            return entry
        return entry.format(**{name: local(_plain(value), self.lang) for name, value in fields.items()})

    def plural_form(self, n) -> str:
        """The CLDR category of ``n`` in this language (``one``, ``other`` …)."""
        return self._plural(abs(n))


def _plain(value):
    """A numpy number as Python's own, so that it is written in the reader's way too."""
    return value.item() if hasattr(value, "item") and hasattr(value, "dtype") else value


@cache
def texts(lang: str) -> Texts:
    """The catalogue of ``lang`` ("en" or "da"); anything else is refused."""
    check_lang(lang)
    return Texts(lang)


@jinja2.pass_context
def jinja_filter(context, key: str, n=None, **fields) -> str:
    """``{{ "key" | t(n=…, field=…) }}`` in the language of the template's ``lang``."""
    return texts(context["lang"]).t(key, n, **fields)


def install(environment: jinja2.Environment) -> jinja2.Environment:
    """Give a jinja environment the ``t`` filter."""
    environment.filters["t"] = jinja_filter
    return environment
