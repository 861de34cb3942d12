"""The errors of `orgnet survey`, of a flags.toml, of --where, --missing and --layer, said in the
command's language: whole Danish sentences with --lang da, and with --lang en the English exactly
as it was before the words moved to texts/<lang>/errors-survey.toml."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.errors import InputError, Said
from orgnet.survey.questions import load_questions
from tests.survey.corpus import ADVICE, MEETINGS

FLAGS = "isolated, thin, no_internal, no_external, no_informal_external, single_bridge, bottleneck, weak_bagland, no_management_tie"


@pytest.fixture
def folder(tmp_path):
    """A data folder of three people, a roster without names, one with a shared e-mail, a bad
    flags.toml and a bad questions.toml."""
    files = {
        "people.csv": "id,name,role\na,Anna,leader\nb,Bo,staff\nc,Cy,staff\n",
        "ties.csv": "source,target,relation,kind\na,b,advice,informal\nb,c,advice,informal\n",
        "rules.toml": '[lonely]\nseverity = "high"\n[thin]\nfloor = "many"\n',
        "q.toml": '[[question]]\nkey = "advice"\nrelation = "advice"\nkind = "friendly"\ncolour = "red"\nshape = 1\n',
        "noname.csv": "id,email\na,a@x.dk\n",
        "dup.csv": "id,name,email\na,Anna,a@x.dk\nb,Bo,A@x.dk\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def said(folder, *arguments: str, lang: str):
    result = CliRunner().invoke(main, [str(a).replace("DATA", str(folder)) for a in arguments] + ["--lang", lang])
    assert result.exit_code == 1, result.output
    return result.output.replace(str(folder), "DATA")


CASES = [
    (("summary", "DATA", "--where", "role"),
     "Fejl: --where 'role': skriv attribut=værdi eller attribut!=værdi, f.eks. --where role=leader\n",
     "Error: --where 'role': write attribute=value or attribute!=value, e.g. --where role=leader\n"),
    (("summary", "DATA", "--where", "role=nobody"),
     "Fejl: --where role=nobody: ingen person har role 'nobody'. Værdier i role: leader, staff\n",
     "Error: --where role=nobody: no person has role 'nobody'. Values of role: leader, staff\n"),
    (("summary", "DATA", "--where", "role=leader", "--where", "name=Bo"),
     "Fejl: --where role=leader name=Bo: ingen person opfylder alle betingelser\n",
     "Error: --where role=leader name=Bo: no person meets every condition\n"),
    (("summary", "DATA", "--where", "unit=x"),
     "Fejl: --where: ingen attribut 'unit'. Attributter: id, name, role\n",
     "Error: --where: no attribute 'unit'. Attributes: id, name, role\n"),
    (("summary", "DATA", "--missing", "reconstruct"),
     "Fejl: --missing reconstruct: persontabellen har ingen kolonne 'responded', så det vides ikke, hvem der ikke har svaret; "
     "orgnet survey import skriver den (eller tilføj den: ja eller nej for hver person)\n",
     "Error: --missing reconstruct: the people table has no 'responded' column, so no one is known not to have answered; "
     "orgnet survey import writes it (or add it: yes or no per person)\n"),
    (("summary", "DATA", "--layer", "friendly"),
     "Fejl: ukendt led 'friendly' i laget 'friendly'. Kendte led: all, formal, informal, internal, external, advice\n",
     "Error: unknown layer term 'friendly' in 'friendly'. Known terms: all, formal, informal, internal, external, advice\n"),
    (("flags", "DATA", "--rules", "DATA/rules.toml"),
     f"Fejl: 2 problemer i inddata:\n  - DATA/rules.toml: ukendt flag [lonely]; flag: {FLAGS}\n"
     "  - DATA/rules.toml: [thin] floor = 'many' skal være et tal\n",
     f"Error: 2 problems in the input:\n  - DATA/rules.toml: unknown flag [lonely]; flags: {FLAGS}\n"
     "  - DATA/rules.toml: [thin] floor = 'many' must be a number\n"),
    (("survey", "import", "DATA/nothere.csv", "--roster", "DATA/people.csv", "-o", "DATA/out"),
     "Fejl: 1 problem i inddata:\n  - DATA/nothere.csv: filen eller mappen findes ikke\n",
     "Error: 1 problem in the input:\n  - DATA/nothere.csv: no such file or folder\n"),
    (("survey", "template", "DATA/noname.csv", "-o", "DATA/t"),
     "Fejl: 1 problem i inddata:\n  - DATA/noname.csv: kolonnen 'name' mangler; medarbejderlisten skal have id og name. Kolonner: id, email\n",
     "Error: 1 problem in the input:\n  - DATA/noname.csv: missing column 'name'; the roster needs id and name. Columns: id, email\n"),
    (("survey", "template", "DATA/dup.csv", "-o", "DATA/t"),
     "Fejl: 1 problem i inddata:\n  - DATA/dup.csv, række 3, kolonne 'email': e-mailen 'A@x.dk' er også e-mailen i række 2 ('a@x.dk', id 'a'); "
     "svarene kobles til personerne via e-mail, så hver person skal have sin egen\n",
     "Error: 1 problem in the input:\n  - DATA/dup.csv, row 3, column 'email': e-mail 'A@x.dk' is also the e-mail of row 2 ('a@x.dk', id 'a'); "
     "answers are found by e-mail, so each person needs their own\n"),
    (("survey", "import", "DATA/nothere.csv", "--roster", "DATA/people.csv", "-o", "DATA/out", "--questions", "DATA/q.toml"),
     "Fejl: 2 problemer i inddata:\n"
     "  - DATA/q.toml: [[question]] nummer 1 har de ukendte nøgler 'colour', 'shape'; forventede key, relation, kind, da, en, match\n"
     "  - DATA/q.toml: [[question]] nummer 1: kind 'friendly' er hverken 'formal' eller 'informal'\n",
     "Error: 2 problems in the input:\n"
     "  - DATA/q.toml: [[question]] number 1 has the unknown keys 'colour', 'shape'; expected key, relation, kind, da, en, match\n"
     "  - DATA/q.toml: [[question]] number 1: kind 'friendly' is neither 'formal' nor 'informal'\n"),
]


@pytest.mark.parametrize(("arguments", "danish", "english"), CASES, ids=[" ".join(case[0][:4]) for case in CASES])
def test_the_error_is_said_in_the_commands_language(folder, arguments, danish, english):
    assert said(folder, *arguments, lang="da") == danish
    assert said(folder, *arguments, lang="en") == english


def _export(folder, rows):
    pd.DataFrame([("a", "Anna Ærø", "a@x.dk"), ("b", "Bo Bøgh", "b@x.dk")], columns=["id", "name", "email"]).to_csv(folder / "roster.csv", index=False)
    header = ["Timestamp", "Email Address", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1", MEETINGS]
    pd.DataFrame(rows, columns=header).to_csv(folder / "google.csv", index=False)
    return ("survey", "import", "DATA/google.csv", "--roster", "DATA/roster.csv", "-o", "DATA/out")


def test_the_answers_problems_are_said_in_danish_row_by_row(folder):
    arguments = _export(folder, [["t", "a@x.dk", "Bo Bøgh", "hver time", ""], ["t", "c@x.dk", "Anna", "", ""], ["t", "", "", "", ""], ["t", "a@x.dk", "", "", ""]])
    scale = "dagligt, ugentligt, månedligt, sjældnere, daily, weekly, monthly, less often"

    assert said(folder, *arguments, lang="da") == (
        "Fejl: 4 problemer i inddata:\n"
        f"  - DATA/google.csv, række 2, kolonne '{ADVICE} – hyppighed 1': hyppigheden 'hver time' er ikke på skalaen ({scale})\n"
        "  - DATA/google.csv, række 3: den svarende 'c@x.dk' er ikke på medarbejderlisten (fundet ud fra e-mail og id)\n"
        "  - DATA/google.csv, række 4: svaret har ingen e-mail eller id på den svarende; et anonymt svar kan ikke placeres i netværket\n"
        "  - DATA/google.csv, række 5: den svarende 'a@x.dk' har svaret to gange (første gang i række 2); behold ét af svarene\n"
    )
    assert said(folder, *arguments, lang="en") == (
        "Error: 4 problems in the input:\n"
        f"  - DATA/google.csv, row 2, column '{ADVICE} – hyppighed 1': frequency 'hver time' is not on the scale ({scale})\n"
        "  - DATA/google.csv, row 3: respondent 'c@x.dk' is not in the roster (matched on e-mail and id)\n"
        "  - DATA/google.csv, row 4: the answer has no e-mail or respondent id; an anonymous answer cannot be placed in the network\n"
        "  - DATA/google.csv, row 5: respondent 'a@x.dk' answered twice (first at row 2); keep one of the answers\n"
    )


def test_a_decision_for_no_one_on_the_roster_is_said_in_danish(folder):
    arguments = _export(folder, [["t", "a@x.dk", "Bo", "", ""]])
    (folder / "m.csv").write_text("answer,context,id\nBo,,zz\n", encoding="utf-8")

    assert said(folder, *arguments, "--matches", "DATA/m.csv", lang="da") == (
        "Fejl: 1 problem i inddata:\n  - DATA/m.csv, række 2, kolonne 'id': 'zz' er ikke et id på medarbejderlisten (skriv et id fra listen, eller ingen)\n")
    assert said(folder, *arguments, "--matches", "DATA/m.csv", lang="en") == (
        "Error: 1 problem in the input:\n  - DATA/m.csv, row 2, column 'id': 'zz' is not an id in the roster (write an id from the roster, or none)\n")


def test_one_unknown_key_is_singular_and_the_missing_ones_are_named_first(tmp_path):
    (tmp_path / "q.toml").write_text('[[question]]\nkee = "advice"\nrelation = "advice"\nkind = "informal"\n', encoding="utf-8")

    with pytest.raises(InputError) as error:
        load_questions(tmp_path / "q.toml")

    line = error.value.text("da").splitlines()[1]
    assert line.endswith(": [[question]] nummer 1 mangler key og har den ukendte nøgle 'kee'; forventede key, relation, kind, da, en, match")
    assert str(error.value).splitlines()[1].endswith(": [[question]] number 1 lacks key and has the unknown key 'kee'; expected key, relation, kind, da, en, match")


def test_lists_are_joined_with_the_languages_and_and_or():
    from orgnet.missing import _or
    from orgnet.survey.roster import and_list

    assert Said("error.data.missing.treatment", treatment="x", choices=_or(["keep", "reconstruct"])).text("da") == "--missing x: brug keep eller reconstruct"
    assert str(Said("error.data.missing.treatment", treatment="x", choices=_or(["keep", "reconstruct"]))) == "--missing x: use keep or reconstruct"
    assert and_list(["'a'", "'b'", "'c'"]).text("da") == "'a' og 'b' og 'c'"
    assert str(and_list(["'a'", "'b'", "'c'"])) == "'a' and 'b' and 'c'"


def test_decisions_that_would_be_lost_agree_with_their_count():
    def lost(n, lang):
        return Said("error.survey.decisions.would_lose", n=n, row=2, answer="'Bo'", context=Said("error.survey.decisions.in_context", context="'A'"),
                    person="b", instead=Said("error.survey.decisions.no_id"), file="out/matches.csv", folder="out").text(lang)

    assert lost(1, "da") == ("rummer 1 afgørelse, som denne import ville miste eller ændre (første: række 2, 'Bo' i sammenhængen 'A': b → intet id); "
                             "kør igen med --matches out/matches.csv for at beholde den, eller flyt filen ud af out for at starte forfra")
    assert lost(2, "da").startswith("rummer 2 afgørelser, som") and "for at beholde dem," in lost(2, "da")
    assert lost(1, "en").startswith("holds 1 decision this import would lose or change (first: row 2, 'Bo' in context 'A': b → no id); ")
    assert lost(2, "en").startswith("holds 2 decisions this import")
