"""The acceptance test of `orgnet survey import` on the corpus of tests/survey/corpus.py.

The same truth is exported in all five shapes. After the automatic pass no answer is matched to
the wrong person, at least 95 % of the true ties are found, and every answer that is not a tie is
in matches.csv for review; after the consultant's decisions the ties equal the truth exactly.
"""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.io.text import read_csv_text, write_csv
from orgnet.survey import import_survey, read_roster, write_import
from orgnet.survey.matching import AUTOMATIC
from tests.survey.corpus import SHAPES, build_corpus, write_roster

CORPUS = build_corpus()
TRUTH = CORPUS.truth()
MEANT = CORPUS.meant()


@pytest.fixture(scope="module")
def roster(tmp_path_factory):
    return read_roster(write_roster(CORPUS, tmp_path_factory.mktemp("roster") / "roster.csv"))


def _export(shape, tmp_path):
    return SHAPES[shape](CORPUS, tmp_path)


def _key(frame: pd.DataFrame) -> set:
    return set(zip(frame["source"], frame["target"], frame["relation"]))


def test_corpus_has_every_trap():
    assert len(CORPUS.roster) == 45
    assert CORPUS.roster["organisation"].nunique() == 3
    assert (CORPUS.roster["name"] == "Mette Hansen").sum() == 2
    typed = {text for (_, _, text) in MEANT}
    for trap in ("Søren Aagaard", "Ågård, Søren", "jens-peter møller", "J.P. Møller", "Lis Kjaer", "Kristine Frederiksn",
                 "Per", "Lone fra Kærholm", "min gamle chef", "Hansen, Mette", "Mette Hansen fra Solsikken"):
        assert trap in typed, trap
    assert any("," in unit for unit in CORPUS.roster["unit"])  # breaks a blind split of Google's checkboxes


@pytest.mark.parametrize("shape", list(SHAPES))
def test_automatic_pass(shape, roster, tmp_path):
    result = import_survey(_export(shape, tmp_path), roster)
    answers = result.answers
    meant = [MEANT[(r, q, a)] for r, q, a in zip(answers["respondent_id"], answers["question"], answers["answer"])]
    automatic = answers["method"].isin(AUTOMATIC).to_numpy()
    wrong = [(a, m, i) for a, m, i, auto in zip(answers["answer"], meant, answers["id"], automatic) if auto and i != m]
    assert wrong == []  # precision 1.0 at exact / folded / fuzzy / unit
    assert set(answers["method"][automatic]) == {"exact", "folded", "fuzzy", "unit"}

    found = _key(result.ties) & _key(TRUTH)
    assert len(found) / len(TRUTH) >= 0.95
    assert _key(result.ties) <= _key(TRUTH)

    review = answers[answers["outcome"] == "review"]
    listed = set(zip(result.matches.loc[result.matches["review"] == "yes", "answer"], result.matches.loc[result.matches["review"] == "yes", "context"]))
    assert len(review) == 4
    assert set(zip(review["answer"], review["context"])) == listed
    assert set(answers["outcome"]) <= {"tie", "review"}
    assert len(answers) == sum(len(r.advice) + len(r.meetings) + len(r.others_meant) for r in CORPUS.responses)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_after_decisions_the_ties_are_the_truth(shape, roster, tmp_path):
    export = _export(shape, tmp_path)
    first = tmp_path / "first"
    write_import(import_survey(export, roster), first)
    matches = read_csv_text(first / "matches.csv", "matches.csv")
    answers = read_csv_text(first / "answers.csv", "answers.csv")
    decided = {}
    for respondent, question, answer, context in answers[["respondent_id", "question", "answer", "context"]].fillna("").itertuples(index=False):
        decided.setdefault((answer, context), set()).add(MEANT[(respondent, question, answer)])
    review = matches["review"] == "yes"
    for row in matches.index[review]:
        (meant,) = decided[(matches.at[row, "answer"], matches.at[row, "context"] if pd.notna(matches.at[row, "context"]) else "")]
        matches.at[row, "id"] = meant or "none"
    write_csv(matches, tmp_path / "decisions.csv")

    result = import_survey(export, roster, decisions=tmp_path / "decisions.csv")
    ties = result.ties[["source", "target", "relation", "weight"]].sort_values(["source", "target", "relation"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(ties, TRUTH, check_dtype=False)
    assert set(result.matches["method"]) >= {"manual", "none"}
    assert (result.matches["review"] == "").all()


@pytest.mark.parametrize("shape", ["msforms", "surveyxact"])
def test_a_second_run_is_byte_identical(shape, roster, tmp_path):
    export = _export(shape, tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    write_import(import_survey(export, roster), one)
    write_import(import_survey(export, roster), two)
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert {"people.csv", "ties.csv", "orgnet.toml", "matches.csv", "respondents.csv", "response_rates.csv", "answers.csv"} <= set(names)
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
