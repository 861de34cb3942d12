"""The profile page's words in Danish and English: labels, flags written to the person herself,
and reflection questions from the handbook's purposes of a leader network."""

from __future__ import annotations

import pandas as pd

from orgnet.i18n import format_number

PAGE = {
    "title": {"en": "Your network — {name}", "da": "Dit netværk — {name}"},
    "for_you": {
        "en": "This page is for you alone. It shows your own network as the survey describes it, beside the median of your "
        "peers, what the figures point to, and whom you could contact. It names only your own contacts and the people suggested to you.",
        "da": "Denne side er til dig alene. Den viser dit eget netværk, som undersøgelsen beskriver det, ved siden af medianen for "
        "dine kolleger på samme niveau, hvad tallene peger på, og hvem du kunne kontakte. Den nævner kun dine egne kontakter og de "
        "personer, der foreslås dig.",
    },
    "generated": {
        "en": "Made with orgnet {version}. Computed on this computer; the page loads nothing from the internet.",
        "da": "Lavet med orgnet {version}. Beregnet på denne computer; siden henter intet fra internettet.",
    },
    "contacts_by_layer": {"en": "Your contacts by layer", "da": "Dine kontakter efter lag"},
    "layer": {"en": "contacts", "da": "kontakter"},
    "you": {"en": "you", "da": "dig"},
    "median": {"en": "median of peers", "da": "median for kolleger"},
    "percentile": {"en": "your percentile", "da": "din percentil"},
    "percentile_note": {
        "en": "Percentile: the share of your peers with as many contacts as you or fewer.",
        "da": "Percentil: andelen af dine kolleger med lige så mange kontakter som dig eller færre.",
    },
    "peers_compared": {"en": "Compared with {n} {group}.", "da": "Sammenlignet med {n} {group}."},
    "peers_suppressed": {
        "en": "Your peer group ({group}) has fewer than {k} people, so no comparison is shown.",
        "da": "Din sammenligningsgruppe ({group}) har færre end {k} personer, så der vises ingen sammenligning.",
    },
    "layer_degree": {"en": "all contacts", "da": "alle kontakter"},
    "layer_degree_formal_internal": {"en": "formal, inside your organisation", "da": "formelle, i din organisation"},
    "layer_degree_informal_internal": {"en": "informal, inside your organisation", "da": "uformelle, i din organisation"},
    "layer_degree_formal_external": {"en": "formal, outside your organisation", "da": "formelle, uden for din organisation"},
    "layer_degree_informal_external": {"en": "informal, outside your organisation", "da": "uformelle, uden for din organisation"},
    "chart_note": {"en": "Bars: your contacts; tick: the median of your peers.", "da": "Søjler: dine kontakter; streg: medianen for dine kolleger."},
    "ego": {"en": "Your network", "da": "Dit netværk"},
    "ego_note": {
        "en": "You (in the middle) and your {n} contacts, with the ties among them. Solid line: formal; dashed: informal. Blue: inside your "
        "organisation; orange: outside it. Hover over a person for the organisation and role.",
        "da": "Dig (i midten) og dine {n} kontakter med forbindelserne mellem dem. Fuld streg: formel; stiplet: uformel. Blå: i din "
        "organisation; orange: uden for den. Hold musen over en person for at se organisation og rolle.",
    },
    "flags": {"en": "What the figures point to", "da": "Det peger tallene på"},
    "no_flags": {"en": "None of orgnet's flags applies to you.", "da": "Ingen af orgnets markeringer gælder dig."},
    "suggestions": {"en": "Suggested contacts", "da": "Forslag til nye kontakter"},
    "suggestions_note": {
        "en": "Peers (same role, same or adjacent level) you have no tie with today, best first: first a leader in another organisation "
        "if you have no informal contact outside your own, then the largest drop in your constraint (Burt: how much your contacts "
        "are tied to each other), then the most people newly within two steps.",
        "da": "Kolleger (samme rolle, samme eller nærliggende niveau), du ikke har forbindelse til i dag, bedste først: først en leder i "
        "en anden organisation, hvis du ikke har nogen uformel kontakt uden for din egen, dernæst det største fald i din constraint "
        "(Burt: hvor meget dine kontakter hænger sammen indbyrdes), dernæst flest nye personer inden for to skridt.",
    },
    "no_suggestions": {"en": "No peer could be suggested.", "da": "Ingen kolleger kunne foreslås."},
    "name": {"en": "name", "da": "navn"},
    "organisation": {"en": "organisation", "da": "organisation"},
    "role": {"en": "role", "da": "rolle"},
    "level": {"en": "level", "da": "niveau"},
    "why": {"en": "why", "da": "hvorfor"},
    "questions": {"en": "Questions to reflect on", "da": "Spørgsmål til refleksion"},
    "questions_note": {
        "en": "The purposes of a leader network, after the handbook \"Dan netværk — hvorfor og hvordan\" (SL 2006). Which does your "
        "network serve today, and which are missing?",
        "da": "Formålene med et ledernetværk efter håndbogen \"Dan netværk — hvorfor og hvordan\" (SL 2006). Hvilke tjener dit "
        "netværk i dag, og hvilke mangler?",
    },
    "index_title": {"en": "Network profiles", "da": "Netværksprofiler"},
    "index_note": {
        "en": "One page per person, each meant for that person alone. Hand each page only to the person it is about.",
        "da": "Én side pr. person, hver til den person alene. Giv kun hver side til den person, den handler om.",
    },
    "profile": {"en": "profile", "da": "profil"},
    "high": {"en": "high", "da": "høj"},
    "medium": {"en": "medium", "da": "middel"},
    "low": {"en": "low", "da": "lav"},
}

