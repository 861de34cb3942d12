"""What the data does not hold, and what that means for the report.

orgnet reads any network with ids and ties; the columns it knows (``organisation``, ``role``,
``level``, ``unit``, ``name``) each enable a part of the analysis. The report still appears
without them, and says, one sentence per missing piece, which parts are not available and how
the rest should be read — so an empty table is never mistaken for a finding.
"""

from __future__ import annotations

from orgnet.analysis import Analysis
from orgnet.i18n import format_number
from orgnet.missing import non_respondents, response_rates
from orgnet.model import OrgNetwork
from orgnet.report.findings import COMPARE_BY, PEOPLE, counted

NOTES = {
    "no_organisation": {
        "en": "No organisation column: every tie counts as internal, so the internal/external split is not available, "
        "and neither are the flags that need it (no internal contact, no external contact, no informal external contact, "
        "no tie to management).",
        "da": "Ingen kolonne organisation: alle forbindelser regnes som interne, så opdelingen i interne og eksterne "
        "forbindelser findes ikke, og det gør de flag, der bygger på den, heller ikke (ingen intern kontakt, ingen ekstern "
        "kontakt, ingen uformel ekstern kontakt, ingen forbindelse til ledelsen).",
    },
    "no_role": {
        "en": "No role column: leaders and TRs cannot be told apart, so the leader flags, the TR bagland and the "
        "findings about leaders are not available; thin networks are judged against people of the same level "
        "(against everyone when there is no level either).",
        "da": "Ingen kolonne rolle: ledere og TR'er kan ikke skelnes fra andre, så lederflagene, TR-baglandet og fundene "
        "om ledere findes ikke; tynde netværk vurderes i forhold til personer på samme niveau (i forhold til alle, "
        "når der heller ikke er et niveau).",
    },
    "no_level": {
        "en": "No level column: there is no comparison or chart by level, and thin networks are judged against "
        "people with the same role only.",
        "da": "Ingen kolonne niveau: der er ingen sammenligning eller diagram efter niveau, og tynde netværk vurderes kun "
        "i forhold til personer med samme rolle.",
    },
    "no_unit": {
        "en": "No unit column: a TR's colleagues are the people of the TR's unit, so the TR bagland cannot be measured.",
        "da": "Ingen kolonne enhed: en TR's kolleger er personerne i TR's enhed, så TR-baglandet kan ikke måles.",
    },
    "no_name": {
        "en": "No name column: people are shown by their id.",
        "da": "Ingen kolonne navn: personer vises med deres id.",
    },
    "one_kind": {
        "en": "Every tie is {kind}: the formal/informal split says nothing about this network.",
        "da": "Alle forbindelser er {kind}: opdelingen i formelle og uformelle forbindelser siger intet om dette netværk.",
    },
    "no_comparison": {
        "en": "None of the attributes the report compares by (role, level, gender, employer) is in the data: no comparisons.",
        "da": "Ingen af de egenskaber, rapporten sammenligner efter (rolle, niveau, køn, arbejdsgiver), findes i data: "
        "ingen sammenligninger.",
    },
}
SURVEY_NOTES = {
    "survey_response": {
        "en": "Survey response: {count} of {base} people answered ({rate}).",
        "da": "Svarprocent: {count} af {base} personer svarede ({rate}).",
    },
    "by_organisation": {"en": "By organisation: {rates}.", "da": "Efter organisation: {rates}."},
    "by_unit": {"en": "By unit: {rates}.", "da": "Efter enhed: {rates}."},
    "rate_of": {"en": "{group} {rate} ({count} of {base})", "da": "{group} {rate} ({count} af {base})"},
    "did_not_answer": {
        "en": "Did not answer ({people}): {names}.",
        "da": "Svarede ikke ({people}): {names}.",
    },
    "missing_keep": {
        "en": "They keep the ties others reported about them (--missing keep): a tie that only they would have named is missing, "
        "and their own figures are lower bounds.",
        "da": "De har de forbindelser, andre har oplyst om dem (--missing keep): en forbindelse, som kun de selv ville have nævnt, "
        "mangler, og deres egne tal er mindsteværdier.",
    },
    "missing_keep_one": {  # one person: Danish has no singular "de"
        "en": "They keep the ties others reported about them (--missing keep): a tie that only they would have named is missing, "
        "and their own figures are lower bounds.",
        "da": "Vedkommende har de forbindelser, andre har oplyst om vedkommende (--missing keep): en forbindelse, som kun vedkommende "
        "selv ville have nævnt, mangler, og vedkommendes egne tal er mindsteværdier.",
    },
    "missing_reconstruct_one": {
        "en": "Their missing answers were reconstructed from what others reported about them (--missing reconstruct, as UCINET "
        "and Stork & Richards 1992 do): {ties} added, each the reverse of a tie someone reported to them.",
        "da": "Vedkommendes manglende svar er genskabt ud fra det, andre har oplyst om vedkommende (--missing reconstruct, som i "
        "UCINET og hos Stork & Richards 1992): {ties} tilføjet, hver den modsatte retning af en forbindelse, som en anden har angivet.",
    },
    "missing_reconstruct": {
        "en": "Their missing answers were reconstructed from what others reported about them (--missing reconstruct, as UCINET "
        "and Stork & Richards 1992 do): {ties} added, each the reverse of a tie someone reported to them.",
        "da": "Deres manglende svar er genskabt ud fra det, andre har oplyst om dem (--missing reconstruct, som i UCINET og hos "
        "Stork & Richards 1992): {ties} tilføjet, hver den modsatte retning af en forbindelse, som en anden har angivet til dem.",
    },
}
TIES = {"en": ("tie", "ties"), "da": ("forbindelse", "forbindelser")}
KINDS = {"formal": {"en": "formal", "da": "formelle"}, "informal": {"en": "informal", "da": "uformelle"}}


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
    notes = [(key, NOTES[key][lang]) for key in keys]
    if len(kinds) == 1:
        notes.append(("one_kind", NOTES["one_kind"][lang].format(kind=KINDS.get(kinds[0], {}).get(lang, kinds[0]))))
    if not any(attribute in people.columns for attribute in COMPARE_BY):
        notes.append(("no_comparison", NOTES["no_comparison"][lang]))
    return notes


