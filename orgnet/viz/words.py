"""The graph's codes as words, from the catalogue (``graph.*`` in ``orgnet/texts/<lang>/graph.toml``).

orgnet's own codes — attributes, the values of role, level and gender, layers, the relations
orgnet knows by name, metrics, severities — become words in the reader's language; what the
user wrote (her names, units, attributes and relations of her own) stays as she wrote it.
"""

from __future__ import annotations

from orgnet.config import DEFAULT_RELATION_KINDS, KINDS
from orgnet.i18n import NAMED_VALUES, column_name
from orgnet.layers import SCOPE_TERMS, layer_name
from orgnet.texts import texts
from orgnet.viz.style import MISSING, OTHER_LABEL

RELATION_PREFIX = "relation:"  # a value of the page's layer menu that is one relation, not a kind or scope


def word(lang: str, key: str, default: str | None = None, **fields) -> str:
    """The catalogue's ``key`` in ``lang``, or ``default`` (else the key's last part) when it has none."""
    catalogue = texts(lang)
    if key in catalogue:
        return catalogue.t(key, **fields)
    return default if default is not None else key.rsplit(".", 1)[-1]


def attribute_word(attribute: str, lang: str) -> str:
    """``level`` → ``niveau``; an attribute of the user's own as she named it."""
    return word(lang, f"graph.attribute.{attribute}", column_name(attribute, lang))


def value_word(attribute: str, value: str, lang: str) -> str:
    """A value as the legend and the menus show it: orgnet's codes as words (in English too:
    ``first_line`` → ``department leader``), communities numbered, the user's values as written."""
    if value == MISSING:
        return word(lang, "graph.missing")
    if value == OTHER_LABEL:
        return word(lang, "graph.other")
    if attribute == "flag":
        return word(lang, f"graph.severity.{value}", value)
    if attribute == "community":
        return word(lang, "graph.community", number=value)
    if attribute in NAMED_VALUES:
        return word(lang, f"value.{attribute}.{value}", value)
    return value


def metric_word(metric: str, lang: str) -> str:
    return word(lang, f"graph.metric.{metric}", column_name(metric, lang))


def relation_word(relation: str, lang: str) -> str:
    """A relation orgnet knows by name (``network_group``) as a word; the user's own as written."""
    return word(lang, f"graph.relation.{relation}", relation) if relation in DEFAULT_RELATION_KINDS else relation


def layer_word(spec: str, lang: str) -> str:
    """A layer as words: ``informal+external`` → ``uformelle eksterne forbindelser``; a layer of
    relations names each (``advice+friendship`` → ``råd + venskab``)."""
    key = f"graph.layer.{layer_name(spec)}"
    if key in texts(lang):
        return texts(lang).t(key)
    terms = [term.strip() for term in spec.split("+") if term.strip()]
    return " + ".join(word(lang, f"graph.term.{term}") if term in (*KINDS, *SCOPE_TERMS) else relation_word(term, lang) for term in terms)
