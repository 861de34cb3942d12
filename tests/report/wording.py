"""What a Danish reader must not meet: orgnet's codes, English words, "1 <plural>", the old non-words.

Shared by the report's and the terminal tables' tests (tests/report, tests/flags).
"""

from __future__ import annotations

import html
import re

from orgnet.texts import catalogue, is_plural

# orgnet's codes that a user could see instead of a word
CODES = (
    "first_line", "middle", "employee", "safety_rep", "leader", "woman", "(missing)", "no_informal_external", "no_external",
    "no_internal", "weak_bagland", "single_bridge", "no_management_tie", "bottleneck", "isolated", "thin", "management_ties",
    "median_degree", "share_thin", "degree", "suppressed",
)
# English words that slipped into Danish before (or could): headers, values, sentences
ENGLISH = (
    "people", "person with", "contacts", "leaders", "employees", "share", "coverage", "reached", "colleagues", "severity",
    "reason", "not given", "everyone", "wrote", "rows", "level", "gender", "role", "unit", "name", "ties", "network",
    "falls apart", "Hover", "internal", "external", "median contacts", "Audience", "consultant",
)
# words the glossary (docs/glossary.md) ruled out
NON_WORDS = ("mellemlæggercentralitet", "snitpunkt", "førstelinje", "constraint")


def visible_text(page: str) -> str:
    """What a reader sees of a page: no markup, styles, scripts, embedded pictures or embedded graph."""
    page = re.sub(r"<style>.*?</style>|<script.*?</script>|<title>.*?</title>", " ", page, flags=re.S)
    page = re.sub(r'(srcdoc|src|href|id|class|data-[a-z]+|alt)="[^"]*"', " ", page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()  # a no-break space (before %) stays


def words_found(text: str, words) -> list[str]:
    return [word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


def plural_nouns(lang: str) -> set[str]:
    """The words a plural entry's ``other`` form has and its ``one`` form lacks ("kontakter", "ledere")."""
    def words(form: str) -> set[str]:
        return set(re.findall(r"\w+", re.sub(r"\{[^}]*\}", " ", form)))

    return {noun for entry in catalogue(lang).values() if is_plural(entry) for noun in words(entry["other"]) - words(entry["one"])}


def one_with_plural(text: str, lang: str) -> list[str]:
    """Every "1 <plural>" in ``text``, also with one word between ("dine 1 interne kontakter")."""
    return [m.group(0) for noun in sorted(plural_nouns(lang)) for m in re.finditer(rf"(?<![\d,.])1 (?:[^\W\d]+ )?{noun}\b", text)]


def problems(text: str, lang: str = "da") -> dict[str, list[str]]:
    """Everything a Danish text must not hold, by kind (empty lists when it reads as Danish)."""
    return {"codes": words_found(text, CODES), "english": words_found(text, ENGLISH), "non_words": words_found(text, NON_WORDS),
            "one_plural": one_with_plural(text, lang)}


CLEAN = {"codes": [], "english": [], "non_words": [], "one_plural": []}
