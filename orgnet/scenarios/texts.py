"""The words of the what-if, key-player and two-wave pages and tables, in English and Danish."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "whatif_title": {"en": "What if: the network before and after", "da": "Hvad nu hvis: netværket før og efter"},
    "diff_title": {"en": "Change over time: two waves compared", "da": "Udvikling over tid: to målinger sammenlignet"},
    "workbook": {
        "en": "All tables are also in the workbook next to this page.",
        "da": "Alle tabeller findes også i regnearket ved siden af denne side.",
    },
    "yes": {"en": "yes", "da": "ja"},
    "no": {"en": "no", "da": "nej"},
    "nothing": {"en": "Nothing changes here.", "da": "Intet ændrer sig her."},
    "suppressed": {"en": "suppressed (too few)", "da": "skjult (for få)"},
    "more_rows": {
        "en": "The first {shown} of {total} rows; the workbook has them all.",
        "da": "De første {shown} af {total} rækker; regnearket har dem alle.",
    },
    "figures_intro": {
        "en": "Network figures side by side. Density is symmetrised ties over possible pairs, per layer; mean distance is over connected pairs; reach counts people within 2 and 3 steps; flag rows count flagged people.",
        "da": "Netværkets nøgletal side om side. Tæthed er forbindelser over mulige par, pr. lag; gennemsnitlig afstand er over forbundne par; rækkevidde tæller personer inden for 2 og 3 skridt; flagrækker tæller markerede personer.",
    },
    "scenario_intro": {"en": "What the scenario changes.", "da": "Hvad scenariet ændrer."},
    "people_intro": {
        "en": "People touched by the scenario: reach lost (people no longer within 2 and 3 steps), isolated, cut off from the largest component, external ties turned internal, flags new or gone. Most reach lost first.",
        "da": "Personer, som scenariet berører: tabt rækkevidde (personer ikke længere inden for 2 og 3 skridt), isoleret, afskåret fra den største komponent, eksterne forbindelser blevet interne, nye eller forsvundne flag. Størst tab først.",
    },
    "bagland_intro": {
        "en": "TRs whose bagland changes: colleagues in the unit and the share the TR is in contact with.",
        "da": "TR'er, hvis bagland ændrer sig: kolleger i enheden og den andel, TR har kontakt med.",
    },
    "organisations_intro": {
        "en": "Organisations whose ties changed: ties inside (I) and outside (E) the organisation, and the E–I index (E − I)/(E + I), before and after.",
        "da": "Organisationer, hvis forbindelser ændrer sig: forbindelser inden for (I) og uden for (E) organisationen og E–I-indekset (E − I)/(E + I), før og efter.",
    },
    "ties_intro": {
        "en": "Pairs per layer. Lost and gained count pairs of people present in both waves; pairs with someone who left or joined are counted apart.",
        "da": "Par pr. lag. Tabt og vundet tæller par af personer, der er med i begge målinger; par med en, der er stoppet eller kommet til, tælles for sig.",
    },
    "flags_intro": {
        "en": "Flags of the people in both waves: resolved (first wave only), new (second wave only), persisting.",
        "da": "Flag for personer i begge målinger: løst (kun første måling), nye (kun anden måling), vedvarende.",
    },
    "diff_people_intro": {
        "en": "Each person in both waves: contacts by layer, constraint and betweenness in each wave and the change. Largest change in contacts first.",
        "da": "Hver person i begge målinger: kontakter pr. lag, begrænsning og mellemliggende centralitet i hver måling og ændringen. Største ændring i kontakter først.",
    },
    "groups_intro": {
        "en": "Did group members gain informal external contacts, compared with people in no group? Members present in both waves; groups with fewer than {k} are suppressed.",
        "da": "Fik gruppernes medlemmer flere uformelle eksterne kontakter end personer uden for grupperne? Medlemmer med i begge målinger; grupper med færre end {k} er skjult.",
    },
    "section_figures": {"en": "Network figures", "da": "Nøgletal for netværket"},
    "section_changes": {"en": "Scenario", "da": "Scenarie"},
    "section_people": {"en": "People affected", "da": "Berørte personer"},
    "section_bagland": {"en": "TR bagland", "da": "TR-bagland"},
    "section_organisations": {"en": "E–I index by organisation", "da": "E–I-indeks efter organisation"},
    "section_removed": {"en": "People removed", "da": "Fjernede personer"},
    "section_ties": {"en": "Ties gained and lost", "da": "Forbindelser vundet og tabt"},
    "section_flags": {"en": "Flags resolved, new and persisting", "da": "Flag løst, nye og vedvarende"},
    "section_joined": {"en": "Joined", "da": "Kommet til"},
    "section_left": {"en": "Left", "da": "Stoppet"},
    "section_groups": {"en": "Groups", "da": "Grupper"},
}

LABELS: dict[str, dict[str, str]] = {
    "figure": {"en": "figure", "da": "nøgletal"},
    "people": {"en": "people", "da": "personer"},
    "ties": {"en": "ties (pairs)", "da": "forbindelser (par)"},
    "components": {"en": "components", "da": "komponenter"},
    "largest_component_share": {"en": "largest component", "da": "største komponent"},
    "isolates": {"en": "isolated people", "da": "isolerede personer"},
    "density_all": {"en": "density, all", "da": "tæthed, alle"},
    "density_formal": {"en": "density, formal", "da": "tæthed, formelle"},
    "density_informal": {"en": "density, informal", "da": "tæthed, uformelle"},
    "density_internal": {"en": "density, internal", "da": "tæthed, interne"},
    "density_external": {"en": "density, external", "da": "tæthed, eksterne"},
    "mean_distance": {"en": "mean distance", "da": "gennemsnitlig afstand"},
    "mean_reach2": {"en": "mean reach in 2 steps", "da": "gns. rækkevidde i 2 skridt"},
    "mean_reach3": {"en": "mean reach in 3 steps", "da": "gns. rækkevidde i 3 skridt"},
    "ei_index": {"en": "E–I index (organisation)", "da": "E–I-indeks (organisation)"},
    "before": {"en": "before", "da": "før"},
    "change": {"en": "change", "da": "ændring"},
    "name": {"en": "name", "da": "navn"},
    "organisation": {"en": "organisation", "da": "organisation"},
    "unit": {"en": "unit", "da": "enhed"},
    "role": {"en": "role", "da": "rolle"},
    "removed": {"en": "people removed", "da": "personer fjernet"},
    "isolated": {"en": "isolated", "da": "isoleret"},
    "cut_off": {"en": "cut off", "da": "afskåret"},
    "turned_internal": {"en": "external ties turned internal", "da": "eksterne forbindelser blevet interne"},
    "new_flags": {"en": "new flags", "da": "nye flag"},
    "resolved_flags": {"en": "flags gone", "da": "flag forsvundet"},
    "persisting_flags": {"en": "flags persisting", "da": "vedvarende flag"},
    "moved": {"en": "moved", "da": "flyttet"},
    "lost_reach2": {"en": "reach lost (2 steps)", "da": "tabt rækkevidde (2 skridt)"},
    "lost_reach3": {"en": "reach lost (3 steps)", "da": "tabt rækkevidde (3 skridt)"},
    "coverage_before": {"en": "coverage before", "da": "dækning før"},
    "coverage_after": {"en": "coverage after", "da": "dækning efter"},
    "coverage_change": {"en": "coverage change", "da": "ændring i dækning"},
    "layer": {"en": "layer", "da": "lag"},
    "all": {"en": "all", "da": "alle"},
    "formal": {"en": "formal", "da": "formelle"},
    "informal": {"en": "informal", "da": "uformelle"},
    "internal": {"en": "internal", "da": "interne"},
    "external": {"en": "external", "da": "eksterne"},
    "informal+external": {"en": "informal external", "da": "uformelle eksterne"},
    "first": {"en": "first wave", "da": "første måling"},
    "second": {"en": "second wave", "da": "anden måling"},
    "kept": {"en": "kept", "da": "bevaret"},
    "lost": {"en": "lost", "da": "tabt"},
    "lost_with_leaver": {"en": "lost with someone who left", "da": "tabt med en, der stoppede"},
    "gained": {"en": "gained", "da": "vundet"},
    "gained_with_newcomer": {"en": "gained with a newcomer", "da": "vundet med en nytilkommen"},
    "flag": {"en": "flag", "da": "flag"},
    "resolved": {"en": "resolved", "da": "løst"},
    "new": {"en": "new", "da": "nye"},
    "persisting": {"en": "persisting", "da": "vedvarende"},
    "group": {"en": "group", "da": "gruppe"},
    "suppressed": {"en": "suppressed", "da": "skjult"},
    "n": {"en": "members", "da": "medlemmer"},
    "mean_first": {
        "en": "informal external contacts, first wave (mean)",
        "da": "uformelle eksterne kontakter, første måling (gns.)",
    },
    "mean_change": {"en": "change (mean)", "da": "ændring (gns.)"},
    "share_gained": {"en": "share who gained", "da": "andel med flere"},
    "people_first": {"en": "people, first wave", "da": "personer, første måling"},
    "people_second": {"en": "people, second wave", "da": "personer, anden måling"},
    "in_both": {"en": "in both waves", "da": "i begge målinger"},
    "joined": {"en": "joined", "da": "kommet til"},
    "left": {"en": "left", "da": "stoppet"},
}
_PARTS = {
    "ei": {"en": "E–I index", "da": "E–I-indeks"},
    "internal": {"en": "internal ties", "da": "interne forbindelser"},
    "external": {"en": "external ties", "da": "eksterne forbindelser"},
    "degree": {"en": "contacts", "da": "kontakter"},
    "constraint": {"en": "constraint", "da": "begrænsning"},
    "betweenness": {"en": "betweenness", "da": "mellemliggende centralitet"},
    "reach2": {"en": "reach (2 steps)", "da": "rækkevidde (2 skridt)"},
    "reach3": {"en": "reach (3 steps)", "da": "rækkevidde (3 skridt)"},
    "contacts": {"en": "contacts", "da": "kontakter"},
    "colleagues": {"en": "colleagues", "da": "kolleger"},
}
_SUFFIXES = {
    "first": {"en": "first wave", "da": "første måling"},
    "second": {"en": "second wave", "da": "anden måling"},
    "change": {"en": "change", "da": "ændring"},
    "before": {"en": "before", "da": "før"},
    "after": {"en": "after", "da": "efter"},
}
_LAYER_PARTS = {
    "internal": "internal",
    "external": "external",
    "formal": "formal",
    "informal": "informal",
    "informal_external": "informal+external",
}


def text(key: str, lang: str) -> str:
    return TEXTS[key][lang]


def label(name, lang: str) -> str:
    """A column, figure or layer name in the reader's language; an unknown name as it is."""
    name = str(name)
    if name in LABELS:
        return LABELS[name][lang]
    if name.startswith("flag:"):
        return ("flag: " if lang == "en" else "flag: ") + name[5:]
    if name.startswith("unit_"):
        return f"{LABELS['unit'][lang]}, {_SUFFIXES[name[5:]][lang]}" if name[5:] in _SUFFIXES else name
    stem, _, suffix = name.rpartition("_")
    if suffix in _SUFFIXES and stem:
        return f"{_metric(stem, lang)}, {_SUFFIXES[suffix][lang]}"
    return _metric(name, lang)


def _metric(stem: str, lang: str) -> str:
    if stem in _PARTS:
        return _PARTS[stem][lang]
    if stem.startswith("degree_") and stem[7:] in _LAYER_PARTS:
        return f"{_PARTS['degree'][lang]} ({LABELS[_LAYER_PARTS[stem[7:]]][lang]})"
    return LABELS[stem][lang] if stem in LABELS else stem