def survey_notes(analysis: Analysis) -> list[tuple[str, str]]:
    """The survey's response (overall, per organisation, per unit), who did not answer, and what
    ``--missing`` did about them — the figures of ``orgnet survey import``; none without ``responded``."""
    people, lang = analysis.network.people, analysis.lang
    rates = response_rates(people)
    if rates is None:
        return []
    texts = {key: value[lang] for key, value in SURVEY_NOTES.items()}

    def rate(row) -> str:
        return texts["rate_of"].format(group=row.group, rate=format_number(row.rate, lang, percent=True),
                                       count=format_number(row.responded, lang), base=format_number(row.people, lang))

    overall = rates.iloc[0]
    response = [texts["survey_response"].format(count=format_number(int(overall["responded"]), lang),
                                                base=format_number(int(overall["people"]), lang),
                                                rate=format_number(overall["rate"], lang, percent=True))]
    for level in ("organisation", "unit"):
        rows = list(rates[rates["level"] == level].itertuples())
        if rows:
            response.append(texts[f"by_{level}"].format(rates="; ".join(rate(row) for row in rows)))
    notes = [("survey_response", " ".join(response))]
    silent = people[non_respondents(people).to_numpy()]
    if len(silent):
        names = [_who(person, row) for person, row in silent.iterrows()]
        treatment = analysis.missing.treatment if analysis.missing is not None else "keep"
        treated = texts[f"missing_{treatment}" + ("_one" if len(silent) == 1 else "")].format(ties=counted(analysis.missing.reconstructed if analysis.missing else 0, TIES[lang], lang))
        notes.append(("did_not_answer", texts["did_not_answer"].format(people=counted(len(silent), PEOPLE[lang], lang), names="; ".join(names))
                      + " " + treated))
    return notes


def _who(person, row) -> str:
    """``Mette Hansen (Kærholm / Bofællesskabet Ågården)``: the name, else the id, and where the person is."""
    name = row.get("name")
    shown = str(name) if isinstance(name, str) and name.strip() else str(person)
    place = [str(row[c]) for c in ("organisation", "unit") if c in row.index and isinstance(row[c], str) and row[c].strip()]
    return f"{shown} ({' / '.join(place)})" if place else shown
