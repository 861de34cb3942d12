"""Issue 20's names on the acceptance corpus: the corpus of tests/survey/corpus.py with the names
a human matches at a glance added, exported in all five shapes.

Seven people are added (Karl Bjarne Hansen, Anne Marie Kjær, two Bo at Solsikken, Ulla Jensen of
Lyngbakken, Tina Berg of Vesterå; Tove Lykke is already there) and five respondents type them in
the "andre" field the way issue 20 saw them. Before these rules, 9 of the 11 typed pieces went to
review (two of them as "Jensen" and "Lyngbakken", one name cut in two); now 10 are matched and
the one left (a double first name from another organisation) says why.
"""

from __future__ import annotations

import copy

import pandas as pd
import pytest

from orgnet.survey import import_survey, read_roster
from orgnet.survey.matching import AUTOMATIC
from tests.survey.corpus import SHAPES, Corpus, build_corpus, write_roster

ADDED = [
    ("x01", "Karl Bjarne Hansen", "Kærholm", "Bofællesskabet Ågården", "employee", "", "m"),
    ("x02", "Anne Marie Kjær", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("x03", "Bo Holm", "Solsikken", "Børnehaven", "leader", "first_line", "m"),
    ("x04", "Bo Lund", "Solsikken", "Vuggestuen", "employee", "", "m"),
    ("x05", "Ulla Jensen", "Lyngbakken", "Hjemmeplejen", "employee", "", "f"),
    ("x06", "Tina Berg", "Vesterå", "Skolen", "employee", "", "f"),
    ("x07", "Tina Bak", "Vesterå", "Skolen", "employee", "", "f"),
]
TYPED = {  # respondent → the "andre" text, and what each piece meant
    "k05": ("Jensen, Ulla (Lyngbakken); KB Hansen", [("Jensen, Ulla (Lyngbakken)", "x05"), ("KB Hansen", "x01")]),
    "k06": ("Ulla Jensen, Lyngbakken og Anne Marie", [("Ulla Jensen, Lyngbakken", "x05"), ("Anne Marie", "x02")]),
    "s03": ("Tove L., Bo (leder Solsikken)", [("Tove L.", "s15"), ("Bo (leder Solsikken)", "x03")]),
    "a02": ("Tina Berg Vesterå & Karl-Bjarne", [("Tina Berg Vesterå", "x06"), ("Karl-Bjarne", "x01")]),
    "a05": ("K.B. Hansen", [("K.B. Hansen", "x01")]),
    "k09": ("Karl-Bjarne", [("Karl-Bjarne", "x01")]),  # a colleague in his unit
}


def build_names_corpus() -> Corpus:
    corpus = copy.deepcopy(build_corpus())
    added = pd.DataFrame(ADDED, columns=["id", "name", "organisation", "unit", "role", "level", "gender"])
    added["email"] = [f"{p}@kommune.example" for p in added["id"]]
    roster = pd.concat([corpus.roster, added], ignore_index=True)
    for response in corpus.responses:
        if response.person in TYPED:
            assert not response.others, response.person  # the corpus's own hard cases are kept as they are
            response.others, response.others_meant = TYPED[response.person]
    return Corpus(roster, corpus.responses)


CORPUS = build_names_corpus()
TRUTH = CORPUS.truth()
MEANT = CORPUS.meant()


def measure(corpus: Corpus, export, roster) -> dict:
    """Automatic precision and recall of one import against what every answer meant."""
    result = import_survey(export, roster)
    answers = result.answers
    meant = [MEANT[(r, q, a)] for r, q, a in zip(answers["respondent_id"], answers["question"], answers["answer"])]
    automatic = answers["method"].isin(AUTOMATIC).to_numpy()
    right = sum(1 for m, i, auto in zip(meant, answers["id"], automatic) if auto and i == m)
    key = set(zip(result.ties["source"], result.ties["target"], result.ties["relation"]))
    truth = set(zip(TRUTH["source"], TRUTH["target"], TRUTH["relation"]))
    return {
        "answers": len(answers), "automatic": int(automatic.sum()), "right": right, "found": len(key & truth), "ties": len(truth),
        "review": answers.loc[answers["outcome"] == "review", ["answer", "context"]].values.tolist(), "matches": result.matches,
    }


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    return read_roster(write_roster(CORPUS, tmp_path_factory.mktemp("roster") / "roster.csv"))


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_names_of_issue_20_are_matched_in_every_shape(shape, roster, tmp_path):
    measured = measure(CORPUS, SHAPES[shape](CORPUS, tmp_path), roster)
    assert measured["right"] == measured["automatic"]  # precision 1.0
    assert (measured["found"], measured["ties"]) == (250, 253)  # recall 0.988: the 3 below are not decidable from the answer
    assert sorted(measured["review"]) == [
        ["Jørgen", "Åbakken Skole / Udskolingen"], ["Karin fra kommunen", ""], ["Karl-Bjarne", "Åbakken Skole / Indskolingen"],
        ["Mette Hansen", "Åbakken Skole / Udskolingen"], ["min gamle chef", ""]]
    matches = measured["matches"]
    why = matches.loc[matches["answer"] == "Karl-Bjarne"].set_index("context")["why"].to_dict()
    assert why == {
        "Åbakken Skole / Indskolingen": "only the first names; 1 person on the roster fits (x01 Karl Bjarne Hansen (Bofællesskabet Ågården)), "
                                        "none in the respondent's unit or organisation; it may be someone not on the roster",
        "Kærholm / Bofællesskabet Ågården": "",  # k09 is his colleague: decided by the unit
    }
