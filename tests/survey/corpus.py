"""A fictional test corpus: 45 people in three institutions, the same truth in eleven export shapes.

Every trap of typed names is in it: namesakes (two Mette Hansen), Danish letters typed as
aa/oe/ae or plain a/o (Søren Ågård as "Soeren Aagaard"), "Hansen, Mette" word order, hyphens
and initials (jens-peter møller, J.P. Møller), short forms (Lis for Lisbeth), typos, a first
name alone, "Lone fra Kærholm", a unit name with a comma (which breaks Google Forms' joined
checkboxes), and answers that fit nobody ("min gamle chef"). ``truth`` is what each answer
meant; the tests compare the import with it.

The shapes follow each tool's documented export, not orgnet's writer: Microsoft Forms' Excel
download; Google Forms' linked-Sheet CSV and its "Download responses (.csv)" (every field quoted,
checkboxes joined by ``;``, ``Timestamp`` as ``2026/03/02 7:31:59 AM CET``), also with a Danish
form's headers; SurveyXact's Dataset/Structure/Labels as readSX's example exports have them
(typed names in open fields; and a frequency battery — one Closed/Single variable per person,
coded 1–4 through Labels — with an "Andre, skriv navn(e):" choice whose typed text is an Open
variable placed last, and the statoverall status, as comma-ANSI, tab UTF-16 CSVs and as a
workbook); Qualtrics' three-header-row CSV; and long tables, orgnet's own and another tool's
(``respondent_email, question, answer_text, frequency``, frequencies in the tool's wording).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orgnet.io.excel import write_workbook
from orgnet.survey.matching import choice_label

ADVICE = "Råd og sparring"
MEETINGS = "Hvem mødes du med i faste fora (møder, udvalg, MED)?"
SCALE = ("dagligt", "ugentligt", "månedligt", "sjældnere")
WEIGHT = {"dagligt": 4, "ugentligt": 3, "månedligt": 2, "sjældnere": 1}
SLOTS = 5

# id, name, organisation, unit, role, level, gender
PEOPLE = [
    ("k01", "Mette Hansen", "Kærholm", "Bofællesskabet Ågården", "leader", "middle", "f"),
    ("k02", "Søren Ågård", "Kærholm", "Bofællesskabet Ågården", "leader", "top", "m"),
    ("k03", "Jens Peter Møller", "Kærholm", "Bofællesskabet Ågården", "employee", "", "m"),
    ("k04", "Lisbeth Kjær", "Kærholm", "Bofællesskabet Ågården", "tr", "", "f"),
    ("k05", "Lone Bæk", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("k06", "Bjørn Ærø", "Kærholm", "Værkstedet, dag og aften", "leader", "first_line", "m"),
    ("k07", "Per Vestergaard", "Kærholm", "Værkstedet, dag og aften", "employee", "", "m"),
    ("k08", "Anne-Grethe Sørensen", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("k09", "Kristine Frederiksen", "Kærholm", "Bofællesskabet Ågården", "employee", "", "f"),
    ("k10", "Ole Nielsen", "Kærholm", "Bofællesskabet Ågården", "safety_rep", "", "m"),
    ("k11", "Margrethe Holm", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("k12", "Jørgen Dahl", "Kærholm", "Bofællesskabet Ågården", "employee", "", "m"),
    ("k13", "Camilla Ravn", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("k14", "Thomas Bech", "Kærholm", "Bofællesskabet Ågården", "employee", "", "m"),
    ("k15", "Hanne Lund", "Kærholm", "Værkstedet, dag og aften", "employee", "", "f"),
    ("s01", "Mette Hansen", "Solsikken", "Børnehaven", "employee", "", "f"),
    ("s02", "Lone Thomsen", "Solsikken", "Børnehaven", "leader", "top", "f"),
    ("s03", "Per Krogh", "Solsikken", "Vuggestuen", "employee", "", "m"),
    ("s04", "Jørgen Skov", "Solsikken", "Vuggestuen", "tr", "", "m"),
    ("s05", "Birgitte Åkjær", "Solsikken", "Børnehaven", "employee", "", "f"),
    ("s06", "Mads Østergaard", "Solsikken", "Vuggestuen", "leader", "middle", "m"),
    ("s07", "Karen Brandt", "Solsikken", "Børnehaven", "employee", "", "f"),
    ("s08", "Susanne Friis", "Solsikken", "Vuggestuen", "employee", "", "f"),
    ("s09", "Henrik Mørch", "Solsikken", "Børnehaven", "employee", "", "m"),
    ("s10", "Dorthe Kragh", "Solsikken", "Vuggestuen", "employee", "", "f"),
    ("s11", "Michael Bøgh", "Solsikken", "Børnehaven", "safety_rep", "", "m"),
    ("s12", "Rikke Aagaard", "Solsikken", "Vuggestuen", "employee", "", "f"),
    ("s13", "Louise Winther", "Solsikken", "Børnehaven", "employee", "", "f"),
    ("s14", "Christian Æbelø", "Solsikken", "Vuggestuen", "employee", "", "m"),
    ("s15", "Tove Lykke", "Solsikken", "Børnehaven", "employee", "", "f"),
    ("a01", "Charlotte Kirk", "Åbakken Skole", "Indskolingen", "leader", "top", "f"),
    ("a02", "Nikolaj Strøm", "Åbakken Skole", "Indskolingen", "employee", "", "m"),
    ("a03", "Ida Fenger", "Åbakken Skole", "Udskolingen", "leader", "middle", "f"),
    ("a04", "Peter Juhl", "Åbakken Skole", "Udskolingen", "tr", "", "m"),
    ("a05", "Sofie Gram", "Åbakken Skole", "Indskolingen", "employee", "", "f"),
    ("a06", "Lars Bjerre", "Åbakken Skole", "Udskolingen", "employee", "", "m"),
    ("a07", "Maja Due", "Åbakken Skole", "Indskolingen", "employee", "", "f"),
    ("a08", "Emil Kjærgaard", "Åbakken Skole", "Udskolingen", "employee", "", "m"),
    ("a09", "Julie Holst", "Åbakken Skole", "Indskolingen", "safety_rep", "", "f"),
    ("a10", "Frederik Lind", "Åbakken Skole", "Udskolingen", "employee", "", "m"),
    ("a11", "Astrid Mølgaard", "Åbakken Skole", "Indskolingen", "employee", "", "f"),
    ("a12", "Rasmus Nørgaard", "Åbakken Skole", "Udskolingen", "employee", "", "m"),
    ("a13", "Signe Vinther", "Åbakken Skole", "Indskolingen", "employee", "", "f"),
    ("a14", "Kasper Engel", "Åbakken Skole", "Udskolingen", "employee", "", "m"),
    ("a15", "Helle Bruun", "Åbakken Skole", "Indskolingen", "employee", "", "f"),
]
NON_RESPONDENTS = ("k15", "s15", "a13", "a14", "a15")
# SurveyXact's statoverall for everyone invited: 1 Ny, 2 Distribueret, 3 Nogen svar, 4 Gennemført, 5 Frafaldet
STATUSES = ("Ny", "Distribueret", "Nogen svar", "Gennemført", "Frafaldet")
STATUS = {"k15": "Distribueret", "s15": "Distribueret", "a13": "Ny", "a14": "Frafaldet", "a15": "Distribueret", "k14": "Nogen svar", "s09": "Nogen svar"}
# SurveyXact's wording of the scale, codes 1–4 (orgnet's scale says sjældnere / månedligt / ugentligt / dagligt)
TOOL_SCALE = {"sjældnere": "Sjældnere end månedligt", "månedligt": "Månedligt", "ugentligt": "Ugentligt", "dagligt": "Dagligt"}

# How people type a colleague's name. A namesake is typed with the place when outside one's own
# organisation (that is what people do); inside it, the bare name is left for the unit to decide.
VARIANTS = {
    "k02": ["Søren Aagaard", "soren agard", "Ågård, Søren", "Soeren Aagaard"],
    "k03": ["jens-peter møller", "J.P. Møller", "Jens Møller", "Jens Peter Moeller"],
    "k04": ["Lis Kjaer", "Lisbeth Kjær", "lisbeth kjaer"],
    "k06": ["Bjoern Aeroe", "Bjørn Ærø", "bjorn aero"],
    "k08": ["anne grethe sorensen", "Anne-Grethe Sørensen", "Anne Grethe Soerensen"],
    "k09": ["Kristine Frederiksn", "Kristine Frederiksen", "Kristina Frederiksen"],
    "k10": ["  ole   NIELSEN ", "Ole Nielsen"],
    "k11": ["Grethe Holm", "Margrethe Holm"],
    "s05": ["Birgitte Aakjær", "Gitte Åkjær", "birgitte akjaer"],
    "s06": ["Mads Oestergaard", "Mads Østergård", "Mads Ostergaard"],
    "s12": ["Rikke Ågård", "Rikke Aagaard"],
    "s14": ["Christian Aebeloe", "Chris Æbelø"],
    "a02": ["Nikolaj Strom", "Nikolaj Strøm"],
    "a11": ["Astrid Mølgård", "Astrid Moelgaard"],
    "a12": ["Rasmus Norgaard", "Rasmus Nørgaard"],
}


@dataclass
class Response:
    """One respondent's answers as typed, and what each meant."""

    person: str
    advice: list[tuple[str, str, str]] = field(default_factory=list)  # (typed, frequency, meant id)
    meetings: list[str] = field(default_factory=list)  # ids chosen from the list
    others: str = ""  # typed names, one text
    others_meant: list[tuple[str, str | None]] = field(default_factory=list)  # (piece, meant id or None)


