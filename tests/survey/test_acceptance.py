"""The acceptance test of `orgnet survey import` on the corpus of tests/survey/corpus.py.

The same truth is exported in every shape of the corpus (eleven, from the tools' documented
formats). After the automatic pass no answer is matched to the wrong person (precision 1.0), at
least 97 % of the true ties are found, each with the weight of the frequency the tool exported,
`responded` is the tool's own status, and every answer that is not a tie is in matches.csv for
review; after the consultant's decisions the ties equal the truth exactly, weights included.
docs/survey.md shows these numbers per shape (``python -m tests.survey.test_acceptance``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from orgnet.io.text import read_csv_text, write_csv
from orgnet.survey import import_survey, read_roster, write_import
from orgnet.survey.matching import AUTOMATIC
from orgnet.survey.summary import message_text
from tests.survey.corpus import SHAPES, STATUS, WITH_STATUS, build_corpus, write_roster

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
    assert len(SHAPES) == 11 and len(WITH_STATUS) == 3


@pytest.mark.parametrize("shape", list(SHAPES))
def test_automatic_pass(shape, roster, tmp_path):
    result = import_survey(_export(shape, tmp_path), roster)
    answers = result.answers
    meant = [MEANT[(r, q, a)] for r, q, a in zip(answers["respondent_id"], answers["question"], answers["answer"])]
    automatic = answers["method"].isin(AUTOMATIC).to_numpy()
    wrong = [(a, m, i) for a, m, i, auto in zip(answers["answer"], meant, answers["id"], automatic) if auto and i != m]
    assert wrong == []  # precision 1.0 at exact / folded / fuzzy / unit
    assert set(answers["method"][automatic]) <= {"exact", "folded", "fuzzy", "unit"}

    found = _key(result.ties) & _key(TRUTH)
    assert len(found) / len(TRUTH) == pytest.approx(241 / 243)  # the two not found are in review
    assert len(found) / len(TRUTH) >= 0.97
    assert _key(result.ties) <= _key(TRUTH)
    weight = dict(zip(zip(TRUTH["source"], TRUTH["target"], TRUTH["relation"]), TRUTH["weight"]))
    assert [w for k, w in zip(zip(result.ties["source"], result.ties["target"], result.ties["relation"]), result.ties["weight"]) if w != weight[k]] == []

    review = answers[answers["outcome"] == "review"]
    listed = set(zip(result.matches.loc[result.matches["review"] == "yes", "answer"], result.matches.loc[result.matches["review"] == "yes", "context"]))
    assert len(review) == 4
    assert set(zip(review["answer"], review["context"])) == listed
    assert set(answers["outcome"]) <= {"tie", "review"}
    assert len(answers) == sum(len(r.advice) + len(r.meetings) + len(r.others_meant) for r in CORPUS.responses)


@pytest.mark.parametrize("shape", list(SHAPES))
def _decided(export, roster, folder: Path) -> Path:
    """The consultant's decisions: the meant person (or none) for every name to review."""
    first = folder / "first"
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
    write_csv(matches, folder / "decisions.csv")
    return folder / "decisions.csv"


def _ties(result) -> pd.DataFrame:
    return result.ties[["source", "target", "relation", "weight"]].sort_values(["source", "target", "relation"]).reset_index(drop=True)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_after_decisions_the_ties_are_the_truth(shape, roster, tmp_path):
    export = _export(shape, tmp_path)
    result = import_survey(export, roster, decisions=_decided(export, roster, tmp_path))
    pd.testing.assert_frame_equal(_ties(result), TRUTH, check_dtype=False)
    assert set(result.matches["method"]) >= {"manual", "none"}
    assert (result.matches["review"] == "").all()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_responded_is_the_tools_status(shape, roster, tmp_path):
    result = import_survey(_export(shape, tmp_path), roster)
    assert result.people["responded"].to_dict() == CORPUS.responded
    assert result.rates.iloc[0][["people", "responded"]].tolist() == [45, 40]
    if shape in WITH_STATUS:  # everyone invited has a row; "Distribueret" with nothing ticked did not answer
        assert message_text(result.notes[0], "en") == "status (statoverall): 40 of 45 answered (38 Gennemført, 2 Nogen svar, 3 Distribueret, 1 Ny, 1 Frafaldet)"
        assert {p for p, s in STATUS.items() if s == "Nogen svar"} <= set(result.people.index[result.people["responded"]])


@pytest.mark.parametrize("shape", ["msforms", "surveyxact", "surveyxact_battery_workbook", "long_foreign"])
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


def table(folder: Path) -> pd.DataFrame:
    """The per-shape figures docs/survey.md shows: one import of each shape, before and after decisions."""
    roster = read_roster(write_roster(CORPUS, folder / "roster.csv"))
    weight = dict(zip(zip(TRUTH["source"], TRUTH["target"], TRUTH["relation"]), TRUTH["weight"]))
    rows = []
    for shape in SHAPES:
        (folder / shape).mkdir()
        export = SHAPES[shape](CORPUS, folder / shape)
        result = import_survey(export, roster)
        answers = result.answers
        automatic = answers["method"].isin(AUTOMATIC)
        right = sum(i == MEANT[(r, q, a)] for r, q, a, i, auto in zip(answers["respondent_id"], answers["question"], answers["answer"], answers["id"], automatic) if auto)
        found = _key(result.ties) & _key(TRUTH)
        weights = all(weight[k] == w for k, w in zip(zip(result.ties["source"], result.ties["target"], result.ties["relation"]), result.ties["weight"]))
        rows.append({
            "shape": shape, "answers": len(answers), "precision": right / int(automatic.sum()) if automatic.any() else 1.0,
            "recall": len(found) / len(TRUTH), "review": int((answers["outcome"] == "review").sum()),
            "weights": "equal" if weights else "differ", "responded": f"{int(result.people['responded'].sum())} of {len(result.people)}",
            "responded_equal": result.people["responded"].to_dict() == CORPUS.responded,
            "after_decisions": "truth" if _ties(import_survey(export, roster, decisions=_decided(export, roster, folder / shape))).equals(
                TRUTH.astype({"weight": float})) else "differs",
        })
    return pd.DataFrame(rows)


if __name__ == "__main__":  # python -m tests.survey.test_acceptance: the table of docs/survey.md
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(table(Path(tmp)).to_string(index=False))
