"""A small workplace whose flags are worked out by hand (see test_flags.py for the sums)."""

from __future__ import annotations

import pytest

import orgnet

PEOPLE = """id,name,organisation,unit,role,level
L1,Lone Ågård,X,X1,leader,top
L2,Søren Bøg,X,X1,leader,first_line
L3,Åse Kjær,X,X1,leader,first_line
T,Tove Ærø,X,X1,tr,
E1,Ebbe Ø,X,X1,employee,
E2,Else Å,X,X1,employee,
E3,Erik Æ,X,X1,employee,
ISO,Inger Sø,X,X1,employee,
O1,Ole Nørby,Y,Y1,leader,top
O2,Ida Møn,Y,Y1,leader,top
T2,Tage Lund,Z,Z1,tr,
C1,Carl Lund,Z,Z1,employee,
T3,Tina Alene,W,W1,tr,
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


@pytest.fixture
def workplace_folder(write_folder):
    return write_folder(people=PEOPLE, ties=TIES)


@pytest.fixture
def workplace(workplace_folder):
    return orgnet.read(workplace_folder)