@dataclass
class Corpus:
    roster: pd.DataFrame
    responses: list[Response]

    @property
    def responded(self) -> dict[str, bool]:
        """Who answered: everyone with a response (the tools that keep a status agree)."""
        answered = {r.person for r in self.responses}
        return {p: p in answered for p in self.roster["id"]}

    @property
    def labels(self) -> dict[str, str]:
        return {p: choice_label(n, u) for p, n, u in zip(self.roster["id"], self.roster["name"], self.roster["unit"])}

    def truth(self) -> pd.DataFrame:
        """The ties every answer meant: source, target, relation, weight (max when named twice)."""
        rows = []
        for r in self.responses:
            rows += [(r.person, meant, "advice", WEIGHT[freq]) for _, freq, meant in r.advice if meant]
            rows += [(r.person, meant, "meetings", 1) for meant in r.meetings]
            rows += [(r.person, meant, "advice", 1) for _, meant in r.others_meant if meant]
        frame = pd.DataFrame(rows, columns=["source", "target", "relation", "weight"])
        frame = frame.groupby(["source", "target", "relation"], as_index=False)["weight"].max()
        return frame.sort_values(["source", "target", "relation"]).reset_index(drop=True)

    def meant(self) -> dict[tuple[str, str, str], str | None]:
        """(respondent, question, typed text) → the person meant (None: nobody in the roster)."""
        out = {}
        for r in self.responses:
            for typed, _, meant in r.advice:
                out[(r.person, "advice", typed.strip())] = meant
                out[(r.person, "advice", self.labels[meant])] = meant  # picked from a list or a battery
            for piece, meant in r.others_meant:
                out[(r.person, "advice", piece)] = meant
            for meant in r.meetings:
                out[(r.person, "meetings", self.labels[meant])] = meant
        return out


