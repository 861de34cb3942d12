"""Every page and every terminal table orgnet writes, in Danish, on the shipped municipality and
on a workplace whose attributes orgnet does not know: no code of orgnet's, no English word of
the list below, no "1 <plural>". What a user wrote (names, units, her own levels and roles)
appears as she wrote it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgnet.cli import main
from tests.texts.test_rendered import PEOPLE, TIES, one_with_plural, visible

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "datasets" / "skovbjerg"
WAVE2 = ROOT / "datasets" / "skovbjerg-2008"

# orgnet's codes: flags, attribute values, layers, columns — none may be shown as a word in Danish
CODES = (
    "no_informal_external", "no_internal", "no_external", "single_bridge", "weak_bagland", "no_management_tie",
    "first_line", "employee", "safety_rep", "(missing)", "informal_external", "formal_internal", "formal_external",
    "informal_internal", "informal+external", "degree_informal", "share_thin", "lost_reach3", "network_group",
)
# English words a Danish reader must not meet (each is a word orgnet once wrote in a Danish output)
ENGLISH = (
    "the", "and", "of", "people", "person's", "flagged", "merge", "into", "scenario", "reached", "coverage",
    "contacts", "hover", "group", "groups", "members", "leaders", "leader", "before", "after", "coordinator", "why",
    "thin", "isolated", "bottleneck", "wrote", "removed", "figure", "value", "change", "suppressed", "fewer", "than",
)


def workplace(folder: Path) -> Path:
    """The workplace of test_rendered (a level "forstander", a role "pædagog", counts of one) with a
    column orgnet does not know."""
    folder.mkdir()
    people = PEOPLE.strip().splitlines()
    people = [people[0] + ",team", *(f"{line},hold {n % 2 + 1}" for n, line in enumerate(people[1:]))]
    (folder / "people.csv").write_text("\n".join(people) + "\n", encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return folder


def run(*args) -> str:
    """What the command prints in Danish, the paths it names left out (their names are the test's)."""
    result = CliRunner().invoke(main, [str(arg) for arg in args] + ["--lang", "da"])
    assert result.exit_code == 0, (args, result.output)
    return re.sub(r"/\S+", "PATH", result.output)


def pages(folder: Path) -> list[str]:
    return [visible(path.read_text(encoding="utf-8")) for path in sorted(folder.rglob("*.html"))]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Every output in Danish: name → the text a reader sees."""
    base = tmp_path_factory.mktemp("danish")
    small = workplace(base / "workplace")
    shown: dict[str, str] = {}
    for name, data in (("shipped", SHIPPED), ("workplace", small)):
        out = base / name
        k = ["--k", "3"]
        shown[f"{name} validate"] = run("validate", data)
        shown[f"{name} summary"] = run("summary", data, "--group-by", "organisation")
        shown[f"{name} metrics"] = run("metrics", data, "-o", out / "metrics.csv")
        shown[f"{name} flags"] = run("flags", data)
        shown[f"{name} flags management"] = run("flags", data, "--audience", "management", *k)
        shown[f"{name} bagland"] = run("bagland", data)
        shown[f"{name} compare"] = run("compare", data, "--by", "level", *k)
        shown[f"{name} keyplayers"] = run("keyplayers", data, "--size", "2")
        shown[f"{name} suggest"] = run("suggest", data, "-n", "2")
        shown[f"{name} whatif"] = run("whatif", data, "--remove", "P0001" if name == "shipped" else "L1", "-o", out / "whatif")
        sizes = ["--size", "3", "--apart", "none"] if name == "workplace" else ["--size", "8"]  # 8: not everyone fits
        shown[f"{name} groups"] = run("groups", data, "-o", out / "groups", *sizes)
        run("report", data, "-o", out / "report", *k)
        run("report", data, "-o", out / "management", "--audience", "management", *k)
        run("graph", data, "-o", out / "graph.html")
        run("profile", data, "-o", out / "profiles", "--person", "P0002" if name == "shipped" else "L3", *k)
        for page_folder in ("whatif", "groups", "report", "management", "profiles"):
            shown[f"{name} {page_folder} page"] = " | ".join(pages(out / page_folder))
        shown[f"{name} graph page"] = visible((out / "graph.html").read_text(encoding="utf-8"))
    shown["diff"] = run("diff", SHIPPED, WAVE2, "-o", base / "diff")
    shown["generate"] = run("generate", "-o", base / "generated", "--people", "60")
    shown["second wave"] = run("generate", "--wave2-of", base / "generated", "-o", base / "wave2")
    shown["new key"] = run("pseudonymise", "--new-key", base / "key")
    shown["diff page"] = " | ".join(pages(base / "diff"))
    return shown


def test_every_output_was_rendered(outputs):
    assert len(outputs) == 2 * 17 + 5
    assert all(text.strip() for text in outputs.values())


def test_no_code_of_orgnets_is_shown(outputs):
    found = {name: code for name, text in outputs.items() for code in CODES if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)}

    assert found == {}


def test_no_english_word_is_shown(outputs):
    found = {
        name: sorted({word for word in ENGLISH if re.search(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", text)})
        for name, text in outputs.items()
    }

    assert {name: words for name, words in found.items() if words} == {}


def test_no_count_of_one_reads_as_a_plural(outputs):
    found = {name: one_with_plural(text, "da") for name, text in outputs.items()}

    assert {name: hits for name, hits in found.items() if hits} == {}


def test_the_users_own_words_appear_as_she_wrote_them(outputs):
    assert "forstander" in outputs["workplace report page"]
    assert "pædagog" in outputs["workplace report page"]
