"""The import's summary in words: what the terminal shows and ``import.txt`` holds, in either language.

The readers, the decisions and the import return :class:`Message` s — a catalogue key under
``survey.note.`` or ``survey.warning.`` and the codes and numbers it needs — and the words are
chosen here, where the summary is written, from ``orgnet/texts/<lang>/survey.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orgnet.errors import shown
from orgnet.i18n import format_number
from orgnet.texts import texts

if TYPE_CHECKING:
    from orgnet.survey.importer import SurveyImport

OUTCOMES = ("none", "self", "merged")  # answers that made no tie of their own, as the summary counts them


@dataclass(frozen=True)
class Message:
    """One line of the summary before it has words: ``key`` (``note.status``, ``warning.comparison``)
    and the values it needs (numbers, the file's own names and labels, codes)."""

    key: str
    fields: dict = field(default_factory=dict)


def message_text(message: Message, lang: str) -> str:
    """``message`` in ``lang``."""
    words, fields = texts(lang), dict(message.fields)
    if message.key == "note.columns_read":
        columns = ", ".join(f"{words.t(f'survey.note.part.{part}')} = {shown(column)}" for part, column in fields["columns"])
        if fields.get("unread"):
            return words.t("survey.note.columns_not_read", columns=columns, unread=", ".join(map(shown, fields["unread"])))
        return words.t("survey.note.columns_read", columns=columns)
    if message.key == "note.status":
        states = ", ".join(f"{format_number(count, lang)} {state or words.t('survey.note.no_status')}" for state, count in fields["states"])
        return words.t("survey.note.status", answered=fields["answered"], people=fields["people"], states=states)
    if message.key == "warning.unused_decision":
        answer, context, person = fields.pop("answer"), fields.pop("context"), fields.pop("person")
        return words.t("survey.warning.unused_decision", **fields, answer=shown(answer),
                       respondent=words.t("survey.warning.from_unit", context=shown(context)) if context else "",
                       person=words.t("survey.import.no_one") if person == "none" else person)
    if message.key in ("warning.betweenness", "warning.comparison"):
        return words.t(f"survey.{message.key}", rate=format_number(fields["rate"], lang, percent=True),
                       threshold=format_number(fields["threshold"], lang, percent=True))
    return words.t(f"survey.{message.key}", **fields)


def summary_lines(result: SurveyImport, lang: str) -> list[str]:
    """The import's summary, one line each: what was read, the ties and what is left to review,
    the response rates, the decisions used, the columns not read and the warnings."""
    words = texts(lang)
    outcome = result.answers["outcome"].value_counts()
    overall = result.rates.iloc[0]
    tool = words.t(f"survey.tool.{result.tool}") if f"survey.tool.{result.tool}" in words else result.tool
    lines = [words.t("survey.import.read", n=int(overall["people"]), answers=words.t("survey.count.answer", n=len(result.answers)),
                     tool=tool, responded=int(overall["responded"]))]
    lines += [message_text(note, lang) for note in result.notes]
    ties = words.t("count.tie", n=len(result.ties))
    review = int(outcome.get("review", 0))
    if review:
        distinct = words.t("survey.count.text", n=int((result.matches["review"] == "yes").sum()))
        lines.append(words.t("survey.import.review", n=review, ties=ties, texts=distinct))
    else:
        lines.append(words.t("survey.import.no_review", ties=ties))
    lines += [words.t(f"survey.import.outcome.{name}", n=int(outcome[name])) for name in OUTCOMES if outcome.get(name, 0)]
    rates = ", ".join(f"{words.t('survey.import.all') if r.level == 'all' else r.group} {format_number(r.rate, lang, percent=True)}"
                      for r in result.rates.itertuples() if r.level != "unit")
    lines.append(words.t("survey.import.rates", rates=rates))
    if result.decisions.file is not None:
        lines.append(words.t("survey.import.decisions", n=result.decisions_used, file=str(result.decisions.file)))
    if result.unused_columns:
        lines.append(words.t("survey.import.unused_columns", columns=", ".join(map(str, result.unused_columns))))
    return lines + [words.t("survey.import.warning", text=message_text(w, lang)) for w in result.warnings]


def to_review_line(result: SurveyImport, matches_file, lang: str) -> str | None:
    """What to do with the names left to review (``None`` when there are none)."""
    count = int((result.matches["review"] == "yes").sum())
    return texts(lang).t("survey.import.to_review", n=count, file=str(matches_file)) if count else None