def build_corpus(seed: int = 11) -> Corpus:
    rng = random.Random(seed)
    roster = pd.DataFrame(PEOPLE, columns=["id", "name", "organisation", "unit", "role", "level", "gender"])
    roster["email"] = [f"{p}@kommune.example" for p in roster["id"]]
    org = dict(zip(roster["id"], roster["organisation"]))
    unit = dict(zip(roster["id"], roster["unit"]))
    name = dict(zip(roster["id"], roster["name"]))
    ids = list(roster["id"])
    turn: dict[str, int] = {}

    def typed(source: str, target: str) -> str:
        if target in ("k01", "s01"):  # the namesakes
            if org[target] == org[source]:
                return "Hansen, Mette" if unit[target] == unit[source] else "Mette Hansen"
            return f"Mette Hansen fra {org[target]}"
        if target in VARIANTS:
            k = turn.get(target, 0)
            turn[target] = k + 1
            return VARIANTS[target][k % len(VARIANTS[target])]
        return name[target]

    responses = []
    for person in ids:
        if person in NON_RESPONDENTS:
            continue
        same = [p for p in ids if org[p] == org[person] and p != person]
        other = [p for p in ids if org[p] != org[person]]
        contacts = rng.sample(same, 3) + rng.sample(other, rng.choice((0, 1, 1, 2)))
        response = Response(person)
        for target in contacts[:SLOTS]:
            response.advice.append((typed(person, target), rng.choice(SCALE), target))
        pool = [p for p in same if p not in contacts]
        response.meetings = sorted(rng.sample(pool, rng.choice((1, 2, 3))), key=ids.index)
        responses.append(response)
    _add_hard_cases(responses, org)
    return Corpus(roster, responses)


