"""Data with attributes orgnet does not know, built from the shipped municipality (tests/report, tests/flags)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

SHIPPED = Path(__file__).resolve().parents[2] / "datasets" / "skovbjerg"


def unknown_attributes_folder(folder: Path) -> Path:
    """datasets/skovbjerg where the middle level is called "chef", two top leaders are "direktør"
    (a group under k), some employees have the role "pædagog", gender is written m/f and every
    person has a "team" orgnet knows nothing of."""
    people = pd.read_csv(SHIPPED / "people.csv", encoding="utf-8-sig", dtype=str)
    people["level"] = people["level"].replace({"middle": "chef"})
    top = people.index[people["level"] == "top"][:2]
    people.loc[top, "level"] = "direktør"
    employees = people.index[people["role"] == "employee"][:40]
    people.loc[employees, "role"] = "pædagog"
    people["gender"] = people["gender"].replace({"woman": "f", "man": "m"})
    people["team"] = ["blå" if i % 3 else "grøn" for i in range(len(people))]
    people.loc[people.index[:3], "team"] = "rød"  # a team under k
    folder.mkdir(parents=True, exist_ok=True)
    people.to_csv(folder / "people.csv", index=False, encoding="utf-8")
    shutil.copy(SHIPPED / "ties.csv", folder / "ties.csv")
    return folder