# The flags, written to the person herself; {fields} are filled in by personal_flags.
FLAGS = {
    "isolated": {
        "en": "No one in the data is in contact with you, and you named no one.",
        "da": "Ingen i data har kontakt med dig, og du har ikke nævnt nogen.",
    },
    "thin": {
        "en": "You have {value} contacts — a thin network{median_text}.",
        "da": "Du har {value} kontakter — et tyndt netværk{median_text}.",
    },
    "no_internal": {
        "en": "You have no contacts inside your own organisation ({organisation}).",
        "da": "Du har ingen kontakter i din egen organisation ({organisation}).",
    },
    "no_external": {
        "en": "You have no contacts outside your own organisation.",
        "da": "Du har ingen kontakter uden for din egen organisation.",
    },
    "no_informal_external": {
        "en": "You have no informal contacts outside your workplace — 41 % of the leaders in LederPejling say the same.",
        "da": "Du har ingen uformelle kontakter uden for din arbejdsplads — det gælder 41 % af lederne i LederPejling.",
    },
    "single_bridge": {
        "en": "All your paths to the rest of the network run through one person{bridge_text}.",
        "da": "Alle dine veje til resten af netværket går gennem én person{bridge_text}.",
    },
    "bottleneck": {
        "en": "Many paths in the network run through you, and without you it falls apart (betweenness {value}).",
        "da": "Mange veje i netværket går gennem dig, og uden dig falder det fra hinanden (mellemliggende centralitet {value}).",
    },
    "weak_bagland": {
        "en": "You are in contact with {reached} of {colleagues} colleagues in {unit} ({value}; at least {threshold} expected).",
        "da": "Du har kontakt med {reached} af {colleagues} kolleger i {unit} ({value}; mindst {threshold} forventet).",
    },
    "no_management_tie": {
        "en": "You have no tie to any leader of {organisation}.",
        "da": "Du har ingen forbindelse til nogen leder i {organisation}.",
    },
}
MEDIAN_TEXT = {"en": "; the median of your peers is {median}", "da": "; medianen for dine kolleger er {median}"}
FLAG_TITLES = {
    "isolated": {"en": "No ties", "da": "Ingen forbindelser"},
    "thin": {"en": "A thin network", "da": "Et tyndt netværk"},
    "no_internal": {"en": "No internal contacts", "da": "Ingen interne kontakter"},
    "no_external": {"en": "No external contacts", "da": "Ingen eksterne kontakter"},
    "no_informal_external": {"en": "No informal contacts outside", "da": "Ingen uformelle kontakter udadtil"},
    "single_bridge": {"en": "One bridge", "da": "Én bro"},
    "bottleneck": {"en": "A bottleneck", "da": "En flaskehals"},
    "weak_bagland": {"en": "A weak bagland", "da": "Et svagt bagland"},
    "no_management_tie": {"en": "No tie to management", "da": "Ingen forbindelse til ledelsen"},
}

