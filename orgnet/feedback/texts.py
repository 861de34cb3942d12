"""The words of network feedback, in Danish and English: reasons, flags written to the person,
reflection questions, and the profile page's labels."""

from __future__ import annotations

import pandas as pd

from orgnet.errors import OrgnetError
from orgnet.i18n import format_number

LANGUAGES = ("en", "da")

# role → (singular, plural); other roles are written as they are in the data
ROLES = {
    "leader": {"en": ("Leader", "leaders"), "da": ("Leder", "ledere")},
    "tr": {"en": ("Union representative (TR)", "union representatives"), "da": ("Tillidsrepræsentant (TR)", "tillidsrepræsentanter")},
    "safety_rep": {"en": ("Safety representative", "safety representatives"), "da": ("Sikkerhedsrepræsentant", "sikkerhedsrepræsentanter")},
    "employee": {"en": ("Employee", "employees"), "da": ("Medarbejder", "medarbejdere")},
}

LEVELS = {
    "top": {"en": "top level", "da": "topniveau"},
    "middle": {"en": "middle level", "da": "mellemniveau"},
    "first_line": {"en": "department level", "da": "afdelingsniveau"},
}

REASONS = {
    "where": {
        "en": "{role} at {organisation} ({which})",
        "da": "{role} på {organisation} ({which})",
    },
    "other": {"en": "another organisation", "da": "anden organisation"},
    "same": {"en": "your own organisation", "da": "din egen organisation"},
    "reach_peers": {
        "en": "connects you with {peers} {plural} ({people} people in all) you do not reach today",
        "da": "forbinder dig med {peers} {plural} ({people} personer i alt), du ikke når i dag",
    },
    "reach": {
        "en": "connects you with {people} people you do not reach today",
        "da": "forbinder dig med {people} personer, du ikke når i dag",
    },
    "reach_none": {"en": "reaches no one new within two steps", "da": "når ingen nye inden for to skridt"},
    "falls": {"en": "your constraint falls from {before} to {after}", "da": "din constraint falder fra {before} til {after}"},
    "rises": {"en": "your constraint rises from {before} to {after}", "da": "din constraint stiger fra {before} til {after}"},
    "same_constraint": {"en": "your constraint stays at {before}", "da": "din constraint forbliver {before}"},
    "first": {"en": "your first contact (constraint {after})", "da": "din første kontakt (constraint {after})"},
}


def check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise OrgnetError(f"unknown language '{lang}'; use en or da")


def role_words(role, lang: str) -> tuple[str, str]:
    """(singular, plural) for a role, e.g. ("Leder", "ledere")."""
    if role is None or pd.isna(role):
        return ("—", "personer" if lang == "da" else "people")
    if role in ROLES:
        return ROLES[role][lang]
    return (str(role), f"personer med rollen {role}" if lang == "da" else f"people with role {role}")


def level_word(level, lang: str) -> str:
    if level is None or pd.isna(level):
        return "—"
    return LEVELS.get(level, {}).get(lang, str(level))


def suggestion_reason(row: dict, lang: str) -> str:
    """One suggestion's reason, citing its numbers, e.g. "Leder på Bostedet Åløkke (anden
    organisation); forbinder dig med 6 ledere (14 personer i alt), du ikke når i dag; din
    constraint falder fra 0,41 til 0,33"."""
    before, after = row["constraint_before"], row["constraint_after"]
    # two decimals as LederPejling reports shares, three when two would hide the change
    digits = 2 if pd.isna(before) or round(before, 2) != round(after, 2) else 3
    number = lambda value: format_number(value, lang, digits=digits)  # noqa: E731
    organisation = row["suggested_organisation"]
    parts = []
    if organisation is not None and not pd.isna(organisation):
        which = REASONS["other" if row["other_organisation"] else "same"][lang]
        parts.append(REASONS["where"][lang].format(role=role_words(row["suggested_role"], lang)[0], organisation=organisation, which=which))
    else:
        parts.append(role_words(row["suggested_role"], lang)[0])
    peers, people = int(row["newly_reached_peers"]), int(row["newly_reached"])
    if peers:
        parts.append(REASONS["reach_peers"][lang].format(peers=peers, plural=role_words(row["role"], lang)[1], people=people))
    elif people:
        parts.append(REASONS["reach"][lang].format(people=people))
    else:
        parts.append(REASONS["reach_none"][lang])
    if pd.isna(before):
        parts.append(REASONS["first"][lang].format(after=number(after)))
    else:
        if round(after, digits) < round(before, digits):
            key = "falls"
        elif round(after, digits) > round(before, digits):
            key = "rises"
        else:
            key = "same_constraint"
        parts.append(REASONS[key][lang].format(before=number(before), after=number(after)))
    return "; ".join(parts)
