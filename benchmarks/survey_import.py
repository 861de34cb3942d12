"""Time `orgnet survey import` on 2,000 respondents × 10 named contacts (the issue's target: < 10 s).

Writes a roster of 2,000 fictional people in 40 institutions and, for each shape asked for:

* ``msforms``: a Microsoft Forms export in which everyone names 10 contacts with a frequency,
  typed as people type: mostly picked from the list, some with Danish letters folded
  (aa/oe/ae), some in lower case, some with a typo;
* ``surveyxact``: a SurveyXact export (comma-ANSI CSVs) with a frequency battery — one
  Closed/Single variable per roster person, 2,000 of them, coded 1–4 through Labels, blank when
  not chosen — in which everyone rates 10 people, plus an "Andre, skriv navn(e):" choice whose
  typed text is the last variable, and statoverall (5 % invited who did not answer).

Then runs the command in a fresh process, as a user would, and prints the wall-clock time. The
orgnet that runs is the one this Python imports (set PYTHONPATH to try a work tree).

Usage: python benchmarks/survey_import.py [--people 2000] [--contacts 10] [--shape msforms surveyxact]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

FIRST = ["Mette", "Søren", "Anne", "Jens", "Lone", "Bjørn", "Kirsten", "Per", "Hanne", "Ole", "Birgitte", "Mads", "Lise", "Jørgen",
         "Karen", "Niels", "Susanne", "Henrik", "Dorthe", "Lars", "Pia", "Rasmus", "Ida", "Kasper", "Signe", "Emil", "Astrid", "Frederik"]
LAST = ["Hansen", "Ågård", "Møller", "Kjær", "Bæk", "Ærø", "Nielsen", "Sørensen", "Østergaard", "Thomsen", "Frederiksen", "Holm",
        "Dahl", "Ravn", "Bech", "Lund", "Krogh", "Skov", "Åkjær", "Brandt", "Friis", "Mørch", "Kragh", "Bøgh", "Winther", "Lykke",
        "Kirk", "Strøm", "Fenger", "Juhl", "Gram", "Bjerre", "Due", "Kjærgaard", "Holst", "Lind", "Mølgaard", "Nørgaard", "Vinther"]


def make(folder: Path, people: int, contacts: int, seed: int = 1) -> tuple[Path, Path]:
    from orgnet.io.excel import write_workbook
    from orgnet.survey.matching import choice_label

    rng = random.Random(seed)
    ids = [f"p{i:05d}" for i in range(people)]
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in ids]
    organisation = [f"Institution {i % 40:02d}" for i in range(people)]
    unit = [f"{organisation[i]} – afdeling {i % 3}" for i in range(people)]
    roster = pd.DataFrame({"id": ids, "name": names, "organisation": organisation, "unit": unit, "email": [f"{p}@kommune.example" for p in ids]})
    roster.to_csv(folder / "roster.csv", index=False)
    labels = [choice_label(n, u) for n, u in zip(names, unit)]
    fold = str.maketrans({"å": "aa", "ø": "oe", "æ": "ae", "Å": "Aa", "Ø": "Oe", "Æ": "Ae"})
    by_org: dict[str, list[int]] = {}
    for i, org in enumerate(organisation):
        by_org.setdefault(org, []).append(i)
    rows = []
    for i in range(people):
        pool = [j for j in by_org[organisation[i]] if j != i]
        chosen = rng.sample(pool, min(contacts - 2, len(pool))) + rng.sample(range(people), 2)
        typed = []
        for j in chosen[:contacts]:
            draw = rng.random()
            if draw < 0.6:
                typed.append(labels[j])
            elif draw < 0.8:
                typed.append(names[j].translate(fold))
            elif draw < 0.95:
                typed.append(names[j].lower())
            else:
                k = rng.randrange(1, len(names[j]) - 1)
                typed.append(names[j][:k] + names[j][k + 1 :])
        frequencies = [rng.choice(("dagligt", "ugentligt", "månedligt", "sjældnere")) for _ in typed]
        rows.append([str(i + 1), "3/2/26 9:01", "3/2/26 9:07", roster["email"][i], names[i], *typed, *frequencies])
    columns = ["ID", "Start time", "Completion time", "Email", "Name"]
    columns += [f"Råd og sparring – kontakt {k}" for k in range(1, contacts + 1)]
    columns += [f"Råd og sparring – hyppighed {k}" for k in range(1, contacts + 1)]
    write_workbook({"Sheet1": pd.DataFrame(rows, columns=columns)}, folder / "forms.xlsx")
    return folder / "roster.csv", folder / "forms.xlsx"


def make_battery(folder: Path, people: int, contacts: int, seed: int = 1) -> tuple[Path, Path]:
    """A SurveyXact export with a frequency battery over the whole roster (see the module's text)."""
    import csv

    from orgnet.survey.matching import choice_label

    rng = random.Random(seed)
    roster = pd.read_csv(folder / "roster.csv", dtype=str)
    labels = [choice_label(n, u) for n, u in zip(roster["name"], roster["unit"])]
    question = "Hvor ofte søger du råd og sparring hos disse kolleger?"
    wording = ("Sjældnere end månedligt", "Månedligt", "Ugentligt", "Dagligt")
    structure = [["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText", ""]]
    structure.append(["email", "email", "Open", "String", "Kontaktoplysninger - email", "", "", ""])
    structure += [[f"r_{k}", f"r_{k}", "Closed", "Single", f"{question} - {label}", "", "", ""] for k, label in enumerate(labels, start=1)]
    structure.append(["a", "a_1", "Closed", "Multiple", "Søger du også råd og sparring hos andre?", "1", "Andre, skriv navn(e):", ""])
    structure += [["statoverall", f"stato_{c}", "Closed", "Multiple", "Samlet status", str(c), s, ""]
                  for c, s in enumerate(("Ny", "Distribueret", "Nogen svar", "Gennemført", "Frafaldet"), start=1)]
    structure.append(["s_1", "s_1", "Open", "String", "Søger du også råd og sparring hos andre? - Andre, skriv navn(e):", "", "", ""])
    label_rows = [[f"r_{k}", str(code), text] for k in range(1, people + 1) for code, text in enumerate(wording, start=1)]
    header = ["email", *[f"r_{k}" for k in range(1, people + 1)], "a_1", *[f"stato_{c}" for c in range(1, 6)], "s_1"]
    by_org: dict[str, list[int]] = {}
    for i, org in enumerate(roster["organisation"]):
        by_org.setdefault(org, []).append(i)
    rows = []
    for i in range(people):
        answered = rng.random() >= 0.05
        codes = [""] * people
        typed = ""
        if answered:
            pool = [j for j in by_org[roster["organisation"][i]] if j != i]
            for j in rng.sample(pool, min(contacts, len(pool))):
                codes[j] = str(rng.randint(1, 4))
            if rng.random() < 0.1:
                typed = roster["name"][rng.randrange(people)]
        status = ["0", "0", "0", "1", "0"] if answered else ["0", "1", "0", "0", "0"]
        rows.append([roster["email"][i], *codes, "1" if typed else "0", *status, typed])
    export = folder / "surveyxact"
    export.mkdir()
    for name, table in (("dataset", [header, *rows]), ("structure", structure), ("labels", label_rows)):
        with open(export / f"{name}.csv", "w", encoding="cp1252", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(table)
    return folder / "roster.csv", export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--contacts", type=int, default=10)
    parser.add_argument("--shape", nargs="+", choices=("msforms", "surveyxact"), default=["msforms", "surveyxact"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster, forms = make(folder, args.people, args.contacts)
        exports = {"msforms": forms}
        if "surveyxact" in args.shape:
            exports["surveyxact"] = make_battery(folder, args.people, args.contacts)[1]
        orgnet = Path(sys.executable).with_name("orgnet")
        for shape in args.shape:
            export = exports[shape]
            cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([str(orgnet), "survey", "import", str(export), "--roster", str(roster), "-o", str(folder / f"out-{shape}")],
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - start
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            processor = used.ru_utime - cpu.ru_utime + used.ru_stime - cpu.ru_stime
            if done.returncode:
                sys.exit(done.stdout + done.stderr)
            print("\n".join(done.stdout.splitlines()[:3]))
            size = sum(p.stat().st_size for p in export.rglob("*")) if export.is_dir() else export.stat().st_size
            print(f"orgnet survey import ({shape}, {size / 1e6:.1f} MB): {args.people} respondents × {args.contacts} contacts in {seconds:.1f} s "
                  f"(wall clock, one process, Python start-up included; {processor:.1f} s of processor time)\n")


if __name__ == "__main__":
    main()
