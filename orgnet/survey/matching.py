"""Matching answer texts to roster people: exact, folded, fuzzy, then the respondent's unit.

Every distinct answer text gets one result: the chosen person id, a score, the method and the
candidates. A name that fits two people is never guessed: the respondent's own unit (then own
organisation) may decide it, else it goes to review with the candidates. A name fitting nobody
goes to review as unmatched. The consultant's decisions (an edited ``matches.csv``, see
:mod:`orgnet.survey.decisions`) always win.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from orgnet.survey.names import first_name, fold, name_key, parts, split_place

METHODS = ("exact", "folded", "fuzzy", "unit", "manual", "ambiguous", "unmatched", "none")
AUTOMATIC = ("exact", "folded", "fuzzy", "unit")
REVIEW = ("ambiguous", "unmatched")
FUZZY_ACCEPT = 90  # token-sort similarity (0–100) a typed name needs to be taken without review
FUZZY_MARGIN = 6  # … and by how much it must beat the next person
FUZZY_SUGGEST = 70  # weaker similarities are still listed as candidates for review
PLACE_ACCEPT = 90
MATCH_COLUMNS = ["answer", "context", "id", "name", "score", "method", "candidates", "answers", "review"]


@dataclass
class Result:
    """What matching says about one answer text (in one respondent context)."""

    method: str
    ids: list[str] = field(default_factory=list)
    score: float = 0.0
    candidates: list[str] = field(default_factory=list)
    needs_context: bool = False

    @property
    def id(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 and self.method not in REVIEW else None


def choice_label(name: str, unit: object) -> str:
    """How a roster person appears in a choice list: ``Name (Unit)`` so that namesakes differ."""
    return f"{name} ({unit})" if isinstance(unit, str) and unit.strip() else str(name)


class RosterIndex:
    """Lookups from every form of a roster person's name to the person ids."""

    def __init__(self, people: pd.DataFrame):
        self.people = people
        names = people["name"].astype("object").where(people["name"].notna(), pd.Series(people.index, index=people.index))
        units = people["unit"].astype("object") if "unit" in people else pd.Series(None, index=people.index, dtype=object)
        orgs = people["organisation"].astype("object") if "organisation" in people else pd.Series(None, index=people.index, dtype=object)
        self.names = names.astype(str)
        self.unit = units.where(units.notna(), None)
        self.org = orgs.where(orgs.notna(), None)
        # a unit is a unit of its organisation: "Ledelse" of Kærholm is not "Ledelse" of Solsikken
        self.unit_in_org = pd.Series([None if u is None else (o, u) for o, u in zip(self.org, self.unit)], index=people.index, dtype=object)
        self.labels = pd.Series([choice_label(n, u) for n, u in zip(self.names, self.unit)], index=people.index)
        self.by_exact: dict[str, list[str]] = {}
        self.by_key: dict[str, list[str]] = {}
        self.by_first_last: dict[tuple[str, str], list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        self.keys: dict[str, str] = {}
        for person, name, label in zip(people.index, self.names, self.labels):
            key = name_key(name)
            self.keys[person] = key
            first, last, _ = parts(key)
            for text in dict.fromkeys((label, name)):
                self.by_exact.setdefault(text, []).append(person)
            for folded in dict.fromkeys((key, fold(label))):
                self.by_key.setdefault(folded, []).append(person)
            self.by_first.setdefault(first_name(first), []).append(person)
            if last:
                self.by_first_last.setdefault((first_name(first), last), []).append(person)
                self.by_last.setdefault(last, []).append(person)
        self._choices = sorted(set(self.keys.values()))
        self._people_of_key: dict[str, list[str]] = {}
        for person, key in self.keys.items():
            self._people_of_key.setdefault(key, []).append(person)

    def describe(self, person: str) -> str:
        return f"{person} {self.labels[person]}"

    # --- context-free ----------------------------------------------------------------------

    def match(self, text: str) -> Result:
        """The result for ``text`` before the respondent's unit is looked at."""
        if text in self.by_exact:
            ids = self.by_exact[text]
            return Result("exact", ids, 100.0, ids, needs_context=len(ids) > 1)
        name, place = split_place(text)
        result = self._by_name(name)
        if place is not None:
            result = self._with_place(result, place, text)
        return result

    def _by_name(self, name: str) -> Result:
        key = name_key(name)
        if not key:
            return Result("unmatched")
        for found in (self.by_key.get(key), self.by_key.get(fold(name))):
            if found:
                return Result("folded", found, 100.0, found, needs_context=len(found) > 1)
        first, last, middle = parts(key)
        if not last:  # a first name alone ("Lone", "jens-peter" is two words): only the unit can tell
            found = self.by_first.get(first_name(first), [])
            return Result("ambiguous" if found else "unmatched", found, 100.0 if found else 0.0, found, needs_context=bool(found))
        if len(first) == 1:  # initials: "J.P. Møller", "K Nielsen"
            initials = [first, *middle]
            found = [p for p in self.by_last.get(last, []) if _initials_fit(initials, self.keys[p])]
            if found:
                return Result("folded", found, 100.0, found, needs_context=len(found) > 1)
        found = self.by_first_last.get((first_name(first), last))
        if found:  # a short form of the first name, or middle names left out
            return Result("folded", found, 100.0, found, needs_context=len(found) > 1)
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> Result:
        hits = process.extract(key, self._choices, scorer=fuzz.token_sort_ratio, limit=6, score_cutoff=FUZZY_SUGGEST)
        if not hits:
            return Result("unmatched")
        candidates = [p for hit in hits for p in self._people_of_key[hit[0]]]
        best_key, best, _ = hits[0]
        runner_up = hits[1][1] if len(hits) > 1 else 0.0
        if best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN:
            found = self._people_of_key[best_key]
            return Result("fuzzy", found, round(best, 1), found, needs_context=len(found) > 1)
        method = "ambiguous" if best >= FUZZY_ACCEPT else "unmatched"
        return Result(method, [], round(best, 1), candidates)

    def _with_place(self, result: Result, place: str, text: str) -> Result:
        """Keep the candidates whose unit or organisation is the place named ("Lone fra Kærholm")."""
        if not result.candidates:
            return result
        wanted = fold(place)
        fitting = [p for p in result.candidates if self._at_place(p, wanted)]
        if len(fitting) == 1:
            return Result("unit", fitting, result.score, result.candidates)
        return Result("ambiguous", [], result.score, fitting or result.candidates)

    def _at_place(self, person: str, wanted: str) -> bool:
        for place in (self.unit[person], self.org[person]):
            if place is not None and fuzz.partial_ratio(wanted, fold(place)) >= PLACE_ACCEPT and len(wanted) >= 3:
                return True
        return False

    # --- in context ------------------------------------------------------------------------

    def resolve(self, result: Result, respondent: str | None) -> Result:
        """Let the respondent's own unit, then own organisation, decide between candidates."""
        if not result.needs_context:
            return result
        candidates = result.candidates
        if respondent is not None:
            for place in (self.unit_in_org, self.org):
                mine = place[respondent]
                if mine is None:
                    continue
                here = [p for p in candidates if place[p] == mine and p != respondent]
                if len(here) == 1:
                    return Result("unit", here, result.score, candidates)
                if len(here) > 1:
                    break
        return Result("ambiguous", [], result.score, candidates)

    def context(self, respondent: str | None) -> str:
        if respondent is None:
            return ""
        return " / ".join(str(v) for v in (self.org[respondent], self.unit[respondent]) if v is not None)

    def context_for(self, result: Result, respondent: str | None) -> str:
        """The ``context`` under which ``result`` resolves alike for every respondent.

        Everyone in one organisation / unit is resolved alike, except a respondent who is one of
        the candidates (a namesake of the name written): "not myself" decides her answer
        differently than a colleague's, so it gets a context of its own,
        ``Kærholm / Værkstedet (respondent k07)``. Without it the first respondent's resolution
        was reused for the whole unit, sending a colleague's answer to one namesake silently.
        """
        context = self.context(respondent)
        if respondent is not None and respondent in result.candidates:
            return f"{context} (respondent {respondent})".strip()
        return context


def _initials_fit(initials: list[str], key: str) -> bool:
    first, _, middle = parts(key)
    names = [first, *middle]
    return len(initials) <= len(names) and all(name.startswith(letter) for letter, name in zip(initials, names))
