"""No command writes onto, into or over one of its inputs — every command, every output, every input.

The cases are generated from the commands' own parameter lists: for each command, each output
parameter (an ``OutputPath``) is pointed at each input parameter (an ``InputPath``) — the input
file itself, the input folder itself, and a file inside the folder that its reader takes as
data. A command added tomorrow is in this list the day it is registered, and
``test_every_path_parameter_is_an_input_or_an_output`` fails if it takes a path of another type.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.cli.paths import EventSource, InputPath, OutputPath


def all_commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = dict(all_commands())


def test_every_path_parameter_is_an_input_or_an_output():
    untyped = [
        f"{' '.join(names)} {param.name}"
        for names, command in COMMANDS.items()
        for param in command.params
        if isinstance(param.type, click.Path) and not isinstance(param.type, (InputPath, OutputPath))
    ]
    assert untyped == []


def test_every_command_is_checked_before_it_runs():
    assert [" ".join(names) for names, command in COMMANDS.items() if not getattr(command.callback, "orgnet_guarded", False)] == []


def test_the_cases_cover_every_command_that_writes():
    writing = {" ".join(names) for names, command in COMMANDS.items() if any(isinstance(p.type, OutputPath) for p in command.params)}
    assert writing == {
        "bagland", "compare", "coreperiphery", "demo", "diff", "events", "flags", "generate", "graph", "groups", "homophily", "keyplayers", "metrics",
        "profile", "pseudonymise", "qap", "reidentify", "report", "suggest", "survey import", "survey template", "whatif",
    }
    assert len(CASES) >= 150


GUARD_WORDS = re.compile(r"is an input|input folder|must not be written|must not be inside|every file below which is read")


def _label(param: click.Parameter) -> str:
    return param.name.upper() if isinstance(param, click.Argument) else max(param.opts, key=len)


def _cases():
    for names, command in COMMANDS.items():
        outputs = [p for p in command.params if isinstance(p.type, OutputPath)]
        inputs = [p for p in command.params if isinstance(p.type, InputPath)]
        for output in outputs:
            for source in inputs:
                for form in ("the file", "the folder", "a data file in the folder"):
                    yield pytest.param(names, output.name, source.name, form, id=f"{' '.join(names)} {_label(output)}={form} of {_label(source)}")


CASES = list(_cases())


def _make_inputs(tmp: Path) -> dict[str, Path]:
    folder = tmp / "given-folder"
    folder.mkdir()
    (folder / "people.csv").write_text("id,name\na,Åse Ødegård\nb,Bo\n", encoding="utf-8")
    (folder / "ties.csv").write_text("source,target,kind\na,b,informal\n", encoding="utf-8")
    other = tmp / "other-given"
    other.mkdir()
    (other / "people.csv").write_text("id\nx\n", encoding="utf-8")
    (other / "ties.csv").write_text("source,target,kind\n", encoding="utf-8")
    file = tmp / "given-file.csv"
    file.write_text("id,name,email\na,Åse,ase@example.invalid\n", encoding="utf-8")
    return {"the file": file, "the folder": folder, "other": other}


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"<folder>" for p in sorted(root.rglob("*"))}


def _value(param: click.Parameter, path: Path) -> str:
    return f"email={path}" if isinstance(param.type, EventSource) else str(path)


def _arguments(command: click.Command, chosen: dict[str, str], tmp: Path, other: Path) -> list[str]:
    """A command line with the chosen values, and every other required parameter filled in validly."""
    options, arguments = [], []
    for param in command.params:
        if param.name in chosen:
            value = chosen[param.name]
        elif not param.required:
            continue
        elif isinstance(param.type, OutputPath):
            value = str(tmp / "elsewhere" / "out")
        elif isinstance(param.type, InputPath):
            value = _value(param, other)
        else:
            value = "level"  # compare --by
        if isinstance(param, click.Argument):
            arguments.append(value)
        else:
            options += [max(param.opts, key=len), value]
    return [*options, *arguments]


@pytest.mark.parametrize(("names", "output_name", "input_name", "form"), CASES)
def test_an_output_onto_or_into_an_input_is_refused_before_any_work(tmp_path, names, output_name, input_name, form):
    command = COMMANDS[names]
    params = {p.name: p for p in command.params}
    made = _make_inputs(tmp_path)
    source = made["the folder" if form != "the file" else "the file"]
    target = source / "ties.csv" if form == "a data file in the folder" else source
    chosen = {input_name: _value(params[input_name], source), output_name: str(target)}
    before = _snapshot(tmp_path)

    result = CliRunner().invoke(main, [*names, *_arguments(command, chosen, tmp_path, made["other"])])

    assert result.exit_code == 1, result.output
    message = result.output.strip()
    assert message.count("\n") == 0 and message.startswith("Error: "), message
    assert str(target) in message and str(source) in message, message
    assert GUARD_WORDS.search(message), message  # refused by the check, not by a reader failing on the file
    assert _snapshot(tmp_path) == before


REQUIRED_OUTPUTS = [
    pytest.param(names, param.name, id=f"{' '.join(names)} {_label(param)}")
    for names, command in COMMANDS.items()
    for param in command.params
    if isinstance(param.type, OutputPath) and param.required
]


@pytest.mark.parametrize(("names", "output_name"), REQUIRED_OUTPUTS)
def test_a_required_output_left_out_is_a_usage_error(tmp_path, names, output_name):
    command = COMMANDS[names]
    made = _make_inputs(tmp_path)
    arguments = [a for a in _arguments(command, {}, tmp_path, made["other"])]
    param = next(p for p in command.params if p.name == output_name)
    if "--output" in param.opts:  # _arguments fills every required parameter: take this one out again
        at = arguments.index("--output")
        del arguments[at : at + 2]

    result = CliRunner().invoke(main, [*names, *arguments])

    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines()[-1] == "Error: Missing option '-o' / '--output'."
