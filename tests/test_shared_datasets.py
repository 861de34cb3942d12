"""The real published networks in ../shared/datasets load through the public API."""

from __future__ import annotations

import orgnet
from orgnet.config import Config
from tests.conftest import shared_dataset

INFORMAL = "informal"


def test_krackhardt_high_tech_managers():
    network = orgnet.read(shared_dataset("krackhardt_hightech"))

    assert len(network.people) == 21
    assert network.ties["relation"].value_counts().to_dict() == {"advice": 190, "friendship": 102, "reports_to": 20}
    assert network.ties.groupby("kind").size().to_dict() == {"formal": 20, "informal": 292}
    assert network.people.loc["7", "level"] == "1"  # the CEO
    assert set(network.ties["scope"]) == {"internal"}  # one firm: no organisation column


def test_lazega_law_firm_with_relation_kinds_from_config():
    config = Config(relations={"cowork": INFORMAL})

    network = orgnet.read(shared_dataset("lazega_lawfirm"), config=config)

    assert len(network.people) == 71
    assert network.ties["relation"].value_counts().to_dict() == {"advice": 892, "cowork": 756, "friendship": 575}
    assert network.people["office"].value_counts().to_dict() == {1: 48, 2: 19, 3: 4}


def test_bank_wiring_room_weights():
    relations = {name: INFORMAL for name in ("games", "controversy", "antagonism", "helping", "job_trading")}

    network = orgnet.read(shared_dataset("bank_wiring_room"), config=Config(relations=relations))

    assert len(network.people) == 14
    assert len(network.ties) == 189
    assert network.ties.loc[network.ties["relation"] == "job_trading", "weight"].sum() == 49