def _add_hard_cases(responses: list[Response], org: dict) -> None:
    by = {r.person: r for r in responses}
    # a first name alone, decided by the respondent's unit (one Per in Værkstedet)
    by["k13"].others, by["k13"].others_meant = "Per", [("Per", "k07")]
    # "X fra Y", and a typed list split on "og"
    by["s07"].others, by["s07"].others_meant = "Lone fra Kærholm og Ida Fenger", [("Lone fra Kærholm", "k05"), ("Ida Fenger", "a03")]
    # fits nobody: to review, decided as no one
    by["a01"].others, by["a01"].others_meant = "min gamle chef", [("min gamle chef", None)]
    by["s08"].others, by["s08"].others_meant = "Karin fra kommunen", [("Karin fra kommunen", None)]
    # a namesake from an institution that has neither: to review, decided by the consultant
    by["a03"].others, by["a03"].others_meant = "Mette Hansen", [("Mette Hansen", "k01")]
    # a first name with two people of that name elsewhere: to review
    by["a04"].others, by["a04"].others_meant = "Jørgen", [("Jørgen", "s04")]


# --- the five shapes ------------------------------------------------------------------------------


def _slots(r: Response):
    return [r.advice[i] if i < len(r.advice) else ("", "", None) for i in range(SLOTS)]


def _questions_header() -> list[str]:
    return ([f"{ADVICE} – kontakt {i}" for i in range(1, SLOTS + 1)]
            + [f"{ADVICE} – hyppighed {i}" for i in range(1, SLOTS + 1)]
            + [f"{ADVICE} – andre (skriv navne)", MEETINGS])


def _wide_rows(corpus: Corpus, join: str, trailing: str = "") -> list[list[str]]:
    labels = corpus.labels
    rows = []
    for r in corpus.responses:
        slots = _slots(r)
        chosen = join.join(labels[p] for p in r.meetings) + (trailing if r.meetings else "")
        rows.append([s[0] for s in slots] + [s[1] for s in slots] + [r.others, chosen])
    return rows


def write_msforms(corpus: Corpus, path: Path) -> Path:
    """Microsoft Forms' Excel download: ID, Start time, Completion time, Email, Name, questions; multi-select 'A;B;'."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    name = dict(zip(corpus.roster["id"], corpus.roster["name"]))
    rows = [[str(i), "3/2/26 9:01:12", "3/2/26 9:07:40", mail[r.person], name[r.person], *row]
            for i, (r, row) in enumerate(zip(corpus.responses, _wide_rows(corpus, ";", ";")), start=1)]
    frame = pd.DataFrame(rows, columns=["ID", "Start time", "Completion time", "Email", "Name", *_questions_header()])
    write_workbook({"Sheet1": frame}, path)
    return path


def write_google(corpus: Corpus, path: Path) -> Path:
    """Google Forms' CSV: Timestamp, Email Address, questions; checkboxes joined with ', '."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    rows = [["2026/03/02 9:07:40 AM CET", mail[r.person], *row] for r, row in zip(corpus.responses, _wide_rows(corpus, ", "))]
    return _write_rows(path, [["Timestamp", "Email Address", *_questions_header()], *rows], "utf-8")


