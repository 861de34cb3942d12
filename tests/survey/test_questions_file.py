"""questions.toml: a file that would build the wrong network, or that cannot be read, is refused
with one message naming the file, the key (or line) and what was expected.

Today's failures (issue 19): two questions with one key made every advice answer a meeting; one
relation with two kinds merged a formal tie into an informal one; ``scale = 3`` was a traceback;
``question = "advice"`` gave one message per letter.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.survey.corpus import ADVICE, MEETINGS

ADVICE_Q = '[[question]]\nkey = "advice"\nrelation = "advice"\nkind = "informal"\nmatch = ["råd og sparring"]\n'
MEETINGS_Q = '[[question]]\nkey = "meetings"\nrelation = "meetings"\nkind = "formal"\nmatch = ["faste fora"]\n'
BOTH = ADVICE_Q + "\n" + MEETINGS_Q

CASES = {
    "scale is a number": ("scale = 3\n" + BOTH, "scale = 3: expected a [scale] table of answer = weight, e.g. [scale] then dagligt = 4 on the next line"),
    "scale below a question": (
        BOTH + "scale = 3\n",
        "[[question]] number 2: scale is inside this question (a key below [[question]] belongs to it); write the scale as a [scale] table, "
        "e.g. [scale] then dagligt = 4 on the next line",
    ),
    "question is text": ('question = "advice"\n', 'question = "advice": expected [[question]] tables, each with key, relation and kind'),
    "question is one table": ('[question]\nkey = "advice"\nrelation = "advice"\nkind = "informal"\n',
                              "[question] is one table; write [[question]] (two brackets) above each question"),
    "question is a list of texts": ('question = ["advice"]\n', '[[question]] number 1 is "advice": expected a table with key, relation and kind'),
    "two questions, one key": (
        BOTH.replace('key = "meetings"', 'key = "advice"'),
        "[[question]] number 2: key 'advice' is also the key of question number 1; each question needs its own key",
    ),
    "one relation, two kinds": (
        BOTH.replace('relation = "meetings"', 'relation = "advice"'),
        "[[question]] number 2: relation 'advice' is formal here but informal in question number 1; "
        "a relation has one kind (give the other one its own relation name)",
    ),
    "one match text in two questions": (
        BOTH.replace('"faste fora"', '"Raad og sparring"'),
        "[[question]] number 2: match 'Raad og sparring' is also a match of question number 1; a column must belong to one question",
    ),
    "key is a number": (BOTH.replace('key = "meetings"', "key = 3"), '[[question]] number 2: key = 3: expected text in quotes, e.g. key = "advice"'),
    "kind is a list": (BOTH.replace('kind = "formal"', 'kind = ["formal"]'),
                       '[[question]] number 2: kind = a list: expected text in quotes, e.g. kind = "informal"'),
    "kind unknown": (BOTH.replace('kind = "formal"', 'kind = "formel"'), "[[question]] number 2: kind 'formel' is neither 'formal' nor 'informal'"),
    "match is a number": (BOTH.replace('match = ["faste fora"]', "match = 5"),
                          '[[question]] number 2: match = 5: expected a list of texts in quotes, e.g. match = ["råd og sparring", "advice"]'),
    "a key misspelt": (BOTH.replace('relation = "meetings"', 'relaton = "meetings"'),
                       "[[question]] number 2 lacks relation and has the unknown key 'relaton'; expected key, relation, kind, da, en, match"),
    "an extra key": (BOTH.replace('kind = "formal"', 'kind = "formal"\nweight = 2'),
                     "[[question]] number 2 has the unknown key 'weight'; expected key, relation, kind, da, en, match"),
    "a table misspelt": (BOTH + "[scales]\ndagligt = 4\n", "unknown key 'scales'; expected [[question]] tables and one [scale] table"),
    "weight is text": (BOTH + '[scale]\ndagligt = "4"\n', "[scale] dagligt = \"4\": a weight must be a positive number"),
    "weight is true": (BOTH + "[scale]\ndagligt = true\n", "[scale] dagligt = true: a weight must be a positive number"),
    "one label, two weights": (BOTH + "[scale]\ndagligt = 4\nDagligt = 3\n",
                               "[scale] 'dagligt' = 4 and 'Dagligt' = 3 are the same answer (compared without case) with two weights"),
    "TOML syntax": (BOTH.replace('kind = "formal"', "kind = formal"), "line 10, column 8: not valid TOML (invalid value)"),
    "an empty scale": (BOTH + "[scale]\n", "[scale] is empty: expected answer = weight lines, e.g. dagligt = 4"),
    "an empty key": (BOTH.replace('key = "meetings"', 'key = " "'), "[[question]] number 2: key is empty"),
    "no questions in the list": ("question = []\n", "no [[question]] tables; the file must name at least one question"),
    "no questions": ("[scale]\ndagligt = 4\n", "no [[question]] tables; the file must name at least one question"),
}


@pytest.fixture
def survey(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,email\na,Anna Ærø,a@x.dk\nb,Bo Bøgh,b@x.dk\n", encoding="utf-8")
    export = tmp_path / "g.csv"
    pd.DataFrame([["t", "a@x.dk", "Bo Bøgh", "dagligt", "Bo Bøgh"]],
                 columns=["Timestamp", "Email Address", f"{ADVICE} – kontakt 1", f"{ADVICE} – hyppighed 1", MEETINGS]).to_csv(export, index=False)
    return export, roster


def _run(run_cli, tmp_path, survey, questions):
    export, roster = survey
    before = {p: p.read_bytes() for p in (export, roster, questions)}
    result = run_cli("survey", "import", export, "--roster", roster, "-o", tmp_path / "out", "--questions", questions)
    assert {p: p.read_bytes() for p in before} == before
    return result


@pytest.mark.parametrize("case", list(CASES))
def test_a_questions_file_that_would_mislead_is_refused_with_one_message(case, tmp_path, survey, run_cli):
    text, message = CASES[case]
    questions = tmp_path / "questions.toml"
    questions.write_text(text, encoding="utf-8")
    result = _run(run_cli, tmp_path, survey, questions)
    assert result.exit_code == 1
    assert result.output == f"Error: 1 problem in the input:\n  - {questions}: {message}\n"
    assert not (tmp_path / "out").exists()


def test_a_windows_1252_questions_file_names_the_line(tmp_path, survey, run_cli):
    questions = tmp_path / "questions.toml"
    questions.write_bytes(BOTH.replace('"faste fora"', '"møder"').encode("cp1252"))
    result = _run(run_cli, tmp_path, survey, questions)
    assert result.exit_code == 1
    assert result.output == (f"Error: 1 problem in the input:\n  - {questions}: line 5: byte 0xe5 is not UTF-8 "
                             "(in Windows-1252 it is 'å'); save the file as UTF-8\n")


def test_a_utf16_questions_file_with_its_byte_order_mark_is_read(tmp_path, survey, run_cli):
    questions = tmp_path / "questions.toml"
    questions.write_bytes(BOTH.encode("utf-16"))  # what Notepad saves as "Unicode"
    result = _run(run_cli, tmp_path, survey, questions)
    assert result.exit_code == 0, result.output
    assert "2 ties;" in result.output


def test_several_wrong_types_give_one_line_each_not_one_per_letter(tmp_path, survey, run_cli):
    questions = tmp_path / "questions.toml"
    questions.write_text(BOTH.replace('key = "meetings"', "key = 3").replace('relation = "meetings"', "relation = false"), encoding="utf-8")
    result = _run(run_cli, tmp_path, survey, questions)
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2 problems in the input:\n"
        f'  - {questions}: [[question]] number 2: key = 3: expected text in quotes, e.g. key = "advice"\n'
        f'  - {questions}: [[question]] number 2: relation = false: expected text in quotes, e.g. relation = "advice"\n'
    )


def test_a_valid_file_with_two_questions_on_one_relation_and_kind_is_read(tmp_path, survey, run_cli):
    # two questions may feed one relation when they agree on its kind (a Danish and an English form)
    questions = tmp_path / "questions.toml"
    questions.write_text(BOTH.replace('relation = "meetings"', 'relation = "advice"').replace('kind = "formal"', 'kind = "informal"'), encoding="utf-8")
    result = _run(run_cli, tmp_path, survey, questions)
    assert result.exit_code == 0, result.output
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str)
    assert ties[["source", "target", "relation", "kind", "weight"]].values.tolist() == [["a", "b", "advice", "informal", "4"]]
    assert "1 tie;" in result.output and "1 answer named a person a second time (merged into one tie)" in result.output
