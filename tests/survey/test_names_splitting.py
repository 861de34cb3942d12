"""A typed list of names cut only where the pieces are names (orgnet/survey/splitting.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.survey.matching import RosterIndex
from orgnet.survey.splitting import split_names

ROSTER = pd.DataFrame(
    {
        "name": ["Ulla Jensen", "Per Hansen", "Lone Bæk", "Mette Hansen", "Mette Hansen", "Bo Holm", "Tina Berg"],
        "organisation": ["Lyngbakken", "Lyngbakken", "Kærholm", "Kærholm", "Solsikken", "Solsikken", "Vesterå"],
        "unit": ["Hus 1", "Hus 2", "Værkstedet, dag og aften", "Hus A", "Børnehaven", "Børnehaven", "Skolen"],
        "role": ["employee", "employee", "employee", "employee", "employee", "leader", "employee"],
    },
    index=pd.Index(["uj", "ph", "lb", "mk", "ms", "bh", "tb"], name="id"),
)
INDEX = RosterIndex(ROSTER)


@pytest.mark.parametrize(
    ("typed", "answers"),
    [
        # one name holding a comma stays one answer (issue 20: these became "Jensen" and "Lyngbakken")
        ("Jensen, Ulla (Lyngbakken)", ["Jensen, Ulla (Lyngbakken)"]),
        ("Ulla Jensen, Lyngbakken", ["Ulla Jensen, Lyngbakken"]),
        ("Hansen, Mette", ["Hansen, Mette"]),  # two Mette Hansen: not one person, but one name
        ("Lone Bæk, Værkstedet, dag og aften", ["Lone Bæk, Værkstedet, dag og aften"]),  # a unit holding a comma and "og"
        ("Bo (leder, Solsikken)", ["Bo (leder, Solsikken)"]),  # no cut inside parentheses
        ("Bo, leder, Solsikken", ["Bo, leder, Solsikken"]),
        # lists are still cut
        ("Lone og Per, Jensen, Ulla (Lyngbakken)", ["Lone", "Per", "Jensen, Ulla (Lyngbakken)"]),
        ("Ulla Jensen, Lyngbakken; Per Hansen", ["Ulla Jensen, Lyngbakken", "Per Hansen"]),
        ("Hansen, Mette, Per Hansen", ["Hansen, Mette", "Per Hansen"]),
        ("Lone Bæk, Værkstedet, dag og aften og Per Hansen", ["Lone Bæk, Værkstedet, dag og aften", "Per Hansen"]),
        ("Bo (leder, Solsikken) & Tina Berg Vesterå", ["Bo (leder, Solsikken)", "Tina Berg Vesterå"]),
        ("Lone fra Kærholm og Ida Fenger", ["Lone fra Kærholm", "Ida Fenger"]),
        ("Per/Lone\nUlla", ["Per", "Lone", "Ulla"]),
        ("Per;;Lone;", ["Per", "Lone"]),
        # before: the whole cell was "Ulla ... Jensen" with middle names left out, so Per Hansen was lost unseen
        ("Jensen, Ulla (Lyngbakken); Per Hansen", ["Jensen, Ulla (Lyngbakken)", "Per Hansen"]),
    ],
)
def test_split_only_where_the_pieces_are_names(typed, answers):
    assert split_names(typed, INDEX) == answers


@pytest.mark.parametrize(
    ("typed", "answers"),
    [
        ("Per, Lone", ["Per", "Lone"]),  # two first names: no roster person "Lone Per"
        ("Jensen, Per", ["Jensen", "Per"]),  # no Per Jensen on the roster: surname first only when it is a roster name
        ("Ulla Jensen, Hjemmeplejen", ["Ulla Jensen", "Hjemmeplejen"]),  # not a place of the roster: a piece of its own, to review
        ("Ulla Jensen, leder", ["Ulla Jensen, leder"]),  # a role is kept with the name
    ],
)
def test_a_comma_is_kept_only_for_a_known_place_role_or_surname_first(typed, answers):
    assert split_names(typed, INDEX) == answers


def test_the_answers_kept_whole_match_one_person():
    assert [(INDEX.match(a).method, INDEX.match(a).id) for a in split_names("Jensen, Ulla (Lyngbakken); Ulla Jensen, Lyngbakken", INDEX)] == [
        ("unit", "uj"), ("unit", "uj")]
