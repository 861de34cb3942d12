"""The report says what the data does not hold, one sentence per missing piece."""

from __future__ import annotations

from pathlib import Path

import orgnet
from orgnet.report.notes import data_notes

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def test_ids_and_ties_only_lack_every_known_column(write_folder):
    network = orgnet.read(write_folder(people="id\na\nb\nc\n", ties="source,target,relation\na,b,advice\nb,c,advice\n"))

    notes = dict(data_notes(network, "en"))

    assert list(notes) == ["no_organisation", "no_role", "no_level", "no_name", "one_kind", "no_comparison"]
    assert notes["no_organisation"].startswith("No organisation column: every tie counts as internal")
    assert notes["one_kind"] == "Every tie is informal: the formal/informal split says nothing about this network."


def test_trs_without_units_cannot_have_a_bagland(write_folder):
    network = orgnet.read(write_folder(people="id,name,organisation,role,level\na,A,X,tr,\nb,B,X,leader,top\n", ties="source,target,relation,kind\na,b,line,formal\nb,a,advice,informal\n"))

    assert dict(data_notes(network, "da")) == {"no_unit": "Ingen kolonne enhed: en TR's kolleger er personerne i TR's enhed, så TR-baglandet kan ikke måles."}


def test_the_shipped_municipality_lacks_nothing():
    assert data_notes(orgnet.read(SHIPPED), "en") == []
