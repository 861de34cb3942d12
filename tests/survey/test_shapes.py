"""Each export shape as the tool really writes it (issue 20, "What failed, by shape").

Real SurveyXact exports (readSX's samples, reduced: tests/fixtures/surveys/PROVENANCE.md), and
the corpus's shapes where a detail matters: a frequency battery is the weight of a tie, an
"other" choice's typed text is what is matched, statoverall decides who answered, Google's
downloaded CSV joins checkboxes with ';', a long table's columns go by their usual names or
orgnet.toml, and frequency labels are read in the tool's own wording.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from orgnet.errors import InputError
from orgnet.survey import import_survey, read_roster
from orgnet.survey.exports import read_export
from orgnet.survey.frequency import Scale
from orgnet.survey.questions import QuestionSet
from orgnet.survey.summary import message_text
from tests.survey.corpus import (
    ADVICE,
    MEETINGS,
    OTHER_CHOICE,
    build_corpus,
    write_google_download,
    write_long_foreign,
    write_roster,
    write_surveyxact_battery,
)

READSX = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "surveyxact-readsx"
CORPUS = build_corpus()
SCALE_TEXT = "dagligt, ugentligt, månedligt, sjældnere, daily, weekly, monthly, less often"


def _bytes(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()} if folder.is_dir() else {str(folder): folder.read_bytes()}


# --- SurveyXact, as readSX's example exports have it --------------------------------------------------


@pytest.mark.parametrize("form", ["comma_ansi", "tab_utf16", "ex_survey2.xlsx"])
def test_readsx_exports_map_through_structure(form, tmp_path):
    source = shutil.copytree(READSX, tmp_path / "readsx") / form
    before = _bytes(source)
    wide = read_export(source)
    assert wide.tool == "SurveyXact"
    assert [message_text(n, "en") for n in wide.notes] == ["status (statoverall): 6 of 8 answered (4 Gjennomført, 2 Distribuert, 2 Noen svar)"]
    assert wide.responded.tolist() == [True, False, True, True, False, True, True, True]
    # "Annet, hvilke(t):" is no choice: its tick is not read, its typed text (s_1, placed last) is
    assert "v_1_16" not in wide.frame and "v_1_16" not in wide.headers
    assert wide.others == {"s_1", "s_3"}
    assert wide.headers["s_1"] == "Hvilke(t) valgfag hadde du på ungdomsskolen? (flere kryss er mulig)"
    assert wide.frame["s_1"].dropna().tolist() == ["skating", "Vanlig fager"]
    # choiceText trimmed (the export has "Design og redesign " and, in the workbook, a line break)
    assert wide.choices["v_1_1"] == "Design og redesign"
    # "<question> - <item>" Single variables whose labels are no frequencies: read as they are
    assert "p_01" not in wide.choices
    assert wide.headers["p_01"] == "Kryss av for de programfagene du har valgt/skal velge (Kryss kun av på de fagene som er aktuelle for deg) - Matematikk R1"
    assert wide.frame["p_02"].tolist()[:4] == ["Har faget dette skoleåret", pd.NA, "Skal velge neste skoleår", "Skal velge neste skoleår"]
    assert set(wide.frame["s_2"].dropna()) == {"Studiespesialisering", "Kunst, design og arkitektur"}
    assert not any(c.startswith("stato_") for c in wide.headers)
    assert _bytes(source) == before


@pytest.mark.parametrize("form", ["comma_ansi", "tab_utf16", "ex_survey2.xlsx"])
def test_readsx_battery_is_one_item_per_variable_when_its_labels_are_the_scale(form):
    scale = {"Har faget dette skoleåret": 4, "Hadde på VG 1": 3, "Skal velge neste skoleår": 2, "Tilbys ikke på skolen": 1, "Har ikke bestemt meg": 1}
    wide = read_export(READSX / form, QuestionSet(scale=scale))
    assert [wide.choices[f"p_0{k}"] for k in (1, 2, 3)] == ["Matematikk R1", "Matematikk R2", "Matematikk S1"]
    assert wide.headers["p_01"] == "Kryss av for de programfagene du har valgt/skal velge (Kryss kun av på de fagene som er aktuelle for deg)"


def test_a_single_variable_of_names_with_a_dash_in_its_text_stays_a_dropdown(tmp_path):
    folder, roster = _sx_folder(tmp_path, [["a@x.dk", "0", "1", "0", "0", "0", "0", "1", "0", "2"]],
                                extra=(["s_9", "s_9", "Closed", "Single", f"{ADVICE} - vælg den vigtigste", "", ""],
                                       [["s_9", "1", "Anna Ærø"], ["s_9", "2", "Cy Friis"]]))
    result = import_survey(folder, read_roster(roster))
    assert sorted(map(tuple, result.ties[["source", "target", "relation", "weight"]].values.tolist())) == [
        ("a", "b", "meetings", 1.0), ("a", "c", "advice", 1.0)]


def test_readsx_semicolon_export_without_email_is_refused():
    folder = READSX / "semicolon_ansi"
    with pytest.raises(InputError) as error:
        read_export(folder)
    assert str(error.value) == (
        "1 problem in the input:\n"
        f"  - {folder} [Dataset]: no column that says who answered (e-mail or respondent id); expected one of Email, E-mail, "
        "RecipientEmail, respondent. Columns in the file: v_1_1, v_1_2, v_1_3, v_1_4, v_1_5, v_1_6, v_1_7, v_1_8, v_1_9, v_1_10, "
        "v_1_11, v_1_12, v_1_13, v_1_14, v_1_15, v_1_16, s_2, p_01, p_02, p_03, stato_1, stato_2, stato_3, stato_4, stato_5, s_1, s_3")


# --- SurveyXact with a frequency battery, through the command -----------------------------------------


@pytest.fixture
def roster_file(tmp_path):
    return write_roster(CORPUS, tmp_path / "roster.csv")


def test_battery_is_the_weight_and_the_status_decides_who_answered(tmp_path, roster_file, run_cli):
    export = write_surveyxact_battery(CORPUS, tmp_path / "sx", encoding="cp1252", delimiter=",")
    before = _bytes(export)
    result = run_cli("survey", "import", export, "--roster", roster_file, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "read 245 answers (SurveyXact) from 40 of 45 people",
        "status (statoverall): 40 of 45 answered (38 Gennemført, 2 Nogen svar, 3 Distribueret, 1 Ny, 1 Frafaldet)",
        "241 ties; answers to review: 4 (4 distinct texts in matches.csv)",
    ]
    people = pd.read_csv(tmp_path / "out" / "people.csv", dtype=str).set_index("id")
    assert people.loc[["k15", "s15", "a13", "a14", "a15"], "responded"].tolist() == ["False"] * 5  # Distribueret, Ny, Frafaldet
    assert people.loc[["k14", "s09"], "responded"].tolist() == ["True"] * 2  # Nogen svar
    answers = pd.read_csv(tmp_path / "out" / "answers.csv", dtype=str, keep_default_na=False)
    assert not (answers["answer"] == OTHER_CHOICE).any() and not answers["answer"].str.contains("Andre").any()
    # the typed text of "Andre, skriv navn(e):" is what is matched: k13 typed "Per" (the one Per of her unit)
    assert answers.loc[(answers["respondent_id"] == "k13") & (answers["answer"] == "Per"), ["id", "method"]].values.tolist() == [["k07", "unit"]]
    battery = answers[answers["question"] == "advice"]
    assert set(battery["frequency"]) >= {"sjældnere", "månedligt", "ugentligt", "dagligt"}  # the tool's wording, as the scale's
    ties = pd.read_csv(tmp_path / "out" / "ties.csv")
    truth = CORPUS.truth()
    weights = dict(zip(zip(truth["source"], truth["target"], truth["relation"]), truth["weight"]))
    assert [w for k, w in zip(zip(ties["source"], ties["target"], ties["relation"]), ties["weight"]) if weights[k] != w] == []
    assert sorted(set(ties["weight"])) == [1, 2, 3, 4]
    assert _bytes(export) == before


def _sx_folder(tmp_path: Path, dataset: list[list[str]], *, statuses=True, extra=None) -> tuple[Path, Path]:
    """A tiny SurveyXact export: meetings as one 0/1 variable per person, and statoverall."""
    roster = pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk"), ("c", "Cy Friis", "c@x.dk")], columns=["id", "name", "email"])
    roster.to_csv(tmp_path / "roster.csv", index=False)
    folder = tmp_path / "sx"
    folder.mkdir()
    structure = [["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"],
                 ["m_1", "m_1_1", "Closed", "Multiple", MEETINGS, "1", "Anna Ærø"], ["m_1", "m_1_2", "Closed", "Multiple", MEETINGS, "2", "Bo Bøgh"],
                 ["m_1", "m_1_3", "Closed", "Multiple", MEETINGS, "3", "Cy Friis"]]
    if statuses:
        structure += [["statoverall", f"stato_{k}", "Closed", "Multiple", "Samlet status", str(k), s]
                      for k, s in enumerate(("Ny", "Distribueret", "Nogen svar", "Gennemført", "Frafaldet"), start=1)]
    header = ["email", "m_1_1", "m_1_2", "m_1_3", *([f"stato_{k}" for k in range(1, 6)] if statuses else [])]
    labels = [["m_1_1", "0", "Ikke valgt"]]
    if extra is not None:  # one more variable: its Structure row and its Labels
        structure.append(extra[0])
        labels += extra[1]
        header.append(extra[0][1])
    for name, rows in (("dataset", [header, *dataset]), ("structure", structure), ("labels", labels)):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode("cp1252"))
    return folder, tmp_path / "roster.csv"


def test_distributed_with_nothing_ticked_did_not_answer_but_some_answers_did(tmp_path):
    folder, roster = _sx_folder(tmp_path, [
        ["a@x.dk", "0", "1", "0", "0", "0", "0", "1", "0"],  # Gennemført, met Bo
        ["b@x.dk", "0", "0", "0", "0", "0", "1", "0", "0"],  # Nogen svar, ticked nobody: answered
        ["c@x.dk", "0", "0", "0", "0", "1", "0", "0", "0"],  # Distribueret, 0 everywhere: did not answer
    ])
    result = import_survey(folder, read_roster(roster))
    assert result.people["responded"].to_dict() == {"a": True, "b": True, "c": False}
    assert result.summary().splitlines()[:2] == [
        "read 1 answer (SurveyXact) from 2 of 3 people",
        "status (statoverall): 2 of 3 answered (1 Gennemført, 1 Nogen svar, 1 Distribueret)",
    ]
    assert result.respondents.set_index("id").loc["b", ["responded", "answers"]].tolist() == [True, 0]


def test_without_a_status_everyone_in_the_export_answered(tmp_path):
    folder, roster = _sx_folder(tmp_path, [["a@x.dk", "0", "1", "0"], ["c@x.dk", "0", "0", "0"]], statuses=False)
    result = import_survey(folder, read_roster(roster))
    assert result.people["responded"].to_dict() == {"a": True, "b": False, "c": True}
    assert result.notes == []


def test_a_status_that_is_none_of_the_five_is_refused(tmp_path, run_cli):
    folder, roster = _sx_folder(tmp_path, [["a@x.dk", "0", "1", "0", "0", "0", "0", "1", "0"], ["b@x.dk", "0", "0", "0", "0", "0", "0", "0", "0"]])
    result = run_cli("survey", "import", folder, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 1 problem in the input:\n"
        f"  - {folder} [Dataset], row 3, column 'stato_1': status '(none)' is none of Ny, Distribueret, Nogen svar, Gennemført, "
        "Frafaldet (statoverall)\n")
    assert not (tmp_path / "out").exists()


def test_a_battery_code_without_a_frequency_label_is_refused_naming_the_variable(tmp_path, roster_file):
    export = write_surveyxact_battery(CORPUS, tmp_path / "sx", encoding="cp1252", delimiter=",")
    labels = (export / "labels.csv").read_text(encoding="cp1252").replace("r_1_1,3,Ugentligt", "r_1_1,3,Hver uge")
    (export / "labels.csv").write_text(labels, encoding="cp1252")
    with pytest.raises(InputError) as error:
        import_survey(export, read_roster(roster_file))
    assert str(error.value) == (
        f"1 problem in the input:\n  - {export}, rows 38, 43 (2 rows), column 'r_1_1': 'Hver uge' is neither selected/not selected "
        f"nor a frequency of the scale ({SCALE_TEXT})")


# --- frequency labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize("label, meant", [
    ("Sjældnere end månedligt", "sjældnere"), ("SJÆLDNERE", "sjældnere"), ("Ugentligt", "ugentligt"), ("dagligt ", "dagligt"),
    ("Less often than monthly", "less often"), ("Weekly", "weekly"), ("Saajaeldnere", None), ("hver time", None), ("", None),
    ("månedligt eller sjældnere", "månedligt"),  # the label's first words decide
])
def test_frequency_labels_in_the_tools_wording(label, meant):
    assert Scale(QuestionSet()).label_of(label) == meant


def test_a_frequency_off_the_scale_names_the_real_column(tmp_path, run_cli):
    roster = pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk")], columns=["id", "name", "email"])
    roster.to_csv(tmp_path / "roster.csv", index=False)
    export = tmp_path / "export.csv"
    export.write_text("respondent_email,question,answer_text,hvor_ofte\na@x.dk,advice,Bo Bøgh,Hver time\nb@x.dk,advice,Anna Ærø,Sjældnere end månedligt\n",
                      encoding="utf-8")
    result = run_cli("survey", "import", export, "--roster", tmp_path / "roster.csv", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (f"Error: 1 problem in the input:\n  - {export}, row 2, column 'hvor_ofte': frequency 'Hver time' is not on the scale "
                             f"({SCALE_TEXT})\n")


# --- long tables ----------------------------------------------------------------------------------------------


def test_another_tools_long_table_says_which_column_is_which(tmp_path, roster_file, run_cli):
    export = write_long_foreign(CORPUS, tmp_path / "answers-export.csv")
    before = export.read_bytes()
    result = run_cli("survey", "import", export, "--roster", roster_file, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "read 245 answers (long table) from 40 of 45 people",
        "columns read: respondent = 'respondent_email', question = 'question', answer = 'answer_text', frequency = 'frequency'",
        "241 ties; answers to review: 4 (4 distinct texts in matches.csv)",
    ]
    assert "columns read: respondent = 'respondent_email'" in (tmp_path / "out" / "import.txt").read_text(encoding="utf-8")
    assert export.read_bytes() == before


def _long_file(tmp_path: Path, header: str, toml: str | None = None) -> tuple[Path, Path]:
    roster = pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk")], columns=["id", "name", "email"])
    roster.to_csv(tmp_path / "roster.csv", index=False)
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "export.csv").write_text(f"{header}\na@x.dk,x,advice,Bo Bøgh,Ugentligt\n", encoding="utf-8")
    if toml is not None:
        (folder / "orgnet.toml").write_text(toml, encoding="utf-8")
    return folder / "export.csv", tmp_path / "roster.csv"


def test_orgnet_toml_names_a_long_tables_columns(tmp_path):
    export, roster = _long_file(tmp_path, "Hvem svarede,Afdeling,Spørgsmål nr,Kollega,Kontakt hvor tit",
                                '[columns]\n"Hvem svarede" = "respondent"\n"Spørgsmål nr" = "question"\nKollega = "answer"\n"Kontakt hvor tit" = "frequency"\n')
    before = export.read_bytes()
    result = import_survey(export, read_roster(roster))
    assert [message_text(n, "en") for n in result.notes] == ["columns read: respondent = 'Hvem svarede', question = 'Spørgsmål nr', answer = 'Kollega', frequency = 'Kontakt hvor tit'; "
                            "not read: 'Afdeling'"]
    assert result.ties[["source", "target", "relation", "weight"]].values.tolist() == [["a", "b", "advice", 3.0]]
    assert export.read_bytes() == before


def test_two_columns_for_one_role_are_refused(tmp_path, run_cli):
    export, roster = _long_file(tmp_path, "email,respondent_id,question,answer,frequency")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (f"Error: 1 problem in the input:\n  - {export}: columns 'email' and 'respondent_id' could each be the respondent; "
                             "name the one to use in orgnet.toml [columns], e.g. \"email\" = \"respondent\"\n")


def test_a_table_with_a_role_missing_names_its_columns_and_orgnet_toml(tmp_path, run_cli):
    export, roster = _long_file(tmp_path, "respondent_email,Afdeling,Nr,answer_text,frequency")
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: 1 problem in the input:\n  - {export}: not a survey export orgnet knows: expected a Google Forms CSV (Timestamp, …), "
        "a Qualtrics CSV (three header rows) or a long table (respondent, question, answer); a long table's columns can be named in "
        "orgnet.toml [columns], e.g. \"respondent_email\" = \"respondent\". Columns in the file: respondent_email, Afdeling, Nr, answer_text, frequency\n")


# --- Google Forms' downloaded CSV ------------------------------------------------------------------------------


@pytest.mark.parametrize("danish", [False, True])
def test_google_download_joins_checkboxes_with_semicolons(danish, tmp_path, roster_file, run_cli):
    export = write_google_download(CORPUS, tmp_path / "responses.csv", danish=danish)
    text = export.read_text(encoding="utf-8")
    assert text.startswith('"Tidsstempel","Mailadresse",' if danish else '"Timestamp","Email Address",')
    assert '"2026/03/02 7:31:59 AM CET"' in text
    before = export.read_bytes()
    result = run_cli("survey", "import", export, "--roster", roster_file, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "read 245 answers (Google Forms) from 40 of 45 people",
        "checkboxes joined by ';' (Google Forms' Download responses)",
        "241 ties; answers to review: 4 (4 distinct texts in matches.csv)",
    ]
    answers = pd.read_csv(tmp_path / "out" / "answers.csv", dtype=str, keep_default_na=False)
    meetings = answers[answers["question"] == "meetings"]
    assert not meetings["answer"].str.contains(";").any()
    assert meetings["answer"].str.contains("Værkstedet, dag og aften").any()  # a unit with a comma stays whole
    assert export.read_bytes() == before



def test_a_long_table_in_a_workbook_is_read_by_the_same_names(tmp_path, roster_file):
    from orgnet.io.excel import write_workbook

    csv_file = write_long_foreign(CORPUS, tmp_path / "answers-export.csv")
    frame = pd.read_csv(csv_file, dtype=str, keep_default_na=False)
    write_workbook({"Svar": frame}, tmp_path / "answers-export.xlsx")
    result = import_survey(tmp_path / "answers-export.xlsx", read_roster(roster_file))
    assert result.tool == "long"  # a code: the summary says "long table" / "lang tabel"
    assert [message_text(n, "en") for n in result.notes] == ["columns read: respondent = 'respondent_email', question = 'question', answer = 'answer_text', frequency = 'frequency'"]
    assert len(result.ties) == 241
