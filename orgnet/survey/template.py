"""What a consultant needs to set up a network survey: the questions, the roster as a choice
list for Microsoft Forms, Google Forms and SurveyXact, and ``questions.toml`` for the import."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.i18n import format_number
from orgnet.io.atomic import replacing
from orgnet.survey.matching import choice_label
from orgnet.survey.questions import QuestionSet, questions_toml
from orgnet.survey.roster import check_choice_labels
from orgnet.texts import texts

LARGE_ROSTER = 100
SLOTS = 5

# the default scale as questions.txt shows it: catalogue key (survey.template.frequency.<key>) and
# weight; each word is also on the scale the import reads (questions.INPUT_WORDS, a test checks)
FREQUENCIES = (("daily", 4), ("weekly", 3), ("monthly", 2), ("less_often", 1))


def choice_list(roster: pd.DataFrame) -> list[str]:
    """One line per roster person, ``Name (Unit)``, in roster order."""
    units = roster["unit"] if "unit" in roster else pd.Series(None, index=roster.index)
    names = roster["name"].astype("object").where(roster["name"].notna(), pd.Series(roster.index, index=roster.index))
    return [choice_label(str(n), u if isinstance(u, str) else None) for n, u in zip(names, units)]


def questions_text(roster: pd.DataFrame, questions: QuestionSet, lang: str) -> str:
    """``questions.txt`` in ``lang``: the questions (her own as she wrote them), the scale, how to set them up."""
    words = texts(lang)
    title = words.t("survey.template.title")
    lines = [title, "=" * len(title), "", words.t("survey.template.intro"), ""]
    for number, question in enumerate(questions.questions, start=1):
        kind = words.t(f"term.{question.kind}")
        lines.append(words.t("survey.template.question", number=number, text=question.text(lang), kind=kind, relation=question.relation_name(lang)))
    if questions.scale is None:  # the default scale reads both languages: show the one asked for
        scale = [(words.t(f"survey.template.frequency.{key}"), weight) for key, weight in FREQUENCIES]
    else:
        scale = list(questions.scale.items())
    lines += ["", words.t("survey.template.scale"), *[f"  {label} = {format_number(weight, lang)}" for label, weight in scale], ""]
    lines += [words.t("survey.template.layout", slots=SLOTS), "", words.t("survey.template.choices"), words.t("survey.template.identify"), ""]
    people = words.t("count.people", n=len(roster))
    lines.append(words.t("survey.template.large", people=people) if len(roster) > LARGE_ROSTER else words.t("survey.template.recall"))
    return "\n".join(lines) + "\n"


def write_template(roster: pd.DataFrame, folder: str | Path, *, lang: str = "en", questions: QuestionSet | None = None) -> list[Path]:
    """Write ``questions.txt`` (both languages: ``questions.da.txt``, ``questions.en.txt``),
    ``choices.txt`` and ``questions.toml`` into ``folder``; the ``lang`` one also as ``questions.txt``
    (and ``questions.toml``'s comments in ``lang``)."""
    check_choice_labels(roster)
    questions = questions or QuestionSet()
    folder = Path(folder)
    texts = {
        "questions.txt": questions_text(roster, questions, lang),
        **{f"questions.{language}.txt": questions_text(roster, questions, language) for language in ("da", "en")},
        "choices.txt": "\n".join(choice_list(roster)) + "\n",
        "questions.toml": questions_toml(questions, lang),
    }
    files = [folder / name for name in texts]
    with replacing(*files) as parts:
        for text, part in zip(texts.values(), parts):
            part.write_text(text, encoding="utf-8")
    return files
