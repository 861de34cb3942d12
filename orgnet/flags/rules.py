"""The flag rules: orgnet's defaults (``rules.toml``), overridden by a user's file or orgnet.toml."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from pathlib import Path

from orgnet.errors import InputError, Problem, Said
from orgnet.texts import LANGUAGES, catalogue

FLAGS = (
    "isolated", "thin", "no_internal", "no_external", "no_informal_external",
    "single_bridge", "bottleneck", "weak_bagland", "no_management_tie",
)
SEVERITIES = ("high", "medium", "low")


def reason_variants(flag: str) -> list[str]:
    """The catalogue's reasons for ``flag``, as the variant names the rules use: ``""`` for
    ``flag.<flag>.reason``, ``"floor"`` for ``flag.<flag>.reason_floor`` …"""
    prefix = f"flag.{flag}.reason"
    return [key.removeprefix(prefix).removeprefix("_") for key in catalogue("en") if key == prefix or key.startswith(prefix + "_")]


def text_settings(flag: str) -> list[str]:
    """The settings a rule file may give to word a reason its own way (``en``, ``da_floor`` …)."""
    return [f"{lang}_{variant}" if variant else lang for variant in reason_variants(flag) for lang in LANGUAGES]


def default_rules() -> dict:
    text = resources.files("orgnet.flags").joinpath("rules.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_rules(*overrides: dict | str | Path | None) -> dict:
    """The default rules with each override applied in turn (a dict or a TOML file)."""
    rules = default_rules()
    for override in overrides:
        if override is None:
            continue
        label = "[flags] in orgnet.toml" if isinstance(override, dict) else str(override)
        if not isinstance(override, dict):
            override = _read(Path(override))
        _merge(rules, override, label)
    return rules


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError([Problem(str(path), Said("error.flags.not_found"))]) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem(str(path), Said("error.flags.not_toml", reason=str(exc)))]) from None


def _merge(rules: dict, override: dict, label: str) -> None:
    problems = []
    defaults = default_rules()
    for flag, settings in override.items():
        if flag not in FLAGS:
            problems.append(Problem(label, Said("error.flags.unknown_flag", flag=flag, flags=", ".join(FLAGS))))
            continue
        if not isinstance(settings, dict):
            problems.append(Problem(label, Said("error.flags.not_table", flag=flag)))
            continue
        for key, value in settings.items():
            settings_known = [*defaults[flag], *text_settings(flag)]
            if key not in settings_known:
                problems.append(Problem(label, Said("error.flags.unknown_setting", setting=key, flag=flag, settings=", ".join(settings_known))))
            elif key in text_settings(flag) and not isinstance(value, str):
                problems.append(Problem(label, Said("error.flags.not_text", flag=flag, setting=key)))
            elif key == "severity" and value not in SEVERITIES:
                problems.append(Problem(label, Said("error.flags.severity", flag=flag, value=str(value), severities=", ".join(SEVERITIES))))
            elif key in defaults[flag] and isinstance(defaults[flag][key], (int, float)) and not isinstance(value, (int, float)):
                problems.append(Problem(label, Said("error.flags.not_number", flag=flag, setting=key, value=str(value))))
            else:
                rules[flag][key] = copy.deepcopy(value)
    if problems:
        raise InputError(problems)
