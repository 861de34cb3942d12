"""Long tables: one row per answer, as other tools and hand-made sheets write them.

Four roles, each found by its usual names (compared folded, so ``answer_text``, ``Answer
Text`` and ``answer-text`` are one name):

* respondent — who answered: ``respondent``, ``respondent_email``, ``email``, ``respondent_id``, …
* question — which question: ``question``, ``question_text``, ``item``, ``spørgsmål``, …
* answer — the name given: ``answer``, ``answer_text``, ``response``, ``alter``, ``svar``, …
* frequency (optional) — how often: ``frequency``, ``weight``, ``hyppighed``, ``vægt``, …

``orgnet.toml`` beside the file names them when the usual names do not fit, as for every other
file (``[columns]`` then ``"Hvem svarede" = "respondent"``). Two columns that could hold one role
are refused rather than guessed. Which column was taken for which role, and which columns were
not read, is said in the import summary.
"""

from __future__ import annotations

import pandas as pd

from orgnet.errors import InputError, Problem, Said
from orgnet.io.text import clean_strings
from orgnet.survey.names import fold
from orgnet.survey.roster import and_list
from orgnet.survey.summary import Message

ROLES = ("respondent", "question", "answer", "frequency")
SYNONYMS = {
    "respondent": ("respondent", "respondent email", "respondent e mail", "respondent mail", "respondent id", "respondentid",
                   "respondent name", "email", "e mail", "mail", "email address", "e mail address", "e mailadresse",
                   "mailadresse", "ego", "from", "besvarer", "respondent email address"),
    "question": ("question", "question text", "questiontext", "question id", "questionid", "question name", "item",
                 "variable", "relation", "sporgsmal", "sporgsmalstekst", "spm"),
    "answer": ("answer", "answer text", "answertext", "answer value", "response", "response text", "value", "alter",
               "named", "nominee", "contact", "svar", "svartekst", "to"),
    "frequency": ("frequency", "freq", "weight", "how often", "hyppighed", "hvor ofte", "hvor tit", "vaegt", "strength", "tie strength"),
}
_ROLE_OF = {synonym: role for role, synonyms in SYNONYMS.items() for synonym in synonyms}


def roles_of(columns, renames: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """role → the file's column, and the clashes (two columns for one role) as messages.

    ``renames`` is ``orgnet.toml``'s ``[columns]`` (file's column → role); a column it names is
    taken for that role whatever other columns are called.
    """
    named = {role: column for column in columns for key, role in renames.items() if str(column).strip() == key.strip() and role in ROLES}
    found: dict[str, list[str]] = {}
    for column in columns:
        role = _ROLE_OF.get(fold(column))
        if role is not None and role not in named and column not in named.values():
            found.setdefault(role, []).append(column)
    clashes = [Said("error.survey.long.clash", columns=and_list([repr(c) for c in candidates]), role=role, first=candidates[0])
               for role, candidates in found.items() if len(candidates) > 1]
    return {**{role: candidates[0] for role, candidates in found.items()}, **named}, clashes


def is_long(columns, renames: dict[str, str]) -> bool:
    roles, _ = roles_of(columns, renames)
    return {"respondent", "question", "answer"} <= set(roles)


def read_long(label: str, frame: pd.DataFrame, renames: dict[str, str]) -> pd.DataFrame:
    """The table as answers (``file, row, respondent, question, answer, frequency, source``)."""
    roles, clashes = roles_of(frame.columns, renames)
    if clashes:
        raise InputError([Problem(label, clash) for clash in clashes])
    frame = clean_strings(frame.astype("object").where(frame.notna(), ""))
    answers = pd.DataFrame({
        "file": label, "row": frame.index.astype(int),
        **{role: frame[roles[role]].to_numpy() for role in ("respondent", "question", "answer")},
        "frequency": frame[roles["frequency"]].to_numpy() if "frequency" in roles else pd.NA, "source": "text",
    })
    answers.attrs["tool"] = "long"  # no tool's name: the catalogue's survey.tool.long
    answers.attrs["columns"] = {role: roles[role] for role in ROLES if role in roles}
    unread = [str(c) for c in frame.columns if c not in roles.values()]
    answers.attrs["notes"] = [Message("note.columns_read", {"columns": [(role, roles[role]) for role in ROLES if role in roles], "unread": unread})]
    return answers
