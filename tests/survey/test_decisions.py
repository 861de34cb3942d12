"""The consultant's decisions (an edited matches.csv): never lost, never contradictory, never ignored.

The contract kept: a row whose ``id`` holds a roster id or ``none`` decides its ``answer`` in its
``context``; an empty ``id`` decides nothing. Today's failures (issues 19 and 20): a rerun into
the same folder without ``--matches`` dropped the decisions; two rows deciding one answer
differently silently let the later win; a decision for an answer that occurs nowhere was ignored.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from orgnet.cli import main
from tests.survey.corpus import ADVICE, build_corpus, write_msforms, write_roster

SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"
CORPUS = build_corpus()
DECIDED = {"Jørgen": "s04", "Mette Hansen": "k01", "min gamle chef": "none", "Karin fra kommunen": "none"}
HEADER = ["Timestamp", "Email Address", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1"]


@pytest.fixture
def corpus_files(tmp_path):
    return write_msforms(CORPUS, tmp_path / "forms.xlsx"), write_roster(CORPUS, tmp_path / "roster.csv")


def _decide_review_rows(path):
    """What the consultant does in Excel: an id (or none) in the id column of each review row."""
    matches = pd.read_csv(path, dtype=str, keep_default_na=False)
    review = matches["review"] == "yes"
    matches.loc[review, "id"] = matches.loc[review, "answer"].map(DECIDED)
    assert matches.loc[review, "id"].notna().all()
    matches.to_csv(path, index=False, encoding="utf-8-sig")
    return matches


def test_a_rerun_without_matches_uses_the_decisions_in_the_folder(tmp_path, corpus_files, run_cli):
    export, roster = corpus_files
    out = tmp_path / "out"
    inputs = {p: p.read_bytes() for p in (export, roster)}
    first = run_cli("survey", "import", export, "--roster", roster, "-o", out)
    assert first.exit_code == 0 and "4 names to review" in first.output
    assert "used" not in first.output  # a new folder: no decisions yet
    _decide_review_rows(out / "matches.csv")

    again = run_cli("survey", "import", export, "--roster", roster, "-o", out)
    assert again.exit_code == 0, again.output
    assert f"used 4 decisions from {out / 'matches.csv'}\n" in again.output
    assert "names to review" not in again.output and "2 answers decided as no one on the roster" in again.output
    kept = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False).set_index(["answer", "context"])
    assert kept.loc[("Jørgen", "Åbakken Skole / Udskolingen"), ["id", "method"]].tolist() == ["s04", "manual"]
    assert kept.loc[("min gamle chef", ""), ["id", "method"]].tolist() == ["none", "none"]
    assert (kept["review"] == "").all()

    # the same ties as a run given the decisions explicitly, into a fresh folder
    (tmp_path / "decided.csv").write_bytes((out / "matches.csv").read_bytes())
    explicit = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "explicit", "--matches", tmp_path / "decided.csv")
    assert explicit.exit_code == 0, explicit.output
    assert (out / "ties.csv").read_bytes() == (tmp_path / "explicit" / "ties.csv").read_bytes()
    assert len(pd.read_csv(out / "ties.csv")) == len(CORPUS.truth())

    # and a third run changes nothing: the decisions file is a fixed point
    written = {name: (out / name).read_bytes() for name in ("matches.csv", "ties.csv", "answers.csv")}
    third = run_cli("survey", "import", export, "--roster", roster, "-o", out)
    assert f"used 4 decisions from {out / 'matches.csv'}" in third.output
    assert {name: (out / name).read_bytes() for name in written} == written
    # as does naming the folder's own file, as the review hint of earlier versions said
    fourth = run_cli("survey", "import", export, "--roster", roster, "-o", out, "--matches", out / "matches.csv")
    assert fourth.exit_code == 0 and f"used 4 decisions from {out / 'matches.csv'}" in fourth.output
    assert {name: (out / name).read_bytes() for name in written} == written
    assert {p: p.read_bytes() for p in inputs} == inputs


def test_with_matches_that_files_decisions_are_used_and_kept(tmp_path, corpus_files, run_cli):
    export, roster = corpus_files
    run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "first")
    decided = tmp_path / "decided.csv"
    decided.write_bytes((tmp_path / "first" / "matches.csv").read_bytes())
    _decide_review_rows(decided)
    before = decided.read_bytes()
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", decided)
    assert result.exit_code == 0, result.output
    assert f"used 4 decisions from {decided}\n" in result.output
    written = pd.read_csv(tmp_path / "out" / "matches.csv", dtype=str, keep_default_na=False)
    assert sorted(written.loc[written["method"].isin(["manual", "none"]), "id"]) == ["k01", "none", "none", "s04"]
    assert decided.read_bytes() == before


def test_matches_from_elsewhere_may_not_drop_the_decisions_in_the_folder(tmp_path, corpus_files, run_cli):
    export, roster = corpus_files
    out = tmp_path / "out"
    run_cli("survey", "import", export, "--roster", roster, "-o", out)
    _decide_review_rows(out / "matches.csv")
    held = (out / "matches.csv").read_bytes()
    other = tmp_path / "other.csv"
    other.write_text("answer,context,id\nmin gamle chef,,none\n", encoding="utf-8")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", out, "--matches", other)
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {out / 'matches.csv'}: holds 3 decisions this import would lose or change (first: row 2, 'Jørgen' in context "
        f"'Åbakken Skole / Udskolingen': s04 → no id); run again with --matches {out / 'matches.csv'} to keep them, "
        f"or move the file out of {out} to start over\n"
    )
    assert (out / "matches.csv").read_bytes() == held


@pytest.fixture
def sample(tmp_path):
    """A copy of datasets/survey-sample, imported once into ``SQ`` and reviewed there: k03 in each review row."""
    for name in ("forms.xlsx", "roster.csv", "decisions.csv"):
        (tmp_path / name).write_bytes((SAMPLE / name).read_bytes())
    out = tmp_path / "SQ"
    first = CliRunner().invoke(main, ["survey", "import", str(tmp_path / "forms.xlsx"), "--roster", str(tmp_path / "roster.csv"), "-o", str(out)])
    assert first.exit_code == 0 and "4 names to review" in first.output
    matches = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False)
    matches.loc[matches["review"] == "yes", "id"] = "k03"
    matches.to_csv(out / "matches.csv", index=False, encoding="utf-8-sig")
    return tmp_path, out


def _import(folder, out, *more):
    return CliRunner().invoke(main, ["survey", "import", str(folder / "forms.xlsx"), "--roster", str(folder / "roster.csv"), "-o", str(out), *map(str, more)])


def _files(*folders):
    return {p: p.read_bytes() for folder in folders for p in sorted(folder.iterdir()) if p.is_file()}


def test_another_matches_file_may_not_overwrite_the_decisions_in_the_folder(sample):
    # the reviewer's case (issue 19): the four review rows decided in SQ/matches.csv, then an
    # import with the sample's decisions.csv into SQ replaced all four with exit 0 and no word
    folder, out = sample
    before = _files(folder, out)
    result = _import(folder, out, "--matches", folder / "decisions.csv")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {out / 'matches.csv'}: holds 4 decisions this import would lose or change (first: row 2, 'Jørgen' in context "
        f"'Åbakken Skole / Udskolingen': k03 → s04 ({folder / 'decisions.csv'}, row 2)); run again with --matches {out / 'matches.csv'} "
        f"to keep them, or move the file out of {out} to start over\n"
    )
    assert _files(folder, out) == before  # the inputs, the decisions and the network written before


def test_the_way_out_keeps_the_decisions_or_starts_over(sample):
    folder, out = sample
    kept = _import(folder, out, "--matches", out / "matches.csv")
    assert kept.exit_code == 0, kept.output
    assert f"used 4 decisions from {out / 'matches.csv'}\n" in kept.output
    written = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False).set_index(["answer", "context"])
    assert written.loc[("Jørgen", "Åbakken Skole / Udskolingen"), ["id", "method"]].tolist() == ["k03", "manual"]

    (out / "matches.csv").rename(folder / "old-matches.csv")
    over = _import(folder, out, "--matches", folder / "decisions.csv")
    assert over.exit_code == 0, over.output
    written = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False).set_index(["answer", "context"])
    assert written.loc[("Jørgen", "Åbakken Skole / Udskolingen"), ["id", "method"]].tolist() == ["s04", "manual"]


def test_another_matches_file_that_holds_the_same_decisions_is_accepted(sample):
    folder, out = sample
    assert _import(folder, folder / "fresh", "--matches", folder / "decisions.csv").exit_code == 0
    (out / "matches.csv").write_bytes((folder / "fresh" / "matches.csv").read_bytes())
    result = _import(folder, out, "--matches", folder / "decisions.csv")
    assert result.exit_code == 0, result.output
    assert f"used 4 decisions from {folder / 'decisions.csv'}\n" in result.output


def test_an_automatic_match_the_consultant_corrected_may_not_come_back(sample):
    # in the folder the consultant corrected a name matched automatically; a --matches file that
    # does not decide that name would bring the automatic match back
    folder, out = sample
    matches = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False)
    decided = pd.read_csv(folder / "decisions.csv", dtype=str, keep_default_na=False).set_index(["answer", "context"])["id"]
    review = matches["review"] == "yes"
    matches.loc[review, "id"] = [decided[key] for key in zip(matches.loc[review, "answer"], matches.loc[review, "context"])]
    corrected = matches.index[matches["answer"] == "Ågård, Søren"][0]
    assert matches.loc[corrected, ["id", "method"]].tolist() == ["k02", "folded"]
    matches.loc[corrected, "id"] = "k05"
    matches.to_csv(out / "matches.csv", index=False, encoding="utf-8-sig")
    before = _files(folder, out)
    result = _import(folder, out, "--matches", folder / "decisions.csv")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {out / 'matches.csv'}: holds 1 decision this import would lose or change (first: row {corrected + 2}, 'Ågård, Søren': "
        f"k05 → k02 (this import's match)); run again with --matches {out / 'matches.csv'} to keep them, or move the file out of {out} to start over\n"
    )
    assert _files(folder, out) == before


def _mini(tmp_path, decisions: str):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,email,unit\na,Anna Ærø,a@x.dk,U1\nb,Bo Bøgh,b@x.dk,U2\nc,Bo Bøgh,c@x.dk,U3\nd,Di Lund,d@x.dk,U1\n", encoding="utf-8")
    export = tmp_path / "g.csv"
    pd.DataFrame([["t", "a@x.dk", "Bo Bøgh", "dagligt"], ["t", "b@x.dk", "Di Lund", "ugentligt"]], columns=HEADER).to_csv(export, index=False)
    matches = tmp_path / "m.csv"
    matches.write_text(decisions, encoding="utf-8")
    return export, roster, matches, {p: p.read_bytes() for p in (export, roster, matches)}


def test_two_rows_deciding_one_answer_differently_are_refused(tmp_path, run_cli):
    export, roster, matches, before = _mini(tmp_path, "answer,context,id\nBo Bøgh,U1,b\nDi Lund,,d\nBo Bøgh,U1,c\nBo Bøgh,U1,b\n")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", matches)
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {matches}, row 4, column 'id': decides 'Bo Bøgh' in context 'U1' as 'c', but row 2 decides it as 'b'; keep one of the two rows\n"
    )
    assert {p: p.read_bytes() for p in before} == before and not (tmp_path / "out").exists()


def test_the_same_decision_twice_and_a_general_beside_a_context_one_are_fine(tmp_path, run_cli):
    export, roster, matches, _ = _mini(tmp_path, "answer,context,id\nBo Bøgh,,c\nBo Bøgh,U1,b\nBo Bøgh,U1,b\n")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", matches)
    assert result.exit_code == 0, result.output
    assert f"used 1 decision from {matches}\n" in result.output
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)
    assert ties[["source", "target"]].values.tolist() == [["a", "b"], ["b", "d"]]  # the context's own decision wins


def test_a_decision_for_an_answer_that_occurs_nowhere_is_reported_and_kept(tmp_path, run_cli):
    export, roster, matches, before = _mini(tmp_path, "answer,context,id\nBo Bøgh,U1,b\nBo Bøgh,U9,c\nBent Ravn,,none\n")
    out = tmp_path / "out"
    result = run_cli("survey", "import", export, "--roster", roster, "-o", out, "--matches", matches)
    assert result.exit_code == 0, result.output
    lines = [
        f"warning: {matches}, row 3: no answer 'Bo Bøgh' from a respondent in 'U9' in the export; the decision (c) was not used (kept in matches.csv with answers 0)",
        f"warning: {matches}, row 4: no answer 'Bent Ravn' in the export; the decision (none) was not used (kept in matches.csv with answers 0)",
    ]
    for line in lines:
        assert line + "\n" in result.output
        assert line + "\n" in (out / "import.txt").read_text(encoding="utf-8")
    written = pd.read_csv(out / "matches.csv", dtype=str, keep_default_na=False)
    assert written.loc[written["answers"] == "0", ["answer", "context", "id", "method"]].values.tolist() == [
        ["Bo Bøgh", "U9", "c", "manual"], ["Bent Ravn", "", "none", "none"]]
    assert {p: p.read_bytes() for p in before} == before
    # the next run without --matches still has them, and still says so
    again = run_cli("survey", "import", export, "--roster", roster, "-o", out)
    assert f"warning: {out / 'matches.csv'}, row " in again.output and "'Bent Ravn' in the export" in again.output
    assert "Bent Ravn" in (out / "matches.csv").read_text(encoding="utf-8")


def test_a_decision_with_a_context_holds_for_an_answer_that_needs_none(tmp_path, run_cli):
    # 'Di Lund' is one person (an exact match, no context needed); the consultant still says that
    # from U2 it meant no one on the roster. Before, such a decision was never looked at.
    export, roster, matches, _ = _mini(tmp_path, "answer,context,id\nDi Lund,U2,none\n")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", matches)
    assert result.exit_code == 0, result.output
    assert f"used 1 decision from {matches}\n" in result.output and "warning: " + str(matches) not in result.output
    assert pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)[["source", "target"]].values.tolist() == []


def test_a_decision_naming_an_id_not_in_the_roster_is_refused_by_row(tmp_path, run_cli):
    export, roster, matches, before = _mini(tmp_path, "answer,context,id\nBo Bøgh,U1,b\nDi Lund,,D\nBo Bøgh,U3,zz\n")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", matches)
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2 problems in the input:\n"
        f"  - {matches}, row 3, column 'id': 'D' is not an id in the roster (write an id from the roster, or none)\n"
        f"  - {matches}, row 4, column 'id': 'zz' is not an id in the roster (write an id from the roster, or none)\n"
    )
    assert {p: p.read_bytes() for p in before} == before