def write_qualtrics(corpus: Corpus, path: Path) -> Path:
    """Qualtrics' CSV: names, question texts, ImportId rows; 'Selected Choice' joined with ','."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    meta = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId", "RecipientEmail"]
    names = meta + [f"Q1_{i}" for i in range(1, SLOTS + 1)] + [f"Q2_{i}" for i in range(1, SLOTS + 1)] + ["Q3", "Q4"]
    texts = (["Start Date", "End Date", "Response Type", "Progress", "Finished", "Response ID", "Recipient Email"]
             + [f"{ADVICE} - Kontakt {i}" for i in range(1, SLOTS + 1)]
             + [f"{ADVICE} - Hyppighed {i}" for i in range(1, SLOTS + 1)]
             + [f"{ADVICE} - andre (skriv navne)", f"{MEETINGS} - Selected Choice"])
    imports = ([f'{{"ImportId":"{k}"}}' for k in ("startDate", "endDate", "status", "progress", "finished", "_recordId", "recipientEmail")]
               + [f'{{"ImportId":"QID1_{i}"}}' for i in range(1, SLOTS + 1)] + [f'{{"ImportId":"QID2_{i}"}}' for i in range(1, SLOTS + 1)]
               + ['{"ImportId":"QID3_TEXT"}', '{"ImportId":"QID4"}'])
    rows = [["2026-03-02 09:01:12", "2026-03-02 09:07:40", "IP Address", "100", "True", f"R_{i:04d}", mail[r.person], *row]
            for i, (r, row) in enumerate(zip(corpus.responses, _wide_rows(corpus, ",")), start=1)]
    return _write_rows(path, [names, texts, imports, *rows], "utf-8-sig")


def write_surveyxact(corpus: Corpus, folder: Path, *, encoding: str = "cp1252", delimiter: str = ";") -> Path:
    """SurveyXact's CSV set: dataset, structure, labels; one 0/1 variable per choice, codes via Labels."""
    folder.mkdir(parents=True, exist_ok=True)
    labels = corpus.labels
    ids = list(corpus.roster["id"])
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    structure = [["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"]]
    label_rows = []
    for i in range(1, SLOTS + 1):
        structure.append([f"s_{i}", f"s_{i}", "Open", "String", f"{ADVICE} – kontakt {i}", "", ""])
    for i in range(1, SLOTS + 1):
        structure.append([f"h_{i}", f"h_{i}", "Closed", "Single", f"{ADVICE} – hyppighed {i}", "", ""])
        label_rows += [[f"h_{i}", str(code), text] for code, text in enumerate(SCALE, start=1)]
    structure.append(["a_1", "a_1", "Open", "String", f"{ADVICE} – andre (skriv navne)", "", ""])
    for k, person in enumerate(ids, start=1):
        structure.append(["m_1", f"m_1_{k}", "Closed", "Multiple", MEETINGS, str(k), labels[person]])
        label_rows += [[f"m_1_{k}", "0", "Ikke valgt"], [f"m_1_{k}", "1", "Valgt"]]
    # Structure order is not the dataset's order: the reader must map by name, never by position
    header = ["email", *[f"m_1_{k}" for k in range(len(ids), 0, -1)], *[f"h_{i}" for i in range(1, SLOTS + 1)],
              *[f"s_{i}" for i in range(1, SLOTS + 1)], "a_1"]
    code = {text: str(c) for c, text in enumerate(SCALE, start=1)}
    rows = []
    for r in corpus.responses:
        slots = _slots(r)
        chosen = {ids.index(p) + 1 for p in r.meetings}
        rows.append([mail[r.person], *["1" if k in chosen else "0" for k in range(len(ids), 0, -1)],
                     *[code.get(s[1], "") for s in slots], *[s[0] for s in slots], r.others])
    _write_rows(folder / "dataset.csv", [header, *rows], encoding, delimiter)
    _write_rows(folder / "structure.csv", structure, encoding, delimiter)
    _write_rows(folder / "labels.csv", label_rows, encoding, delimiter)
    return folder


def write_long(corpus: Corpus, path: Path) -> Path:
    """One row per answer: respondent, question, answer, frequency."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    labels = corpus.labels
    rows = [["respondent", "question", "answer", "frequency"]]
    for r in corpus.responses:
        rows += [[mail[r.person], "advice", typed, freq] for typed, freq, _ in r.advice]
        rows += [[mail[r.person], "advice", piece, ""] for piece, _ in r.others_meant]
        rows += [[mail[r.person], "meetings", labels[p], ""] for p in r.meetings]
    return _write_rows(path, rows, "utf-8-sig", ";")


def write_google_download(corpus: Corpus, path: Path, *, danish: bool = False) -> Path:
    """Google Forms' "Download responses (.csv)": every field quoted, checkboxes joined by ';' with no space."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    stamp, email = ("Tidsstempel", "Mailadresse") if danish else ("Timestamp", "Email Address")
    rows = [[f"2026/03/02 7:{31 + i % 20}:59 AM CET", mail[r.person], *row] for i, (r, row) in enumerate(zip(corpus.responses, _wide_rows(corpus, ";")))]
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([[stamp, email, *_questions_header()], *rows])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


