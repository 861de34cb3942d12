"""The question set of a network survey and ``questions.toml``, which maps it to relations.

Each question names one relation (``advice``, ``meetings``, …) and its kind (formal or
informal). An export's column belongs to a question when its header contains one of the
question's ``match`` texts (compared folded, so ``Raad og sparring`` finds ``Råd og sparring``).
The frequency scale turns answers such as ``ugentligt`` into tie weights.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from orgnet.config import KINDS
from orgnet.errors import InputError, Problem, Said
from orgnet.survey.names import fold
from orgnet.texts import LANGUAGES, texts

# Words READ from the user's files, never shown: the answers of the default frequency scale (in
# an export, dagligt / ugentligt / månedligt / sjældnere → 4 / 3 / 2 / 1, in Danish and English)
# and the texts that tell a column of an export to belong to a built-in question (compared folded
# with its header). What orgnet shows of them comes from the catalogue (survey.toml).
INPUT_WORDS = {
    "scale": {
        "dagligt": 4, "ugentligt": 3, "månedligt": 2, "sjældnere": 1,
        "daily": 4, "weekly": 3, "monthly": 2, "less often": 1,
    },
    "match": {
        "advice": ("råd og sparring", "advice"),
        "meetings": ("faste fora", "fixed forums"),
    },
}
DEFAULT_SCALE = INPUT_WORDS["scale"]
DEFAULT_WEIGHT = 1  # a contact named without a frequency (a ticked name in a choice list)


@dataclass(frozen=True)
class Question:
    """One question; ``da``/``en`` are the texts of a questions.toml of her own, as she wrote them.

    A built-in question (``builtin``) has its texts in the catalogue (``survey.question.<key>``).
    """

    key: str
    relation: str
    kind: str
    da: str = ""
    en: str = ""
    match: tuple[str, ...] = ()
    builtin: bool = False

    def text(self, lang: str) -> str:
        """The question in ``lang``: her own text, else the catalogue's for a built-in key, else
        her text in the other language, else the key."""
        return self.written(lang) or self.en or self.da or self.key

    def written(self, lang: str) -> str:
        """Her own text in ``lang``, else the catalogue's for a built-in key, else nothing."""
        own = self.da if lang == "da" else self.en
        if not own and self._builtin():
            return texts(lang).t(f"survey.question.{self.key}")
        return own

    def _builtin(self) -> bool:
        return self.builtin or self.key in BUILTIN_KEYS

    def texts(self) -> tuple[str, ...]:
        """Its texts in every language (a header holding one of them belongs to the question)."""
        return tuple(dict.fromkeys(filter(None, (self.written(lang) for lang in LANGUAGES))))

    def relation_name(self, lang: str) -> str:
        """The relation as questions.txt names it: a built-in one in words, her own as she wrote it."""
        if self._builtin() and self.relation == self.key:
            return texts(lang).t(f"survey.relation.{self.relation}")
        return self.relation


BUILTIN_KEYS = tuple(INPUT_WORDS["match"])
DEFAULT_QUESTIONS = (
    Question(key="advice", relation="advice", kind="informal", match=INPUT_WORDS["match"]["advice"], builtin=True),
    Question(key="meetings", relation="meetings", kind="formal", match=INPUT_WORDS["match"]["meetings"], builtin=True),
)


@dataclass(frozen=True)
class QuestionSet:
    questions: tuple[Question, ...] = DEFAULT_QUESTIONS
    scale: dict | None = None
    source: str = "the default questions"

    @property
    def weights(self) -> dict[str, float]:
        """Folded frequency label → weight."""
        return {fold(label): float(weight) for label, weight in (self.scale or DEFAULT_SCALE).items()}

    def question_of(self, header: str) -> Question | None:
        """The question a column header belongs to (the longest matching text wins)."""
        folded = fold(header)
        best, length = None, 0
        for question in self.questions:
            for text in (*question.match, question.key, *question.texts()):
                text = fold(text)
                if text and text in folded and len(text) > length:
                    best, length = question, len(text)
        return best

    def relations(self) -> dict[str, str]:
        return {q.relation: q.kind for q in self.questions}


