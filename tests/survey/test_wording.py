"""What `orgnet survey template` and `orgnet survey import` write for a person to read, in Danish
and in English, on the shipped sample (datasets/survey-sample, what `orgnet demo --survey` uses)
and on a small export that needs every singular: exact sentences, no English word or code in the
Danish, no "1 <plural>". The files orgnet reads back (matches.csv, …) keep their codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgnet.survey import QuestionSet, load_questions
from orgnet.survey.names import fold
from orgnet.survey.template import FREQUENCIES
from orgnet.texts import texts

SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"

# English words and orgnet's codes that must not stand in Danish output (file names, paths and
# the values a user wrote, in quotes, are taken out first)
ENGLISH = {
    "the", "and", "of", "to", "from", "in", "is", "below", "read", "wrote", "used", "tie", "ties", "answer", "answers",
    "review", "name", "names", "people", "person's", "response", "rate", "warning", "decision", "decisions", "columns",
    "question", "questions", "frequency", "daily", "weekly", "monthly", "often", "contact", "contacts", "survey", "roster",
    "list", "distinct", "text", "texts", "row", "file", "none", "all", "advice", "meetings", "informal", "formal", "long",
    "table", "ambiguous", "unmatched", "manual", "exact", "self", "merged", "respondent", "organisations",
}
DANISH_PLURALS = ("personer", "forbindelser", "navne", "afgørelser", "tekster", "forskellige", "kontakter", "organisationer")
ENGLISH_PLURALS = ("people", "ties", "answers", "names", "decisions", "texts", "contacts", "organisations")


def words_of(text: str, tmp_path: Path) -> set[str]:
    """The words of ``text`` that orgnet wrote: no paths, no file names, nothing in quotes."""
    text = text.replace(str(tmp_path), "").replace(str(SAMPLE), "")
    text = re.sub(r"\S+\.(csv|txt|toml|xlsx)\b", "", text)
    text = re.sub(r"'[^']*'", "", text)
    return set(re.findall(r"[a-zæøåA-ZÆØÅ']+", text.lower()))


def check_danish(text: str, tmp_path: Path) -> None:
    assert sorted(words_of(text, tmp_path) & ENGLISH) == []
    assert re.findall(rf"\b1 (?:{'|'.join(DANISH_PLURALS)})\b", text) == []


def check_english(text: str) -> None:
    assert re.findall(rf"\b1 (?:{'|'.join(ENGLISH_PLURALS)})\b", text) == []


# --- questions.txt ------------------------------------------------------------------------------------

QUESTIONS_DA = """\
Netværksundersøgelse — spørgsmål
================================

Spørg hver medarbejder og leder på listen. Om en kontakt er intern eller ekstern (egen organisation eller ej), følger af listen; det skal ikke spørges om.

1. Hvem søger du råd og sparring hos?  [uformel: råd og sparring]
2. Hvem mødes du med i faste fora (møder, udvalg, MED)?  [formel: faste fora]

Hyppighed (vægt):
  dagligt = 4
  ugentligt = 3
  månedligt = 2
  sjældnere = 1

Opsætning (virker i Microsoft Forms, Google Forms, SurveyXact og Qualtrics): til hvert spørgsmål 5 felter '<spørgsmål> – kontakt 1..5' (vælg navn fra listen, eller skriv det), hvert med et felt '<spørgsmål> – hyppighed 1..5' med skalaen nedenfor, og et felt '<spørgsmål> – andre (skriv navne)'. Et flervalg med hele listen kan bruges i stedet; så får hver valgt kontakt vægten 1.

Navnelisten står i choices.txt, én person pr. linje som 'Navn (Enhed)', så navnebrødre kan skelnes. Indsæt linjerne som svarmuligheder.
Send skemaet personligt (med e-mail), så svaret kan kobles til listen; anonyme svar kan ikke bruges.

Fri genkaldelse uden liste mister omkring en femtedel af de sande forbindelser (Brewer & Webster 1999); brug listen, hvor det kan lade sig gøre.
"""

QUESTIONS_EN = """\
Network survey — questions
==========================

Ask everyone on the roster. Whether a contact is internal or external (own organisation or not) follows from the roster; do not ask it.

