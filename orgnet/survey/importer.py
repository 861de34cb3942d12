"""From a survey export and a roster to an orgnet data folder, with a review loop.

Every answer becomes exactly one of: a tie; a row of ``matches.csv`` marked for review; or an
error naming file, row and value. ``answers.csv`` traces each answer to its outcome, so that
nothing is dropped silently. The same inputs always give byte-identical files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orgnet.config import Config
from orgnet.errors import InputError, Problem, Said, shown
from orgnet.io import tables_for_writing
from orgnet.io.atomic import replacing
from orgnet.io.tables import RawTable, build_network
from orgnet.io.text import write_csv
from orgnet.missing import rate_table
from orgnet.survey.decisions import Decisions, check_kept, read_decisions_file, unused_warnings
from orgnet.survey.exports import Wide, answers_of, read_export
from orgnet.survey.matching import MATCH_COLUMNS, REVIEW, Result, RosterIndex
from orgnet.survey.names import fold
from orgnet.survey.questions import DEFAULT_SCALE, DEFAULT_WEIGHT, QuestionSet
from orgnet.survey.roster import and_list, respondent_key, respondent_lookup, row_and_id
from orgnet.survey.splitting import split_names
from orgnet.survey.summary import Message

BETWEENNESS_RATE = 0.80  # Smith & Moody (2013): betweenness suffers first when respondents are missing
COMPARISON_RATE = 0.65


@dataclass
class SurveyImport:
    """Everything an import produces; :func:`write_import` writes it as an orgnet data folder."""

    people: pd.DataFrame
    ties: pd.DataFrame
    matches: pd.DataFrame
    answers: pd.DataFrame
    respondents: pd.DataFrame
    rates: pd.DataFrame
    questions: QuestionSet
    tool: str
    unused_columns: list[str] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)  # what the summary warns of, in no language yet
    decisions: Decisions = field(default_factory=Decisions)  # the edited matches.csv this import applied
    decisions_used: int = 0  # distinct answers decided by it (method manual or none)
    notes: list[Message] = field(default_factory=list)  # how the export was read (columns taken, status), from its reader

    def summary(self, lang: str = "en") -> str:
        """The summary the terminal shows and ``import.txt`` holds, in ``lang``."""
        from orgnet.survey.summary import summary_lines

        return "\n".join(summary_lines(self, lang))


def import_survey(
    export: str | Path, roster: pd.DataFrame, *, questions: QuestionSet | None = None, decisions: str | Path | None = None
) -> SurveyImport:
    """Read ``export``, match every answer to ``roster`` and build the network tables."""
    questions = questions or QuestionSet()
    index = RosterIndex(roster)
    read = read_export(Path(export), questions)
    problems: list[Problem] = []
    if isinstance(read, Wide):
        answers, unused, found = answers_of(read, questions, sorted(set(index.labels)))
        problems += found
        respondent_rows = read.frame[read.respondent]
        tool, notes = read.tool, read.notes
        answered = read.responded  # the tool's own status, where it keeps one
    else:
        answers, unused, tool, notes, answered = read, [], read.attrs.get("tool", "long"), read.attrs.get("notes", []), None
        respondent_rows = answers.drop_duplicates("respondent").set_index("row")["respondent"]
        problems += _unknown_questions(answers, questions)
    label = str(export)
    who = _respondents(respondent_rows, roster, label, problems, allow_repeats=not isinstance(read, Wide))
    chosen = read_decisions_file(decisions, roster.index)
    _check_frequencies(answers, questions, problems)
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.file, p.row if p.row is not None else -1)))

    answers = answers[answers["answer"].notna()].copy()
    answers["respondent_id"] = answers["respondent"].map(who)
    answers = _split_others(answers, index)
    answers, matches, used = _match(answers, index, chosen)
    matches = _with_unused(matches, chosen, used, index)
    ties, answers = _ties(answers, questions)

    in_export = respondent_rows if answered is None else respondent_rows[answered.reindex(respondent_rows.index, fill_value=True)]
    responded = pd.Series(roster.index.isin([who[key] for key in in_export if key in who]), index=roster.index)
    people = roster.assign(responded=responded)
    respondents, rates = _response(people, answers)
    warnings = _warnings(rates) + unused_warnings(chosen, used, set(answers["answer"]))
    applied = int(matches.loc[matches["answers"] > 0, "method"].isin(["manual", "none"]).sum())
    return SurveyImport(people, ties, matches, answers.reset_index(drop=True), respondents, rates, questions, tool, unused, warnings,
                        chosen, applied, notes)


# --- respondents -----------------------------------------------------------------------------------


def _respondents(rows: pd.Series, roster: pd.DataFrame, label: str, problems: list[Problem], *, allow_repeats: bool) -> dict:
    """Export key (e-mail or id) → roster id; unknown, empty and repeated respondents are problems."""
    lookup = respondent_lookup(roster)
    who, seen = {}, {}
    for row, key in rows.items():
        if pd.isna(key) or not str(key).strip():
            problems.append(Problem(label, Said("error.survey.import.anonymous"), row=int(row)))
            continue
        people = lookup.get(respondent_key(key), [])
        if not people:
            problems.append(Problem(label, Said("error.survey.import.not_in_roster", respondent=key), row=int(row), value=key))
            continue
        if len(people) > 1:
            both = and_list([row_and_id(roster, p) for p in people])
            problems.append(Problem(label, Said("error.survey.import.fits_many", respondent=shown(key), count=len(people), file=roster.attrs.get("file", Said("error.survey.roster.the_roster")), people=both), row=int(row), value=key))
            continue
        person = people[0]
        if person in seen and not allow_repeats:
            problems.append(Problem(label, Said("error.survey.import.twice", respondent=key, row=seen[person]), row=int(row), value=key))
        seen.setdefault(person, int(row))
        who[key] = person
    return who


def _unknown_questions(answers: pd.DataFrame, questions: QuestionSet) -> list[Problem]:
    keys = {q.key: q.key for q in questions.questions}
    problems = []
    for row, (file, text) in zip(answers["row"], zip(answers["file"], answers["question"])):
        question = keys.get(text) or (questions.question_of(text).key if questions.question_of(str(text)) else None)
        if question is None:
            problems.append(Problem(file, Said("error.survey.import.unknown_question", text=text, keys=", ".join(keys)), row=int(row), column="question", value=text))
    if not problems:
        answers["question"] = [keys.get(t) or questions.question_of(t).key for t in answers["question"]]
    return problems


# --- matching ----------------------------------------------------------------------------------------


def _split_others(answers: pd.DataFrame, index: RosterIndex) -> pd.DataFrame:
    """A typed list ("Lone og Per, Søren Ågård") split into names, unless the whole text is one person.

    Also a checkbox cell's piece that is no choice of the list: Google Forms writes the "Other"
    text there as typed (``Mette Hansen (Hus A);Tina Berg Vesterå, Lise Dahl``), a list like any.
    """
    typed_in_choices = (answers["source"] == "choice") & answers["frequency"].isna() & ~answers["answer"].isin(index.by_exact.keys())
    others = (answers["source"] == "others") | typed_in_choices
    if not others.any():
        return answers
    rows = []
    for record in answers[others].to_dict("records"):
        rows += [{**record, "answer": piece} for piece in split_names(record["answer"], index)]
    return pd.concat([answers[~others], pd.DataFrame(rows, columns=answers.columns)], ignore_index=True)


def _match(answers: pd.DataFrame, index: RosterIndex, decisions: Decisions) -> tuple[pd.DataFrame, pd.DataFrame, set]:
    results: dict[str, Result] = {text: index.match(text) for text in answers["answer"].unique()}
    final: dict[tuple[str, str], Result] = {}
    used: set[tuple[str, str]] = set()
    decided_in_context = {answer for answer, context in decisions.by_answer if context}
    ids, methods, contexts = [], [], []
    for text, respondent in zip(answers["answer"], answers["respondent_id"]):
        result = results[text]
        # an answer is told apart by the respondent's context when matching needs it, or when a
        # decision was written for that context (else such a decision would never be looked at)
        context = index.context_for(result, respondent) if result.needs_context or text in decided_in_context else ""
        if not result.needs_context and (text, context) not in decisions.by_answer:
            context = ""
        if (text, context) not in final:
            resolved = index.resolve(result, respondent)
            key, decision = decisions.get(text, context)
            decided = decision.person if decision is not None else None
            if key is not None:
                used.add(key)
            if decided is not None and (resolved.method in REVIEW or resolved.id != decided):
                resolved = Result("none", [], 100.0, resolved.candidates) if decided == "none" else Result("manual", [decided], 100.0, resolved.candidates)
            final[(text, context)] = resolved
        resolved = final[(text, context)]
        ids.append(resolved.id if resolved.method not in ("none",) else None)
        methods.append(resolved.method)
        contexts.append(context)
    answers = answers.assign(id=ids, method=methods, context=contexts)
    counts = answers.groupby(["answer", "context"]).size()
    records = []
    for (text, context), result in final.items():
        person = result.id if result.method != "none" else None
        records.append({
            "answer": text, "context": context, "id": "none" if result.method == "none" else (person or ""),
            "name": index.names[person] if person else "", "score": result.score, "method": result.method,
            "candidates": "; ".join(index.describe(p) for p in result.candidates) if result.method not in ("exact",) else "",
            "answers": int(counts[(text, context)]), "review": "yes" if result.method in REVIEW else "",
            "why": result.why if result.method in REVIEW else "",
        })
    matches = pd.DataFrame(records, columns=MATCH_COLUMNS)
    order = matches["review"].eq("yes").map({True: 0, False: 1})
    matches = matches.assign(_o=order, _k=matches["answer"].map(fold)).sort_values(["_o", "_k", "answer", "context"], kind="stable")
    return answers, matches.drop(columns=["_o", "_k"]).reset_index(drop=True), used


def _with_unused(matches: pd.DataFrame, decisions: Decisions, used: set, index: RosterIndex) -> pd.DataFrame:
    """Carry the decisions no answer used into matches.csv (answers 0), so that a rerun on it keeps them."""
    records = [
        {"answer": answer, "context": context, "id": d.person, "name": index.names[d.person] if d.person != "none" else "",
         "score": 100.0, "method": "manual" if d.person != "none" else "none", "candidates": "", "answers": 0, "review": ""}
        for (answer, context), d in decisions.by_answer.items() if (answer, context) not in used
    ]
    if not records:
        return matches
    return pd.concat([matches, pd.DataFrame(records, columns=MATCH_COLUMNS)], ignore_index=True)


# --- ties ----------------------------------------------------------------------------------------------


def _check_frequencies(answers: pd.DataFrame, questions: QuestionSet, problems: list[Problem]) -> None:
    weights = questions.weights
    frequency = answers["frequency"]
    known = frequency.map(lambda f: pd.isna(f) or fold(str(f)) in weights)
    scale = ", ".join(questions.scale or DEFAULT_SCALE)
    for file, row, value in answers.loc[~known, ["file", "row", "frequency"]].itertuples(index=False):
        problems.append(Problem(file, Said("error.survey.frequency.off_scale", value=value, scale=scale), row=int(row), column="frequency", value=value))


def _ties(answers: pd.DataFrame, questions: QuestionSet) -> tuple[pd.DataFrame, pd.DataFrame]:
    weights = questions.weights
    by_key = {q.key: q for q in questions.questions}
    frequency = answers["frequency"]
    answers = answers.assign(
        weight=[DEFAULT_WEIGHT if pd.isna(f) else weights.get(fold(f), DEFAULT_WEIGHT) for f in frequency],
        relation=answers["question"].map(lambda k: by_key[k].relation),
        kind=answers["question"].map(lambda k: by_key[k].kind),
    )
    matched = answers["id"].notna()
    self_named = matched & (answers["id"] == answers["respondent_id"])
    candidate = matched & ~self_named
    ranked = answers[candidate].sort_values("weight", ascending=False, kind="stable")
    first = ~ranked.duplicated(["respondent_id", "id", "relation"])
    outcome = pd.Series("review", index=answers.index)
    outcome[answers["method"] == "none"] = "none"
    outcome[self_named] = "self"
    outcome[ranked.index] = "merged"
    outcome[ranked.index[first.to_numpy()]] = "tie"
    answers["outcome"] = outcome
    ties = ranked[first.to_numpy()][["respondent_id", "id", "relation", "kind", "weight"]]
    ties.columns = ["source", "target", "relation", "kind", "weight"]
    return ties, answers


def _sort_ties(ties: pd.DataFrame, people: pd.Index) -> pd.DataFrame:
    position = {person: i for i, person in enumerate(people)}
    return ties.assign(_s=ties["source"].map(position), _t=ties["target"].map(position)).sort_values(
        ["_s", "relation", "_t"], kind="stable").drop(columns=["_s", "_t"]).reset_index(drop=True)


# --- response --------------------------------------------------------------------------------------------


def _response(people: pd.DataFrame, answers: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    given = answers.groupby("respondent_id").size()
    columns = [c for c in ("name", "organisation", "unit") if c in people.columns]
    respondents = people[columns].assign(responded=people["responded"], answers=given.reindex(people.index).fillna(0).astype(int))
    respondents = respondents.reset_index()
    rates = rate_table(people, people["responded"].astype(bool))
    return respondents, rates


def _warnings(rates: pd.DataFrame) -> list[Message]:
    rate = float(rates.iloc[0]["rate"])
    warnings = []
    if rate < BETWEENNESS_RATE:  # individual betweenness unreliable (Smith & Moody 2013)
        warnings.append(Message("warning.betweenness", {"rate": rate, "threshold": BETWEENNESS_RATE}))
    if rate < COMPARISON_RATE:  # comparisons between groups indicative only
        warnings.append(Message("warning.comparison", {"rate": rate, "threshold": COMPARISON_RATE}))
    return warnings


# --- writing -------------------------------------------------------------------------------------------------


def write_import(result: SurveyImport, folder: str | Path, *, lang: str = "en") -> list[Path]:
    """Write the orgnet data folder (people, ties, orgnet.toml) and the review files; ``import.txt``,
    the summary, in ``lang`` (the files orgnet reads back keep their column names and codes)."""
    folder = Path(folder)
    check_kept(folder, result.matches, result.decisions, result.people.index)
    folder.mkdir(parents=True, exist_ok=True)
    relations = result.questions.relations()
    ties = _sort_ties(result.ties, result.people.index)
    empty = ties.empty
    network = build_network(
        RawTable("people", result.people.reset_index()),
        RawTable("ties", ties if not empty else pd.DataFrame({c: pd.Series(dtype=str) for c in ("source", "target", "relation", "kind", "weight")})),
        None,
        Config(relations=relations),
    )
    audit = result.answers[["file", "row", "respondent", "respondent_id", "question", "answer", "frequency", "context", "id", "method", "outcome"]]
    audit = audit.sort_values(["row", "question", "answer"], kind="stable")
    tables = {f"{name}.csv": frame for name, frame in tables_for_writing(network).items()}
    tables |= {"matches.csv": result.matches, "answers.csv": audit, "respondents.csv": result.respondents, "response_rates.csv": result.rates}
    toml = ("# written by orgnet survey import: the survey's relations and their kinds\n[relations]\n"
            + "".join(f'{relation} = "{kind}"\n' for relation, kind in relations.items()))
    texts = {"orgnet.toml": toml, "import.txt": result.summary(lang) + "\n"}
    files = [folder / name for name in (*tables, *texts)]
    with replacing(*files) as parts:  # the network and its review files as one set: never a new ties.csv beside old decisions
        part = dict(zip((*tables, *texts), parts))
        for name, frame in tables.items():
            write_csv(frame, part[name])
        for name, text in texts.items():
            part[name].write_text(text, encoding="utf-8")
    return files
