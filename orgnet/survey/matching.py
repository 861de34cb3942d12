"""Matching answer texts to roster people: exact, folded, fuzzy, then the respondent's unit.

Every distinct answer text gets one result: the chosen person id, a score, the method and the
candidates. A name that fits two people is never guessed: the respondent's own unit (then own
organisation) may decide it, else it goes to review with the candidates. A name fitting nobody
goes to review as unmatched. Every answer sent to review says why it is not automatic
(:attr:`Result.why`), also when there is one candidate. The consultant's decisions (an edited
``matches.csv``, see :mod:`orgnet.survey.decisions`) always win.

The order for one text: the roster's own labels and names as written (``exact``); the name
folded (``folded``: case, Danish letters, ``Hansen, Mette``, initials ``J.P.``/``KB``, a short
form, middle names left out, the surname's initial ``Tove L.``); a first name or the first names
alone (``Lone``, ``Anne Marie``), left to the respondent's unit; a typo (``fuzzy``); a place or
role typed with the name (``Lone fra Kærholm``, ``Bo (leder Solsikken)``, ``Ulla Jensen,
Lyngbakken``, ``Tina Berg Vesterå``) keeps the candidates it fits (``unit``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from orgnet.survey.names import first_name, fold, initials, name_key, parts, place_key, role_and_place, role_code, split_place

AUTOMATIC = ("exact", "folded", "fuzzy", "unit")
REVIEW = ("ambiguous", "unmatched")
FUZZY_ACCEPT = 90  # token-sort similarity (0–100) a typed name needs to be taken without review
FUZZY_MARGIN = 6  # … and by how much it must beat the next person
FUZZY_SUGGEST = 70  # weaker similarities are still listed as candidates for review
PLACE_ACCEPT = 90
MATCH_COLUMNS = ["answer", "context", "id", "name", "score", "method", "candidates", "answers", "review", "why"]
# what an answer gave of the name, as the why of a review row says it
BASIS = {
    "name": "the full name", "first_name": "only a first name", "first_names": "only the first names",
    "initials": "initials and a surname", "surname_initial": "a first name and the surname's initial",
}


@dataclass
class Result:
    """What matching says about one answer text (in one respondent context)."""

    method: str
    ids: list[str] = field(default_factory=list)
    score: float = 0.0
    candidates: list[str] = field(default_factory=list)
    needs_context: bool = False
    basis: str = "name"  # a key of BASIS
    qualifier: str = ""  # the place or role typed with the name, when it left several candidates
    why: str = ""  # why it is not automatic (review rows only)

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
        self.by_given: dict[str, list[str]] = {}  # every first name, no surname: "anne marie", "karl bjarne"
        self.keys: dict[str, str] = {}
        for person, name, label in zip(people.index, self.names, self.labels):
            key = name_key(name)
            self.keys[person] = key
            first, last, middle = parts(key)
            for text in dict.fromkeys((label, name)):
                self.by_exact.setdefault(text, []).append(person)
            for folded in dict.fromkeys((key, fold(label))):
                self.by_key.setdefault(folded, []).append(person)
            self.by_first.setdefault(first_name(first), []).append(person)
            if last:
                self.by_first_last.setdefault((first_name(first), last), []).append(person)
                self.by_last.setdefault(last, []).append(person)
            if middle:
                self.by_given.setdefault(" ".join((first, *middle)), []).append(person)
        # the places an answer may name: every unit and organisation, compared as place keys
        self.places = {place_key(p) for p in {*self.unit, *self.org} - {None}} - {""}
        self._place_ends = {p.rsplit(" ", 1)[-1] for p in self.places}
        self._ends_with_place: dict[str, bool] = {}  # last typed word → whether a place ends so (cheap for 20,000 answers)
        roles = people["role"] if "role" in people else None
        self.role = None if roles is None else pd.Series([role_code(r) for r in roles], index=people.index, dtype=object)
        # a whole name that is also someone else's first names alone: both fit
        self._given_too = {key: [p for p in given if p not in self.by_key[key]] for key, given in self.by_given.items() if key in self.by_key}
        self._given_too = {key: people for key, people in self._given_too.items() if people}
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
            also = self._given_too.get(self.keys[ids[0]], [])  # "Anne Marie": her name, and the first names of Anne Marie Kjær
            if also:
                return Result("exact", [*ids, *also], 100.0, [*ids, *also], needs_context=True)
            return self._or_with_place_at_end(text, Result("exact", ids, 100.0, ids, needs_context=len(ids) > 1))
        name, place = split_place(text)
        name, before = self.comma_qualifier(name)  # "Ulla Jensen, leder i Lyngbakken": a role after the comma
        place = " ".join(q for q in (before, place) if q) or None
        result = self._by_name(name)
        if place is not None:
            return self._with_place(result, place)
        return self._or_with_unknown_place(text, self._or_with_place_at_end(text, result))

    def _or_with_unknown_place(self, text: str, result: Result) -> Result:
        """``Ulla Jensen, Hjemmeplejen``: a name, a comma, then words that are no place of the roster.

        Never automatic: a place the roster does not know may mean a namesake who works there, not
        the roster's Ulla Jensen. The review row names the people the name before the comma fits.
        """
        if result.method != "unmatched" or "," not in text:
            return result
        pieces = text.split(",")
        for k in range(1, len(pieces)):  # the shortest name first: "Jensen, Ulla, Hjemmeplejen" reaches "Jensen, Ulla"
            head, tail = ",".join(pieces[:k]).strip(), ",".join(pieces[k:]).strip()
            if not head or not tail:
                continue
            named = self._by_name(head)
            if named.ids:
                n = len(named.ids)
                fits = f"{BASIS[named.basis]} fits {n} {'person' if n == 1 else 'people'} on the roster"
                if n == 1:
                    fits += f" ({self.describe(named.ids[0])})"
                why = WHY["unknown_place"].format(fits=fits, place=tail)
                return Result("ambiguous", [], named.score, named.ids, basis=named.basis, why=why)
        return result

    def _or_with_place_at_end(self, text: str, result: Result) -> Result:
        """``Tina Berg Vesterå``: an organisation written after the name, no comma.

        Read so only when the text as a whole is no roster name, or when both readings give the
        same people; a whole name (``Per Holm``) that is also a name and a place (``Per`` at
        ``Holm``) fits two ways and goes to review with every person either reading fits.
        """
        last = text.rsplit(None, 1)[-1] if text.strip() else ""
        ends = self._ends_with_place.get(last)
        if ends is None:
            ends = self._ends_with_place[last] = fold(last).rsplit(" ", 1)[-1] in self._place_ends
        if not ends:  # most texts
            return result
        head, place = self._space_qualifier(text)
        if place is None:
            return result
        placed = self._with_place(self._by_name(head), place)
        if not placed.candidates:
            return result
        if not result.ids:  # no roster name as a whole: a name and a place, also when the place says it is not her
            return placed
        if not placed.ids or set(placed.ids) <= set(result.ids):
            return result
        both = [*result.ids, *(p for p in placed.ids if p not in result.ids)]
        why = WHY["two_readings"].format(whole=self._listed(result.ids), place=place, placed=self._listed(placed.ids))
        return Result("ambiguous", [], result.score, both, why=why)

    def _listed(self, people: list[str]) -> str:
        return " or ".join(self.describe(p) for p in people)

    def _by_name(self, name: str) -> Result:
        key = name_key(name)
        if not key:
            return Result("unmatched", why=WHY["nothing"])
        first, last, middle = parts(key)
        by_initials = initials(name, key)
        for found in (self.by_key.get(key), self.by_key.get(fold(name))):
            if found:
                found = found + self._given_too.get(key, [])
                if by_initials and len(first) > 1:  # "BO Hansen": Bo Hansen, or the initials of Birte Olga Hansen
                    found = found + [p for p in self._initials_fit_people(by_initials, last) if p not in found]
                return Result("folded", found, 100.0, found, needs_context=len(found) > 1)
        if not last:  # a first name alone ("Lone", "jens-peter" is two words): only the unit can tell
            found = self.by_first.get(first_name(first), [])
            if not found:
                return Result("unmatched", why=WHY["no_first_name"])
            return Result("ambiguous", found, 100.0, found, needs_context=True, basis="first_name")
        if by_initials:  # "J.P. Møller", "K Nielsen", "KB Hansen"
            found = self._initials_fit_people(by_initials, last)
            # "BO Hansen" may be initials or the name Bo: every person either reading fits
            found += [p for p in self.by_first_last.get((first_name(first), last), []) if p not in found]
            if found:
                return Result("folded", found, 100.0, found, needs_context=len(found) > 1, basis="initials")
        given = self.by_given.get(key, [])
        if given:  # "Anne Marie", "Karl-Bjarne": the first names without the surname, like a first name alone
            found = given + [p for p in self.by_first_last.get((first_name(first), last), []) if p not in given]
            return Result("ambiguous", found, 100.0, found, needs_context=True, basis="first_names")
        # a short form of the first name, or middle names left out; a middle word typed must be theirs
        found = [p for p in self.by_first_last.get((first_name(first), last), []) if _middle_fits(middle, self.keys[p])]
        if found:
            return Result("folded", found, 100.0, found, needs_context=len(found) > 1)
        if len(last) == 1:  # "Tove L.": a first name and the surname's initial
            found = [p for p in self.by_first.get(first_name(first), []) if _surname_initial_fits(first, middle, last, self.keys[p])]
            if found:
                return Result("folded", found, 100.0, found, needs_context=len(found) > 1, basis="surname_initial")
        return self._fuzzy(key)

    def _initials_fit_people(self, letters: list[str], last: str) -> list[str]:
        return [p for p in self.by_last.get(last, []) if _initials_fit(letters, self.keys[p])]

    def _fuzzy(self, key: str) -> Result:
        hits = process.extract(key, self._choices, scorer=fuzz.token_sort_ratio, limit=6, score_cutoff=FUZZY_SUGGEST)
        if not hits:
            return Result("unmatched", why=WHY["nothing"])
        candidates = [p for hit in hits for p in self._people_of_key[hit[0]]]
        best_key, best, _ = hits[0]
        runner_up = hits[1][1] if len(hits) > 1 else 0.0
        if best >= FUZZY_ACCEPT and best - runner_up >= FUZZY_MARGIN:
            found = self._people_of_key[best_key]
            return Result("fuzzy", found, round(best, 1), found, needs_context=len(found) > 1)
        if best >= FUZZY_ACCEPT:
            why = WHY["fuzzy_close"].format(best=round(best, 1), next=round(runner_up, 1), margin=FUZZY_MARGIN)
            return Result("ambiguous", [], round(best, 1), candidates, why=why)
        return Result("unmatched", [], round(best, 1), candidates, why=WHY["fuzzy_far"].format(best=round(best, 1), accept=FUZZY_ACCEPT))

    def _with_place(self, result: Result, place: str) -> Result:
        """Keep the candidates at the place named ("Lone fra Kærholm") and of the role named ("leder")."""
        if not result.candidates:
            return result
        roles, wanted = role_and_place(place)
        fitting = result.candidates
        if wanted:
            fitting = [p for p in fitting if self._at_place(p, wanted)]
        by_place = fitting
        if roles and self.role is not None:  # a roster without roles cannot check one: the place alone decides
            fitting = [p for p in fitting if self.role[p] in roles]
        if len(fitting) == 1:
            return Result("unit", fitting, result.score, result.candidates)
        if fitting:  # the place and role narrow it down; the respondent's unit may decide the rest
            return Result("ambiguous", fitting, result.score, fitting, needs_context=True, basis=result.basis, qualifier=place.strip())
        who = _who(len(by_place) if by_place else len(result.candidates))
        why = WHY["role_none" if by_place else "place_none"].format(place=place.strip(), who=who)
        return Result("ambiguous", [], result.score, result.candidates, basis=result.basis, why=why)

    def _at_place(self, person: str, wanted: str) -> bool:
        return len(wanted) >= 3 and any(place is not None and _place_fits(wanted, place_key(place)) for place in (self.unit[person], self.org[person]))

    def is_qualifier(self, text: str) -> bool:
        """Whether ``text`` is a known place (a roster unit or organisation) and/or roles, nothing else."""
        roles, rest = role_and_place(text)
        return rest in self.places if rest else bool(roles)

    def comma_qualifier(self, text: str) -> tuple[str, str | None]:
        """``"Ulla Jensen, Lyngbakken"`` → ``("Ulla Jensen", "Lyngbakken")``: a place after the last name's comma."""
        pieces = str(text).split(",")
        for k in range(1, len(pieces)):  # the longest tail first: "Værkstedet, dag og aften" is one place
            head, tail = ",".join(pieces[:k]), ",".join(pieces[k:])
            if head.strip() and self.is_qualifier(tail):
                return head.strip(), tail.strip()
        return text, None

    def _space_qualifier(self, text: str) -> tuple[str, str | None]:
        words = str(text).split()
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            _, rest = role_and_place(tail)
            if rest and rest in self.places:  # without a comma only a known place counts, not a role alone
                return " ".join(words[:k]), tail
        return text, None

    # --- in context ------------------------------------------------------------------------

    def resolve(self, result: Result, respondent: str | None) -> Result:
        """Let the respondent's own unit, then own organisation, decide between candidates."""
        if not result.needs_context:
            return result
        candidates = result.candidates
        others = [p for p in candidates if p != respondent]  # a respondent does not name herself
        counted: list[tuple[str, int]] = []
        if respondent is not None:
            for scope, place in (("unit", self.unit_in_org), ("organisation", self.org)):
                mine = place[respondent]
                if mine is None:
                    continue
                here = [p for p in others if place[p] == mine]
                if len(here) == 1:
                    return Result("unit", here, result.score, candidates)
                counted.append((scope, len(here)))
                if len(here) > 1:
                    break
        return Result("ambiguous", [], result.score, candidates, basis=result.basis,
                      why=self._why_not_decided(result, others, len(others) < len(candidates), counted))

    def _why_not_decided(self, result: Result, others: list[str], besides: bool, counted: list[tuple[str, int]]) -> str:
        """"only a first name; 1 person on the roster fits, none in the respondent's unit or organisation"."""
        n = len(others)
        fits = f"{n} {'person' if n == 1 else 'people'}{' besides the respondent' if besides else ''} on the roster fit{'s' if n == 1 else ''}"
        if n == 1:
            fits += f" ({self.describe(others[0])})"
        if not counted:
            where = "the respondent has no unit or organisation to decide by"
        elif counted[-1][1] > 1:
            scope, k = counted[-1]
            where = f"{k} in the respondent's {scope}" if len(counted) == 1 else f"none in the respondent's unit, {k} in the organisation"
        else:
            where = "none in the respondent's " + " or ".join(scope for scope, _ in counted)
        given = BASIS[result.basis] + (f" with ({result.qualifier})" if result.qualifier else "")
        return f"{given}; {fits}, {where}" + ("; it may be someone not on the roster" if n == 1 else "")

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