1. Who do you turn to for advice and sparring?  [informal: advice]
2. Whom do you meet in fixed forums (meetings, committees, MED)?  [formal: meetings]

Frequency (weight):
  daily = 4
  weekly = 3
  monthly = 2
  less often = 1

Layout (works in Microsoft Forms, Google Forms, SurveyXact and Qualtrics): for each question 5 fields '<question> – contact 1..5' (pick a name from the list, or type it), each with a field '<question> – frequency 1..5' on the scale below, and a field '<question> – others (write names)'. A multi-select of the whole roster can be used instead; each ticked contact then gets weight 1.

The roster is in choices.txt, one person a line as 'Name (Unit)', so that namesakes differ. Paste the lines as answer options.
Send the survey personally (with e-mail) so that each answer can be tied to the roster; anonymous answers cannot be used.

Free recall without a list loses about a fifth of the true ties (Brewer & Webster 1999); use the list wherever you can.
"""


@pytest.mark.parametrize("lang", ["da", "en"])
def test_questions_txt_on_the_sample(lang, tmp_path, run_cli):
    out = tmp_path / "q"
    result = run_cli("survey", "template", SAMPLE / "roster.csv", "-o", out, "--lang", lang)

    assert result.exit_code == 0, result.output
    first = {"da": "skrev spørgeskemaet til 45 personer:", "en": "wrote the questionnaire for 45 people:"}[lang]
    names = ("questions.txt", "questions.da.txt", "questions.en.txt", "choices.txt", "questions.toml")
    assert result.output == "\n".join([first, *(f"  {out / name}" for name in names)]) + "\n"
    text = (out / "questions.txt").read_text(encoding="utf-8")
    assert text == {"da": QUESTIONS_DA, "en": QUESTIONS_EN}[lang]
    assert (out / "questions.da.txt").read_text(encoding="utf-8") == QUESTIONS_DA
    assert (out / "questions.en.txt").read_text(encoding="utf-8") == QUESTIONS_EN
    if lang == "da":
        check_danish(result.output + text, tmp_path)
    check_english(QUESTIONS_EN + result.output)


def test_a_large_roster_is_counted_in_words_and_numbers_the_danish_way(tmp_path, run_cli):
    roster = tmp_path / "r.csv"
    roster.write_text("id,name\n" + "".join(f"p{i},Person {i}\n" for i in range(1170)), encoding="utf-8")
    result = run_cli("survey", "template", roster, "-o", tmp_path / "q", "--lang", "da")

    assert result.output.startswith("skrev spørgeskemaet til 1.170 personer:\n")
    assert (tmp_path / "q" / "questions.txt").read_text(encoding="utf-8").endswith(
        "Listen har 1.170 personer: brug et spørgsmål med søgning, mens man skriver (fx søg i liste i SurveyXact og Qualtrics), "
        "frem for en lang afkrydsningsliste. Fri genkaldelse uden liste mister omkring en femtedel af de sande forbindelser "
        "(Brewer & Webster 1999).\n")


@pytest.mark.parametrize(("environment", "first"), [({}, "wrote the questionnaire"), ({"ORGNET_LANG": "da"}, "skrev spørgeskemaet")])
def test_template_speaks_orgnet_lang_without_lang(environment, first, tmp_path, monkeypatch, run_cli):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = run_cli("survey", "template", SAMPLE / "roster.csv", "-o", tmp_path / "q")

    assert result.output.startswith(first)
    assert (tmp_path / "q" / "questions.txt").read_text(encoding="utf-8") == (QUESTIONS_DA if environment else QUESTIONS_EN)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_scale_questions_txt_shows_is_the_scale_the_import_reads(lang):
    weights = QuestionSet().weights
    shown = {fold(texts(lang).t(f"survey.template.frequency.{key}")): float(weight) for key, weight in FREQUENCIES}

    assert {label: weights.get(label) for label in shown} == shown


def test_the_templates_questions_toml_is_commented_in_danish_and_reads_back_as_the_built_in_questions(tmp_path, run_cli):
    run_cli("survey", "template", SAMPLE / "roster.csv", "-o", tmp_path / "q", "--lang", "da")
    toml = (tmp_path / "q" / "questions.toml").read_text(encoding="utf-8")

    assert toml.startswith("# Hvilket spørgsmål i undersøgelsen der bliver til hvilken relation. `orgnet survey import --questions` læser filen.\n")
    assert "[scale]  # svar om hyppighed = forbindelsens vægt\n" in toml
    read = load_questions(tmp_path / "q" / "questions.toml")
    assert [(q.key, q.relation, q.kind, q.text("da"), q.text("en"), q.match) for q in read.questions] == [
        (q.key, q.relation, q.kind, q.text("da"), q.text("en"), q.match) for q in QuestionSet().questions]
    assert read.questions[0].da == "Hvem søger du råd og sparring hos?"


def test_her_own_questions_appear_as_she_wrote_them(tmp_path, run_cli):
    own = tmp_path / "questions.toml"
    own.write_text('[[question]]\nkey = "sparring"\nrelation = "sparring_ledere"\nkind = "informal"\nda = "Hvem sparrer du med om ledelse?"\n'
                   'match = ["sparrer"]\n\n[scale]\n"hver uge" = 2\n"sjældent" = 0.5\n', encoding="utf-8")
    from orgnet.survey.roster import read_roster
    from orgnet.survey.template import questions_text

    text = questions_text(read_roster(SAMPLE / "roster.csv"), load_questions(own), "da")

    assert "\n1. Hvem sparrer du med om ledelse?  [uformel: sparring_ledere]\n" in text
    assert "\nHyppighed (vægt):\n  hver uge = 2\n  sjældent = 0,5\n" in text
    # in English she wrote nothing: her Danish text, not a translation orgnet does not have
    assert "\n1. Hvem sparrer du med om ledelse?  [informal: sparring_ledere]\n" in questions_text(read_roster(SAMPLE / "roster.csv"), load_questions(own), "en")


# --- the import's summary (terminal and import.txt) --------------------------------------------------------

IMPORT_DA = """\
læste 245 svar (Microsoft Forms) fra 40 af 45 personer
241 forbindelser; 4 svar til gennemsyn (4 forskellige tekster i matches.csv)
svarprocent: alle 89\u00a0%, Kærholm 93\u00a0%, Solsikken 93\u00a0%, Åbakken Skole 80\u00a0%
"""
DECIDED_DA = """\
læste 245 svar (Microsoft Forms) fra 40 af 45 personer
243 forbindelser; ingen svar til gennemsyn
2 svar afgjort som ingen på listen
svarprocent: alle 89\u00a0%, Kærholm 93\u00a0%, Solsikken 93\u00a0%, Åbakken Skole 80\u00a0%
brugte 4 afgørelser fra {decisions}
"""
IMPORT_EN = """\
read 245 answers (Microsoft Forms) from 40 of 45 people
241 ties; answers to review: 4 (4 distinct texts in matches.csv)
response rate: all 89%, Kærholm 93%, Solsikken 93%, Åbakken Skole 80%
"""
DECIDED_EN = """\
read 245 answers (Microsoft Forms) from 40 of 45 people
243 ties; no answers to review
2 answers decided as no one on the roster
response rate: all 89%, Kærholm 93%, Solsikken 93%, Åbakken Skole 80%
used 4 decisions from {decisions}
"""
REVIEW = {
    "da": "4 navne til gennemsyn: skriv et id (eller ingen) i kolonnen id i {matches}, og kør så den samme import igen (den bruger afgørelserne i filen)",
    "en": "4 names to review: write an id (or none) in the id column of {matches}, then run the same import again (it uses the decisions in that file)",
}
WROTE = {"da": "skrev {folder} ({files})", "en": "wrote {folder} ({files})"}
FILES = "people.csv, ties.csv, orgnet.toml, matches.csv, answers.csv, respondents.csv, response_rates.csv, import.txt"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_import_of_the_sample_speaks_the_chosen_language(lang, tmp_path, run_cli):
    out = tmp_path / "network"
    first = run_cli("survey", "import", SAMPLE / "forms.xlsx", "--roster", SAMPLE / "roster.csv", "-o", out, "--lang", lang)
    summary = {"da": IMPORT_DA, "en": IMPORT_EN}[lang]

    assert first.exit_code == 0, first.output
    assert first.output == summary + "\n" + REVIEW[lang].format(matches=out / "matches.csv") + "\n\n" + WROTE[lang].format(folder=out, files=FILES) + "\n"
    assert (out / "import.txt").read_text(encoding="utf-8") == summary

    decided = run_cli("survey", "import", SAMPLE / "forms.xlsx", "--roster", SAMPLE / "roster.csv", "-o", out, "--lang", lang,
                      "--matches", SAMPLE / "decisions.csv")
    summary = {"da": DECIDED_DA, "en": DECIDED_EN}[lang].format(decisions=SAMPLE / "decisions.csv")

    assert decided.exit_code == 0, decided.output
    assert decided.output == summary + "\n" + WROTE[lang].format(folder=out, files=FILES) + "\n"
    assert (out / "import.txt").read_text(encoding="utf-8") == summary
    if lang == "da":
        check_danish(first.output + decided.output, tmp_path)
    else:
        check_english(first.output + decided.output)


def test_the_files_orgnet_reads_back_keep_their_codes_in_danish(tmp_path, run_cli):
    out = tmp_path / "network"
    run_cli("survey", "import", SAMPLE / "forms.xlsx", "--roster", SAMPLE / "roster.csv", "-o", out, "--lang", "da")

    assert (out / "matches.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "answer,context,id,name,score,method,candidates,answers,review,why"
    assert (out / "response_rates.csv").read_text(encoding="utf-8-sig").splitlines()[:2] == ["level,group,people,responded,rate", "all,all,45,40,0.8889"]
    assert (out / "orgnet.toml").read_text(encoding="utf-8").endswith('[relations]\nadvice = "informal"\nmeetings = "formal"\n')


def _small(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Four answers that need every singular: one tie, one to review, one self-naming, one merged, one decision."""
    roster, export, decisions = tmp_path / "roster.csv", tmp_path / "svar.csv", tmp_path / "afgørelser.csv"
    roster.write_text("id,name,email,unit\na,Anna Berg,a@x.dk,U1\nb,Bo Dahl,b@x.dk,U2\nc,Bo Holm,c@x.dk,U2\nd,Di Lund,d@x.dk,U1\n", encoding="utf-8")
    export.write_text("mailadresse,spørgsmål,svar,hyppighed\n"
                      "a@x.dk,Råd og sparring,Bo,dagligt\na@x.dk,Råd og sparring,Anna Berg,ugentligt\n"
                      "b@x.dk,Råd og sparring,Di Lund,dagligt\nb@x.dk,Råd og sparring,Di Lund,månedligt\n", encoding="utf-8")
    decisions.write_text("answer,context,id\nBo,U1,b\nBent Ravn,,none\n", encoding="utf-8")
    return roster, export, decisions


