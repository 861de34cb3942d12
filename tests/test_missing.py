"""orgnet.missing: who answered (one reader, one vocabulary), keep and reconstruct, the response rates."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.errors import InputError, OrgnetError
from orgnet.missing import non_respondents, read_yes_no, response_rates, treat_missing

# a and b answered; c and d did not. a named b and c (advice, and c as her line manager), b named
# a and d; c did not answer but has a tie c→a advice from elsewhere (it must not be doubled).
PEOPLE = "id,name,organisation,unit,role,responded\na,Ann,X,U1,leader,True\nb,Bo,X,U1,employee,True\nc,Cy,X,U2,leader,False\nd,Di,Y,U3,employee,False\n"
TIES = "source,target,relation,kind,weight\na,b,advice,informal,3\nb,a,advice,informal,1\na,c,advice,informal,2\na,c,line,formal,1\nb,d,friendship,informal,1\nc,a,advice,informal,5\n"


@pytest.fixture
def survey(write_folder):
    return orgnet.read(write_folder(people=PEOPLE, ties=TIES))


@pytest.mark.parametrize("text", ["True", "true", " yes ", "Ja", "1", "1.0", "x", "J"])
def test_every_yes_of_the_vocabulary_reads_as_answered(text):
    assert read_yes_no(pd.DataFrame({"responded": [text]}, index=["a"]), "responded").tolist() == [True]


@pytest.mark.parametrize("text", ["False", "no", "NEJ", "0", "0.0", "falsk", "n"])
def test_every_no_of_the_vocabulary_reads_as_not_answered(text):
    assert read_yes_no(pd.DataFrame({"responded": [text]}, index=["a"]), "responded").tolist() == [False]


def test_an_empty_cell_is_not_stated():
    values = read_yes_no(pd.DataFrame({"responded": ["", None, float("nan")]}, index=["a", "b", "c"]), "responded")
    assert values.isna().tolist() == [True, True, True]


def test_other_values_are_refused_by_row_person_and_value_all_at_once(write_folder):
    network = orgnet.read(write_folder(people="id,responded\na,True\nb,maybe\nc,False\nd,svarede\n", ties="source,target,relation\na,b,advice\n"))

    with pytest.raises(InputError) as error:
        treat_missing(network, "keep")

    assert str(error.value) == (
        "2 problems in the input:\n"
        "  - people, row 3, column 'responded': person 'b' has responded 'maybe'; write yes or no (ja/nej, true/false, 1/0)\n"
        "  - people, row 5, column 'responded': person 'd' has responded 'svarede'; write yes or no (ja/nej, true/false, 1/0)"
    )


def test_the_analysis_refuses_an_unreadable_responded_before_any_work(write_folder):
    network = orgnet.read(write_folder(people="id,responded\na,True\nb,perhaps\n", ties="source,target,relation\na,b,advice\n"))

    with pytest.raises(InputError, match=r"people, row 3, column 'responded': person 'b' has responded 'perhaps'"):
        Analysis(network)


def test_keep_changes_nothing_and_says_who_did_not_answer(survey):
    network, treated = treat_missing(survey, "keep")

    assert network is survey
    assert treated.metadata() == {"missing": {
        "treatment": "keep", "rule": "non-respondents keep the ties others reported about them; nothing is added",
        "people": 4, "respondents": 2, "non_respondents": 2, "ties_reconstructed": 0,
    }}
    assert treated.non_respondents == ("c", "d")


def test_reconstruct_returns_each_tie_reported_to_a_non_respondent_with_its_relation_kind_and_weight(survey):
    network, treated = treat_missing(survey, "reconstruct")

    added = network.ties[network.ties["reconstructed"]]
    rows = sorted(added[["source", "target", "relation", "kind", "weight", "reports"]].itertuples(index=False, name=None))
    # a→c advice is not returned: c→a advice is in the data already (c's tie from elsewhere)
    assert rows == [("c", "a", "line", "formal", 1.0, 0), ("d", "b", "friendship", "informal", 1.0, 0)]
    assert treated.reconstructed == 2 and treated.metadata()["missing"]["ties_reconstructed"] == 2
    assert len(network.ties) == len(survey.ties) + 2
    assert network.ties.loc[~network.ties["reconstructed"], ["source", "target", "relation"]].equals(survey.ties[["source", "target", "relation"]])


def test_a_tie_between_two_non_respondents_is_not_reconstructed(write_folder):
    network = orgnet.read(write_folder(people="id,responded\na,no\nb,no\nc,yes\n", ties="source,target,relation\na,b,advice\nc,a,advice\n"))

    treated, about = treat_missing(network, "reconstruct")

    added = treated.ties[treated.ties["reconstructed"]]
    assert list(zip(added["source"], added["target"])) == [("a", "c")] and about.reconstructed == 1


def test_reconstruct_without_a_responded_column_is_refused(write_folder):
    network = orgnet.read(write_folder(people="id\na\nb\n", ties="source,target,relation\na,b,advice\n"))

    with pytest.raises(OrgnetError) as error:
        treat_missing(network, "reconstruct")

    assert str(error.value) == (
        "--missing reconstruct: the people table has no 'responded' column, so no one is known not to have answered; "
        "orgnet survey import writes it (or add it: yes or no per person)"
    )


def test_keep_without_a_responded_column_has_nothing_to_say(write_folder):
    network = orgnet.read(write_folder(people="id\na\nb\n", ties="source,target,relation\na,b,advice\n"))

    assert treat_missing(network, "keep") == (network, None)
    assert Analysis(network).missing_metadata == {}


def test_an_unknown_treatment_is_refused(survey):
    with pytest.raises(OrgnetError, match="^--missing drop: use keep or reconstruct$"):
        treat_missing(survey, "drop")


def test_reconstruct_leaves_the_symmetrised_degree_and_betweenness_as_they_are_and_fills_out_degree(survey):
    kept, rebuilt = Analysis(survey).metrics, Analysis(survey, missing="reconstruct").metrics

    assert kept["degree"].equals(rebuilt["degree"]) and kept["betweenness"].equals(rebuilt["betweenness"])
    assert kept.loc["d", "out_degree"] == 0 and rebuilt.loc["d", "out_degree"] == 1
    assert rebuilt.attrs["orgnet"]["missing"]["treatment"] == "reconstruct"


def test_flags_reciprocity_and_suggestions_read_responded_the_same_way(write_folder):
    network = orgnet.read(write_folder(people="id,responded\na,Ja\nb,Nej\nc,\n", ties="source,target,relation\na,c,advice\n"))

    assert non_respondents(network.people).tolist() == [False, True, False]


def test_response_rates_are_those_survey_import_writes(survey):
    rates = response_rates(survey.people)

    assert rates.to_dict("records") == [
        {"level": "all", "group": "all", "people": 4, "responded": 2, "rate": 0.5},
        {"level": "organisation", "group": "X", "people": 3, "responded": 2, "rate": 0.6667},
        {"level": "organisation", "group": "Y", "people": 1, "responded": 0, "rate": 0.0},
        {"level": "unit", "group": "X / U1", "people": 2, "responded": 2, "rate": 1.0},
        {"level": "unit", "group": "X / U2", "people": 1, "responded": 0, "rate": 0.0},
        {"level": "unit", "group": "Y / U3", "people": 1, "responded": 0, "rate": 0.0},
    ]
