"""Every error orgnet raises is said in the reader's language: its message is a catalogue key with
fields (``Said``), never an English sentence in the code. This test finds the sentences left —
``OrgnetError("…")``, ``OrgnetError(f"…")``, ``Problem(file, "…")`` and their kin — file by file,
and shows that a Said error reads in Danish on the terminal."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.errors import InputError, OrgnetError, Problem, Said

ROOT = Path(__file__).resolve().parents[2]
RAISED = {"OrgnetError", "InputError", "Problem", "UsageError", "BadParameter", "ClickException"}


def sentences(path: Path) -> list[str]:
    """Where ``path`` builds an error from a string literal or an f-string (line and the call)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if name not in RAISED:
            continue
        arguments = list(node.args) + [keyword.value for keyword in node.keywords if keyword.arg == "message"]
        message = arguments[1] if name == "Problem" and len(node.args) > 1 else (arguments[0] if arguments and name != "Problem" else None)
        if name == "Problem" and len(node.args) < 2:
            message = next((keyword.value for keyword in node.keywords if keyword.arg == "message"), None)
        if isinstance(message, ast.JoinedStr) or (isinstance(message, ast.Constant) and isinstance(message.value, str)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    return found


SOURCES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "orgnet").rglob("*.py"))


@pytest.mark.parametrize("source", SOURCES)
def test_no_error_is_an_english_sentence(source):
    assert sentences(ROOT / source) == []


def test_the_check_finds_a_sentence(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('raise OrgnetError(f"bad {x}")\nProblem("f.csv", "no id", row=2)\nOrgnetError(Said("error.x"))\n', encoding="utf-8")
    (tmp_path / "orgnet").mkdir()

    global ROOT
    root, ROOT = ROOT, tmp_path
    try:
        assert [line.split(":")[1] for line in sentences(planted)] == ["1", "2"]
    finally:
        ROOT = root


def test_a_said_error_reads_in_each_language():
    error = InputError([Problem("people.csv", Said("error.input.head", n=1), row=4, column="id")])

    assert error.text("da").splitlines()[1] == "  - people.csv, række 4, kolonne 'id': 1 problem i inddata:"
    assert str(error).splitlines()[0] == "1 problem in the input:"
    assert OrgnetError(Said("error.prefix", message="x")).text("da") == "Fejl: x"


def test_the_terminal_says_the_error_in_the_commands_language(tmp_path):
    (tmp_path / "people.csv").write_text("id,name\na,A\na,B\n", encoding="utf-8")
    (tmp_path / "ties.csv").write_text("source,target,relation,kind\n", encoding="utf-8")

    danish = CliRunner().invoke(main, ["validate", str(tmp_path), "--lang", "da"])
    english = CliRunner().invoke(main, ["validate", str(tmp_path), "--lang", "en"])

    assert danish.exit_code == english.exit_code == 1
    assert danish.output.startswith("Fejl: 1 problem i inddata:\n  - ") and ", række 3, kolonne 'id': " in danish.output
    assert english.output.startswith("Error: 1 problem in the input:\n  - ") and ", row 3, column 'id': " in english.output


@pytest.mark.parametrize(
    ("words", "danish", "english"),
    [
        (["flags", "DATA", "--nope"], "Fejl: Intet tilvalg hedder '--nope'.", "Error: No such option '--nope'."),
        (["metrics", "DATA"], "Fejl: Tilvalget '-o' / '--output' mangler.", "Error: Missing option '-o' / '--output'."),
        (["flags", "DATA", "--k", "x"], "Fejl: Ugyldig værdi for '--k': 'x' is not a valid integer.", "Error: Invalid value for '--k': 'x' is not a valid integer."),
    ],
)
def test_clicks_usage_errors_are_said_in_the_commands_language(tmp_path, words, danish, english):
    words = [str(tmp_path) if word == "DATA" else word for word in words]
    da = CliRunner().invoke(main, [*words, "--lang", "da"], prog_name="orgnet")
    en = CliRunner().invoke(main, [*words, "--lang", "en"], prog_name="orgnet")

    assert da.exit_code == en.exit_code == 2
    assert da.output.splitlines()[:2] == [f"Brug: orgnet {words[0]} [OPTIONS] DATA", f"Prøv 'orgnet {words[0]} --help' for at få hjælp."]
    assert da.output.splitlines()[-1] == danish
    assert en.output.splitlines()[-1] == english and en.output.startswith("Usage: ")
