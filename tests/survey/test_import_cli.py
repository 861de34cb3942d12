"""`orgnet survey template` and `orgnet survey import` in-process, the export variants, and errors."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.errors import InputError
from orgnet.flags import flag_people
from orgnet.io.excel import write_workbook
from orgnet.metrics.network import summarise
from orgnet.survey import import_survey, read_roster
from tests.survey.corpus import (
    ADVICE,
    MEETINGS,
    build_corpus,
    write_google,
    write_msforms,
    write_roster,
    write_surveyxact,
)

CORPUS = build_corpus()


@pytest.fixture
def files(tmp_path):
    roster = write_roster(CORPUS, tmp_path / "roster.csv")
    return tmp_path, roster


def test_template_writes_questions_choices_and_toml(files, run_cli):
    folder, roster = files
    result = run_cli("survey", "template", roster, "-o", folder / "t", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote the questionnaire for 45 people:")
    choices = (folder / "t" / "choices.txt").read_text(encoding="utf-8").splitlines()
    assert len(choices) == 45
    assert choices[0] == "Mette Hansen (Bofællesskabet Ågården)" and choices[15] == "Mette Hansen (Børnehaven)"
    text = (folder / "t" / "questions.txt").read_text(encoding="utf-8")
    assert "Who do you turn to for advice and sparring?" in text and "daily = 4" in text and "Brewer & Webster 1999" in text
    assert "Hvem søger du råd og sparring hos?" in (folder / "t" / "questions.da.txt").read_text(encoding="utf-8")


def test_a_large_roster_gets_the_search_as_you_type_advice(tmp_path, run_cli):
    people = pd.DataFrame({"id": [f"p{i}" for i in range(120)], "name": [f"Person {i}" for i in range(120)]})
    people.to_csv(tmp_path / "r.csv", index=False)
    run_cli("survey", "template", tmp_path / "r.csv", "-o", tmp_path / "t", "--lang", "da")
    assert "Listen har 120 personer: brug et spørgsmål med søgning" in (tmp_path / "t" / "questions.txt").read_text(encoding="utf-8")


def test_import_then_decisions_then_every_command_reads_the_folder(files, run_cli):
    folder, roster = files
    export = write_msforms(CORPUS, folder / "forms.xlsx")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", folder / "out", "--questions", _toml(folder, run_cli, roster))
    assert result.exit_code == 0, result.output
    assert "read 245 answers (Microsoft Forms) from 40 of 45 people" in result.output
    assert "4 names to review: write an id (or none) in the id column of" in result.output
    matches = pd.read_csv(folder / "out" / "matches.csv", dtype=str, keep_default_na=False)
    decisions = {"Jørgen": "s04", "Mette Hansen": "k01", "min gamle chef": "none", "Karin fra kommunen": "none"}
    # the review rows only: changing an automatic row of out/matches.csv from another file is refused (test_decisions.py)
    matches["id"] = [decisions[a] if r == "yes" else i for a, i, r in zip(matches["answer"], matches["id"], matches["review"])]
    matches.to_csv(folder / "decided.csv", index=False)
    again = run_cli("survey", "import", export, "--roster", roster, "-o", folder / "out", "--matches", folder / "decided.csv")
    assert again.exit_code == 0, again.output
    assert "names to review" not in again.output and "2 answers decided as no one on the roster" in again.output
    network = orgnet.read(folder / "out")
    assert len(network.ties) == len(CORPUS.truth())
    assert network.people["responded"].map(str).value_counts().to_dict() == {"True": 40, "False": 5}
    assert run_cli("summary", folder / "out").exit_code == 0


def _toml(folder, run_cli, roster):
    run_cli("survey", "template", roster, "-o", folder / "t")
    return folder / "t" / "questions.toml"


@pytest.mark.parametrize(("encoding", "delimiter"), [("cp1252", ";"), ("cp1252", ","), ("utf-16", "\t")])
def test_surveyxact_in_its_three_csv_forms(tmp_path, encoding, delimiter):
    roster = read_roster(write_roster(CORPUS, tmp_path / "roster.csv"))
    folder = write_surveyxact(CORPUS, tmp_path / "sx", encoding=encoding, delimiter=delimiter)
    result = import_survey(folder, roster)
    assert result.tool == "SurveyXact" and len(result.ties) == len(CORPUS.truth()) - 2


def test_surveyxact_workbook(tmp_path):
    roster = read_roster(write_roster(CORPUS, tmp_path / "roster.csv"))
    folder = write_surveyxact(CORPUS, tmp_path / "sx", encoding="utf-8")
    sheets = {n: pd.read_csv(folder / f"{n.lower()}.csv", dtype=str, keep_default_na=False, sep=";") for n in ("Dataset", "Structure")}
    labels = pd.read_csv(folder / "labels.csv", dtype=str, header=None, sep=";")
    path = tmp_path / "sx.xlsx"
    write_workbook({**sheets, "Labels": labels}, path)
    # Labels has no header row: write_workbook wrote the column numbers as one; take it away again
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["Labels"].delete_rows(1)
    workbook.save(path)
    result = import_survey(path, roster)
    assert result.tool == "SurveyXact" and len(result.ties) == len(CORPUS.truth()) - 2


def test_google_checkboxes_are_split_against_the_choices_not_on_commas(files):
    folder, roster = files
    result = import_survey(write_google(CORPUS, folder / "g.csv"), read_roster(roster))
    chosen = result.answers.loc[result.answers["question"] == "meetings", "answer"]
    assert chosen.str.contains("Værkstedet, dag og aften").any()
    assert not (chosen == "dag og aften)").any()


def _mini(tmp_path, rows, roster_rows=None):
    roster = pd.DataFrame(roster_rows or [("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk")], columns=["id", "name", "email"])
    roster.to_csv(tmp_path / "roster.csv", index=False)
    export = tmp_path / "google.csv"
    header = ["Timestamp", "Email Address", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1", MEETINGS]
    pd.DataFrame(rows, columns=header).to_csv(export, index=False)
    return export, tmp_path / "roster.csv"


def test_errors_name_file_row_and_value(tmp_path, run_cli):
    export, roster = _mini(tmp_path, [["t", "a@x.dk", "Bo Bøgh", "hver time", ""], ["t", "c@x.dk", "Anna", "", ""], ["t", "", "", "", ""], ["t", "a@x.dk", "", "", ""]])
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 1
    name = str(export)
    assert result.output == (
        "Error: 4 problems in the input:\n"
        f"  - {name}, row 2, column '{ADVICE} – hyppighed 1': frequency 'hver time' is not on the scale (dagligt, ugentligt, månedligt, sjældnere, daily, weekly, monthly, less often)\n"
        f"  - {name}, row 3: respondent 'c@x.dk' is not in the roster (matched on e-mail and id)\n"
        f"  - {name}, row 4: the answer has no e-mail or respondent id; an anonymous answer cannot be placed in the network\n"
        f"  - {name}, row 5: respondent 'a@x.dk' answered twice (first at row 2); keep one of the answers\n"
    )


def test_a_decision_with_an_unknown_id_is_refused(tmp_path, run_cli):
    export, roster = _mini(tmp_path, [["t", "a@x.dk", "Bo", "", ""]])
    (tmp_path / "m.csv").write_text("answer,context,id\nBo,,zz\n", encoding="utf-8")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--matches", tmp_path / "m.csv")
    assert result.exit_code == 1
    assert result.output == (f"Error: 1 problem in the input:\n  - {tmp_path / 'm.csv'}, row 2, column 'id': "
                             "'zz' is not an id in the roster (write an id from the roster, or none)\n")


def test_low_response_warns_and_non_respondents_are_flagged_as_not_answering(tmp_path, run_cli):
    people = [("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk"), ("c", "Cy Friis", "c@x.dk"), ("d", "Di Lund", "d@x.dk")]
    export, roster = _mini(tmp_path, [["t", "a@x.dk", "Bo Bøgh", "dagligt", ""]], people)
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert "warning: response rate 25% is below 80%: individual betweenness is unreliable" in result.output
    assert "warning: response rate 25% is below 65%: comparisons between groups are indicative only" in result.output
    network = orgnet.read(tmp_path / "out")
    assert network.ties[["source", "target", "weight"]].values.tolist() == [["a", "b", 4.0]]
    flags = flag_people(network, lang="en")
    isolated = flags[flags["flag"] == "isolated"].set_index("id")["reason"]
    assert isolated["c"] == "Did not answer the survey, and nobody who did names Cy Friis: isolated or simply unseen."
    thin = flags[flags["flag"] == "thin"].set_index("id")["reason"]
    assert thin["b"].endswith("Bo Bøgh did not answer the survey, so their own contacts are unknown.")
    assert thin["a"] == "1 contact, fewer than 3; people have a median of 0.5."  # degrees 1, 1, 0, 0
    rates = pd.read_csv(tmp_path / "out" / "response_rates.csv")
    assert rates.iloc[0].tolist() == ["all", "all", 4, 1, 0.25]


def test_reciprocity_per_relation_counts_only_pairs_who_both_answered(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "people.csv").write_text("id,responded\na,True\nb,True\nc,False\n", encoding="utf-8")
    (folder / "ties.csv").write_text("source,target,relation,kind\na,b,advice,informal\nb,a,advice,informal\na,c,advice,informal\na,b,meetings,formal\n", encoding="utf-8")
    summary = summarise(orgnet.read(folder))
    assert summary["reciprocity_by_relation"] == {"advice": 1.0, "meetings": 0.0}


def test_qualtrics_one_column_per_choice_and_grid_frequencies(tmp_path):
    roster = pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk"), ("c", "Cy Friis", "c@x.dk")], columns=["id", "name", "email"])
    roster.to_csv(tmp_path / "roster.csv", index=False)
    lines = [
        "ResponseId,RecipientEmail,Q1_1,Q1_2,Q2_1,Q2_2",
        f'Response ID,Recipient Email,"{MEETINGS} - Bo Bøgh","{MEETINGS} - Cy Friis",{ADVICE} - Bo Bøgh,{ADVICE} - Cy Friis',
        '"{""ImportId"":""_recordId""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""QID1"",""choiceId"":""1""}",'
        '"{""ImportId"":""QID1"",""choiceId"":""2""}","{""ImportId"":""QID2_1""}","{""ImportId"":""QID2_2""}"',
        "R_1,a@x.dk,1,,ugentligt,dagligt",
        "R_2,c@x.dk,,,Maybe,",
    ]
    (tmp_path / "q.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        import_survey(tmp_path / "q.csv", read_roster(tmp_path / "roster.csv"))
    assert str(error.value).endswith(f"{tmp_path / 'q.csv'}, row 5, column 'Q2_1': 'Maybe' is neither selected/not selected nor a frequency of the scale "
                                      "(dagligt, ugentligt, månedligt, sjældnere, daily, weekly, monthly, less often)")
    lines[-1] = "R_2,c@x.dk,,,,"
    (tmp_path / "q.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_survey(tmp_path / "q.csv", read_roster(tmp_path / "roster.csv"))
    assert result.tool == "Qualtrics"
    assert sorted(map(tuple, result.ties[["source", "target", "relation", "weight"]].values.tolist())) == [
        ("a", "b", "advice", 3.0), ("a", "b", "meetings", 1.0), ("a", "c", "advice", 4.0)]


def test_long_table_with_an_unknown_question_is_refused(tmp_path, run_cli):
    pd.DataFrame([("a", "Anna Ærø", "a@x.dk")], columns=["id", "name", "email"]).to_csv(tmp_path / "roster.csv", index=False)
    (tmp_path / "long.csv").write_text("respondent;question;answer\na@x.dk;venskab;Bo\n", encoding="utf-8")
    result = run_cli("survey", "import", tmp_path / "long.csv", "--roster", tmp_path / "roster.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (f"Error: 1 problem in the input:\n  - {tmp_path / 'long.csv'}, row 2, column 'question': "
                             "question 'venskab' is none of: advice, meetings (see questions.toml)\n")


def test_google_grid_rows_carry_the_frequency(tmp_path):
    pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk"), ("c", "Cy Friis", "c@x.dk")], columns=["id", "name", "email"]).to_csv(tmp_path / "r.csv", index=False)
    grid = pd.DataFrame([["t", "a@x.dk", "månedligt", ""], ["t", "b@x.dk", "", "Dagligt"]],
                        columns=["Timestamp", "Email Address", f"{ADVICE} [Bo Bøgh]", f"{ADVICE} [Cy Friis]"])
    grid.to_csv(tmp_path / "g.csv", index=False)
    result = import_survey(tmp_path / "g.csv", read_roster(tmp_path / "r.csv"))
    assert sorted(result.ties[["source", "target", "weight"]].values.tolist()) == [["a", "b", 2.0], ["b", "c", 4.0]]
