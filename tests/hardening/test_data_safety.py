"""The cases that destroyed data before the guarded writer, on real data, with the exact message.

Each case runs the command as a consultant would, asserts exit status 1, the one line the user
reads, and that every input is byte-identical afterwards (and that nothing new was written).
"""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgnet
from orgnet.cli import main
from orgnet.generate import generate_municipality
from orgnet.io.atomic import MANIFEST

SURVEY = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


@pytest.fixture(scope="module")
def municipality(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shipped") / "data"
    orgnet.write(generate_municipality(people=80, seed=5), folder)
    return folder


@pytest.fixture
def work(tmp_path, municipality) -> Path:
    """A fresh copy of the data (DATA), a workbook of it (NET.xlsx) and a key, in the test's folder."""
    shutil.copytree(municipality, tmp_path / "DATA")
    orgnet.write(orgnet.read(municipality), tmp_path / "NET.xlsx")
    assert CliRunner().invoke(main, ["pseudonymise", "--new-key", str(tmp_path / "KEY")]).exit_code == 0
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else b"<folder>" for p in sorted(root.rglob("*"))}


def refused(root: Path, arguments: list[str]) -> str:
    """Run, assert exit 1 with one line and nothing changed under ``root``; return the line."""
    before = snapshot(root)
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 1, result.output
    assert snapshot(root) == before
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def run(arguments: list[str]) -> str:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return result.output


def test_keyplayers_onto_a_data_file(work):
    data = work / "DATA"
    message = refused(work, ["keyplayers", str(data), "-o", str(data / "ties.csv")])
    assert message == f"Error: {data / 'ties.csv'}: is an input of this command (read from DATA {data}); write the output somewhere else"


@pytest.mark.parametrize("command", [["suggest"], ["groups"]])
def test_suggest_and_groups_onto_the_people_table(work, command):
    data = work / "DATA"
    message = refused(work, [*command, str(data), "-o", str(data / "people.csv")])
    assert message == f"Error: {data / 'people.csv'}: is an input of this command (read from DATA {data}); write the output somewhere else"


@pytest.mark.parametrize("command", ["whatif", "groups", "suggest"])
def test_a_workbook_onto_itself(work, command):
    net = work / "NET.xlsx"
    extra = ["--remove", "x"] if command == "whatif" else []
    message = refused(work, [command, str(net), *extra, "-o", str(net)])
    assert message == f"Error: {net}: is an input of this command (DATA {net}); write the output somewhere else"


def test_diff_onto_its_second_wave(work):
    net, data = work / "NET.xlsx", work / "DATA"
    message = refused(work, ["diff", str(data), str(net), "-o", str(net)])
    assert message == f"Error: {net}: is an input of this command (WAVE2 {net}); write the output somewhere else"


def test_a_report_of_a_report_workbook_into_its_own_folder(work):
    rep = work / "REP"
    run(["report", str(work / "DATA"), "-o", str(rep)])
    message = refused(work, ["report", str(rep / "orgnet.xlsx"), "-o", str(rep)])
    assert message == f"Error: {rep / 'orgnet.xlsx'}: is an input of this command (DATA {rep / 'orgnet.xlsx'}); write the output somewhere else"


@pytest.mark.parametrize("command", [["report"], ["whatif", "--remove", "x"], ["profile"]])
def test_pages_into_the_data_folder_itself(work, command):
    data = work / "DATA"
    message = refused(work, [*command[:1], str(data), *command[1:], "-o", str(data)])
    assert message == (
        f"Error: {data}: is an input folder of this command (DATA {data}); write into another folder (a new subfolder inside it is fine)"
    )


def test_diff_into_the_first_wave(work):
    data = work / "DATA"
    message = refused(work, ["diff", str(data), str(work / "NET.xlsx"), "-o", str(data)])
    assert message == f"Error: {data}: is an input folder of this command (WAVE1 {data}); write into another folder (a new subfolder inside it is fine)"


