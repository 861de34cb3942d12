"""The proposal as a page to hand over (``DIR/index.html``, offline, the report's look) and a
workbook: one card per group — members, their organisations, the coordinator, what the group
changes — and the handbook's start-up checklist as the agenda of the first meeting."""

from __future__ import annotations

import secrets
from pathlib import Path

import pandas as pd

from orgnet import __version__
from orgnet.groups.heuristic import MIX_TEXT, OBJECTIVE_TEXT
from orgnet.i18n import format_number, value_name
from orgnet.io.atomic import replacing
from orgnet.io.excel import write_workbook
from orgnet.pages import environment

TEXTS = {
    "title": {"en": "Proposed leader network groups", "da": "Forslag til ledernetværksgrupper"},
    "intro": {
        "en": "{groups} groups for {placed} people. Size rule: {rule}.",
        "da": "{groups} grupper til {placed} personer. Størrelse: {rule}.",
    },
    "objective": {"en": "What the proposal optimises", "da": "Hvad forslaget optimerer"},
    "effect": {"en": "What the groups would change", "da": "Hvad grupperne ville ændre"},
    "effect_intro": {
        "en": "Every two members of a group get an informal tie, and the network is measured again.",
        "da": "Hvert par i en gruppe får en uformel forbindelse, og netværket måles igen.",
    },
    "figure": {"en": "figure", "da": "tal"}, "before": {"en": "before", "da": "før"}, "after": {"en": "after", "da": "efter"},
    "group": {"en": "Group", "da": "Gruppe"}, "coordinator": {"en": "coordinator (tovholder)", "da": "tovholder"},
    "member": {"en": "member", "da": "medlem"}, "name": {"en": "name", "da": "navn"},
    "organisation": {"en": "organisation", "da": "organisation"}, "level": {"en": "level", "da": "niveau"},
    "reason": {"en": "why", "da": "hvorfor"},
    "new_pairs": {"en": "{count} new contacts in this group", "da": "{count} nye kontakter i gruppen"},
    "checklist": {"en": "Agenda of the first meeting (the handbook's start-up checklist)", "da": "Dagsorden for første møde (håndbogens tjekliste for opstart)"},
}
CHECKLIST = {
    "en": [
        "Motive and need: why this network, and what each member needs from it",
        "The invitation: honest about purpose, time and who else is invited",
        "Goals: realistic, no pioneer rush",
        "Social rules: duty of initiative, saying yes and no",
        "Expectations: how often you meet, punctuality, preparation, absence",
        "Agenda template and chairing: who leads, who writes",
        "Activity between meetings, and the role of e-mail and online meetings",
        "Evaluation: when, how often, by whom",
        "Openness and confidentiality: what stays in the group",
    ],
    "da": [
        "Motiv og behov: hvorfor dette netværk, og hvad hvert medlem har brug for",
        "Invitationen: ærlig om formål, tid og hvem der ellers er inviteret",
        "Mål: realistiske, intet pionerræs",
        "Sociale spilleregler: initiativpligt, at sige ja og nej",
        "Forventninger: mødehyppighed, punktlighed, forberedelse, fravær",
        "Dagsordensskabelon og mødeledelse: hvem leder, hvem skriver",
        "Aktivitet mellem møderne og brugen af mail og onlinemøder",
        "Evaluering: hvornår, hvor ofte, af hvem",
        "Åbenhed og fortrolighed: hvad bliver i gruppen",
    ],
}
REASONS = {
    "no informal external contact (placed first)": {"da": "ingen uformel ekstern kontakt (placeret først)"},
    "coordinator: most contacts in the network": {"da": "tovholder: flest kontakter"},
    "chosen set": {"da": "valgt"},
}
RULES_DA = {
    "about 10 per group": "omkring 10 pr. gruppe: mindst 40 personer (håndbogens store kommune)",
    "3–4 per group": "3–4 pr. gruppe: færre end 15 personer (håndbogens lille kommune)",
    "5–8 per group": "5–8 pr. gruppe: 15–39 personer (mellem håndbogens lille og store kommune)",
    "sizes": "størrelser som angivet (--size)",
}
FIGURES_DA = {
    "share of the chosen people flagged no_informal_external": "andel uden uformel ekstern kontakt",
    "share of the chosen people flagged thin": "andel med tyndt netværk",
    "share of the chosen people flagged isolated": "andel isolerede",
    "mean constraint of the group members": "medlemmernes gennemsnitlige begrænsning",
    "mean effective_size of the group members": "medlemmernes gennemsnitlige effektive størrelse",
    "components among the chosen people": "komponenter blandt de valgte",
    "new ties created": "nye forbindelser",
    "pairs in a group who already knew each other": "par i en gruppe, der kendte hinanden i forvejen",
}


