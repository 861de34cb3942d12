"""The what-if, key-player and two-wave pages' and tables' names for their columns, figures and
layers; the words are the catalogue's (``scenarios.*`` in :mod:`orgnet.texts`)."""

from __future__ import annotations

from orgnet.i18n import flag_name
from orgnet.texts import texts

_LAYER_PARTS = {
    "internal": "internal",
    "external": "external",
    "formal": "formal",
    "informal": "informal",
    "informal_external": "informal+external",
}


def text(key: str, lang: str) -> str:
    return texts(lang).t(f"scenarios.text.{key}")


def _word(section: str, name: str, lang: str) -> str | None:
    """The catalogue's word for ``name`` in ``scenarios.<section>``, or None."""
    key = f"scenarios.{section}.{name.replace('+', '_')}"
    return texts(lang).t(key) if key in texts(lang) else None


def label(name, lang: str) -> str:
    """A column, figure or layer name in the reader's language; an unknown name as it is."""
    name = str(name)
    known = _word("label", name, lang)
    if known is not None:
        return known
    if name.startswith("flag:"):
        # "flag: thin" in English, as the tables' codes; the flag's name in Danish
        return "flag: " + (name[5:] if lang == "en" else flag_name(name[5:], lang))
    suffix_of = lambda suffix: _word("suffix", suffix, lang)  # noqa: E731
    if name.startswith("unit_"):
        return f"{_word('label', 'unit', lang)}, {suffix_of(name[5:])}" if suffix_of(name[5:]) else name
    stem, _, suffix = name.rpartition("_")
    if suffix_of(suffix) and stem:
        return f"{_metric(stem, lang)}, {suffix_of(suffix)}"
    return _metric(name, lang)


def _metric(stem: str, lang: str) -> str:
    part = _word("part", stem, lang)
    if part is not None:
        return part
    if stem.startswith("degree_") and stem[7:] in _LAYER_PARTS:
        return f"{_word('part', 'degree', lang)} ({_word('label', _LAYER_PARTS[stem[7:]], lang)})"
    return _word("label", stem, lang) or stem
