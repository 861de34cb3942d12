"""Inputs that crashed with a traceback: now a result, or a message."""

from __future__ import annotations

import pytest

import orgnet
from orgnet.flags import bagland

PEOPLE = "id,name,unit,role\nT,Tove,U1,tr\nA,Anna,U1,employee\nB,Bo,U1,employee\nL,Lis,U1,leader\nC,Carl,,leader\n"
TIES = "source,target,relation,kind\nT,A,advice,informal\nT,L,line,formal\nL,B,line,formal\n"


@pytest.fixture
def no_organisation(write_folder):
    return write_folder(people=PEOPLE, ties=TIES)


def test_bagland_without_an_organisation_column(no_organisation):
    table = bagland(orgnet.read(no_organisation))

    assert table.loc["T", ["colleagues", "reached", "management_ties"]].tolist() == [2, 1, 1]
    assert table.loc["T", "coverage"] == 0.5


@pytest.mark.parametrize("command", [("flags",), ("bagland",), ("report", "-o", "{tmp}/r"), ("graph", "-o", "{tmp}/g.html")])
def test_commands_run_without_an_organisation_column(no_organisation, run_cli, tmp_path, command):
    args = [part.format(tmp=tmp_path) for part in command]

    result = run_cli(args[0], no_organisation, *args[1:])

    assert result.exit_code == 0, result.output
