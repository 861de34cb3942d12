"""Outputs are never half-written: write to a temporary name, rename into place when complete.

Every file orgnet writes goes through :func:`replacing`. The writer writes temporary files in
the target's own folder (so the rename is an atomic ``os.replace`` on the same file system);
only when the whole block has finished are they renamed to their final names, one after the
other in a few microseconds. If the writer fails, is interrupted (Ctrl-C) or is stopped
(SIGTERM, which orgnet's command line turns into a clean exit), the temporary files are removed
and whatever was at the final names before is untouched: a reader never finds a CSV that looks
complete but holds a third of the people, nor a new table beside an old ``.meta.json``.

Example
-------
>>> with replacing(Path("out/people.csv"), Path("out/people.meta.json")) as (table, meta):  # doctest: +SKIP
...     write_csv(frame, table)
...     meta.write_text(text)
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orgnet.errors import OrgnetError

TEMPORARY_MARK = ".orgnet-partial-"


def temporary_name(target: Path) -> Path:
    """A hidden name beside ``target`` that keeps its suffix (matplotlib picks the format by it)."""
    return target.with_name(f".{target.stem}{TEMPORARY_MARK}{secrets.token_hex(4)}{target.suffix}")


@contextmanager
def replacing(*targets: Path) -> Iterator[list[Path]]:
    """Yield one temporary path per target; rename them all into place if the block completes."""
    targets = tuple(Path(target) for target in targets)
    for target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OrgnetError(f"{target}: cannot make the folder {target.parent} ({error.strerror or error})") from None
        if target.is_dir():
            raise OrgnetError(f"{target}: is a folder; give a file name")
    temporary = [temporary_name(target) for target in targets]
    # Claim every temporary file first, so that an unwritable place is one clear message about
    # the file the user named, before any writer (openpyxl, matplotlib) has started.
    for path, target in zip(temporary, targets):
        try:
            path.touch(exist_ok=False)
        except OSError as error:
            _remove(temporary)
            raise OrgnetError(f"{target}: cannot write here ({error.strerror or error})") from None
    try:
        yield temporary
    except OSError as error:
        _remove(temporary)
        target = next((t for p, t in zip(temporary, targets) if str(p) == error.filename), targets[0])
        raise OrgnetError(f"{target}: cannot write ({error.strerror or error})") from None
    except BaseException:
        _remove(temporary)
        raise
    for path, target in zip(temporary, targets):
        if path.exists():
            os.replace(path, target)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def refuse_overwriting_inputs(output: Path, *inputs: Path) -> None:
    """Refuse an output that would overwrite one of the inputs (``metrics DATA -o DATA/people.csv``)."""
    output = Path(output)
    for data in inputs:
        data = Path(data)
        files = [data, *(data.glob("*") if data.is_dir() else ())]
        for file in files:
            if file.is_file() and output.exists() and os.path.samefile(output, file):
                raise OrgnetError(f"{output}: is one of the input files of {data}; write the output somewhere else")
