"""Time `orgnet survey import` on 2,000 respondents × 10 named contacts (the issue's target: < 10 s).

Writes a roster of 2,000 fictional people in 40 institutions and a Microsoft Forms export in
which everyone names 10 contacts with a frequency, typed as people type: mostly picked from the
list, some with Danish letters folded (aa/oe/ae), some in lower case, some with a typo. Then runs
the command in a fresh process, as a user would, and prints the wall-clock time.

Usage: python benchmarks/survey_import.py [--people 2000] [--contacts 10]
"""

from __future__ import annotations

import argparse
import random
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--contacts", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster, export = make(folder, args.people, args.contacts)
        orgnet = Path(sys.executable).with_name("orgnet")
        start = time.perf_counter()
        done = subprocess.run([str(orgnet), "survey", "import", str(export), "--roster", str(roster), "-o", str(folder / "out")],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode:
            sys.exit(done.stdout + done.stderr)
        print(done.stdout.splitlines()[0])
        print(done.stdout.splitlines()[1])
        print(f"orgnet survey import: {args.people} respondents × {args.contacts} contacts in {seconds:.1f} s "
              f"(wall clock, one process, Python start-up included)")


if __name__ == "__main__":
    main()