def test_a_new_subfolder_inside_the_data_folder_is_fine(work):
    data = work / "DATA"
    before = {name: (data / name).read_bytes() for name in ("people.csv", "ties.csv", "groups.csv")}
    run(["report", str(data), "-o", str(data / "rapport")])
    assert {name: (data / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in (data / "rapport").iterdir()) == ["index.html", "orgnet.xlsx"]


def test_a_table_beside_the_data_that_a_reader_would_take(work):
    data = work / "DATA"
    (data / "groups.csv").unlink()
    message = refused(work, ["metrics", str(data), "-o", str(data / "groups.csv")])
    assert message == (
        f"Error: {data / 'groups.csv'}: would be read as data from the input folder {data} (DATA); write it somewhere else or under another name"
    )


def test_a_table_beside_the_data_under_another_name_is_fine(work):
    data = work / "DATA"
    run(["metrics", str(data), "-o", str(data / "metrics.csv")])
    assert orgnet.read(data).people.shape == orgnet.read(work / "NET.xlsx").people.shape


def test_a_second_wave_onto_the_first(work):
    data = work / "DATA"
    message = refused(work, ["generate", "--wave2-of", str(data), "-o", str(data)])
    assert message == (
        f"Error: {data}: is an input folder of this command (--wave2-of {data}); write into another folder (a new subfolder inside it is fine)"
    )


def test_groups_written_back_into_the_data(work):
    data = work / "DATA"
    message = refused(work, ["groups", str(data), "--write-groups", str(data)])
    assert message == (
        f"Error: {data}: is an input folder of this command (DATA {data}); write into another folder (a new subfolder inside it is fine)"
    )


def test_the_code_table_onto_the_data_or_the_key(work):
    data, key, out = work / "DATA", work / "KEY", work / "shared"
    message = refused(work, ["pseudonymise", str(data), "--key-file", str(key), "-o", str(out), "--table", str(data / "people.csv")])
    assert message == f"Error: {data / 'people.csv'}: is an input of this command (read from DATA {data}); write the output somewhere else"
    message = refused(work, ["pseudonymise", str(data), "--key-file", str(key), "-o", str(out), "--table", str(key)])
    assert message == f"Error: {key}: is an input of this command (--key-file {key}); write the output somewhere else"


def test_pseudonymised_workbook_onto_itself(work):
    net, key = work / "NET.xlsx", work / "KEY"
    message = refused(work, ["pseudonymise", str(net), "--key-file", str(key), "-o", str(net)])
    assert message == f"Error: {net}: is an input of this command (DATA {net}); write the output somewhere else"


def test_reidentify_onto_the_data_and_into_the_shared_folder(work):
    data, key, shared = work / "DATA", work / "KEY", work / "shared"
    run(["pseudonymise", str(data), "--key-file", str(key), "-o", str(shared)])
    run(["metrics", str(shared), "-o", str(work / "coded.csv")])
    coded = work / "coded.csv"
    message = refused(work, ["reidentify", str(coded), "--key-file", str(key), "--data", str(data), "-o", str(data / "people.csv")])
    assert message == f"Error: {data / 'people.csv'}: is an input of this command (read from --data {data}); write the output somewhere else"
    message = refused(work, ["reidentify", str(coded), "--key-file", str(key), "--data", str(data), "-o", str(coded)])
    assert message == f"Error: {coded}: is an input of this command (FILE {coded}); write the output somewhere else"
    message = refused(work, ["reidentify", str(coded), "--key-file", str(key), "--data", str(data), "-o", str(shared / "named.csv")])
    assert message == f"Error: {shared / 'named.csv'}: is inside {shared}, a pseudonymised folder meant to be shared; write the names back somewhere else"
    run(["reidentify", str(coded), "--key-file", str(key), "--data", str(data), "-o", str(work / "named.csv")])


def test_the_survey_roster_is_not_overwritten_by_the_import(tmp_path):
    data = tmp_path / "DATA"
    data.mkdir()
    shutil.copy(SURVEY / "roster.csv", data / "people.csv")
    message = refused(tmp_path, ["survey", "import", str(SURVEY / "forms.xlsx"), "--roster", str(data / "people.csv"), "-o", str(data)])
    assert message == f"Error: {data / 'people.csv'}: is an input of this command (--roster {data / 'people.csv'}); write the output somewhere else"


def test_a_rerun_with_the_decisions_of_the_same_folder_is_allowed(tmp_path):
    out = tmp_path / "network"
    run(["survey", "import", str(SURVEY / "forms.xlsx"), "--roster", str(SURVEY / "roster.csv"), "-o", str(out)])
    run(["survey", "import", str(SURVEY / "forms.xlsx"), "--roster", str(SURVEY / "roster.csv"), "-o", str(out), "--matches", str(out / "matches.csv")])
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["written_by"] == "orgnet survey import"


def test_a_stale_groups_file_in_the_import_folder_is_refused_then_replaced(tmp_path):
    out = tmp_path / "network"
    out.mkdir()
    (out / "groups.csv").write_text("group,person\nold,k01\n", encoding="utf-8")
    arguments = ["survey", "import", str(SURVEY / "forms.xlsx"), "--roster", str(SURVEY / "roster.csv"), "-o", str(out)]
    message = refused(tmp_path, arguments)
    assert message == (
        f"Error: {out}: holds groups.csv, not written here by orgnet survey import; it would be replaced or become part of the new data. "
        "Choose a new folder, or give --replace to replace it"
    )
    run([*arguments, "--replace"])
    assert not (out / "groups.csv").exists()
    assert orgnet.read(out).groups.empty


def test_events_logs_folder_is_never_the_output(tmp_path):
    logs = tmp_path / "LOGS"
    logs.mkdir()
    (logs / "mail.csv").write_text("sender,recipients,sent_at\na@x.dk,b@x.dk,2026-01-05T09:00:00Z\n", encoding="utf-8")
    roster = tmp_path / "people.csv"
    roster.write_text("id,email\na,a@x.dk\nb,b@x.dk\n", encoding="utf-8")
    message = refused(tmp_path, ["events", f"email={logs}", "--people", str(roster), "-o", str(logs)])
    assert message == f"Error: {logs}: is an input folder of this command (EVENTS {logs}); write into a folder outside it (every file below it is read)"
    message = refused(tmp_path, ["events", f"email={logs}", "--people", str(roster), "-o", str(logs / "net")])
    assert message == f"Error: {logs / 'net'}: is inside {logs} (EVENTS), every file below which is read; write the output outside it"


def test_events_roster_folder_is_never_the_output(tmp_path, municipality):
    data = tmp_path / "DATA"
    shutil.copytree(municipality, data)
    (tmp_path / "mail.csv").write_text("sender,recipients,sent_at\n", encoding="utf-8")
    message = refused(tmp_path, ["events", f"email={tmp_path / 'mail.csv'}", "--people", str(data), "-o", str(data)])
    assert message == f"Error: {data}: is an input folder of this command (--people {data}); write into another folder (a new subfolder inside it is fine)"


def test_generate_over_data_it_did_not_write_is_refused_unless_replace(tmp_path, municipality):
    real = tmp_path / "real"
    shutil.copytree(municipality, real)
    message = refused(tmp_path, ["generate", "-o", str(real), "--people", "60"])
    assert message == (
        f"Error: {real}: holds groups.csv, people.csv, ties.csv, not written here by orgnet generate; they would be replaced or become part "
        "of the new data. Choose a new folder, or give --replace to replace them"
    )
    run(["generate", "-o", str(real), "--people", "60", "--replace"])
    assert len(orgnet.read(real).people) < len(orgnet.read(municipality).people)


def test_own_earlier_outputs_are_replaced_as_a_set(tmp_path, municipality):
    """A second run of the same command replaces its files; one it no longer writes goes with them."""
    wave1 = tmp_path / "wave1"
    shutil.copytree(municipality, wave1)
    out = tmp_path / "out"
    run(["generate", "-o", str(out), "--people", "60"])
    assert (out / "groups.csv").exists()
    first = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(first["files"]) == ["groups.csv", "people.csv", "ties.csv"]
    (wave1 / "groups.csv").unlink()  # a first wave without groups: its second wave has none either
    run(["generate", "--wave2-of", str(wave1), "-o", str(out)])
    assert not (out / "groups.csv").exists()
    assert sorted(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]) == ["people.csv", "ties.csv"]


