"""The consultant's decisions on names: an edited ``matches.csv``.

The contract: a row whose ``id`` column holds a roster id, or ``none``, decides its ``answer``
in its ``context`` (every context when ``context`` is empty); a row with an empty ``id`` decides
nothing. ``survey import`` writes every decision it applied back into the new ``matches.csv``
(method ``manual`` or ``none``), and a decision no answer used is carried over too, with
``answers`` 0, so that rerunning on the written file keeps every decision.

Decisions are work: a rerun into a folder whose ``matches.csv`` holds them uses them (see
:func:`decisions_file`), and :func:`check_kept` refuses to overwrite a ``matches.csv`` whose
decisions the new one would not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from orgnet.errors import InputError, Problem, Said, shown
from orgnet.io.text import read_csv_text
from orgnet.survey.summary import Message

NO_ONE = ("none", "ingen")
SHOWN_UNUSED = 10  # unused decisions named one by one in the summary; the rest are counted


@dataclass(frozen=True)
class Decision:
    person: str  # a roster id, or "none"
    row: int  # the row of the decisions file, as a spreadsheet shows it


@dataclass
class Decisions:
    """Decisions by (answer, context), read from ``file``."""

    file: str | None = None
    by_answer: dict[tuple[str, str], Decision] | None = None

    def __post_init__(self) -> None:
        self.by_answer = self.by_answer or {}

    def get(self, answer: str, context: str) -> tuple[tuple[str, str], Decision] | tuple[None, None]:
        """The decision for ``answer`` from a respondent in ``context``: the context's own, else the general one."""
        for key in ((answer, context), (answer, "")):
            if key in self.by_answer:
                return key, self.by_answer[key]
        return None, None


def decisions_file(output: str | Path, matches: str | Path | None) -> Path | None:
    """The decisions an import into ``output`` uses: ``--matches``, else ``output/matches.csv`` if it exists."""
    if matches is not None:
        return Path(matches)
    earlier = Path(output) / "matches.csv"
    return earlier if earlier.is_file() else None


def read_decisions_file(path: str | Path | None, roster_ids: pd.Index) -> Decisions:
    if path is None:
        return Decisions()
    path = Path(path)
    return read_decisions(read_csv_text(path, str(path)), str(path), roster_ids)


def read_decisions(frame: pd.DataFrame, label: str, roster_ids: pd.Index) -> Decisions:
    """The decisions of a ``matches.csv`` frame (index = spreadsheet rows), validated.

    Refused, each naming file and row: an ``id`` that is neither a roster id nor ``none``; two
    rows deciding the same answer in the same context differently.
    """
    missing = [c for c in ("answer", "id") if c not in frame.columns]
    if missing:
        found = ", ".join(frame.columns) or Said("error.survey.none")
        raise InputError([Problem(label, Said("error.survey.decisions.missing_column", column=c, found=found)) for c in missing])
    context = frame["context"] if "context" in frame else pd.Series(pd.NA, index=frame.index)
    problems, decided = [], {}
    for row, answer, where, person in zip(frame.index, frame["answer"], context, frame["id"]):
        if pd.isna(person) or pd.isna(answer):
            continue
        person = str(person).strip()
        if person.lower() in NO_ONE:
            person = "none"
        elif person not in roster_ids:
            problems.append(Problem(label, Said("error.survey.decisions.not_in_roster", person=person), row=int(row), column="id", value=person))
            continue
        key = (str(answer), "" if pd.isna(where) else str(where))
        earlier = decided.get(key)
        if earlier is not None and earlier.person != person:
            problems.append(Problem(
                label,
                Said("error.survey.decisions.twice", answer=shown(key[0]), context=_in(key[1]), person=shown(person),
                     row=earlier.row, earlier=shown(earlier.person)),
                row=int(row), column="id", value=person,
            ))
            continue
        decided.setdefault(key, Decision(person, int(row)))
    if problems:
        raise InputError(problems)
    return Decisions(label, decided)


def unused_warnings(decisions: Decisions, used: set[tuple[str, str]], answered: set[str]) -> list[Message]:
    """One line per decision for an answer that occurs nowhere in the export (a name corrected, the wrong file).

    A general decision (no context) whose answer does occur, but only where a context's own
    decision took precedence, is not such a decision: it is kept without a warning.
    """
    unused = [((answer, context), d) for (answer, context), d in decisions.by_answer.items()
              if (answer, context) not in used and (context or answer not in answered)]
    lines = [
        Message("warning.unused_decision", {"file": str(decisions.file), "row": d.row, "answer": answer, "context": context, "person": d.person})
        for (answer, context), d in unused[:SHOWN_UNUSED]
    ]
    if len(unused) > SHOWN_UNUSED:
        lines.append(Message("warning.more_unused", {"file": str(decisions.file), "n": len(unused) - SHOWN_UNUSED}))
    return lines


def check_kept(folder: str | Path, matches: pd.DataFrame, used: Decisions, roster_ids: pd.Index) -> None:
    """Refuse to overwrite ``folder/matches.csv`` when the new ``matches`` would drop or change one of its decisions.

    A file that was itself the decisions of this run is kept by construction. Of any other, a
    decision is lost when the new table does not hold the same id for its answer and context:
    also when this run's ``--matches`` names another file that decides it otherwise, because a
    file given on the command line does not say it is newer than the consultant's edits here.
    """
    earlier = Path(folder) / "matches.csv"
    if not earlier.is_file() or (used.file is not None and _same_file(earlier, Path(used.file))):
        return
    old = read_decisions_file(earlier, roster_ids)
    new = {(a, c): i for a, c, i in zip(matches["answer"], matches["context"], matches["id"])}
    lost = [(key, d) for key, d in old.by_answer.items() if new.get(key) != d.person]
    if not lost:
        return
    (answer, context), first = lost[0]
    raise InputError([Problem(
        str(earlier),
        Said("error.survey.decisions.would_lose", n=len(lost), row=first.row, answer=shown(answer), context=_in(context),
             person=first.person, instead=_instead(answer, context, new, used), file=str(earlier), folder=str(folder)),
    )])


def _instead(answer: str, context: str, new: dict[tuple[str, str], str], used: Decisions) -> Said:
    """What the new ``matches.csv`` would hold for ``answer`` in ``context``, and where that comes from."""
    person = new.get((answer, context))
    if pd.isna(person) or person == "":
        return Said("error.survey.decisions.no_id")
    _, decision = used.get(answer, context)
    if decision is not None and decision.person == person:
        return Said("error.survey.decisions.from_file", person=person, file=used.file, row=decision.row)
    return Said("error.survey.decisions.from_import", person=person)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def _in(context: str) -> Said | str:
    return Said("error.survey.decisions.in_context", context=shown(context)) if context else ""

