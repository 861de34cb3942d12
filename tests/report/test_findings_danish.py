"""Every finding and data note in Danish, on a workplace where counts of one are everywhere (one
isolated person, one bottleneck, one TR with a weak bagland, one leader without informal external
contact, one person who did not answer): singular where the count is one, and no code, English
word or ruled-out word."""

from __future__ import annotations

import pytest

import orgnet
from orgnet.analysis import Analysis
from orgnet.report.findings import main_findings, management_findings
from orgnet.report.notes import data_notes, survey_notes
from tests.report.wording import CLEAN, problems

NBSP = "\u00a0"
# the tests/flags workplace (its flags are worked out by hand there), with a survey's responded column
PEOPLE = """id,name,organisation,unit,role,level,responded
L1,Lone Ågård,X,X1,leader,top,yes
L2,Søren Bøg,X,X1,leader,first_line,yes
L3,Åse Kjær,X,X1,leader,first_line,yes
T,Tove Ærø,X,X1,tr,,yes
E1,Ebbe Ø,X,X1,employee,,yes
E2,Else Å,X,X1,employee,,yes
E3,Erik Æ,X,X1,employee,,yes
ISO,Inger Sø,X,X1,employee,,no
O1,Ole Nørby,Y,Y1,leader,top,yes
O2,Ida Møn,Y,Y1,leader,top,yes
T2,Tage Lund,Z,Z1,tr,,yes
C1,Carl Lund,Z,Z1,employee,,yes
T3,Tina Alene,W,W1,tr,,yes
"""
TIES = """source,target,relation,kind
L2,L1,line,formal
L3,L1,line,formal
T,L2,line,formal
E1,L2,line,formal
E2,L2,line,formal
E3,L2,line,formal
T,E1,advice,informal
T,L1,committee,formal
L1,O1,sparring,informal
L2,O1,committee,formal
O2,L1,advice,informal
T2,C1,advice,informal
T3,L1,advice,informal
"""


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workplace")
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return Analysis(orgnet.read(folder), lang="da", k=3)


def test_the_findings_read_as_danish_with_counts_of_one(analysis):
    found = {finding.key: finding.text for finding in main_findings(analysis)}

    assert found["isolated"] == f"1 af 13 personer (7,7{NBSP}%) har ingen forbindelser overhovedet."
    assert found["no_answer"] == "1 person svarede ikke (1 medarbejder): kun det, andre har oplyst om vedkommende, kendes."
    assert found["bottleneck"] == (f"1 af 13 personer er en flaskehals: et skillepunkt blandt de 5{NBSP}% med højest mellemliggende centralitet. "
                                   "Uden vedkommende er 3 personer afskåret fra resten af netværket.")  # L1: L3, O2 and T3 hang on her alone
    for text in found.values():
        assert problems(text) == CLEAN, text


def test_the_management_findings_name_no_person_unit_or_organisation(analysis):
    texts = [finding.text for finding in management_findings(analysis)]

    assert texts
    for text in texts:
        assert problems(text) == CLEAN, text
        assert not any(word in text for word in ("Inger", "X1", "efter organisation", "efter enhed"))


def test_the_notes_read_as_danish(analysis):
    notes = [text for _, text in data_notes(analysis.network, "da") + survey_notes(analysis)]

    assert notes[0].startswith("Svarprocent: 12 af 13 personer svarede (92")
    assert "Svarede ikke (1 person): Inger Sø (X / X1)." in notes[1]
    for text in notes:
        assert problems(text) == CLEAN, text