QUESTIONS = {
    "da": [
        ("Videndeling og kompetenceudvikling", "Hvem deler du viden med, og hvem lærer du af? Hvem kunne du lære mere af?"),
        ("Indflydelse", "Hvem i dit netværk hjælper dig med at få indflydelse på de beslutninger, der betyder noget for din arbejdsplads?"),
        ("Eksterne relationer", "Hvem er din \"udenrigspolitik\" — hvilke kontakter holder dig i forbindelse med verden uden for din arbejdsplads?"),
        ("Problem- og krisehåndtering", "Hvem ville du ringe til, hvis der opstod en krise i morgen?"),
        ("Kvalitetssikring", "Hvem kan give dig et ærligt blik udefra på kvaliteten af jeres arbejde?"),
        ("Personaleledelse", "Hvem sparrer du med om personaleledelse?"),
        ("Karriereudvikling", "Hvem kender dit arbejde og kan hjælpe dig videre?"),
    ],
    "en": [
        ("Knowledge sharing and competence development", "With whom do you share knowledge, and from whom do you learn? From whom could you learn more?"),
        ("Influence", "Who in your network helps you influence the decisions that matter to your workplace?"),
        ("External relations", "Who is your \"foreign policy\" — which contacts keep you in touch with the world outside your workplace?"),
        ("Problem and crisis solving", "Whom would you call if a crisis broke out tomorrow?"),
        ("Quality assurance", "Who can give you an honest outside view of the quality of your work?"),
        ("Personnel management", "With whom do you spar about managing your staff?"),
        ("Career development", "Who knows your work and can help you move on?"),
    ],
}
CLOSING = {
    "da": "Hvilke af formålene tjener dit netværk i dag, og hvilke mangler? Hvem vil du kontakte inden for de næste tre måneder?",
    "en": "Which of these purposes does your network serve today, and which are missing? Whom will you contact in the next three months?",
}


def page_texts(lang: str) -> dict[str, str]:
    return {key: value[lang] for key, value in PAGE.items()}


def personal_flags(person, flags: pd.DataFrame, bagland: pd.DataFrame, people: pd.DataFrame, contacts: set, peers: pd.DataFrame, lang: str, k: int) -> list[dict]:
    """Her flags, most severe first, each as {title, severity, text} written to her.

    Another person is named only when he is her contact (the one bridge, for instance).
    """
    rows = flags[flags["id"] == person]
    found = []
    for row in rows.to_dict(orient="records"):
        flag = row["flag"]
        fields = {"value": _value(row["value"], lang), "threshold": _value(row["threshold"], lang)}
        if flag == "thin":
            shown = bool(peers.at[person, "shown"])
            median = format_number(peers.at[person, "median_degree"], lang)
            fields["median_text"] = MEDIAN_TEXT[lang].format(median=median) if shown else ""
        elif flag == "single_bridge":
            bridge = row["value"]
            name = people.at[bridge, "name"] if "name" in people and bridge in people.index else bridge
            fields["bridge_text"] = f": {name}" if bridge in contacts else ""
        elif flag == "bottleneck":
            fields["value"] = format_number(row["value"], lang, digits=3)
        elif flag in ("weak_bagland", "no_management_tie"):
            fields["unit"] = bagland.at[person, "unit"] if person in bagland.index else "—"
            fields["reached"] = bagland.at[person, "reached"] if person in bagland.index else "—"
            fields["colleagues"] = bagland.at[person, "colleagues"] if person in bagland.index else "—"
            if flag == "weak_bagland":
                fields["value"] = format_number(row["value"], lang, percent=True)
                fields["threshold"] = format_number(row["threshold"], lang, percent=True)
        organisation = people.at[person, "organisation"] if "organisation" in people else None
        fields["organisation"] = "—" if organisation is None or pd.isna(organisation) else organisation
        found.append({"title": FLAG_TITLES[flag][lang], "severity": PAGE[row["severity"]][lang], "level": row["severity"], "text": FLAGS[flag][lang].format(**fields)})
    return found


def _value(value, lang: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, lang)
    return "—" if value is None or pd.isna(value) else str(value)