SMALL = {
    "da": ("læste 4 svar (lang tabel) fra 2 af 4 personer\n"
           "læste kolonnerne: den svarende = 'mailadresse', spørgsmål = 'spørgsmål', svar = 'svar', hyppighed = 'hyppighed'\n"
           "{ties}\n"
           "1 svar, hvor den svarende nævnte sig selv (ingen forbindelse)\n"
           "1 svar nævnte en person for anden gang (lagt sammen til én forbindelse)\n"
           "svarprocent: alle 50\u00a0%\n"
           "{decisions}"
           "advarsel: svarprocenten 50\u00a0% er under 80\u00a0%: den enkeltes mellemliggende centralitet er upålidelig "
           "(Smith & Moody 2013; kontakter nævnt af andre og nærhed er mere robuste)\n"
           "advarsel: svarprocenten 50\u00a0% er under 65\u00a0%: sammenligninger mellem grupper er kun vejledende\n"
           "{unused}"),
    "en": ("read 4 answers (long table) from 2 of 4 people\n"
           "columns read: respondent = 'mailadresse', question = 'spørgsmål', answer = 'svar', frequency = 'hyppighed'\n"
           "{ties}\n"
           "1 answer in which the respondent named themselves (not a tie)\n"
           "1 answer named a person a second time (merged into one tie)\n"
           "response rate: all 50%\n"
           "{decisions}"
           "warning: response rate 50% is below 80%: individual betweenness is unreliable (Smith & Moody 2013; in-degree and closeness are more robust)\n"
           "warning: response rate 50% is below 65%: comparisons between groups are indicative only\n"
           "{unused}"),
}
SMALL_FIRST = {
    "da": ("1 forbindelse; 1 svar til gennemsyn (1 forskellig tekst i matches.csv)",
           "1 navn til gennemsyn: skriv et id (eller ingen) i kolonnen id i {matches}, og kør så den samme import igen (den bruger afgørelserne i filen)"),
    "en": ("1 tie; answers to review: 1 (1 distinct text in matches.csv)",
           "1 name to review: write an id (or none) in the id column of {matches}, then run the same import again (it uses the decisions in that file)"),
}
SMALL_DECIDED = {
    "da": ("2 forbindelser; ingen svar til gennemsyn", "brugte 1 afgørelse fra {file}\n",
           "advarsel: {file}, række 3: intet svar 'Bent Ravn' i eksporten; afgørelsen (ingen) blev ikke brugt (beholdt i matches.csv som en række med 0 svar)\n"),
    "en": ("2 ties; no answers to review", "used 1 decision from {file}\n",
           "warning: {file}, row 3: no answer 'Bent Ravn' in the export; the decision (none) was not used (kept in matches.csv with answers 0)\n"),
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_one_of_each_is_counted_in_the_singular(lang, tmp_path, run_cli):
    roster, export, decisions = _small(tmp_path)
    out = tmp_path / "netværk"
    first = run_cli("survey", "import", export, "--roster", roster, "-o", out, "--lang", lang)
    ties, review = SMALL_FIRST[lang]
    summary = SMALL[lang].format(ties=ties, decisions="", unused="")

    assert first.exit_code == 0, first.output
    assert first.output == summary + "\n" + review.format(matches=out / "matches.csv") + "\n\n" + WROTE[lang].format(folder=out, files=FILES) + "\n"
    assert (out / "import.txt").read_text(encoding="utf-8") == summary

    again = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "igen", "--lang", lang, "--matches", decisions)
    ties, used, unused = SMALL_DECIDED[lang]
    summary = SMALL[lang].format(ties=ties, decisions=used.format(file=decisions), unused=unused.format(file=decisions))

    assert again.exit_code == 0, again.output
    assert again.output == summary + "\n" + WROTE[lang].format(folder=tmp_path / "igen", files=FILES) + "\n"
    if lang == "da":
        check_danish(first.output + again.output, tmp_path)
    else:
        check_english(first.output + again.output)