def test_pseudonymised_folder_keeps_nothing_it_did_not_write(work):
    data, key, shared = work / "DATA", work / "KEY", work / "shared"
    shared.mkdir()
    (shared / "answers.csv").write_text("respondent,answer\nÅse Ødegård,Bo\n", encoding="utf-8")
    arguments = ["pseudonymise", str(data), "--key-file", str(key), "-o", str(shared)]
    message = refused(work, arguments)
    assert message == (
        f"Error: {shared}: holds answers.csv, not written here by orgnet pseudonymise; it would be shared with the pseudonymised data. "
        "Choose a new folder, or give --replace to replace it"
    )
    run([*arguments, "--replace"])
    assert sorted(p.name for p in shared.iterdir()) == sorted([MANIFEST, "groups.csv", "people.csv", "pseudonyms.json", "ties.csv"])
    run(arguments)  # its own earlier output: replaced without --replace


def test_the_key_is_never_kept_inside_the_shared_folder(work):
    data, shared = work / "DATA", work / "shared"
    shared.mkdir()
    shutil.copy(work / "KEY", shared / "KEY")
    message = refused(work, ["pseudonymise", str(data), "--key-file", str(shared / "KEY"), "-o", str(shared)])
    assert message == (
        f"Error: {shared / 'KEY'}: the key file must not be written or kept inside the output folder {shared}, which is meant to be shared"
    )


