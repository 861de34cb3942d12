"""Names as people type them, reduced to keys that compare.

A respondent writes ``Søren Aagaard`` for ``Søren Ågård``, ``Hansen, Mette``, ``jens-peter``,
``J.P. Møller`` or ``Lis`` for ``Lisbeth``. Unicode normalisation alone leaves ``ø`` and ``æ``
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
    text = str(text)
    if text.count(",") == 1:
        last, first = text.split(",")
        if last.strip() and first.strip():
            text = f"{first} {last}"
    return fold(text)


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