def load_questions(path: Path | None) -> QuestionSet:
    """Read ``questions.toml`` (see :func:`questions_toml`); ``None`` gives the defaults.

    Refused, one message per cause naming the file, the key and what was expected: a file that
    is not UTF-8 or not TOML (naming the line), a value of the wrong type (``scale = 3``,
    ``question = "advice"``), two questions with one key, one relation given two kinds, a match
    text of two questions (a column would silently belong to the first).
    """
    if path is None:
        return QuestionSet()
    name = str(path)
    raw = _read_toml(Path(path), name)
    problems: list[Problem] = []
    for key in raw:
        if key not in ("question", "scale"):
            problems.append(Problem(name, Said("error.survey.questions.unknown_key", name=key)))
    questions = _questions(raw.get("question"), name, problems)
    scale = _scale(raw.get("scale", DEFAULT_SCALE), name, problems)
    if problems:
        raise InputError(problems)
    return QuestionSet(tuple(questions), scale, name)


def _read_toml(path: Path, name: str) -> dict:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, Said("error.survey.questions.not_found"))]) from None
    except IsADirectoryError:
        raise InputError([Problem(name, Said("error.survey.questions.folder"))]) from None
    try:
        # Notepad's "Unicode" is UTF-16 with a byte-order mark: unambiguous, so read it
        text = data.decode("utf-16") if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        raise InputError([Problem(name, Said("error.survey.questions.not_utf8", line=line, byte=f"0x{byte:02x}", guess=guess))]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_WHERE.search(str(exc))
        if found is None:
            raise InputError([Problem(name, Said("error.survey.questions.not_toml", reason=str(exc)))]) from None
        reason = str(exc)[: found.start()].strip()
        raise InputError([Problem(name, Said("error.survey.questions.not_toml_at", line=int(found["line"]), column=int(found["column"]), reason=reason.lower()))]) from None


_TOML_WHERE = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_TEXT_FIELDS = ("key", "relation", "kind", "da", "en")
_FIELDS = (*_TEXT_FIELDS, "match")


def _questions(value: object, name: str, problems: list[Problem]) -> list[Question]:
    if value is None:
        problems.append(Problem(name, Said("error.survey.questions.none")))
        return []
    if isinstance(value, dict):
        problems.append(Problem(name, Said("error.survey.questions.one_table")))
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, Said("error.survey.questions.not_tables", value=_toml(value))))
        return []
    questions, keys, kinds, matches = [], {}, {}, {}
    for number, item in enumerate(value, start=1):
        where = Said("error.survey.questions.where", number=number)
        if not isinstance(item, dict):
            problems.append(Problem(name, Said("error.survey.questions.not_table", where=where, value=_toml(item))))
            continue
        found = _question_problems(item, where)
        if found:
            problems += [Problem(name, text) for text in found]
            continue
        question = Question(item["key"].strip(), item["relation"].strip(), item["kind"], item.get("da", ""), item.get("en", ""),
                            tuple(item["match"]) if isinstance(item.get("match"), list) else tuple(filter(None, [item.get("match")])))
        clash = False
        if question.key in keys:
            problems.append(Problem(name, Said("error.survey.questions.same_key", where=where, name=question.key, other=keys[question.key])))
            clash = True
        earlier = kinds.get(question.relation)
        if earlier is not None and earlier[0] != question.kind:
            problems.append(Problem(name, Said("error.survey.questions.two_kinds", where=where, relation=question.relation, kind=question.kind, other_kind=earlier[0], other=earlier[1])))
            clash = True
        for text in filter(fold, question.match):
            other = matches.get(fold(text))
            if other is not None and other != number:
                problems.append(Problem(name, Said("error.survey.questions.same_match", where=where, text=text, other=other)))
                clash = True
        keys.setdefault(question.key, number)
        kinds.setdefault(question.relation, (question.kind, number))
        for text in filter(fold, question.match):
            matches.setdefault(fold(text), number)
        if not clash:
            questions.append(question)
    if not value and not problems:
        problems.append(Problem(name, Said("error.survey.questions.none")))
    return questions


