"""The catalogue itself: both languages hold the same keys, the plural forms CLDR asks for, the
same named fields; the one lookup chooses forms by Babel's plural rules and refuses what it
cannot answer."""

from __future__ import annotations

import string
import zipfile
from pathlib import Path

import jinja2
import pytest
from babel import Locale

from orgnet.errors import OrgnetError
from orgnet.texts import LANGUAGES, catalogue, catalogue_files, flatten, install, is_plural, texts

ROOT = Path(__file__).resolve().parents[2]


def fields_of(entry) -> set[str]:
    forms = entry.values() if isinstance(entry, dict) else [entry]
    return {name.split(".")[0].split("[")[0] for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


def required_categories(lang: str) -> set[str]:
    return set(Locale.parse(lang).plural_form.tags) | {"other"}


def test_both_languages_hold_the_same_keys():
    assert set(catalogue("da")) == set(catalogue("en"))


def test_each_key_stands_in_the_same_file_in_both_languages():
    import tomllib

    def keys_by_file(lang):
        return {file.name: set(flatten(tomllib.loads(file.read_text(encoding="utf-8")))) for file in catalogue_files(lang)}

    assert keys_by_file("da") == keys_by_file("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_entry_has_exactly_the_forms_cldr_requires(lang):
    wrong = {key: sorted(entry) for key, entry in catalogue(lang).items() if is_plural(entry) and set(entry) != required_categories(lang)}

    assert required_categories(lang) == {"one", "other"}
    assert wrong == {}


def test_an_entry_with_plural_forms_in_one_language_has_them_in_the_other():
    english, danish = catalogue("en"), catalogue("da")

    assert {key for key in english if is_plural(english[key])} == {key for key in danish if is_plural(danish[key])}


def test_every_named_field_used_in_one_language_is_used_in_the_other():
    english, danish = catalogue("en"), catalogue("da")
    differing = {key: (sorted(fields_of(english[key])), sorted(fields_of(danish[key]))) for key in english if fields_of(english[key]) != fields_of(danish[key])}

    assert differing == {}


def test_every_entry_is_a_text():
    for lang in LANGUAGES:
        for key, entry in catalogue(lang).items():
            forms = entry.values() if isinstance(entry, dict) else [entry]
            assert all(isinstance(form, str) and form for form in forms), (lang, key)


def test_the_glossary_fixes_the_terms_the_issue_found_under_several_names():
    danish = catalogue("da")
    every_text = " ".join(form for entry in danish.values() for form in (entry.values() if isinstance(entry, dict) else [entry]))

    assert danish["term.betweenness"] == "mellemliggende centralitet"
    assert danish["term.constraint"] == "begrænsning"
    assert danish["term.articulation"] == "skillepunkt"
    assert danish["term.peers"] == "ligestillede"  # "kolleger" are a TR's colleagues in the unit
    assert danish["level.first_line"] == "afdelingsniveau" and danish["value.level.first_line"] == "afdelingsleder"
    for other_name in ("mellemlæggercentralitet", "snitpunkt", "førstelinje", "din constraint", "dine kolleger", "for kolleger"):
        assert other_name not in every_text


@pytest.mark.parametrize(("lang", "n", "expected"), [("da", 1, "1 kontakt"), ("da", 2, "2 kontakter"), ("da", 0, "0 kontakter"), ("en", 1, "1 contact"), ("en", 2, "2 contacts"), ("da", 1170, "1.170 kontakter"), ("en", 1170, "1,170 contacts")])
def test_the_count_chooses_the_form_and_is_written_the_readers_way(lang, n, expected):
    assert texts(lang).t("count.contact", n=n) == expected


def test_named_fields_are_filled_and_numbers_written_in_danish():
    reason = texts("da").t("flag.weak_bagland.reason", n=1, reached=0, colleagues=1, unit="V1", value=0.0, threshold=0.5)

    assert reason == "Kontakt med 0 af 1 kollega i V1 (0\u00a0%; mindst 50\u00a0% forventet)."


def test_an_unknown_key_an_unknown_language_and_a_missing_count_are_refused():
    with pytest.raises(KeyError, match="no text 'flag.lonely.name' in the da catalogue"):
        texts("da").t("flag.lonely.name")
    with pytest.raises(OrgnetError, match="unknown language 'de'; use en or da"):
        texts("de")
    with pytest.raises(TypeError, match="text 'count.contact' has plural forms: give n"):
        texts("en").t("count.contact")


def test_the_jinja_filter_reads_the_templates_language():
    environment = install(jinja2.Environment(autoescape=True))
    template = environment.from_string('{{ "profile.ego_note" | t(n=n) }} | {{ "profile.title" | t(name=name) }}')

    assert template.render(lang="da", n=1, name="Åse & Bo").startswith("Dig (i midten) og din ene kontakt")
    assert template.render(lang="da", n=1, name="Åse & Bo").endswith("| Dit netværk — Åse &amp; Bo")
    assert template.render(lang="en", n=3, name="Bo").startswith("You (in the middle) and your 3 contacts,")


def test_the_wheel_carries_the_catalogue(tmp_path):
    import subprocess
    import sys

    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("orgnet_sna-*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"orgnet/texts/{lang}/{file.name}" for lang in LANGUAGES for file in catalogue_files(lang)}
    assert len(shipped) >= 10 and shipped | {"orgnet/texts/__init__.py", "orgnet/texts/labels.py"} <= names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_plural_entries_use_the_count_field(lang):
    """``t(key, n=…)`` fills ``{n}`` only in a plural entry; elsewhere a count has its own name."""
    misused = sorted(key for key, entry in catalogue(lang).items() if not is_plural(entry) and "n" in fields_of(entry))

    assert misused == []