BATTERY = "Hvor ofte søger du råd og sparring hos disse kolleger?"
OTHER_QUESTION = "Søger du også råd og sparring hos andre?"
OTHER_CHOICE = "Andre, skriv navn(e):"


def surveyxact_battery(corpus: Corpus) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """Dataset, Structure and Labels of a SurveyXact survey with a frequency battery and statoverall.

    Advice is a battery: one Closed/Single variable per roster person (``r_1_<k>``), questionText
    "<question> - <Name (Unit)>", codes 1–4 in SurveyXact's wording, blank when not chosen. The
    other names are an "Andre, skriv navn(e):" choice whose typed text is the Open variable
    ``s_1``, placed last. Meetings are one 0/1 Multiple variable per person. Everyone invited has a
    row; statoverall (stato_1 … stato_5, one 0/1 variable per status) says who answered: those
    who did not have 0 in every Multiple column and blanks elsewhere.
    """
    labels = corpus.labels
    ids = list(corpus.roster["id"])
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    structure = [["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"]]
    label_rows = []
    structure.append(["email", "email", "Open", "String", "Kontaktoplysninger - email", "", ""])
    for k, person in enumerate(ids, start=1):
        structure.append([f"r_1_{k}", f"r_1_{k}", "Closed", "Single", f"{BATTERY} - {labels[person]}", "", ""])
        label_rows += [[f"r_1_{k}", str(code), TOOL_SCALE[text]] for code, text in enumerate(SCALE[::-1], start=1)]
    structure.append(["r_2", "r_2_1", "Closed", "Multiple", OTHER_QUESTION, "1", OTHER_CHOICE + " "])  # SurveyXact keeps the trailing space
    label_rows += [["r_2_1", "0", "Ikke valgt"], ["r_2_1", "1", "Valgt"]]
    for k, person in enumerate(ids, start=1):
        structure.append(["m_1", f"m_1_{k}", "Closed", "Multiple", MEETINGS, str(k), labels[person]])
        label_rows += [[f"m_1_{k}", "0", "Ikke valgt"], [f"m_1_{k}", "1", "Valgt"]]
    for code, status in enumerate(STATUSES, start=1):
        structure.append(["statoverall", f"stato_{code}", "Closed", "Multiple", "Samlet status", str(code), status])
        label_rows += [[f"stato_{code}", "0", "Ikke valgt"], [f"stato_{code}", "1", "Valgt"]]
    structure.append(["s_1", "s_1", "Open", "String", f"{OTHER_QUESTION} - {OTHER_CHOICE}", "", ""])
    # the Dataset's order is not Structure's: the reader maps by name, never by position
    battery = [f"r_1_{k}" for k in range(len(ids), 0, -1)]
    header = ["email", *battery, "r_2_1", *[f"m_1_{k}" for k in range(1, len(ids) + 1)], *[f"stato_{c}" for c in range(1, 6)], "s_1"]
    code = {text: str(c) for c, text in enumerate(SCALE[::-1], start=1)}
    by_person = {r.person: r for r in corpus.responses}
    rows = []
    for person in ids:
        r = by_person.get(person, Response(person))
        status = STATUS.get(person, "Gennemført")
        often = {meant: code[freq] for _, freq, meant in r.advice}
        chosen = set(r.meetings)
        rows.append([mail[person], *[often.get(ids[int(v.rsplit("_", 1)[1]) - 1], "") for v in battery], "1" if r.others else "0",
                     *["1" if p in chosen else "0" for p in ids], *["1" if s == status else "0" for s in STATUSES], r.others])
    return [header, *rows], structure, label_rows


def write_surveyxact_battery(corpus: Corpus, folder: Path, *, encoding: str, delimiter: str) -> Path:
    """The battery survey as SurveyXact's three CSVs (comma-ANSI, semicolon-ANSI or tab UTF-16)."""
    folder.mkdir(parents=True, exist_ok=True)
    dataset, structure, labels = surveyxact_battery(corpus)
    terminator = "\r\n" if encoding.startswith("utf-16") else "\n"
    for name, rows in (("dataset", dataset), ("structure", structure), ("labels", labels)):
        rows = [[*row, ""] for row in rows] if name == "structure" else rows  # SurveyXact's stray empty last column
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=terminator).writerows(rows)
        (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode(encoding))
    return folder


