"""Keyed pseudonyms: the same person gets the same code in every table and every wave.

A code is ``HMAC-SHA256(key, column + NUL + value)``, shown as a prefix and 16 hex digits
(64 bits). Without the key nobody can tell which person a code stands for, not even by hashing
the roster — which a bare hash of a name would allow. The EDPB's Guidelines 01/2025 on
pseudonymisation (16 January 2025) name message authentication codes with a secret key as a
suitable pseudonymising transformation, the key kept apart from the data. With the key
the consultant can map codes back (:func:`reidentify`), and the same key gives the same codes
across survey waves, so ``orgnet diff`` still matches people.

The people table keeps its row order and every tie keeps its place, so the pseudonymised
network is the same graph with other labels: every metric and every flag is unchanged.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import replace
from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.model import OrgNetwork

KEY_BYTES = 32
CODE_HEX = 16
# Columns pseudonymised unless --keep names them: the person's id and what names the person.
DEFAULT_COLUMNS = ("id", "name", "email")
PREFIXES = {"id": "P", "name": "N", "email": "E"}
FINGERPRINT_LABEL = b"orgnet key fingerprint"


def new_key(path: Path) -> Path:
    """Write a new random key to ``path``, readable by its owner only (mode 0600).

    An existing file is never overwritten: losing a key makes every earlier wave's codes
    impossible to map back.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise OrgnetError(Said("error.privacy.key_exists", path=path)) from None
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(KEY_BYTES) + "\n")
    os.chmod(path, 0o600)  # the umask may have narrowed it further, never widened; make it exact
    return path


def load_key(path: Path | None) -> bytes:
    """The key in ``path`` (64 hex digits, as :func:`new_key` writes it)."""
    if path is None:
        raise OrgnetError(Said("error.privacy.no_key_file"))
    path = Path(path)
    if not path.is_file():
        raise OrgnetError(Said("error.privacy.key_not_found", path=path))
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise OrgnetError(Said("error.privacy.not_a_key", path=path, digits=2 * KEY_BYTES))
    return key


def key_exposure(path: Path) -> str | None:
    """A warning when others may read the key file (as ssh warns of a private key), else None."""
    mode = Path(path).stat().st_mode & 0o777
    if not mode & 0o077:
        return None
    who = "anyone on this machine" if mode & 0o004 else "your group"
    return (
        f"warning: {path} can be read by {who} (mode {mode:04o}); with it the pseudonymised data can be mapped back to people. "
        f"Make it yours alone: chmod 600 {path}"
    )


def fingerprint(key: bytes) -> str:
    """A short public label of the key, to tell a wrong key from wrong data; reveals nothing of it."""
    return hmac.new(key, FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:12]


def codes_for(key: bytes, column: str, values: pd.Series) -> pd.Series:
    """Each distinct value's code, for the values of one column (missing values stay missing)."""
    prefix = PREFIXES.get(column, column[:1].upper() or "X")
    distinct = pd.Series(values.dropna().astype(str).unique())
    label = column.encode("utf-8") + b"\0"
    coded = distinct.map(lambda value: f"{prefix}-" + hmac.new(key, label + value.encode("utf-8"), hashlib.sha256).hexdigest()[:CODE_HEX])
    if coded.duplicated().any():  # 64 bits: about 1 in 10^9 for 100,000 people, but never silently
        raise OrgnetError(Said("error.privacy.collision", column=column))
    mapping = dict(zip(distinct, coded))
    return values.map(lambda value: value if pd.isna(value) else mapping[str(value)])


def columns_to_code(network: OrgNetwork, extra: tuple[str, ...], keep: tuple[str, ...]) -> list[str]:
    """The default columns present in the data plus ``extra``, less ``keep``; unknown names refused."""
    people = network.people
    known = {"id", "group", *map(str, people.columns)}
    for name in (*extra, *keep):
        if name not in known:
            raise OrgnetError(Said("error.privacy.unknown_column", name=name, columns=", ".join(map(str, people.columns))))
    if "group" in extra and not len(network.groups):
        raise OrgnetError(Said("error.privacy.no_groups"))
    if "id" in keep:
        raise OrgnetError(Said("error.privacy.keep_id"))
    wanted = [c for c in DEFAULT_COLUMNS if c in known] + [c for c in extra if c not in DEFAULT_COLUMNS]
    return [c for c in wanted if c not in keep]


def pseudonymise(network: OrgNetwork, key: bytes, *, columns: list[str]) -> tuple[OrgNetwork, pd.DataFrame]:
    """The network with ``columns`` replaced by codes, and the table code → original value.

    ``id`` is replaced everywhere a person is named: the people index, ``source`` and
    ``target`` of ties and ``person`` of groups. ``group`` names the groups' names (which can
    name a person: "Netværk hos Pernille").
    """
    people = network.people.copy()
    ids = pd.Series(people.index, index=people.index)
    id_codes = codes_for(key, "id", ids)
    lookup = dict(zip(ids, id_codes))
    table_parts = [pd.DataFrame({"column": "id", "code": id_codes.to_numpy(), "value": ids.to_numpy()})]
    groups = network.groups
    if len(groups):
        groups = groups.assign(person=groups["person"].map(lookup))
    for column in columns:
        if column == "group":
            coded = codes_for(key, "group", groups["group"])
            table_parts.append(pd.DataFrame({"column": "group", "code": coded.to_numpy(), "value": groups["group"].astype(str).to_numpy()}))
            groups = groups.assign(group=coded)
            continue
        if column == "id":
            continue
        coded = codes_for(key, column, people[column])
        present = people[column].notna()
        table_parts.append(pd.DataFrame({"column": column, "code": coded[present].to_numpy(), "value": people.loc[present, column].astype(str).to_numpy()}))
        people[column] = coded
    people.index = pd.Index(id_codes.to_numpy(), name=people.index.name)
    ties = network.ties.assign(source=network.ties["source"].map(lookup), target=network.ties["target"].map(lookup))
    table = pd.concat(table_parts, ignore_index=True).drop_duplicates()
    return replace(network, people=people, ties=ties, groups=groups), table


CODE_PATTERN = re.compile(rf"\b[A-Z]-[0-9a-f]{{{CODE_HEX}}}\b")


def reidentify(frame: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """``frame`` with every code in ``table`` replaced by its value, in whole cells and inside
    text (a flag's reason names the person); returns the frame and how many codes were replaced."""
    mapping = dict(zip(table["code"], table["value"]))
    replaced = 0

    def back(match: re.Match) -> str:
        nonlocal replaced
        value = mapping.get(match.group(0))
        if value is None:
            return match.group(0)
        replaced += 1
        return value

    result = frame.copy()
    for column in result.columns:
        values = result[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            result[column] = values.map(lambda cell: CODE_PATTERN.sub(back, cell) if isinstance(cell, str) else cell)
    return result, replaced


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (after resolving links)."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents
