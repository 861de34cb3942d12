"""The question set of a network survey and ``questions.toml``, which maps it to relations.

Each question names one relation (``advice``, ``meetings``, …) and its kind (formal or
informal). An export's column belongs to a question when its header contains one of the
question's ``match`` texts (compared folded, so ``Raad og sparring`` finds ``Råd og sparring``).
The frequency scale turns answers such as ``ugentligt`` into tie weights.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from orgnet.config import KINDS
from orgnet.errors import InputError, Problem
from orgnet.survey.names import fold

# dagligt / ugentligt / månedligt / sjældnere → 4 / 3 / 2 / 1, in Danish and English
DEFAULT_SCALE = {
    "dagligt": 4, "ugentligt": 3, "månedligt": 2, "sjældnere": 1,
    "daily": 4, "weekly": 3, "monthly": 2, "less often": 1,
}
DEFAULT_WEIGHT = 1  # a contact named without a frequency (a ticked name in a choice list)


@dataclass(frozen=True)
class Question:
    key: str
    relation: str
    kind: str
    da: str
    en: str
    match: tuple[str, ...]

    def text(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


DEFAULT_QUESTIONS = (
    Question(
        key="advice", relation="advice", kind="informal",
        da="Hvem søger du råd og sparring hos?",
        en="Who do you turn to for advice and sparring?",
        match=("råd og sparring", "advice"),
    ),
    Question(
        key="meetings", relation="meetings", kind="formal",
        da="Hvem mødes du med i faste fora (møder, udvalg, MED)?",
        en="Whom do you meet in fixed forums (meetings, committees, MED)?",
        match=("faste fora", "fixed forums"),
    ),
)


@dataclass(frozen=True)
class QuestionSet:
    questions: tuple[Question, ...] = DEFAULT_QUESTIONS
    scale: dict | None = None
    source: str = "the default questions"

    @property
    def weights(self) -> dict[str, float]:
        """Folded frequency label → weight."""
        return {fold(label): float(weight) for label, weight in (self.scale or DEFAULT_SCALE).items()}

    def question_of(self, header: str) -> Question | None:
        """The question a column header belongs to (the longest matching text wins)."""
        folded = fold(header)
        best, length = None, 0
        for question in self.questions:
            for text in (*question.match, question.key, question.da, question.en):
                text = fold(text)
                if text and text in folded and len(text) > length:
                    best, length = question, len(text)
        return best

    def relations(self) -> dict[str, str]:
        return {q.relation: q.kind for q in self.questions}


def load_questions(path: Path | None) -> QuestionSet:
    """Read ``questions.toml`` (see :func:`questions_toml`); ``None`` gives the defaults."""
    if path is None:
        return QuestionSet()
    name = str(path)
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError([Problem(name, "file not found")]) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError([Problem(name, f"not valid TOML: {exc}")]) from None
    problems, questions = [], []
    for number, item in enumerate(raw.get("question", []), start=1):
        where = f"[[question]] number {number}"
        missing = [k for k in ("key", "relation", "kind") if k not in item]
        if missing:
            problems.append(Problem(name, f"{where} lacks {', '.join(missing)}"))
            continue
        if item["kind"] not in KINDS:
            problems.append(Problem(name, f"{where}: kind '{item['kind']}' is neither 'formal' nor 'informal'"))
            continue
        match = item.get("match", [])
        questions.append(
            Question(str(item["key"]), str(item["relation"]), item["kind"], str(item.get("da", "")), str(item.get("en", "")),
                     tuple(str(m) for m in (match if isinstance(match, list) else [match])))
        )
    if not questions and not problems:
        problems.append(Problem(name, "no [[question]] tables; the file must name at least one question"))
    scale = raw.get("scale", DEFAULT_SCALE)
    for label, weight in scale.items():
        if not isinstance(weight, (int, float)) or weight <= 0:
            problems.append(Problem(name, f"[scale] {label} = '{weight}': a weight must be a positive number"))
    if problems:
        raise InputError(problems)
    return QuestionSet(tuple(questions), dict(scale), name)


def questions_toml(questions: QuestionSet) -> str:
    """The question set as ``questions.toml`` text (what ``orgnet survey template`` writes)."""
    lines = [
        "# Which survey question becomes which relation. `orgnet survey import --questions` reads this.",
        "# A column of the export belongs to a question when its header contains one of `match`",
        "# (letters compared without case; å/aa/a, ø/oe/o and æ/ae count as the same).",
        "",
    ]
    for q in questions.questions:
        match = ", ".join(f'"{m}"' for m in q.match)
        lines += [
            "[[question]]", f'key = "{q.key}"', f'relation = "{q.relation}"', f'kind = "{q.kind}"',
            f'da = "{q.da}"', f'en = "{q.en}"', f"match = [{match}]", "",
        ]
    lines.append("[scale]  # frequency answer = tie weight")
    lines += [f'"{label}" = {weight}' for label, weight in (questions.scale or DEFAULT_SCALE).items()]
    return "\n".join(lines) + "\n"
