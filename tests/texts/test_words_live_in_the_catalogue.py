"""Every word a user reads lives in the catalogue (orgnet/texts/<lang>/*.toml), not in the code: no
.py file of orgnet holds a Danish string that is output text, nor a ``{"da": …}`` translation.

Danish letters may stand in code only where they are *data*: the words orgnet recognises in
what it reads, the synthetic municipality's people and places, and example input in a message.
Each such file is named here with the reason; a new one fails this test until it is argued.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DANISH = re.compile("[æøåÆØÅ]")

DATA_NOT_TEXT = {
    "orgnet/generate/names.py": "the synthetic municipality's names, places and professions (data it writes)",
    "orgnet/generate/municipality.py": "the synthetic municipality's unit, group and profession names (data it writes)",
    "orgnet/survey/names.py": "how Danish letters are folded when names are matched (å/aa/a …)",
    "orgnet/survey/surveyxact.py": "SurveyXact's own Danish status labels, recognised in its exports and named when one is unknown",
    "orgnet/survey/questions.py": "the frequency words and question texts an answer is recognised by",
    "orgnet/scenarios/changes.py": "example input (an organisation's name) in the messages that explain --move and --merge",
}


def literals(path: Path):
    """The string constants of ``path`` that are not docstrings, with their line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def translations(path: Path):
    """Dictionaries with a ``"da"`` key holding a text (a word with a space or a Danish letter)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "da" and isinstance(value, (ast.Constant, ast.JoinedStr)):
                    text = value.value if isinstance(value, ast.Constant) else ast.unparse(value)
                    if isinstance(text, str) and (" " in text or DANISH.search(text)):
                        yield node.lineno


def sources():
    return sorted(path for path in (ROOT / "orgnet").rglob("*.py"))


def test_no_python_file_holds_danish_output_text():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in sources()
        if str(path.relative_to(ROOT)) not in DATA_NOT_TEXT
        for line, text in literals(path)
        if DANISH.search(text)
    ]

    assert found == []


def test_no_python_file_holds_a_danish_translation():
    found = [f"{path.relative_to(ROOT)}:{line}" for path in sources() for line in translations(path)]

    assert found == []


def test_every_file_allowed_danish_data_still_has_it():
    """An exception that is no longer needed is removed, so the list stays an argument, not a habit."""
    stale = [name for name in DATA_NOT_TEXT if not any(DANISH.search(text) for _, text in literals(ROOT / name))]

    assert stale == []


def test_the_check_finds_a_danish_literal_and_a_translation(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('"""Å docstring is fine."""\nTITLE = {"en": "Groups", "da": "Forslag til grupper"}\nNOTE = "tæt på"\n', encoding="utf-8")

    assert [text for _, text in literals(planted) if DANISH.search(text)] == ["tæt på"]
    assert list(translations(planted)) == [2]
