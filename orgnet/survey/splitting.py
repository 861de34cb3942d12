"""A typed list of names ("andre, skriv navne") cut into one answer per person.

People list names with ``,`` ``;`` ``/`` ``&``, line breaks, ``og`` and ``and``; but one name can
hold a comma itself: ``Jensen, Ulla`` (surname first), ``Ulla Jensen, Lyngbakken`` (a name and
its place), ``Jensen, Ulla (Lyngbakken)``. Cutting on every comma made two answers of one
(``Jensen`` and ``Lyngbakken``, both to review). So a cut is made only where the pieces are
names: a comma is kept inside an answer when what follows it is a known place or role (a unit or
organisation of the roster, ``leder``), or when the two pieces together are a roster name written
surname first. Nothing inside parentheses is cut. The text of each answer is the text as typed,
so that ``answers.csv`` and ``matches.csv`` show what the respondent wrote.
"""

from __future__ import annotations

import re

from orgnet.survey.matching import RosterIndex
from orgnet.survey.names import split_place

SEPARATORS = re.compile(r"\s*(?:[;\n/&]|,|\bog\b|\band\b)\s*")


def split_names(text: str, index: RosterIndex) -> list[str]:
    """``"Lone og Per, Jensen, Ulla (Lyngbakken)"`` → ``["Lone", "Per", "Jensen, Ulla (Lyngbakken)"]``."""
    pieces = _pieces(text)
    if len(pieces) < 2:
        return [text] if pieces else []
    whole = index.match(text)
    if whole.method == "exact" and len(whole.ids) == 1:  # a roster name or label as written, separators and all
        return [text]
    answers, i = [], 0
    while i < len(pieces):
        j = i + 1
        if j < len(pieces) and _comma_before(pieces, j) and _surname_first(pieces[i][2], pieces[j][2], index):
            j += 1
        if j < len(pieces) and _comma_before(pieces, j):
            # the longest run of pieces that is a place: "Lone Bæk, Værkstedet, dag og aften" is one answer
            for k in range(len(pieces), j, -1):
                if index.is_qualifier(text[pieces[j][0] : pieces[k - 1][1]]):
                    j = k
                    break
        answers.append(text[pieces[i][0] : pieces[j - 1][1]])
        i = j
    return answers


def _pieces(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, the separator before it) of each non-empty piece; no cut inside parentheses."""
    unclosed = []  # "(" not yet closed before each position
    depth = 0
    for char in text:
        unclosed.append(depth)
        depth = depth + 1 if char == "(" else depth - 1 if char == ")" and depth else depth
    pieces, start, before = [], 0, ""
    for cut in SEPARATORS.finditer(text):
        if unclosed[cut.start()]:
            continue
        if text[start : cut.start()].strip():
            pieces.append((start, cut.start(), text[start : cut.start()], before))
        before = cut.group().strip()
        start = cut.end()
    if text[start:].strip():
        pieces.append((start, len(text), text[start:], before))
    return pieces


def _comma_before(pieces: list[tuple[int, int, str, str]], j: int) -> bool:
    return pieces[j][3] == ","


def _surname_first(surname: str, rest: str, index: RosterIndex) -> bool:
    """``Jensen`` + ``Ulla (Lyngbakken)``: one word, then first names that make a roster name with it."""
    first, _ = split_place(rest)
    if len(surname.split()) != 1 or not first.strip():
        return False
    return index.match(f"{surname.strip()}, {first.strip()}").method in ("exact", "folded")
