"""Names folded and matched to the roster: each method on its own, and what is never guessed."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.survey.matching import RosterIndex
from orgnet.survey.names import fold, name_key, split_place

ROSTER = pd.DataFrame(
    {
        "name": ["Søren Ågård", "Mette Hansen", "Mette Hansen", "Jens Peter Møller", "Lisbeth Kjær", "Lone Bæk", "Lone Thomsen", "Kristine Frederiksen"],
        "organisation": ["Kærholm", "Kærholm", "Solsikken", "Kærholm", "Kærholm", "Kærholm", "Solsikken", "Kærholm"],
        "unit": ["Hus A", "Hus A", "Børnehaven", "Hus B", "Hus B", "Hus B", "Børnehaven", "Hus A"],
    },
    index=pd.Index(["k1", "k2", "s2", "k3", "k4", "k5", "s5", "k6"], name="id"),
)
INDEX = RosterIndex(ROSTER)


@pytest.mark.parametrize("typed", ["Søren Ågård", "Soeren Aagaard", "soren agard", "SØREN  ÅGÅRD", "Ågård, Søren", "Søren Aagård"])
def test_danish_letters_fold_both_ways(typed):
    assert name_key(typed) == "soren agard"


def test_unicode_normalisation_alone_would_leave_o_slash():
    import unicodedata

    assert unicodedata.normalize("NFKD", "ø") == "ø"  # why fold() maps it by hand
    assert fold("Bjørn Ærø") == fold("Bjoern Aeroe") == fold("bjorn aero") == "bjorn aero"


def test_split_place():
    assert split_place("Mette Hansen (Børnehaven)") == ("Mette Hansen", "Børnehaven")
    assert split_place("Lone fra Kærholm") == ("Lone", "Kærholm")
    assert split_place("Søren Ågård") == ("Søren Ågård", None)


@pytest.mark.parametrize(
    ("typed", "method", "person"),
    [
        ("Søren Ågård (Hus A)", "exact", "k1"),
        ("Soeren Aagaard", "folded", "k1"),
        ("jens-peter møller", "folded", "k3"),
        ("J.P. Møller", "folded", "k3"),
        ("Jens Møller", "folded", "k3"),
        ("Lis Kjaer", "folded", "k4"),
        ("Kristine Frederiksn", "fuzzy", "k6"),
        ("Lone fra Solsikken", "unit", "s5"),
        ("Mette Hansen (Børnehaven)", "exact", "s2"),
    ],
)
def test_each_method(typed, method, person):
    result = INDEX.match(typed)
    assert (result.method, result.id) == (method, person)


def test_a_namesake_is_decided_by_the_respondents_unit_or_goes_to_review():
    result = INDEX.match("Mette Hansen")
    assert result.needs_context and result.id is None
    assert (INDEX.resolve(result, "k6").method, INDEX.resolve(result, "k6").id) == ("unit", "k2")  # same unit
    assert INDEX.resolve(result, "s5").id == "s2"  # same organisation
    assert INDEX.resolve(result, None).method == "ambiguous"
    assert INDEX.resolve(result, None).candidates == ["k2", "s2"]


def test_a_first_name_alone_is_never_guessed_outside_the_unit():
    lone = INDEX.match("Lone")
    assert lone.method == "ambiguous" and lone.candidates == ["k5", "s5"]
    assert INDEX.resolve(lone, "k4").id == "k5"  # one Lone in Hus B
    kristine = INDEX.match("Kristine")
    outside = INDEX.resolve(kristine, "s5")  # she is in another organisation
    assert (outside.method, outside.candidates) == ("ambiguous", ["k6"])
    assert outside.why == ("only a first name; 1 person on the roster fits (k6 Kristine Frederiksen (Hus A)), "
                           "none in the respondent's unit or organisation; it may be someone not on the roster")


@pytest.mark.parametrize("typed", ["min gamle chef", "Karin fra kommunen", "xyz"])
def test_a_name_fitting_nobody_is_unmatched(typed):
    assert INDEX.match(typed).method == "unmatched"


def test_close_fuzzy_candidates_go_to_review():
    roster = pd.DataFrame({"name": ["Anne Larsen", "Anna Larsen"]}, index=pd.Index(["a", "b"], name="id"))
    assert RosterIndex(roster).match("Ann Larsen").method == "ambiguous"  # as close to Anne as to Anna
