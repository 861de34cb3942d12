"""A campaign of hostile and careless-but-realistic inputs against the newer commands.

Every case runs one command line, as a consultant might type it, in a folder holding a small
real-shaped world (a data folder, its workbook, a key, a survey roster and export, e-mail logs,
scenario files). Each case states the exit status and the line the user must read; every case
also asserts that no traceback is printed and that every input in the world is byte-identical
afterwards. The paths in a case are relative to the world, as typed at a prompt.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import orgnet
from orgnet.cli import main
from orgnet.generate import generate_municipality

SURVEY = Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"


@dataclass(frozen=True)
class Case:
    name: str
    command: str  # split on spaces; {W} is the world folder
    status: int
    says: str  # a line, or part of one, the user must read ("" for a success that says nothing in particular)
    setup: Callable[[Path], None] | None = None
    changes: str = ""  # a folder of the world this (successful) command may rewrite, as asked


def world_files(root: Path) -> None:
    """The world every case starts from (written once, copied for each case)."""
    network = generate_municipality(people=80, seed=11)
    orgnet.write(network, root / "DATA")
    orgnet.write(network, root / "NET.xlsx")
    two = root / "TWO"
    two.mkdir()
    (two / "people.csv").write_text("id,name,organisation\na,Åse,Kærholm\nb,Bo,Kærholm\n", encoding="utf-8")
    (two / "ties.csv").write_text("source,target,kind\na,b,informal\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["pseudonymise", "--new-key", str(root / "KEY")]).exit_code == 0
    shutil.copy(SURVEY / "roster.csv", root / "roster.csv")
    shutil.copy(SURVEY / "forms.xlsx", root / "forms.xlsx")
    logs = root / "LOGS"
    logs.mkdir()
    (logs / "mail.csv").write_text(
        "sender,recipients,sent_at\nk01@kommune.example,k02@kommune.example,2026-01-05T09:00:00Z\n"
        "k02@kommune.example,k01@kommune.example,2026-01-06T09:00:00Z\n",
        encoding="utf-8",
    )
    (root / "scenarios.toml").write_text('[lukning]\nremove_where = ["organisation=Kærholm"]\n', encoding="utf-8")
    (root / "rules.toml").write_text("[thin]\nbelow = 2\n", encoding="utf-8")


# --- helpers for set-ups ------------------------------------------------------------------------------------


def damage(workbook: str) -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        path = world / workbook
        with zipfile.ZipFile(path) as archive:
            sheet = next(info for info in archive.infolist() if info.filename.startswith("xl/worksheets/"))
        content = bytearray(path.read_bytes())
        content[sheet.header_offset + 30 + len(sheet.filename) + len(sheet.extra) + sheet.compress_size // 2] ^= 0xFF
        path.write_bytes(bytes(content))

    return setup


def write(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        (world / name).parent.mkdir(parents=True, exist_ok=True)
        (world / name).write_bytes(text.encode(encoding))

    return setup


def link(name: str, to: str) -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        (world / name).symlink_to(world / to)

    return setup


def read_only(name: str) -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        (world / name).write_text("mine\n", encoding="utf-8")
        (world / name).chmod(0o444)

    return setup


def both(*setups: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        for one in setups:
            one(world)

    return setup


AMBIGUOUS_UNIT = {
    "people": "id,name,organisation,unit,role\ne1,Eva,Kærholm,Ledelse,leader\ne2,Ib,Kærholm,Stuen,leader\n"
              "s1,Sara,Solsikken,Ledelse,leader\ns2,Ole,Solsikken,Haven,leader\n",
    "ties": "source,target,kind\ne1,e2,informal\ns1,s2,informal\ne1,s1,informal\n",
}
LONG_ID = {
    "people": f"id,name,role\n{'x' * 300},Lang Id,leader\nb,Bo,leader\n",
    "ties": f"source,target,kind\n{'x' * 300},b,informal\n",
}
ALONE = {  # o1 is the only person of Ørsted; everyone has an internal and an external informal contact where one can exist
    "people": "id,name,organisation,role\na,Anna,Kærholm,leader\nb,Bo,Kærholm,leader\no1,Ole,Ørsted,leader\n",
    "ties": "source,target,kind\na,b,informal\nb,a,informal\na,o1,informal\nb,o1,informal\n",
}


def write_folder(name: str, files: dict[str, str]) -> Callable[[Path], None]:
    def setup(world: Path) -> None:
        (world / name).mkdir()
        for table, text in files.items():
            (world / name / f"{table}.csv").write_text(text, encoding="utf-8")

    return setup


def roster_workbook(world: Path) -> None:
    import pandas as pd

    pd.read_csv(world / "roster.csv", dtype=str, encoding="utf-8-sig").to_excel(world / "roster.xlsx", sheet_name="people", index=False)


def duplicate_email(world: Path) -> None:
    lines = (world / "roster.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("k02@kommune.example", "K01@Kommune.example")
    (world / "dup.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def decided_import(world: Path) -> None:
    """An import whose review the consultant has begun: one answer decided in OUT/matches.csv."""
    arguments = ["survey", "import", str(world / "forms.xlsx"), "--roster", str(world / "roster.csv"), "-o", str(world / "OUT")]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    matches = world / "OUT" / "matches.csv"
    text = matches.read_text(encoding="utf-8-sig")
    assert "Jørgen,Åbakken Skole / Udskolingen,,," in text
    matches.write_text(text.replace("Jørgen,Åbakken Skole / Udskolingen,,,", "Jørgen,Åbakken Skole / Udskolingen,s04,,", 1), encoding="utf-8")


IS_INPUT = "is an input of this command"
INPUT_FOLDER = "is an input folder of this command"
DAMAGED = "the workbook is damaged ("

CASES = [
    # -o onto an input, typed the way people type paths
    Case("keyplayers onto ties.csv", "keyplayers DATA -o DATA/ties.csv", 1, f"DATA/ties.csv: {IS_INPUT} (read from DATA DATA)"),
    Case("keyplayers onto ./DATA/ties.csv", "keyplayers DATA -o ./DATA/ties.csv", 1, f"DATA/ties.csv: {IS_INPUT}"),
    Case("metrics onto DATA/../DATA/people.csv", "metrics DATA -o DATA/../DATA/people.csv", 1, f"DATA/../DATA/people.csv: {IS_INPUT}"),
    Case("metrics onto the absolute path of people.csv", "metrics DATA -o {W}/DATA/people.csv", 1, f"{{W}}/DATA/people.csv: {IS_INPUT}"),
    Case("metrics onto a link to ties.csv", "metrics DATA -o alias.csv", 1, f"alias.csv: {IS_INPUT} (read from DATA DATA)", link("alias.csv", "DATA/ties.csv")),
    Case("metrics onto a hard link of ties.csv", "metrics DATA -o hard.csv", 1, f"hard.csv: {IS_INPUT}",
         lambda w: os.link(w / "DATA/ties.csv", w / "hard.csv")),
    Case("metrics with a trailing slash on the data", "metrics DATA/ -o DATA/groups.csv", 1, "DATA/groups.csv: is an input of this command"),
    Case("flags onto people.csv", "flags DATA -o DATA/people.csv", 1, f"DATA/people.csv: {IS_INPUT}"),
    Case("bagland onto ties.csv", "bagland DATA -o DATA/ties.csv", 1, f"DATA/ties.csv: {IS_INPUT}"),
    Case("compare onto groups.csv", "compare DATA --by level -o DATA/groups.csv", 1, f"DATA/groups.csv: {IS_INPUT}"),
    Case("suggest onto people.csv", "suggest DATA -o DATA/people.csv", 1, f"DATA/people.csv: {IS_INPUT}"),
    Case("groups onto people.csv", "groups DATA -o DATA/people.csv", 1, f"DATA/people.csv: {IS_INPUT}"),
    Case("groups onto the workbook", "groups NET.xlsx -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (DATA NET.xlsx)"),
    Case("suggest onto the workbook", "suggest NET.xlsx -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (DATA NET.xlsx)"),
    Case("whatif onto the workbook", "whatif NET.xlsx --remove x -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (DATA NET.xlsx)"),
    Case("diff onto the second wave", "diff DATA NET.xlsx -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (WAVE2 NET.xlsx)"),
    Case("graph onto the workbook", "graph NET.xlsx -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (DATA NET.xlsx)"),
    Case("metrics onto the config", "metrics DATA --config rules.toml -o rules.toml", 1, f"rules.toml: {IS_INPUT} (--config rules.toml)"),
    Case("flags onto the rules", "flags DATA --rules rules.toml -o rules.toml", 1, f"rules.toml: {IS_INPUT} (--rules rules.toml)"),
    Case("whatif onto the scenarios", "whatif DATA --scenarios scenarios.toml -o scenarios.toml", 1, f"scenarios.toml: {IS_INPUT} (--scenarios scenarios.toml)"),
    Case("diff onto its groups file", "diff DATA DATA --groups DATA/groups.csv -o DATA/groups.csv", 1, "DATA/groups.csv: is an input"),
    Case("groups onto the coordinators", "groups DATA --coordinators coord.csv -o coord.csv", 1, f"coord.csv: {IS_INPUT} (--coordinators coord.csv)",
         write("coord.csv", "id\nx\n")),
    # pages and workbooks into a data folder
    Case("report into the data folder", "report DATA -o DATA", 1, f"DATA: {INPUT_FOLDER} (DATA DATA)"),
    Case("report into ./DATA/", "report DATA -o ./DATA/", 1, f"DATA: {INPUT_FOLDER}"),
    Case("whatif into the data folder", "whatif DATA --remove x -o DATA", 1, f"DATA: {INPUT_FOLDER} (DATA DATA)"),
    Case("diff into the first wave", "diff DATA NET.xlsx -o DATA", 1, f"DATA: {INPUT_FOLDER} (WAVE1 DATA)"),
    Case("profile into the data folder", "profile DATA -o DATA", 1, f"DATA: {INPUT_FOLDER} (DATA DATA)"),
    Case("groups page into the data folder", "groups DATA -o DATA", 1, f"DATA: {INPUT_FOLDER} (DATA DATA)"),
    Case("report of a report workbook into its folder", "report REP/orgnet.xlsx -o REP", 1, f"REP/orgnet.xlsx: {IS_INPUT} (DATA REP/orgnet.xlsx)",
         lambda w: shutil.copy(w / "NET.xlsx", (w / "REP").mkdir() or w / "REP" / "orgnet.xlsx")),
    Case("metrics as groups.csv beside the data", "metrics DATA -o DATA/groups.csv", 1, f"DATA/groups.csv: {IS_INPUT}"),
    Case("metrics as orgnet.toml beside the data", "metrics TWO -o TWO/orgnet.toml", 1, "TWO/orgnet.toml: would be read as data from the input folder TWO (DATA)"),
    Case("report into a new subfolder of the data", "report DATA -o DATA/rapport", 0, "DATA/rapport/index.html"),
    Case("metrics beside the data under its own name", "metrics DATA -o DATA/metrics.csv", 0, "DATA/metrics.csv"),
    # data folders written over
    Case("second wave onto the first", "generate --wave2-of DATA -o DATA", 1, f"DATA: {INPUT_FOLDER} (--wave2-of DATA)"),
    Case("second wave into a folder of someone's data", "generate --wave2-of DATA -o TWO", 1,
         "TWO: holds people.csv, ties.csv, not written here by orgnet generate; they would be replaced or become part of the new data"),
    Case("generate over someone's data", "generate -o TWO --people 50", 1, "TWO: holds people.csv, ties.csv, not written here by orgnet generate"),
    Case("generate over someone's data with --replace", "generate -o TWO --people 50 --replace", 0, "wrote", changes="TWO"),
    Case("generate into the logs", "generate -o LOGS/net --people 50", 0, "wrote"),
    Case("groups written back into the data", "groups DATA --write-groups DATA", 1, f"DATA: {INPUT_FOLDER} (DATA DATA)"),
    Case("groups written back into another data folder", "groups DATA --write-groups TWO", 1, "TWO: holds people.csv, ties.csv, not written here by orgnet groups"),
    Case("groups table onto the data it writes", "groups DATA -o PLAN/people.csv --write-groups PLAN", 1,
         "PLAN/people.csv: two outputs of this command (--output, --write-groups) would write it; give them different places"),
    Case("groups page beside the data it writes", "groups DATA --apart none -o PLAN --write-groups PLAN", 0, "wrote PLAN/index.html"),
    # survey import
    Case("import over the roster", "survey import forms.xlsx --roster DATA/people.csv -o DATA", 1, f"DATA/people.csv: {IS_INPUT} (--roster DATA/people.csv)"),
    Case("import into the roster's own file", "survey import forms.xlsx --roster roster.csv -o roster.csv", 1, f"roster.csv: {IS_INPUT} (--roster roster.csv)"),
    Case("import onto the export", "survey import forms.xlsx --roster roster.csv -o forms.xlsx", 1, f"forms.xlsx: {IS_INPUT} (EXPORT forms.xlsx)"),
    Case("import with a stale groups.csv in the output", "survey import forms.xlsx --roster roster.csv -o OUT", 1,
         "OUT: holds groups.csv, not written here by orgnet survey import; it would be replaced or become part of the new data",
         write("OUT/groups.csv", "group,person\nold,k01\n")),
    # survey input that would give a wrong network with exit 0
    Case("template with one e-mail twice (case)", "survey template dup.csv -o Q", 1,
         "dup.csv, row 3, column 'email': e-mail 'K01@Kommune.example' is also the e-mail of row 2 ('k01@kommune.example', id 'k01')",
         duplicate_email),
    Case("import with one e-mail twice (case)", "survey import forms.xlsx --roster dup.csv -o OUT", 1,
         "dup.csv, row 3, column 'email': e-mail 'K01@Kommune.example' is also the e-mail of row 2", duplicate_email),
    Case("import with two questions of one key", "survey import forms.xlsx --roster roster.csv -o OUT --questions q.toml", 1,
         "q.toml: [[question]] number 2: key 'advice' is also the key of question number 1; each question needs its own key",
         write("q.toml", '[[question]]\nkey = "advice"\nrelation = "advice"\nkind = "informal"\n'
                         '[[question]]\nkey = "advice"\nrelation = "meeting"\nkind = "formal"\n')),
    Case("import with one relation of two kinds", "survey import forms.xlsx --roster roster.csv -o OUT --questions q.toml", 1,
         "q.toml: [[question]] number 2: relation 'advice' is formal here but informal in question number 1",
         write("q.toml", '[[question]]\nkey = "advice"\nrelation = "advice"\nkind = "informal"\n'
                         '[[question]]\nkey = "meeting"\nrelation = "advice"\nkind = "formal"\n')),
    Case("import with scale = 3", "survey import forms.xlsx --roster roster.csv -o OUT --questions q.toml", 1,
         "q.toml: scale = 3: expected a [scale] table of answer = weight", write("q.toml", "scale = 3\n")),
    Case("import with question = \"advice\"", "survey import forms.xlsx --roster roster.csv -o OUT --questions q.toml", 1,
         "q.toml: question = \"advice\": expected [[question]] tables, each with key, relation and kind", write("q.toml", 'question = "advice"\n')),
    Case("import with questions in Windows-1252", "survey import forms.xlsx --roster roster.csv -o OUT --questions q.toml", 1,
         "q.toml: line 2: byte 0xe5 is not UTF-8 (in Windows-1252 it is 'å'); save the file as UTF-8",
         write("q.toml", '[[question]]\nkey = "råd"\nrelation = "advice"\nkind = "informal"\n', "cp1252")),
    Case("import with two decisions for one answer", "survey import forms.xlsx --roster roster.csv -o OUT --matches dec.csv", 1,
         "dec.csv, row 3, column 'id': decides 'Jørgen' in context 'Åbakken Skole / Udskolingen' as 's04', but row 2 decides it as 'k12'",
         write("dec.csv", "answer,context,id\nJørgen,Åbakken Skole / Udskolingen,k12\nJørgen,Åbakken Skole / Udskolingen,s04\n")),
    Case("import with a decision for an answer nobody gave", "survey import forms.xlsx --roster roster.csv -o OUT --matches dec.csv", 0,
         "warning: dec.csv, row 2: no answer 'Bent Ravn' in the export; the decision (k01) was not used (kept in matches.csv with answers 0)",
         write("dec.csv", "answer,context,id\nBent Ravn,,k01\n")),
    Case("rerun keeps the decisions in the folder", "survey import forms.xlsx --roster roster.csv -o OUT", 0,
         "used 1 decision from OUT/matches.csv", decided_import, changes="OUT"),
    Case("import with one answer to review says it in the singular", "survey import long.csv --roster roster.csv -o OUT", 0,
         "answers to review: 1 (1 distinct text in matches.csv)", write("long.csv", "respondent_email,question,answer_text\n"
                                                                        "k01@kommune.example,advice,Karin fra kommunen\n")),
    Case("import with one name to review tells what to do in the singular", "survey import long.csv --roster roster.csv -o OUT", 0,
         "1 name to review: write an id (or none) in the id column of OUT/matches.csv",
         write("long.csv", "respondent_email,question,answer_text\nk01@kommune.example,advice,Karin fra kommunen\n")),
    Case("template onto the roster", "survey template roster.csv -o roster.csv", 1, f"roster.csv: {IS_INPUT} (ROSTER roster.csv)"),
    # events
    Case("events into its own logs", "events email=LOGS --people roster.csv -o LOGS", 1, f"LOGS: {INPUT_FOLDER} (EVENTS LOGS)"),
    Case("events into a folder below its logs", "events email=LOGS --people roster.csv -o LOGS/net", 1,
         "LOGS/net: is inside LOGS (EVENTS), every file below which is read; write the output outside it"),
    Case("events onto its roster folder", "events email=LOGS --people DATA -o DATA", 1, f"DATA: {INPUT_FOLDER} (--people DATA)"),
    Case("events onto the roster file", "events email=LOGS --people roster.csv -o roster.csv", 1, f"roster.csv: {IS_INPUT} (--people roster.csv)"),
    Case("events with a glob into the globbed folder", "events email=LOGS/*.csv --people roster.csv -o LOGS/out", 1, "LOGS/out: is inside LOGS (EVENTS)"),
    Case("events from an empty log", "events email=empty.csv --people roster.csv -o NET", 1,
         "empty.csv: the file is empty; expected a header row and one event per row", write("empty.csv", "")),
    Case("events from a log saved by Excel as CSV (Windows-1252)", "events email=m.csv --people roster.csv -o NET", 1,
         "m.csv, row 2: not UTF-8 but apparently Windows-1252, as Excel saves \"CSV\"",
         write("m.csv", 'sender,recipients,sent_at\n"""Øster"" <k01@kommune.example>",k02@kommune.example,2026-01-05T09:00:00Z\n', "cp1252")),
    Case("events with a meeting without an end", "events meeting=meet.csv --people roster.csv -o NET", 1,
         "meet.csv, row 2, column 'end': empty end; a meeting counts only with an end at or after its start",
         write("meet.csv", "organiser,attendees,start,end\nk01@kommune.example,k02@kommune.example,2026-01-05T09:00:00Z,\n")),
    Case("events with a meeting that ends before it starts", "events meeting=meet.csv --people roster.csv -o NET", 1,
         "meet.csv, row 2, column 'end': the meeting ends before it starts",
         write("meet.csv", "organiser,attendees,start,end\nk01@kommune.example,k02@kommune.example,2026-01-05T09:00:00Z,2026-01-05T08:00:00Z\n")),
    Case("events with written names and angle brackets", "events email=disp.csv --people roster.csv -o NET", 0, "wrote 2 ties (duckdb) to NET",
         write("disp.csv", 'sender,recipients,sent_at\n"""Hansen, Mette"" <k01@kommune.example>","""Ågård, Søren"" <K02@Kommune.example>; '
                           '""Dahl, Jørgen"" <k12@kommune.example>",2026-01-05T09:00:00Z\nk02@kommune.example,"""Hansen, Mette"" '
                           '<k01@kommune.example>",2026-01-20T09:00:00Z\n')),
    Case("events with the roster as a workbook", "events email=LOGS --people roster.xlsx -o NET", 0, "wrote 2 ties (duckdb) to NET",
         roster_workbook),
    # pseudonymise and reidentify
    Case("code table onto the data", "pseudonymise DATA --key-file KEY -o SHARED --table DATA/people.csv", 1, f"DATA/people.csv: {IS_INPUT}"),
    Case("code table onto the key", "pseudonymise DATA --key-file KEY -o SHARED --table KEY", 1, f"KEY: {IS_INPUT} (--key-file KEY)"),
    Case("code table inside the shared folder", "pseudonymise DATA --key-file KEY -o SHARED --table SHARED/codes.csv", 1,
         "SHARED/codes.csv: the code table must not be written or kept inside the output folder SHARED, which is meant to be shared"),
    Case("key inside the shared folder", "pseudonymise DATA --key-file SHARED/KEY -o SHARED", 1,
         "SHARED/KEY: the key file must not be written or kept inside the output folder SHARED, which is meant to be shared",
         lambda w: shutil.copy(w / "KEY", (w / "SHARED").mkdir() or w / "SHARED" / "KEY")),
    Case("pseudonymised workbook onto itself", "pseudonymise NET.xlsx --key-file KEY -o NET.xlsx", 1, f"NET.xlsx: {IS_INPUT} (DATA NET.xlsx)"),
    Case("pseudonymised data inside the data", "pseudonymise DATA --key-file KEY -o DATA/shared", 1,
         "DATA/shared: the output folder must not be inside the data folder DATA"),
    Case("pseudonymised into a survey folder with names", "pseudonymise DATA --key-file KEY -o SURV", 1,
         "SURV: holds answers.csv, not written here by orgnet pseudonymise; it would be shared with the pseudonymised data",
         write("SURV/answers.csv", "respondent,answer\nMette Hansen,Søren Ågård\n")),
    Case("new key over the old key", "pseudonymise --new-key KEY", 1, "KEY: a file is already there; orgnet never overwrites a key"),
    Case("new key onto the data", "pseudonymise --new-key DATA/people.csv", 1, "DATA/people.csv: a file is already there; orgnet never overwrites a key"),
    Case("a key others can read", "pseudonymise DATA --key-file KEY -o SHARED", 0, "warning: KEY can be read by anyone on this machine (mode 0644)",
         lambda w: (w / "KEY").chmod(0o644)),
    Case("a key the group can read", "pseudonymise DATA --key-file KEY -o SHARED", 0, "warning: KEY can be read by your group (mode 0640)",
         lambda w: (w / "KEY").chmod(0o640)),
    Case("a key that is not a key", "pseudonymise DATA --key-file DATA/people.csv -o SHARED", 1,
         "DATA/people.csv: not an orgnet key (expected 64 hex digits, as orgnet pseudonymise --new-key writes)"),
    Case("reidentify onto the original people", "reidentify coded.csv --key-file KEY --data DATA -o DATA/people.csv", 1,
         f"DATA/people.csv: {IS_INPUT} (read from --data DATA)", write("coded.csv", "id\nP0\n")),
    Case("reidentify onto the file it maps", "reidentify coded.csv --key-file KEY --data DATA -o coded.csv", 1, f"coded.csv: {IS_INPUT} (FILE coded.csv)",
         write("coded.csv", "id\nP0\n")),
    Case("reidentify onto the key", "reidentify coded.csv --key-file KEY --data DATA -o KEY", 1, f"KEY: {IS_INPUT} (--key-file KEY)", write("coded.csv", "id\nP0\n")),
    Case("reidentify into a pseudonymised folder", "reidentify SHARED/coded.csv --key-file KEY --data DATA -o SHARED/named.csv", 1,
         "SHARED/named.csv: is inside {W}/SHARED, a pseudonymised folder meant to be shared; write the names back somewhere else",
         both(write("SHARED/coded.csv", "id\nP0\n"), write("SHARED/pseudonyms.json", "{}\n"))),
    Case("reidentify with no pseudonym of this key", "reidentify coded.csv --key-file KEY --data DATA -o named.csv", 1,
         "coded.csv: no pseudonym in it was made with this key", write("coded.csv", "id\nP0\n")),
    Case("reidentify to an unknown format", "reidentify coded.csv --key-file KEY --data DATA -o named.txt", 1,
         "named.txt: cannot write '.txt'; use .csv or .xlsx", write("coded.csv", "id\nP0\n")),
    # what-if, key players, suggestions, profiles
    Case("whatif --move to a unit two organisations have", "whatif AMB --move e1=Ledelse", 1,
         "--move e1=Ledelse: 2 organisations have a unit 'Ledelse' (Kærholm/Ledelse, Solsikken/Ledelse); name one as ORGANISATION/UNIT",
         write_folder("AMB", AMBIGUOUS_UNIT)),
    Case("whatif --move to ORGANISATION/UNIT", "whatif AMB --move e1=Solsikken/Ledelse", 0, "scenario", write_folder("AMB", AMBIGUOUS_UNIT)),
    Case("whatif with scenarios in Windows-1252", "whatif DATA --scenarios s.toml", 1,
         "s.toml: not UTF-8 text (byte 0xf8 on line 1, 'ø' in Windows-1252); a TOML file must be UTF-8: save it again as UTF-8",
         write("s.toml", '[scenario."sø"]\nremove = ["a"]\n', "cp1252")),
    Case("whatif with remove = 5", "whatif DATA --scenarios s.toml", 1,
         "s.toml: scenario 'x': remove = 5 must be a text or a list of texts, e.g. remove = [\"P0001\"]", write("s.toml", '[scenario."x"]\nremove = 5\n')),
    Case("whatif with no change named", "whatif DATA", 1, "name a change: --remove ID"),
    Case("keyplayers --size 1 on two people", "keyplayers TWO --size 1", 1,
         "--size 1: the network has 2 people; key players need at least 3 people (the size can be 1 to n − 2, so that two remain)"),
    Case("keyplayers --size 0", "keyplayers DATA --size 0", 1, "--size 0: choose between 1 and"),
    Case("keyplayers --size larger than the network", "keyplayers DATA --size 500", 1, "--size 500: choose between 1 and"),
    Case("suggest with a cap that is not a number", "suggest DATA --max-per-person many", 1,
         "--max-per-person many: write a whole number of at least 1, or 0 or none for no limit"),
    Case("suggest with no cap", "suggest DATA --max-per-person none", 0, "no limit per suggested person (--max-per-person)"),
    Case("suggest for an unknown person", "suggest DATA --person nobody", 1, "--person nobody: no person with that id"),
    Case("profile of a 300-character id", "profile LONG -o PROFILES", 0, "wrote 2 profiles", write_folder("LONG", LONG_ID)),
    Case("the only person of an organisation is not flagged no_internal", "flags ALONE", 0, "no one is flagged",
         write_folder("ALONE", ALONE)),
    # what is there already
    Case("metrics onto a read-only file", "metrics DATA -o mine.csv", 1, "mine.csv: is read-only; orgnet does not replace it", read_only("mine.csv")),
    Case("graph onto a read-only file", "graph DATA -o mine.html", 1, "mine.html: is read-only; orgnet does not replace it", read_only("mine.html")),
    Case("metrics onto a folder named like a workbook", "metrics DATA -o out.xlsx", 1, "out.xlsx: is a folder; give a file name",
         lambda w: (w / "out.xlsx").mkdir()),
    Case("graph onto a folder", "graph DATA -o out.html", 1, "out.html: is a folder; give a file name", lambda w: (w / "out.html").mkdir()),
    Case("report onto a file", "report DATA -o notes.txt", 1, "notes.txt: is a file; give a folder", write("notes.txt", "mine\n")),
    Case("profile onto a file", "profile DATA -o notes", 1, "notes: is a file; give a folder", write("notes", "mine\n")),
    Case("metrics where a folder is a file", "metrics DATA -o notes.txt/m.csv", 1,
         "notes.txt/m.csv: cannot make the folder notes.txt: a file of that name is there", write("notes.txt", "mine\n")),
    Case("metrics onto a file name typed with a trailing slash", "metrics DATA -o NEW/m.csv/", 1,
         "NEW/m.csv/: ends in '/', so it names a folder; give a file name"),
    Case("a new key typed as a folder", "pseudonymise --new-key KEYS/", 1, "KEYS/: ends in '/', so it names a folder; give a file name"),
    Case("a report folder typed with a trailing slash", "report DATA -o REPORT/", 0, "REPORT/index.html"),
    # damaged workbooks, wherever they are read
    *(Case(f"{command} of a damaged workbook", f"{command} NET.xlsx{rest}", 1, DAMAGED, damage("NET.xlsx"))
      for command, rest in (("validate", ""), ("metrics", " -o m.csv"), ("report", " -o REPORT"), ("flags", ""), ("whatif", " --remove x"),
                            ("keyplayers", ""), ("suggest", ""), ("groups", ""), ("profile", " -o PROFILES"), ("graph", " -o g.html"))),
    Case("diff with a damaged second wave", "diff DATA NET.xlsx", 1, DAMAGED, damage("NET.xlsx")),
    Case("pseudonymise a damaged workbook", "pseudonymise NET.xlsx --key-file KEY -o SHARED", 1, DAMAGED, damage("NET.xlsx")),
    # orgnet.toml that would quietly lose a column
    Case("a [columns] rename no file needs", "validate TWO", 1, "orgnet.toml: [columns] navn = \"name\": no file has a column 'navn'",
         write("TWO/orgnet.toml", '[columns]\nnavn = "name"\n')),
    Case("a [columns.ties] rename with the wrong case", "validate TWO", 1, "orgnet.toml: [columns.ties] Source = \"source\": ties.csv has no column 'Source'",
         write("TWO/orgnet.toml", '[columns.ties]\nSource = "source"\n')),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("world")
    world_files(root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() and not p.is_symlink() else b"<other>" for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case, template: Path, tmp_path: Path, monkeypatch):
    world = tmp_path / "world"
    shutil.copytree(template, world, symlinks=True)
    os.chmod(world / "KEY", 0o600)
    if case.setup:
        case.setup(world)
    inputs = snapshot(world)
    monkeypatch.chdir(world)

    result = CliRunner().invoke(main, case.command.format(W=world).split(" "))

    says = case.says.format(W=world)
    assert result.exit_code == case.status, result.output
    assert "Traceback" not in result.output
    assert says in result.output, result.output
    after = snapshot(world)
    kept = {name: data for name, data in inputs.items() if not (case.changes and name.startswith(case.changes))}
    assert {name: data for name, data in after.items() if name in kept} == kept  # every input byte for byte
    if case.status:
        assert after == inputs  # a refusal writes nothing at all


def test_the_campaign_has_at_least_a_hundred_cases():
    assert len(CASES) >= 100