# the why of a review row that the answer alone decides (resolve() writes the others)
WHY = {
    "nothing": "no roster name resembles it",
    "no_first_name": "no one on the roster has this first name",
    "fuzzy_far": "no roster name is close enough: similarity {best} for the closest, {accept} needed",
    "fuzzy_close": "a near spelling of more than one name: similarity {best} for the closest, {next} for the next ({margin} points apart needed)",
    "place_none": "the place named ({place}) is not the unit or organisation of {who} the name fits",
    "role_none": "the roster gives {who} the name fits at that place another role than the one named ({place})",
    "unknown_place": "{fits}; '{place}' is no unit or organisation on the roster",
    "two_readings": "read as one name it fits {whole}; read as a name and a place ({place}) it fits {placed}",
}


def _place_fits(wanted: str, place: str) -> bool:
    """The place typed is the person's place, or whole words of it, give or take a typo.

    ``Ågården`` and ``vuggestue`` fit ``Bofællesskabet Ågården`` and ``Vuggestuen``; ``Holm`` does
    not fit ``Kærholm`` (a part of a word is another place).
    """
    if fuzz.ratio(wanted, place) >= PLACE_ACCEPT:
        return True
    typed, theirs = wanted.split(), place.split()
    shorter, longer = (typed, theirs) if len(typed) <= len(theirs) else (theirs, typed)
    words = " ".join(shorter)
    return any(fuzz.ratio(words, " ".join(longer[i : i + len(shorter)])) >= PLACE_ACCEPT for i in range(len(longer) - len(shorter) + 1))


def _who(n: int) -> str:
    return "the one person" if n == 1 else f"any of the {n} people"


def _initials_fit(initials: list[str], key: str) -> bool:
    first, _, middle = parts(key)
    names = [first, *middle]
    return len(initials) <= len(names) and all(name.startswith(letter) for letter, name in zip(initials, names))


def _middle_fits(typed: tuple[str, ...], key: str) -> bool:
    """``Jens P. Møller`` and ``Jens Møller`` fit Jens Peter Møller; ``Ulla (Lyngbakken); KB Hansen Jensen`` does not fit Ulla Jensen."""
    theirs = iter(parts(key)[2])
    return all(any(name.startswith(word) for name in theirs) for word in typed)


def _surname_initial_fits(first: str, middle: tuple[str, ...], letter: str, key: str) -> bool:
    """``Tove L.`` fits Tove Lykke; ``Karl-Bjarne H.`` fits Karl Bjarne Hansen, not Karl Hansen."""
    _, last, their_middle = parts(key)
    return last.startswith(letter) and len(middle) <= len(their_middle) and all(m == t for m, t in zip(middle, their_middle))
