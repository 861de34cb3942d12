"""What a consultant needs to set up a network survey: the questions, the roster as a choice
list for Microsoft Forms, Google Forms and SurveyXact, and ``questions.toml`` for the import."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from orgnet.io.atomic import replacing
from orgnet.survey.matching import choice_label
from orgnet.survey.questions import DEFAULT_SCALE, QuestionSet, questions_toml
from orgnet.survey.roster import check_choice_labels

LARGE_ROSTER = 100
SLOTS = 5

TEXT = {
    "da": {
        "title": "Netværksundersøgelse — spørgsmål",
        "intro": "Spørg hver medarbejder/leder på listen. Om en kontakt er intern eller ekstern (egen organisation "
                 "eller ej) følger af listen; det skal ikke spørges om.",
        "layout": "Opsætning (virker i Microsoft Forms, Google Forms, SurveyXact og Qualtrics): til hvert spørgsmål "
                  f"{SLOTS} felter '<spørgsmål> – kontakt 1..{SLOTS}' (vælg navn fra listen, eller skriv det), hvert "
                  "med et felt '<spørgsmål> – hyppighed 1..5' med skalaen nedenfor, og et felt "
                  "'<spørgsmål> – andre (skriv navne)'. Et flervalg med hele listen kan bruges i stedet; så får "
                  "hver valgt kontakt vægten 1.",
        "scale": "Hyppighed (vægt):",
        "choices": "Navnelisten står i choices.txt, én person pr. linje som 'Navn (Enhed)', så navnebrødre kan skelnes. "
                   "Indsæt linjerne som svarmuligheder.",
        "identify": "Send skemaet personligt (med e-mail), så svaret kan kobles til listen; anonyme svar kan ikke bruges.",
        "large": "Listen har {n} personer: brug et spørgsmål med søgning mens man skriver (fx SurveyXact/Qualtrics "
                 "'søg i liste') frem for en lang afkrydsningsliste. Fri genkaldelse uden liste mister omkring en "
                 "femtedel af de sande forbindelser (Brewer & Webster 1999).",
        "recall": "Fri genkaldelse uden liste mister omkring en femtedel af de sande forbindelser (Brewer & Webster 1999); "
                  "brug listen, hvor det kan lade sig gøre.",
    },
    "en": {
        "title": "Network survey — questions",
        "intro": "Ask everyone on the roster. Whether a contact is internal or external (own organisation or not) "
                 "follows from the roster; do not ask it.",
        "layout": "Layout (works in Microsoft Forms, Google Forms, SurveyXact and Qualtrics): for each question "
                  f"{SLOTS} fields '<question> – contact 1..{SLOTS}' (pick a name from the list, or type it), each "
                  "with a field '<question> – frequency 1..5' on the scale below, and a field "
                  "'<question> – others (write names)'. A multi-select of the whole roster can be used instead; "
                  "each ticked contact then gets weight 1.",
        "scale": "Frequency (weight):",
        "choices": "The roster is in choices.txt, one person a line as 'Name (Unit)', so that namesakes differ. "
                   "Paste the lines as answer options.",
        "identify": "Send the survey personally (with e-mail) so that each answer can be tied to the roster; "
                    "anonymous answers cannot be used.",
        "large": "The roster has {n} people: use a search-as-you-type question (SurveyXact/Qualtrics list search) "
                 "rather than a long tick list. Free recall without a list loses about a fifth of the true ties "
                 "(Brewer & Webster 1999).",
        "recall": "Free recall without a list loses about a fifth of the true ties (Brewer & Webster 1999); use the "
                  "list wherever you can.",
    },
}


def choice_list(roster: pd.DataFrame) -> list[str]:
    """One line per roster person, ``Name (Unit)``, in roster order."""
    units = roster["unit"] if "unit" in roster else pd.Series(None, index=roster.index)
    names = roster["name"].astype("object").where(roster["name"].notna(), pd.Series(roster.index, index=roster.index))
    return [choice_label(str(n), u if isinstance(u, str) else None) for n, u in zip(names, units)]


def questions_text(roster: pd.DataFrame, questions: QuestionSet, lang: str) -> str:
    text = TEXT[lang]
    lines = [text["title"], "=" * len(text["title"]), "", text["intro"], ""]
    for number, question in enumerate(questions.questions, start=1):
        lines.append(f"{number}. {question.text(lang)}  [{question.kind}: {question.relation}]")
    scale = questions.scale or DEFAULT_SCALE
    if questions.scale is None:  # the default scale holds both languages: show the one asked for
        scale = dict(list(DEFAULT_SCALE.items())[:4] if lang == "da" else list(DEFAULT_SCALE.items())[4:])
    scale = list(scale.items())
    lines += ["", text["scale"], *[f"  {label} = {weight}" for label, weight in scale], "", text["layout"], "", text["choices"], text["identify"], ""]
    lines.append(text["large"].format(n=len(roster)) if len(roster) > LARGE_ROSTER else text["recall"])
    return "\n".join(lines) + "\n"


def write_template(roster: pd.DataFrame, folder: str | Path, *, lang: str = "da", questions: QuestionSet | None = None) -> list[Path]:
    """Write ``questions.txt`` (both languages: ``questions.da.txt``, ``questions.en.txt``),
    ``choices.txt`` and ``questions.toml`` into ``folder``; the ``lang`` one also as ``questions.txt``."""
    check_choice_labels(roster)
    questions = questions or QuestionSet()
    folder = Path(folder)
    texts = {
        "questions.txt": questions_text(roster, questions, lang),
        **{f"questions.{language}.txt": questions_text(roster, questions, language) for language in ("da", "en")},
        "choices.txt": "\n".join(choice_list(roster)) + "\n",
        "questions.toml": questions_toml(questions),
    }
    files = [folder / name for name in texts]
    with replacing(*files) as parts:
        for text, part in zip(texts.values(), parts):
            part.write_text(text, encoding="utf-8")
    return files