def write_surveyxact_workbook(corpus: Corpus, path: Path) -> Path:
    """The battery survey as SurveyXact's workbook: sheets Labels (no header), Dataset, Structure; codes as numbers."""
    from openpyxl import Workbook

    dataset, structure, labels = surveyxact_battery(corpus)

    def cell(value: str):
        return int(value) if value.isdigit() else (value or None)

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in (("Labels", labels), ("Dataset", dataset), ("Structure", structure)):
        sheet = workbook.create_sheet(title)
        for i, row in enumerate(rows):
            sheet.append([cell(v) if i or title == "Labels" else v for v in row])
    workbook.save(path)
    return path


# another tool's long table: its own column names and its own wording of the scale
FOREIGN_QUESTIONS = {"advice": "Who do you turn to for advice and sparring?", "meetings": "Whom do you meet in fixed forums (meetings, committees, MED)?"}


def write_long_foreign(corpus: Corpus, path: Path) -> Path:
    """One row per answer as another tool writes it: respondent_email, question, answer_text, frequency."""
    mail = dict(zip(corpus.roster["id"], corpus.roster["email"]))
    labels = corpus.labels
    rows = [["respondent_email", "question", "answer_text", "frequency"]]
    for r in corpus.responses:
        rows += [[mail[r.person], FOREIGN_QUESTIONS["advice"], typed, TOOL_SCALE[freq]] for typed, freq, _ in r.advice]
        rows += [[mail[r.person], FOREIGN_QUESTIONS["advice"], piece, ""] for piece, _ in r.others_meant]
        rows += [[mail[r.person], FOREIGN_QUESTIONS["meetings"], labels[p], ""] for p in r.meetings]
    return _write_rows(path, rows, "utf-8")


def _write_rows(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


SHAPES = {
    "msforms": lambda c, d: write_msforms(c, d / "forms.xlsx"),
    "google": lambda c, d: write_google(c, d / "google.csv"),
    "surveyxact": lambda c, d: write_surveyxact(c, d / "surveyxact"),
    "qualtrics": lambda c, d: write_qualtrics(c, d / "qualtrics.csv"),
    "long": lambda c, d: write_long(c, d / "long.csv"),
    "google_download": lambda c, d: write_google_download(c, d / "google-download.csv"),
    "google_download_da": lambda c, d: write_google_download(c, d / "google-download-da.csv", danish=True),
    "surveyxact_battery_comma_ansi": lambda c, d: write_surveyxact_battery(c, d / "sx-comma", encoding="cp1252", delimiter=","),
    "surveyxact_battery_tab_utf16": lambda c, d: write_surveyxact_battery(c, d / "sx-tab", encoding="utf-16", delimiter="\t"),
    "surveyxact_battery_workbook": lambda c, d: write_surveyxact_workbook(c, d / "surveyxact.xlsx"),
    "long_foreign": lambda c, d: write_long_foreign(c, d / "answers-export.csv"),
}
# the shapes whose tool keeps a response status: everyone invited is in them
WITH_STATUS = ("surveyxact_battery_comma_ansi", "surveyxact_battery_tab_utf16", "surveyxact_battery_workbook")


def write_roster(corpus: Corpus, path: Path) -> Path:
    corpus.roster.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def write_sample(folder: Path) -> list[Path]:
    """The shipped sample (datasets/survey-sample): roster, a Microsoft Forms export, decisions."""
    from orgnet.io.text import write_csv
    from orgnet.survey import import_survey, read_roster

    corpus = build_corpus()
    folder.mkdir(parents=True, exist_ok=True)
    roster = write_roster(corpus, folder / "roster.csv")
    export = write_msforms(corpus, folder / "forms.xlsx")
    result = import_survey(export, read_roster(roster))
    meant = corpus.meant()
    review = result.answers[result.answers["outcome"] == "review"]
    decided = {(a, c): meant[(r, q, a)] for r, q, a, c in zip(review["respondent_id"], review["question"], review["answer"], review["context"])}
    matches = result.matches[result.matches["review"] == "yes"].copy()
    matches["id"] = [decided[(a, c)] or "none" for a, c in zip(matches["answer"], matches["context"])]
    write_csv(matches, folder / "decisions.csv")
    return [roster, export, folder / "decisions.csv"]


if __name__ == "__main__":  # python -m tests.survey.corpus: rewrite datasets/survey-sample
    print(write_sample(Path(__file__).resolve().parents[2] / "datasets" / "survey-sample"))
