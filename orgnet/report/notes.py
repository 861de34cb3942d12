"""What the data does not hold, and what that means for the report.

orgnet reads any network with ids and ties; the columns it knows (``organisation``, ``role``,
``level``, ``unit``, ``name``) each enable a part of the analysis. The report still appears
without them, and says, one sentence per missing piece, which parts are not available and how
the rest should be read — so an empty table is never mistaken for a finding. The sentences are
the catalogue's (``notes.*`` in :mod:`orgnet.texts`). The same box holds the survey's response
and who did not answer (:func:`survey_notes`); :func:`notes_title` names what it holds.
"""

from __future__ import annotations

from orgnet.analysis import Analysis
from orgnet.config import KINDS
from orgnet.i18n import format_number
from orgnet.missing import non_respondents, response_rates
from orgnet.model import OrgNetwork
from orgnet.report.findings import COMPARE_BY
from orgnet.texts import texts


def data_notes(network: OrgNetwork, lang: str) -> list[tuple[str, str]]:
    """``(key, sentence)`` for each part of the analysis the data cannot support, in ``lang``."""
    people, ties = network.people, network.ties
    keys = []
    for column in ("organisation", "role", "level"):
        if column not in people.columns:
            keys.append(f"no_{column}")
    has_trs = "role" in people.columns and (people["role"] == "tr").any()
    if has_trs and "unit" not in people.columns:
        keys.append("no_unit")
    if "name" not in people.columns:
        keys.append("no_name")
    kinds = ties["kind"].dropna().unique() if len(ties) else []
    words = texts(lang)
    notes = [(key, words.t(f"notes.{key}")) for key in keys]
    if len(kinds) == 1:
        kind = words.t(f"notes.kind_{kinds[0]}") if kinds[0] in KINDS else kinds[0]
        notes.append(("one_kind", words.t("notes.one_kind", kind=kind)))
    if not any(attribute in people.columns for attribute in COMPARE_BY):
        notes.append(("no_comparison", words.t("notes.no_comparison")))
    return notes


def notes_title(missing_data: bool, survey: bool, lang: str) -> str:
    """The title of the box that holds the notes: what the data lacks, the survey's response, or both."""
    key = "both" if missing_data and survey else "survey" if survey else "missing"
    return texts(lang).t(f"notes.title.{key}")


def survey_notes(analysis: Analysis) -> list[tuple[str, str]]:
    """The survey's response (overall, per organisation, per unit), who did not answer, and what
    ``--missing`` did about them — the figures of ``orgnet survey import``; none without ``responded``."""
    people, lang = analysis.network.people, analysis.lang
    rates = response_rates(people)
    if rates is None:
        return []
    words = texts(lang)

    def rate(row) -> str:
        return words.t("notes.rate_of", group=row.group, rate=format_number(row.rate, lang, percent=True),
                       count=format_number(row.responded, lang), base=format_number(row.people, lang))

    overall = rates.iloc[0]
    response = [words.t("notes.survey_response", count=format_number(int(overall["responded"]), lang),
                                                base=format_number(int(overall["people"]), lang),
                                                rate=format_number(overall["rate"], lang, percent=True))]
    for level in ("organisation", "unit"):
        rows = list(rates[rates["level"] == level].itertuples())
        if rows:
            response.append(words.t(f"notes.by_{level}", rates="; ".join(rate(row) for row in rows)))
    notes = [("survey_response", " ".join(response))]
    silent = people[non_respondents(people).to_numpy()]
    if len(silent):
        names = [_who(person, row) for person, row in silent.iterrows()]
        treatment = analysis.missing.treatment if analysis.missing is not None else "keep"
        treated = words.t(f"notes.missing_{treatment}", n=len(silent), ties=words.t("count.tie", n=analysis.missing.reconstructed if analysis.missing else 0))
        notes.append(("did_not_answer", words.t("notes.did_not_answer", people=words.t("count.people", n=len(silent)), names="; ".join(names))
                      + " " + treated))
    return notes


def _who(person, row) -> str:
    """``Mette Hansen (Kærholm / Bofællesskabet Ågården)``: the name, else the id, and where the person is."""
    name = row.get("name")
    shown = str(name) if isinstance(name, str) and name.strip() else str(person)
    place = [str(row[c]) for c in ("organisation", "unit") if c in row.index and isinstance(row[c], str) and row[c].strip()]
    return f"{shown} ({' / '.join(place)})" if place else shown
