"""orgnet qap, homophily and coreperiphery: the machine-readable outputs the issue specifies, and the terminal in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from orgnet.cli import main

REPO = Path(__file__).resolve().parents[2]
SKOVBJERG = REPO / "datasets" / "skovbjerg"
KRACKHARDT = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "krackhardt_hightech"
needs_krackhardt = pytest.mark.skipif(not KRACKHARDT.is_dir(), reason=f"Krackhardt's high-tech managers are not at {KRACKHARDT}")
ENGLISH = re.compile(r"\b(people|pairs|permutations|seed|wrote|intercept|coefficient|whole network|core|periphery|density|ties)\b")
CODES = re.compile(r"\b(first_line|middle|top|informal|formal|yperm|dsp|ignore)\b")


def run(runner, *args):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


@needs_krackhardt
def test_qap_json_is_the_issues_shape(runner, tmp_path):
    out = tmp_path / "qap.json"
    run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--x", "reports_to", "--permutations", 200, "-o", out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["model"] == "ols" and document["method"] == "dsp" and document["permutations"] == 200 and document["seed"] == 0
    assert document["dyads"] == 420 and round(document["r2"], 3) == 0.063  # ASN §14.5.2
    assert [t["term"] for t in document["terms"]] == ["intercept", "friendship", "reports_to"]
    assert {"term", "coefficient", "standardised", "p_greater", "p_less", "p_two", "robust_se"} <= set(document["terms"][1])
    logistic = tmp_path / "logit.json"
    run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--x", "reports_to", "--logistic", "--permutations", 50, "-o", logistic)
    document = json.loads(logistic.read_text(encoding="utf-8"))
    assert document["model"] == "logistic" and round(document["loglik"], 3) == -274.073  # ASN §14.5.2


@needs_krackhardt
def test_qap_csv_has_its_metadata_and_xlsx_its_about_sheet(runner, tmp_path):
    run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--x", "same:department", "--permutations", 50, "-o", tmp_path / "q.csv")
    table = pd.read_csv(tmp_path / "q.csv", encoding="utf-8-sig")
    assert list(table["term"]) == ["intercept", "friendship", "same:department"]
    meta = json.loads((tmp_path / "q.meta.json").read_text(encoding="utf-8"))
    assert meta["model"] == "ols" and meta["dyads"] == 420 and meta["permutations"] == 50
    run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--permutations", 50, "-o", tmp_path / "q.xlsx")
    assert set(pd.read_excel(tmp_path / "q.xlsx", sheet_name=None)) == {"terms", "about"}


@needs_krackhardt
def test_coreperiphery_and_homophily_json(runner, tmp_path):
    run(runner, "coreperiphery", KRACKHARDT, "--layer", "advice", "-o", tmp_path / "cp.json")
    document = json.loads((tmp_path / "cp.json").read_text(encoding="utf-8"))
    assert document["model"] == "categorical"
    assert document["ideal"] == {"core_core": 1, "periphery_periphery": 0, "core_periphery": "ignore"}
    assert len(document["people"]) == 21 and set(document["people"][0]) == {"id", "core", "coreness"}
    run(runner, "coreperiphery", KRACKHARDT, "--model", "continuous", "-o", tmp_path / "cc.json")
    assert "core" not in json.loads((tmp_path / "cc.json").read_text(encoding="utf-8"))["people"][0]
    run(runner, "homophily", KRACKHARDT, "--by", "level", "--layer", "friendship", "--permutations", 100, "-o", tmp_path / "h.json")
    document = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    assert set(document["models"]) == {"constant", "variable", "blockmodel"}
    assert {"p_greater", "p_less", "p_two"} <= set(document["models"]["constant"]["terms"][1])
    assert document["ei"]["groups"][0]["group"] is None and document["ei"]["groups"][0]["ei"] == pytest.approx(-50 / 102)


def test_homophily_in_danish_on_the_shipped_data(runner):
    output = run(runner, "homophily", SKOVBJERG, "--by", "level", "--layer", "informal", "--permutations", 20, "--lang", "da")
    assert "Homofili efter niveau i uformel: 1.170 personer, 20 permutationer, startværdi 0" in output
    assert "Tæthed inden for og mellem grupperne" in output
    assert "konstant homofili: R² " in output and "variabel homofili" in output and "strukturel blokmodel" in output
    assert "begge med niveau afdelingsleder" in output and "niveau topleder → mellemleder" in output
    assert "hele netværket" in output and "forventet ved tilfældighed" in output
    assert not ENGLISH.search(output), ENGLISH.search(output)
    assert not CODES.search(output), CODES.search(output)


def test_qap_in_danish_says_one_permutation_in_the_singular_and_numbers_the_danish_way(runner):
    output = run(runner, "qap", SKOVBJERG, "--y", "advice", "--x", "line", "--x", "same:organisation", "--permutations", 1, "--lang", "da")
    assert output.startswith("MRQAP-regression (mindste kvadraters metode) af råd: 1.367.730 par, 1 permutation (dobbelt semipartialisering), startværdi 0")
    assert "konstant" in output and "ledelseslinje" in output and "samme organisation" in output
    assert "R² 0,181, justeret R² 0,181" in output  # 1,170 × 1,169 ordered pairs; the R² as computed, written 0,181
    assert "1 permutationer" not in output
    assert not ENGLISH.search(output) and not CODES.search(output)


@needs_krackhardt
def test_attributes_orgnet_does_not_know_appear_as_written_in_danish(runner, tmp_path):
    output = run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--x", "same:department", "--logistic",
                 "--permutations", 20, "--lang", "da", "-o", tmp_path / "l.json")
    assert "Logistisk QAP-regression af råd: 420 par, 20 permutationer (dobbelt semipartialisering), startværdi 0" in output
    assert "samme department" in output and "venskab" in output and "oddsratio" in output
    assert "log-sandsynlighed -274" not in output and "McFaddens R² 0,017" in output
    assert f"skrev {tmp_path / 'l.json'}" in output
    output = run(runner, "qap", KRACKHARDT, "--y", "advice", "--x", "friendship", "--permutations", 50, "--lang", "da")
    assert output.startswith("QAP-korrelation mellem råd og venskab: 420 par, 50 permutationer, startværdi 0\nr = 0,155; permuteret r: gennemsnit ")
    output = run(runner, "coreperiphery", KRACKHARDT, "--layer", "advice", "--lang", "da")
    assert "idealmønster: kerne–kerne 1, periferi–periferi 0, kerne–periferi: ses bort fra" in output
    assert "i kernen af 21 personer; tilpasning r = 0,507" in output and "søgning fra 50 tilfældige startpunkter, startværdi 0" in output
    assert not ENGLISH.search(output)


def test_coreperiphery_in_english_on_the_shipped_data(runner):
    output = run(runner, "coreperiphery", SKOVBJERG, "--layer", "informal", "--starts", 3)
    assert "Core and periphery in informal:" in output and "seeded search from 3 starts, seed 0" in output
    assert "ideal pattern: core–core 1, periphery–periphery 0, core–periphery: ignored" in output


def test_wrong_suffix_and_unknown_term_are_errors_not_tracebacks(runner, tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["qap", str(SKOVBJERG), "--y", "advice", "--x", "nonsense", "--permutations", "1"])
    assert result.exit_code == 1 and "unknown layer term 'nonsense'" in result.output
    result = CliRunner().invoke(main, ["qap", str(SKOVBJERG), "--y", "advice", "--x", "line", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 1 and "write .csv, .xlsx or .json" in result.output


def test_a_figure_that_rounds_to_zero_is_never_minus_zero():
    from orgnet.cli.stats import _number

    assert _number(-0.0001, "da") == "0,000" and _number(-0.0001, "en") == "0.000"
    assert _number(-0.41, "da") == format_minus(-0.41)


def format_minus(value):
    from orgnet.i18n import format_number

    return format_number(value, "da", digits=3)
