"""What a command wrote into a folder, so that its next run replaces exactly that and nothing else.

A command that writes a data folder (or a folder whose files the user goes on to edit, such as
the survey template's ``questions.toml``) leaves ``written-by-orgnet.json`` there: the command,
each file it wrote with the SHA-256 of its content, and the subfolders it wrote (one network
per window). A file is the command's own only while its content is still what the command
wrote: a file edited since, or put there by hand or by another program, is someone's work.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "written-by-orgnet.json"
ABOUT = (
    "orgnet replaces these files as a set when the same command writes here again, as long as their content is what it wrote; "
    "any other data file here, or one changed since, is refused unless you give --replace"
)


@dataclass
class Record:
    command: str
    files: dict[str, str | None] = field(default_factory=dict)  # name -> SHA-256 of what was written (None: not known)
    folders: list[str] = field(default_factory=list)


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(2**20):
            sha.update(chunk)
    return sha.hexdigest()


def read_record(folder: Path, command: str) -> Record:
    """The folder's record if ``command`` wrote it, else an empty one."""
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Record(command)
    if not isinstance(raw, dict) or raw.get("written_by") != f"orgnet {command}":
        return Record(command)
    files = raw.get("files")
    if isinstance(files, list):  # an early record: names only
        files = dict.fromkeys(map(str, files))
    files = {str(name): (str(sha) if sha else None) for name, sha in files.items()} if isinstance(files, dict) else {}
    folders = [str(name) for name in raw.get("folders", []) if isinstance(name, str)] if isinstance(raw.get("folders"), list) else []
    return Record(command, files, folders)


def unchanged(folder: Path, record: Record) -> set[str]:
    """The recorded files still as the command wrote them."""
    return {name for name, sha in record.files.items() if (folder / name).is_file() and (sha is None or digest(folder / name) == sha)}


def write_record(folder: Path, command: str, files: list[Path], folders: list[str]) -> None:
    from orgnet.io.atomic import replacing

    record = {
        "written_by": f"orgnet {command}",
        "files": {file.name: digest(file) for file in sorted(files)},
        **({"folders": sorted(folders)} if folders else {}),
        "about": ABOUT,
    }
    with replacing(folder / MANIFEST) as (part,):
        part.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
