"""The words for the codes of the attributes orgnet knows (roles, levels), and for groups of peers.

A value orgnet does not know is the user's own word and is shown as she wrote it; a missing
value is "—" (alone) or simply "people" (in a group).
"""

from __future__ import annotations

from orgnet.texts import texts
from orgnet.values import is_missing

KNOWN_ROLES = ("leader", "tr", "safety_rep", "employee")
KNOWN_LEVELS = ("top", "middle", "first_line")


def _missing(value) -> bool:
    return is_missing(value)


def _role_key(role) -> tuple[str, dict]:
    if _missing(role):
        return "role.missing", {}
    if role in KNOWN_ROLES:
        return f"role.{role}", {}
    return "role.unknown", {"role": str(role)}


def role_label(role, lang: str) -> str:
    """A person's role, capitalised ("Leder", "Union representative (TR)")."""
    key, fields = _role_key(role)
    return texts(lang).t(f"{key}.label", **fields)


def role_plural(role, lang: str) -> str:
    """People with the role ("ledere", "people with role pedagogue")."""
    key, fields = _role_key(role)
    return texts(lang).t(f"{key}.plural", **fields)


def role_count(role, n: int, lang: str) -> str:
    """``n`` people with the role, in the right number ("1 leder", "6 ledere")."""
    key, fields = _role_key(role)
    return texts(lang).t(f"{key}.count", n=n, **fields)


def level_label(level, lang: str) -> str:
    """A level ("afdelingsniveau"); an unknown level as the data has it, a missing one as "—"."""
    if _missing(level):
        return "—"
    return texts(lang).t(f"level.{level}") if level in KNOWN_LEVELS else str(level)


def peer_group(role, level, lang: str, n: int | None = None) -> str:
    """A group of peers: "ledere på afdelingsniveau", or with ``n`` "12 ledere på afdelingsniveau"."""
    group = role_plural(role, lang) if n is None else role_count(role, n, lang)
    if _missing(level):
        return group
    return texts(lang).t("level.at", group=group, level=level_label(level, lang))


LAYER_TERMS = ("formal", "informal", "internal", "external")


def layer_label(spec: str, lang: str) -> str:
    """A layer in words ("uformel + ekstern"); a relation of the data's own as she named it."""
    words = texts(lang)
    terms = [term.strip() for term in str(spec).split("+") if term.strip()]
    if terms in (["all"], []):
        return words.t("layer.all")
    named = [layer_term_label(term, lang) for term in terms]
    label = named[0]
    for term in named[1:]:
        label = words.t("layer.joined", first=label, second=term)
    return label


def relation_label(relation, lang: str) -> str:
    """A relation in words: orgnet's own relations (``line``, ``advice`` …) from the catalogue, the
    user's own as she named them."""
    key = f"relation.{relation}"
    return texts(lang).t(key) if key in texts(lang) else str(relation)


def layer_term_label(term: str, lang: str) -> str:
    """One term of a layer: a kind or scope, one of orgnet's relations, or the user's relation."""
    return texts(lang).t(f"term.{term}") if term in LAYER_TERMS else relation_label(term, lang)
