"""The options every command shares are one definition each: --lang (ORGNET_LANG, else the
locale, else English), --k (one default, one check), --where (help says what it does there)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from orgnet.cli import main
from orgnet.cli.options import _check_k, lang_default
from orgnet.compare import DEFAULT_K


def commands(group=main, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), command


def option(command, name):
    return next((p for p in command.params if p.name == name), None)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "da_DK"}, "da"),
        ({"LANG": "da_DK.UTF-8", "LC_MESSAGES": "C"}, "en"),
        ({"LANG": "da"}, "da"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_without_orgnet_lang_the_locale_decides(monkeypatch, environment, expected):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)

    assert lang_default() == expected


def test_every_command_speaks_the_chosen_language_through_one_definition():
    with_lang = {name: option(command, "lang") for name, command in commands()}

    assert [name for name, opt in with_lang.items() if opt is None] == []
    assert {opt.envvar for opt in with_lang.values()} == {"ORGNET_LANG"}
    assert {tuple(opt.type.choices) for opt in with_lang.values()} == {("en", "da")}
    assert {opt.default for opt in with_lang.values()} == {lang_default}


def test_orgnet_lang_is_the_default_and_a_wrong_value_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("ORGNET_LANG", "fr")
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path / "out")])

    assert result.exit_code == 2
    assert "ORGNET_LANG" in result.output and "'fr' is not one of 'en', 'da'" in result.output
    assert not (tmp_path / "out").exists()


def test_every_privacy_k_has_one_default_and_one_floor():
    ks = {name: option(command, "k") for name, command in commands() if name != "keyplayers"}
    with_k = {name: opt for name, opt in ks.items() if opt is not None}

    assert set(with_k) >= {"flags", "bagland", "compare", "report", "profile", "diff"}
    assert {opt.default for opt in with_k.values()} == {DEFAULT_K}
    assert {opt.callback for opt in with_k.values()} == {_check_k}


def test_k_below_the_floor_gets_one_message_everywhere(tmp_path):
    runner = CliRunner()
    messages = set()
    for command in ("flags", "report", "profile"):
        result = runner.invoke(main, [command, str(tmp_path), "--k", "2", *(["-o", str(tmp_path / "o")] if command != "flags" else [])])
        assert result.exit_code == 1, (command, result.output)
        messages.add(result.output.strip())
    assert messages == {"Error: k = 2 would show groups of fewer than 3 people; use k ≥ 3"}


def test_where_says_what_it_does_in_each_command():
    helps = {name: option(command, "where").help for name, command in commands() if option(command, "where") is not None}

    assert "whole network" in helps["groups"]
    assert "Only they get suggestions" in helps["suggest"]
    assert helps["groups"] != helps["flags"]
