"""`orgnet demo --survey` on the shipped sample, and the sample is the corpus the tests use."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import orgnet
from tests.survey.corpus import write_sample

SAMPLE = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


def test_shipped_sample_is_what_the_corpus_writes(tmp_path):
    write_sample(tmp_path)
    for name in ("roster.csv", "decisions.csv"):
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
    pd.testing.assert_frame_equal(pd.read_excel(tmp_path / "forms.xlsx", dtype=str), pd.read_excel(SAMPLE / "forms.xlsx", dtype=str))


def test_demo_survey(tmp_path, run_cli):
    result = run_cli("demo", "--survey", "-o", tmp_path / "demo", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "2/4 imported the Microsoft Forms export forms.xlsx" in result.output
    assert "3/4 imported again with the consultant's decisions (survey-sample/decisions.csv): 243 ties, no names left to review" in result.output
    assert (tmp_path / "demo" / "report" / "index.html").exists()
    assert (tmp_path / "demo" / "questionnaire" / "choices.txt").exists()
    network = orgnet.read(tmp_path / "demo" / "network")
    assert len(network.ties) == 243 and network.people["responded"].map(str).eq("False").sum() == 5