def test_a_read_only_output_is_not_replaced(work):
    target = work / "metrics.csv"
    target.write_text("mine\n", encoding="utf-8")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    message = refused(work, ["metrics", str(work / "DATA"), "-o", str(target)])
    assert message == f"Error: {target}: is read-only; orgnet does not replace it (make it writable, or choose another name)"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_read_only_output_folder_gets_nothing(work):
    folder = work / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        message = refused(work, ["report", str(work / "DATA"), "-o", str(folder)])
    finally:
        folder.chmod(stat.S_IRWXU)
    assert message == f"Error: {folder}: is a read-only folder; orgnet writes nothing into it (make it writable, or choose another)"


@pytest.mark.parametrize("name", ["out.xlsx", "out.csv", "graph.html"])
def test_a_folder_where_a_file_is_expected(work, name):
    folder = work / name
    folder.mkdir()
    command = ["graph"] if name.endswith(".html") else ["metrics"]
    result = CliRunner().invoke(main, [*command, str(work / "DATA"), "-o", str(folder)])
    assert result.exit_code == 1
    assert result.output == f"Error: {folder}: is a folder; give a file name\n"


def test_a_file_where_a_folder_is_expected(work):
    file = work / "report"
    file.write_text("mine\n", encoding="utf-8")
    message = refused(work, ["report", str(work / "DATA"), "-o", str(file)])
    assert message == f"Error: {file}: is a file; give a folder"