# --- orgnet demo --survey ------------------------------------------------------------------------------------


def test_the_survey_demo_speaks_danish(tmp_path, run_cli):
    result = run_cli("demo", "--survey", "-o", tmp_path / "demo", "--lang", "da")

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"1/4 spørgeskema til 45 personer (3 organisationer): {tmp_path / 'demo' / 'questionnaire'}"
    assert "2/4 importerede eksporten fra Microsoft Forms, forms.xlsx" in lines
    assert "navne til gennemsyn (matches.csv):" in lines
    assert lines[lines.index("navne til gennemsyn (matches.csv):") + 1].split() == ["svar", "den", "svarendes", "enhed", "metode", "kandidater"]
    assert "3/4 importerede igen med konsulentens afgørelser (survey-sample/decisions.csv): 243 forbindelser, ingen navne tilbage til gennemsyn" in lines
    assert "4/4 rapporten er skrevet" in lines
    assert lines[-1] == f"datamappe (alle orgnet-kommandoer læser den): {tmp_path / 'demo' / 'network'}"
    check_danish(result.output.replace("Microsoft Forms", ""), tmp_path)


def test_a_question_text_that_is_not_text_is_shown_the_built_in_question_as_example(tmp_path):
    from orgnet.errors import InputError
    from orgnet.survey.questions import load_questions

    path = tmp_path / "questions.toml"
    path.write_text('[[question]]\nkey = "advice"\nrelation = "advice"\nkind = "informal"\nda = 5\n', encoding="utf-8")

    with pytest.raises(InputError) as raised:
        load_questions(path)

    assert 'da = "Hvem søger du råd og sparring hos?"' in raised.value.text("da")
    assert 'e.g. da = "Hvem søger du råd og sparring hos?"' in str(raised.value)