def objective_text(summary: dict, lang: str) -> str:
    return OBJECTIVE_TEXT[lang].format(mix=MIX_TEXT[lang] if summary["mode"] == "heterogeneous" else "")


def write_page(members: pd.DataFrame, effect: pd.DataFrame, summary: dict, folder: Path, *, lang: str, pair_counts: dict) -> list[Path]:
    t = {key: value[lang] for key, value in TEXTS.items()}
    figures = [
        {"figure": FIGURES_DA.get(row.figure, row.figure) if lang == "da" else row.figure,
         "before": _value(row.figure, row.before, lang), "after": _value(row.figure, row.after, lang)}
        for row in effect.itertuples()
    ]
    cards = []
    for group, rows in members.groupby("group", sort=True):
        cards.append({
            "number": int(group),
            "new": t["new_pairs"].format(count=format_number(pair_counts.get(int(group), 0), lang)),
            "members": [
                {"name": _text(r.name) or r.id, "organisation": _text(r.organisation), "level": value_name("level", r.level, lang) if _text(r.level) else "",
                 "role": t["coordinator"] if r.role_in_group == "coordinator" else t["member"],
                 "reason": REASONS.get(r.reason, {}).get(lang, r.reason)}
                for r in rows.itertuples()
            ],
        })
    page = environment().get_template("groups.html.j2").render(
        lang=lang, t=t, nonce=secrets.token_urlsafe(16), version=__version__,
        intro=t["intro"].format(groups=format_number(summary["groups"], lang), placed=format_number(summary["placed"], lang), rule=_rule(summary["rule"], lang)),
        objective=objective_text(summary, lang), figures=figures, cards=cards, checklist=CHECKLIST[lang],
    )
    index, workbook = Path(folder) / "index.html", Path(folder) / "groups.xlsx"
    about = pd.DataFrame([(key, value) for key, value in summary.items()] + [("objective", objective_text(summary, lang))], columns=["key", "value"])
    with replacing(index, workbook) as (index_part, workbook_part):
        index_part.write_text(page, encoding="utf-8")
        write_workbook({"groups": members, "effect": effect, "about": about}, workbook_part, neutralise=True)
    return [index, workbook]


def report_section(members: pd.DataFrame, effect: pd.DataFrame, summary: dict, lang: str) -> dict:
    """What the report's "Forslag til netværksgrupper" section shows: the rule, the objective,
    the before/after figures and each group's members (the coordinator first, marked)."""
    coordinator = TEXTS["coordinator"][lang]
    groups = []
    for group, rows in members.groupby("group", sort=True):
        names = [(_text(r.name) or r.id) + (f" ({coordinator})" if r.role_in_group == "coordinator" else "") for r in rows.itertuples()]
        organisations = len({_text(o) for o in rows["organisation"]}) if "organisation" in rows else 0
        groups.append({"number": int(group), "members": ", ".join(names), "size": len(rows), "organisations": organisations})
    return {
        "title": TEXTS["title"][lang],
        "intro": TEXTS["intro"][lang].format(groups=format_number(summary["groups"], lang), placed=format_number(summary["placed"], lang), rule=_rule(summary["rule"], lang)),
        "objective": objective_text(summary, lang),
        "figures": [
            {"figure": FIGURES_DA.get(row.figure, row.figure) if lang == "da" else row.figure,
             "before": _value(row.figure, row.before, lang), "after": _value(row.figure, row.after, lang)}
            for row in effect.itertuples()
        ],
        "groups": groups,
        "labels": {key: TEXTS[key][lang] for key in ("figure", "before", "after", "group", "effect")},
    }


def _rule(rule: str, lang: str) -> str:
    if lang != "da":
        return rule
    return next((danish for start, danish in RULES_DA.items() if rule.startswith(start)), rule)


def _value(figure: str, value, lang: str) -> str:
    if figure.startswith("share"):
        return format_number(value, lang, percent=True, digits=1)
    return format_number(value, lang, digits=None if float(value).is_integer() else 3)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or value is pd.NA else str(value)