def test_a_recorded_file_edited_since_is_someones_work(tmp_path):
    """The record holds what was written: a people.csv replaced by hand is refused, not overwritten."""
    out = tmp_path / "out"
    run(["generate", "-o", str(out), "--people", "60"])
    (out / "people.csv").write_text((out / "people.csv").read_text(encoding="utf-8-sig").replace("Kommune", "Kommunen"), encoding="utf-8")
    message = refused(tmp_path, ["generate", "-o", str(out), "--people", "60"])
    assert message == (
        f"Error: {out}: holds people.csv, changed since orgnet generate wrote it; it would be replaced or become part of the new data. "
        "Choose a new folder, or give --replace to replace it"
    )


def test_the_survey_template_never_replaces_an_edited_questions_file(tmp_path):
    out = tmp_path / "questionnaire"
    run(["survey", "template", str(SURVEY / "roster.csv"), "-o", str(out)])
    run(["survey", "template", str(SURVEY / "roster.csv"), "-o", str(out)])  # as written: replaced
    (out / "questions.toml").write_text((out / "questions.toml").read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    message = refused(tmp_path, ["survey", "template", str(SURVEY / "roster.csv"), "-o", str(out)])
    assert message == (
        f"Error: {out}: holds questions.toml, changed since orgnet survey template wrote it; it would be replaced. "
        "Choose a new folder, or give --replace to replace it"
    )
    run(["survey", "template", str(SURVEY / "roster.csv"), "-o", str(out), "--replace"])
    assert "# my note" not in (out / "questions.toml").read_text(encoding="utf-8")


def test_events_replace_their_own_earlier_files_and_windows(tmp_path):
    logs = tmp_path / "mail.csv"
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    lines = ["sender,recipients,sent_at"]
    for day in range(0, 60, 3):  # a and b write each other every third day for two months
        at = start + timedelta(days=day)
        lines += [f"a@x.dk,b@x.dk,{at:%Y-%m-%dT%H:%M:%SZ}", f"b@x.dk,a@x.dk,{at + timedelta(hours=1):%Y-%m-%dT%H:%M:%SZ}"]
    logs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    roster = tmp_path / "people.csv"
    roster.write_text("id,email\na,a@x.dk\nb,b@x.dk\n", encoding="utf-8")
    out = tmp_path / "net"
    base = ["events", f"email={logs}", "--people", str(roster), "-o", str(out)]

    run([*base, "--parquet"])
    assert (out / "ties.parquet").exists()
    run(base)  # the same command without --parquet: its earlier ties.parquet goes with the set
    assert not (out / "ties.parquet").exists()

    windows = tmp_path / "windows"
    run(["events", f"email={logs}", "--people", str(roster), "-o", str(windows), "--per-window", "--window", "14d"])
    first = sorted(p.name for p in windows.iterdir() if p.is_dir())
    run(["events", f"email={logs}", "--people", str(roster), "-o", str(windows), "--per-window", "--window", "30d"])
    second = sorted(p.name for p in windows.iterdir() if p.is_dir())
    assert len(first) > len(second) >= 1
    recorded = json.loads((windows / MANIFEST).read_text(encoding="utf-8"))["folders"]
    assert recorded == second  # only this run's windows remain, and the record names them


def test_events_never_write_the_network_beside_a_log_file(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "email.csv").write_text("sender,recipients,sent_at\na@x.dk,b@x.dk,2026-01-05T09:00:00Z\n", encoding="utf-8")
    roster = tmp_path / "people.csv"
    roster.write_text("id,email\na,a@x.dk\nb,b@x.dk\n", encoding="utf-8")
    message = refused(tmp_path, ["events", f"email={logs / 'email.csv'}", "--people", str(roster), "-o", str(logs)])
    assert message == (
        f"Error: {logs}: holds {logs / 'email.csv'}, an event log this command reads (EVENTS); write the network into a folder of its own, "
        "so that the logs' folder holds logs only"
    )


def test_the_data_file_beside_a_dl_network_is_an_input(tmp_path, municipality):
    net = tmp_path / "net.dl"
    orgnet.write(orgnet.read(municipality), net)
    side = tmp_path / "net.dl.people.csv"
    message = refused(tmp_path, ["metrics", str(net), "-o", str(side)])
    assert message == f"Error: {side}: is an input of this command (DATA {side}); write the output somewhere else"


@pytest.mark.parametrize("replace", [[], ["--replace"]])
def test_replace_never_removes_an_input(tmp_path, municipality, replace):
    shared = tmp_path / "P"
    shared.mkdir()
    orgnet.write(orgnet.read(municipality), shared / "net.xlsx")
    assert CliRunner().invoke(main, ["pseudonymise", "--new-key", str(tmp_path / "KEY")]).exit_code == 0
    message = refused(tmp_path, ["pseudonymise", str(shared / "net.xlsx"), "--key-file", str(tmp_path / "KEY"), "-o", str(shared), *replace])
    assert message == (
        f"Error: {shared / 'net.xlsx'}: an input of this command (DATA {shared / 'net.xlsx'}) must not be kept inside the output folder "
        f"{shared}, which is meant to be shared; move it out, or write the output into another folder"
    )


def test_a_config_in_the_folder_being_written_is_never_replaced(tmp_path):
    out = tmp_path / "o3"
    out.mkdir()
    (out / "orgnet.toml").write_text("[events]\n", encoding="utf-8")
    (tmp_path / "mail.csv").write_text("sender,recipients,sent_at\na@x.dk,b@x.dk,2026-01-05T09:00:00Z\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("id,email\na,a@x.dk\nb,b@x.dk\n", encoding="utf-8")
    message = refused(tmp_path, ["events", f"email={tmp_path / 'mail.csv'}", "--people", str(tmp_path / "people.csv"),
                                 "--config", str(out / "orgnet.toml"), "-o", str(out), "--replace"])
    assert message == (
        f"Error: {out / 'orgnet.toml'}: is an input of this command (--config {out / 'orgnet.toml'}) and would be read as part of "
        f"the data folder {out} being written; keep it elsewhere, or write the output into another folder"
    )


def test_the_original_data_is_never_inside_the_shared_folder(tmp_path, municipality):
    shared = tmp_path / "Q"
    shutil.copytree(municipality, shared / "D")
    assert CliRunner().invoke(main, ["pseudonymise", "--new-key", str(tmp_path / "KEY")]).exit_code == 0
    message = refused(tmp_path, ["pseudonymise", str(shared / "D"), "--key-file", str(tmp_path / "KEY"), "-o", str(shared)])
    assert message == (
        f"Error: {shared / 'D'}: an input of this command (DATA {shared / 'D'}) must not be kept inside the output folder {shared}, "
        "which is meant to be shared; move it out, or write the output into another folder"
    )


def test_the_new_key_is_never_inside_the_shared_folder(tmp_path, municipality):
    shared = tmp_path / "PO"
    message = refused(tmp_path, ["pseudonymise", str(municipality), "-o", str(shared), "--new-key", str(shared / "k2")])
    assert message == f"Error: {shared / 'k2'}: the key file must not be written or kept inside the output folder {shared}, which is meant to be shared"


def test_the_survey_demo_checks_the_data_folder_it_writes(tmp_path, municipality):
    out = tmp_path / "X"
    (out / "network").mkdir(parents=True)
    shutil.copy(municipality / "people.csv", out / "network" / "people.csv")
    message = refused(tmp_path, ["demo", "--survey", "-o", str(out)])
    assert message == (
        f"Error: {out / 'network'}: holds people.csv, not written here by orgnet demo; it would be replaced or become part of the new data. "
        "Choose a new folder, or give --replace to replace it"
    )
    shutil.rmtree(out)
    run(["demo", "--survey", "-o", str(out)])
    run(["demo", "--survey", "-o", str(out)])  # its own earlier files: replaced
    assert json.loads((out / "network" / MANIFEST).read_text(encoding="utf-8"))["written_by"] == "orgnet demo"