def _question_problems(item: dict, where: Said) -> list[Said]:
    """What is wrong with one [[question]] table, one line per key."""
    found = []
    if "scale" in item:  # TOML puts every key after a [[question]] header into that question
        found.append(Said("error.survey.questions.scale_inside", where=where))
    unknown = [k for k in item if k not in (*_FIELDS, "scale")]
    missing = [k for k in ("key", "relation", "kind") if k not in item]
    if unknown:  # a misspelt key is also a missing one: one cause, one line
        lacks = Said("error.survey.questions.lacks_and_has", missing=", ".join(missing)) if missing else Said("error.survey.questions.has")
        found.append(Said("error.survey.questions.unknown_keys", n=len(unknown), where=where, lacks=lacks, keys=", ".join(repr(k) for k in unknown), fields=", ".join(_FIELDS)))
    elif missing:
        found.append(Said("error.survey.questions.lacks", where=where, missing=", ".join(missing)))
    for key in _TEXT_FIELDS:
        if key in item and not isinstance(item[key], str):
            found.append(Said("error.survey.questions.not_text", where=where, field=key, value=_toml(item[key]), example=_example(key)))
        elif key in ("key", "relation") and key in item and not item[key].strip():
            found.append(Said("error.survey.questions.empty", where=where, field=key))
    kind = item.get("kind")
    if isinstance(kind, str) and kind not in KINDS:
        found.append(Said("error.survey.questions.kind", where=where, kind=kind))
    match = item.get("match")
    if match is not None and not (isinstance(match, str) or (isinstance(match, list) and all(isinstance(m, str) for m in match))):
        found.append(Said("error.survey.questions.match", where=where, value=_toml(match)))
    return found


_EXAMPLE_CODES = {"key": "advice", "relation": "advice", "kind": "informal"}


def _example(field: str) -> str:
    """A value of ``field`` to show in the message that asks for text: a language's text is the
    built-in advice question's, in that language."""
    return texts(field).t("survey.question.advice") if field in LANGUAGES else _EXAMPLE_CODES[field]


def _scale(value: object, name: str, problems: list[Problem]) -> dict | None:
    if not isinstance(value, dict):
        problems.append(Problem(name, Said("error.survey.questions.scale_not_table", value=_toml(value))))
        return None
    if not value:
        problems.append(Problem(name, Said("error.survey.questions.scale_empty")))
    folded: dict[str, tuple[str, object]] = {}
    for label, weight in value.items():
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
            problems.append(Problem(name, Said("error.survey.questions.weight", label=label, value=_toml(weight))))
            continue
        same = folded.get(fold(label))
        if same is not None and same[1] != weight:
            problems.append(Problem(name, Said("error.survey.questions.two_weights", first=same[0], first_weight=str(same[1]), label=label, weight=str(weight))))
        folded.setdefault(fold(label), (label, weight))
    return dict(value)


def _toml(value: object) -> str:
    """A value as it was written in the file, roughly (strings quoted, tables as tables)."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def questions_toml(questions: QuestionSet, lang: str = "en") -> str:
    """The question set as ``questions.toml`` text (what ``orgnet survey template`` writes), its
    comments in ``lang``; both question texts are written, so that either language's form is read."""
    words = texts(lang)
    lines = [*(f"# {line}" for line in words.t("survey.questions_toml.head").splitlines()), ""]
    for q in questions.questions:
        match = ", ".join(f'"{m}"' for m in q.match)
        lines += [
            "[[question]]", f'key = "{q.key}"', f'relation = "{q.relation}"', f'kind = "{q.kind}"',
            f'da = "{q.written("da")}"', f'en = "{q.written("en")}"', f"match = [{match}]", "",
        ]
    lines.append(f"[scale]  # {words.t('survey.questions_toml.scale')}")
    lines += [f'"{label}" = {weight}' for label, weight in (questions.scale or DEFAULT_SCALE).items()]
    return "\n".join(lines) + "\n"
