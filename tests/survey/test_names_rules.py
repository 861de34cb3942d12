"""The matching rules of issue 20 for names a human matches at a glance, one roster per rule.

Each rule has a case it decides and a case it must not decide: when two roster people fit, the
answer goes to review with both as candidates (precision 1.0 is the point), and a review row with
a single candidate says why it is not automatic.
"""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.survey.matching import RosterIndex
from orgnet.survey.names import initials, name_key, role_and_place


def _index(rows: list[tuple], columns=("name", "organisation", "unit")) -> RosterIndex:
    frame = pd.DataFrame([row[1:] for row in rows], columns=list(columns), index=pd.Index([row[0] for row in rows], name="id"))
    return RosterIndex(frame)


def _decided(index: RosterIndex, typed: str, respondent: str | None = None) -> tuple[str, str | None]:
    result = index.resolve(index.match(typed), respondent)
    return result.method, result.id


# --- initials of a double first name: KB Hansen, K.B. Hansen ------------------------------------

KARL = _index([
    ("kbh", "Karl Bjarne Hansen", "Kærholm", "Hus A"),
    ("kh", "Karen Hansen", "Kærholm", "Hus A"),
    ("kim", "Kim Hansen", "Solsikken", "Børnehaven"),
    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen"),
])


@pytest.mark.parametrize("typed", ["KB Hansen", "K.B. Hansen", "K. B. Hansen", "kb hansen", "Hansen, KB", "KB HANSEN", "K. Bjarne Hansen"])
def test_initials_of_a_double_first_name(typed):
    assert _decided(KARL, typed, "out") == ("folded", "kbh")


def test_kb_hansen_had_no_candidate_before():
    # before: "kb" was read as a first name, so KB Hansen fitted nobody and got no candidate at all
    assert initials("KB Hansen", name_key("KB Hansen")) == ["k", "b"]
    assert KARL.match("KB Hansen").candidates == ["kbh"]


def test_two_initials_need_two_first_names():
    index = _index([("kh", "Karl Hansen", "Kærholm", "Hus A")])
    assert index.match("KB Hansen").method == "unmatched"  # Karl Hansen has no second first name for the B


@pytest.mark.parametrize("typed", ["Bo Hansen", "Ida Hansen", "BO HANSEN"])
def test_a_short_first_name_is_not_initials(typed):
    assert initials(typed, name_key(typed)) == []


