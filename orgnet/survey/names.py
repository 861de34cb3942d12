"""Names as people type them, reduced to keys that compare.

A respondent writes ``Søren Aagaard`` for ``Søren Ågård``, ``Hansen, Mette``, ``jens-peter``,
``J.P. Møller``, ``KB Hansen``, ``Tove L.`` or ``Lis`` for ``Lisbeth``, sometimes with a role
and a place (``Bo (leder Solsikken)``). Unicode normalisation alone leaves ``ø`` and ``æ``
intact, so Danish letters are folded by hand, both ways: ``å``, ``aa`` and ``a`` become ``a``;
``ø``, ``oe`` and ``o`` become ``o``; ``æ`` and ``ae`` become ``ae``.
"""

from __future__ import annotations

import re
import unicodedata

# Danish (and a few common) short forms → the full first name, both folded. Only forms that
# name one full name; a form that could be several names (``Bo``) is left out on purpose.
NICKNAMES = {
    "lis": "lisbeth", "lisbet": "lisbeth", "grethe": "margrethe", "chris": "christian", "kris": "kristoffer",
    "frede": "frederik", "freddy": "frederik", "stine": "kirstine", "tine": "christine", "vibse": "vibeke",
    "bitten": "birgitte", "gitte": "birgitte", "mike": "michael", "micki": "michael", "tom": "thomas",
    "nick": "nikolaj", "lotte": "charlotte", "sanne": "susanne", "pelle": "per", "kalle": "karl", "dorte": "dorthe",
    "bibi": "birthe", "benny": "bent", "steffe": "steffen",
}

# How a role is typed next to a name (folded) → the roster's role code (orgnet's people table:
# leader, tr, safety_rep, employee). A roster that writes the Danish word is read the same way.
ROLE_WORDS = {
    "leder": "leader", "afdelingsleder": "leader", "institutionsleder": "leader", "daglig leder": "leader", "chef": "leader",
    "forstander": "leader", "leader": "leader", "manager": "leader", "tr": "tr", "tillidsrepraesentant": "tr",
    "tillidsmand": "tr", "amr": "safety_rep", "arbejdsmiljorepraesentant": "safety_rep", "sikkerhedsrepraesentant": "safety_rep",
    "safety rep": "safety_rep", "safety representative": "safety_rep", "medarbejder": "employee", "employee": "employee",
}
_PLACE_WORDS = ("fra", "pa", "i", "from", "at")  # "leder i Solsikken", folded
_VOWELS = set("aeiouy")

_PUNCTUATION = re.compile(r"[\-‐–—_.'’`\"/]+")
_SPACES = re.compile(r"\s+")
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)\s*$")


def fold(text: str) -> str:
    """Lower case, Danish letters folded both ways, accents dropped, punctuation as spaces.

    >>> fold("Søren Ågård") == fold("Soeren Aagaard") == fold("soren agard")
    True
    """
    text = unicodedata.normalize("NFC", str(text)).lower()
    text = text.replace("å", "a").replace("ø", "o").replace("æ", "ae")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _PUNCTUATION.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    # aa → a and oe → o after å and ø are gone, so that Aagaard and Ågård meet at "agard"
    return text.replace("aa", "a").replace("oe", "o")


def split_place(text: str) -> tuple[str, str | None]:
    """``"Mette Hansen (Kærholm)"`` → ``("Mette Hansen", "Kærholm")``; ``"Lone fra Kærholm"`` alike."""
    text = _SPACES.sub(" ", str(text)).strip()
    match = _PARENTHESIS.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), match.group(1).strip() or None
    for word in (" fra ", " på ", " i ", " from ", " at "):
        head, found, tail = text.partition(word)
        if found and head.strip() and tail.strip():
            return head.strip(), tail.strip()
    return text, None


def name_key(text: str) -> str:
    """The folded name in first-name-first order: ``"Hansen, Mette"`` → ``"mette hansen"``."""
    return fold(first_name_first(text))


def first_name_first(text: str) -> str:
    """``"Hansen, Mette"`` → ``"Mette Hansen"``, as typed otherwise (case kept, for :func:`initials`)."""
    text = str(text)
    if text.count(",") == 1:
        last, first = text.split(",")
        if last.strip() and first.strip():
            text = f"{first.strip()} {last.strip()}"
    return text


def initials(typed: str, key: str) -> list[str]:
    """The first names as initials, if that is how ``typed`` gives them; else ``[]``.

    ``J.P. Møller`` and ``K Nielsen`` (one letter first), ``KB Hansen`` (two or three capitals in
    a name that is not all capitals) and ``kb hansen`` (no vowel: not a first name) are initials,
    each letter the start of one first name; words after them are further first names
    (``K. Bjarne Hansen``). ``Bo Hansen`` is not: ``Bo`` is a name.
    """
    words = key.split()
    if len(words) < 2:
        return []
    first, middle = words[0], words[1:-1]
    if len(first) == 1:
        return [first, *middle]
    if not 2 <= len(first) <= 3:
        return []
    raw = first_name_first(typed).split()
    in_capitals = bool(raw) and raw[0].isupper() and raw[0].isalpha() and not str(typed).isupper()
    if in_capitals or not (set(first) & _VOWELS):
        return [*first, *middle]
    return []


def role_and_place(text: str) -> tuple[set[str], str]:
    """``"leder Solsikken"`` → ``({"leader"}, "solsikken")``: the roles named, and the rest as a place key."""
    words = place_key(text).split()
    roles: set[str] = set()
    rest: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if pair in ROLE_WORDS:
            roles.add(ROLE_WORDS[pair])
            i += 2
        elif words[i] in ROLE_WORDS:
            roles.add(ROLE_WORDS[words[i]])
            i += 1
        else:
            rest.append(words[i])
            i += 1
    while rest and rest[0] in _PLACE_WORDS:
        rest = rest[1:]
    return roles, " ".join(rest)


def role_code(value: object) -> str | None:
    """A roster's role value as a code of :data:`ROLE_WORDS` (``Leder`` → ``leader``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    folded = fold(value)
    return ROLE_WORDS.get(folded, folded)


def place_key(text: str) -> str:
    """A unit or organisation name folded, commas as spaces: ``Værkstedet, dag og aften`` → ``vaerkstedet dag og aften``."""
    return " ".join(fold(text).replace(",", " ").split())


def first_name(key: str) -> str:
    """The canonical first name of a folded name key (short forms expanded)."""
    first = key.split(" ", 1)[0] if key else ""
    return NICKNAMES.get(first, first)


def parts(key: str) -> tuple[str, str, tuple[str, ...]]:
    """(first, last, middle names) of a folded key; a one-word key is a first name only."""
    words = key.split()
    if not words:
        return "", "", ()
    if len(words) == 1:
        return words[0], "", ()
    return words[0], words[-1], tuple(words[1:-1])