def test_initials_that_fit_two_people_go_to_review_with_both():
    index = _index([("kbh", "Karl Bjarne Hansen", "Kærholm", "Hus A"), ("kbo", "Kim Bo Hansen", "Solsikken", "Børnehaven"),
                    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    result = index.resolve(index.match("KB Hansen"), "out")
    assert (result.method, result.id, result.candidates) == ("ambiguous", None, ["kbh", "kbo"])
    assert result.why == "initials and a surname; 2 people on the roster fit, none in the respondent's unit or organisation"


def test_capitals_that_are_also_a_first_name_fit_both_readings():
    # "BO Hansen": the initials of Birte Olga Hansen, or Bo Hansen in capitals: two people fit
    index = _index([("bo", "Bo Hansen", "Kærholm", "Hus A"), ("boh", "Birte Olga Hansen", "Solsikken", "Børnehaven"),
                    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    result = index.resolve(index.match("BO Hansen"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["bo", "boh"])
    assert _decided(index, "Bo Hansen", "out") == ("exact", "bo")  # written as a name, it is one


# --- the first names alone: Karl-Bjarne, Anne Marie ---------------------------------------------

ANNE = _index([
    ("am", "Anne Marie Kjær", "Kærholm", "Hus A"),
    ("a2", "Anne Lund", "Kærholm", "Hus A"),
    ("col", "Per Holm", "Kærholm", "Hus A"),
    ("kbh", "Karl Bjarne Hansen", "Kærholm", "Hus B"),
    ("far", "Rikke Dahl", "Åbakken Skole", "Indskolingen"),
])


@pytest.mark.parametrize(("typed", "person"), [("Anne Marie", "am"), ("anne-marie", "am"), ("Karl-Bjarne", "kbh"), ("karl bjarne", "kbh")])
def test_the_first_names_alone_typed_by_a_colleague(typed, person):
    assert _decided(ANNE, typed, "col") == ("unit", person)


def test_the_first_names_alone_from_another_organisation_say_why_one_candidate_is_not_taken():
    result = ANNE.resolve(ANNE.match("Anne Marie"), "far")
    assert (result.method, result.id, result.candidates) == ("ambiguous", None, ["am"])
    assert result.why == ("only the first names; 1 person on the roster fits (am Anne Marie Kjær (Hus A)), "
                          "none in the respondent's unit or organisation; it may be someone not on the roster")


def test_two_people_with_the_same_first_names_in_the_unit_go_to_review():
    index = _index([("am", "Anne Marie Kjær", "Kærholm", "Hus A"), ("am2", "Anne-Marie Lund", "Kærholm", "Hus A"),
                    ("col", "Per Holm", "Kærholm", "Hus A")])
    result = index.resolve(index.match("Anne Marie"), "col")
    assert (result.method, result.candidates) == ("ambiguous", ["am", "am2"])
    assert result.why == "only the first names; 2 people on the roster fit, 2 in the respondent's unit"


def test_a_whole_name_that_is_also_someones_first_names_fits_both():
    index = _index([("am", "Anne Marie Kjær", "Kærholm", "Hus A"), ("amr", "Anne Marie", "Solsikken", "Børnehaven"),
                    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen"), ("col", "Per Holm", "Kærholm", "Hus A")])
    for typed in ("Anne Marie", "anne marie"):
        result = index.resolve(index.match(typed), "out")
        assert (result.method, result.candidates) == ("ambiguous", ["amr", "am"]), typed
        assert _decided(index, typed, "col") == ("unit", "am")  # Anne Marie Kjær's colleague


# --- a first name and the surname's initial: Tove L. ----------------------------------------------


@pytest.mark.parametrize("typed", ["Tove L.", "tove l", "Tove L"])
def test_a_first_name_and_the_surnames_initial(typed):
    index = _index([("tl", "Tove Lykke", "Solsikken", "Børnehaven"), ("th", "Tove Hansen", "Solsikken", "Børnehaven"),
                    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    assert _decided(index, typed, "out") == ("folded", "tl")


def test_the_surnames_initial_of_two_people_goes_to_review_unless_the_unit_decides():
    index = _index([("tl", "Tove Lykke", "Solsikken", "Børnehaven"), ("tla", "Tove Larsen", "Kærholm", "Hus A"),
                    ("col", "Per Holm", "Kærholm", "Hus A"), ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    result = index.resolve(index.match("Tove L."), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["tl", "tla"])
    assert result.why == "a first name and the surname's initial; 2 people on the roster fit, none in the respondent's unit or organisation"
    assert _decided(index, "Tove L.", "col") == ("unit", "tla")


def test_a_middle_name_typed_with_the_initial_must_be_theirs():
    index = _index([("kbh", "Karl Bjarne Hansen", "Kærholm", "Hus A"), ("kh", "Karl Holm", "Kærholm", "Hus A")])
    assert _decided(index, "Karl-Bjarne H.", None) == ("folded", "kbh")


@pytest.mark.parametrize(("typed", "method"), [("Jens Møller", "folded"), ("Jens P. Møller", "folded"), ("Jens Ole Møller", "unmatched")])
def test_a_middle_name_typed_must_be_theirs(typed, method):
    index = _index([("jpm", "Jens Peter Møller", "Kærholm", "Hus A")])
    assert index.match(typed).method == method  # before: any words between first name and surname were "middle names left out"


# --- a first name with a role and a place: Bo (leder Solsikken) --------------------------------

BO = [
    ("bh", "Bo Holm", "Solsikken", "Børnehaven", "leader"),
    ("bl", "Bo Lund", "Solsikken", "Vuggestuen", "employee"),
    ("bd", "Bo Dahl", "Kærholm", "Hus A", "Leder"),
    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen", "employee"),
]
WITH_ROLE = ("name", "organisation", "unit", "role")


@pytest.mark.parametrize("typed", ["Bo (leder Solsikken)", "Bo (leder, Solsikken)", "Bo, leder i Solsikken", "Bo (Solsikken, leder)"])
def test_a_first_name_with_a_role_and_a_place_that_leave_one_person(typed):
    assert _decided(_index(BO, WITH_ROLE), typed, "out") == ("unit", "bh")


def test_the_roles_danish_word_in_the_roster_is_the_role():
    assert _decided(_index(BO, WITH_ROLE), "Bo (leder Kærholm)", "out") == ("unit", "bd")


def test_a_role_and_a_place_that_leave_two_people_go_to_review():
    index = _index([*BO, ("bk", "Bo Krogh", "Solsikken", "Vuggestuen", "leader")], WITH_ROLE)
    result = index.resolve(index.match("Bo (leder Solsikken)"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["bh", "bk"])
    assert result.why == ("only a first name with (leder Solsikken); 2 people on the roster fit, "
                          "none in the respondent's unit or organisation")


def test_a_role_the_roster_contradicts_goes_to_review():
    result = _index(BO, WITH_ROLE).resolve(_index(BO, WITH_ROLE).match("Bo (TR Solsikken)"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["bh", "bl", "bd"])
    assert result.why == "the roster gives any of the 2 people the name fits at that place another role than the one named (TR Solsikken)"


def test_without_roles_in_the_roster_the_place_alone_must_decide():
    no_roles = _index([row[:4] for row in BO])
    assert _decided(no_roles, "Bo (leder Kærholm)", "out") == ("unit", "bd")
    assert _decided(no_roles, "Bo (leder Solsikken)", "out") == ("ambiguous", None)  # two Bo at Solsikken


@pytest.mark.parametrize(("typed", "person"), [("Lone (Ågården)", "l1"), ("Lone fra vuggestue", "l2"), ("Lone (Solsikkens vuggestue)", "l2")])
def test_a_place_is_whole_words_of_the_unit_or_organisation(typed, person):
    index = _index([("l1", "Lone Bæk", "Kærholm", "Bofællesskabet Ågården"), ("l2", "Lone Thomsen", "Solsikken", "Vuggestuen")])
    assert _decided(index, typed) == ("unit", person)


def test_part_of_a_word_is_not_the_place():
    index = _index([("l1", "Lone Bæk", "Kærholm", "Hus A"), ("l2", "Lone Thomsen", "Holm", "Skolen")])
    assert _decided(index, "Lone fra Holm") == ("unit", "l2")  # before: Kærholm contains "holm", so both fitted


def test_role_and_place():
    assert role_and_place("leder i Solsikken") == ({"leader"}, "solsikken")
    assert role_and_place("TR, Værkstedet, dag og aften") == ({"tr"}, "vaerkstedet dag og aften")
    assert role_and_place("daglig leder") == ({"leader"}, "")


# --- a name with its organisation appended: Tina Berg Vesterå --------------------------------------

TINA = [
    ("tv", "Tina Berg", "Vesterå", "Skolen"),
    ("tk", "Tina Berg", "Kærholm", "Hus A"),
    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen"),
]


@pytest.mark.parametrize("typed", ["Tina Berg Vesterå", "Tina Berg Vesteraa", "tina berg vestera", "Tina Berg, Vesterå"])
def test_a_name_with_its_organisation_appended(typed):
    assert _decided(_index(TINA), typed, "out") == ("unit", "tv")


def test_an_organisation_appended_with_two_of_that_name_there_goes_to_review():
    index = _index([*TINA, ("tv2", "Tina Berg", "Vesterå", "Hallen")])
    result = index.resolve(index.match("Tina Berg Vesterå"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["tv", "tv2"])
    assert result.why == "the full name with (Vesterå); 2 people on the roster fit, none in the respondent's unit or organisation"


def test_an_organisation_appended_that_is_not_the_persons_says_why():
    index = _index(TINA[1:])
    result = index.match("Tina Berg Kærholm Vesterå")
    assert result.method == "unmatched"  # Vesterå is no place of this roster: not read as one
    index = _index([*TINA[1:], ("x", "Ole Berg", "Vesterå", "Skolen")])
    result = index.resolve(index.match("Tina Berg Vesterå"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["tk"])
    assert result.why == "the place named (Vesterå) is not the unit or organisation of the one person the name fits"


def test_a_whole_name_that_is_also_a_name_and_a_place_fits_two_people():
    # "Per Holm" is Per Holm's name, and Per Jensen at Holm: both fit, the answer alone cannot tell
    index = _index([("ph", "Per Holm", "Kærholm", "Hus A"), ("pj", "Per Jensen", "Holm", "Skolen"),
                    ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    result = index.resolve(index.match("Per Holm"), "out")
    assert (result.method, result.candidates) == ("ambiguous", ["ph", "pj"])
    assert result.why == "read as one name it fits ph Per Holm (Hus A); read as a name and a place (Holm) it fits pj Per Jensen (Skolen)"


def test_a_name_and_its_own_place_as_one_word_is_still_the_name():
    index = _index([("ph", "Per Holm", "Holm", "Skolen"), ("out", "Rikke Dahl", "Åbakken Skole", "Indskolingen")])
    assert _decided(index, "Per Holm", "out") == ("exact", "ph")
    assert _decided(index, "per holm", "out") == ("folded", "ph")


# --- why: every review row says it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("min gamle chef", "no roster name resembles it"),
        ("Karin", "no one on the roster has this first name"),
        ("Karl Bjarne Hanssonn", "no roster name is close enough: similarity 89.5 for the closest, 90 needed"),
    ],
)
def test_an_unmatched_answer_says_why(typed, why):
    result = KARL.match(typed)
    assert (result.method, result.why) == ("unmatched", why)


def test_close_spellings_say_why():
    index = _index([("a", "Anne Larsen", "K", "U"), ("b", "Anna Larsen", "K", "U")])
    result = index.match("Ann Larsen")
    assert (result.method, result.candidates) == ("ambiguous", ["b", "a"])
    assert result.why == "a near spelling of more than one name: similarity 95.2 for the closest, 95.2 for the next (6 points apart needed)"


def test_a_respondent_naming_her_own_name_says_so():
    # as in test_roster_refusals: the Bo Bøgh of U3 names a Bo Bøgh outside his unit, a roster without organisations
    index = _index([("b", "Bo Bøgh", "U2"), ("c", "Bo Bøgh", "U3")], ("name", "unit"))
    result = index.resolve(index.match("Bo Bøgh"), "c")
    assert (result.method, result.candidates) == ("ambiguous", ["b", "c"])
    assert result.why == ("the full name; 1 person besides the respondent on the roster fits (b Bo Bøgh (U2)), "
                          "none in the respondent's unit; it may be someone not on the roster")
