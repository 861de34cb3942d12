"""The one guarded way to write: never onto, into or over an input, and never half-written.

Two halves. :func:`check_outputs` runs before a command does any work: it holds every output
the command would write against every input it reads, and refuses (one line naming both paths)
an output that is an input, lies where a reader would take it as data, would leave a folder
meaning something else (stale data files beside the new ones), puts names back into a folder
meant to be shared, or is read-only. :func:`finish_outputs` runs when the command has
succeeded: it removes what ``--replace`` allowed to go and records, in each data folder, which
files the command wrote, so that its next run replaces them as a set.

Writing itself:

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
from dataclasses import dataclass, field
from pathlib import Path

from orgnet.errors import OrgnetError, Said
from orgnet.io.record import MANIFEST, Record, read_record, unchanged, write_record

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
            raise OrgnetError(Said("error.output.no_folder", target=target, folder=target.parent, reason=error.strerror or error)) from None
        if target.is_dir():
            raise OrgnetError(Said("error.output.is_folder", path=target))
        if is_read_only(target):
            raise OrgnetError(Said("error.output.read_only", path=target))
    temporary = [temporary_name(target) for target in targets]
    # Claim every temporary file first, so that an unwritable place is one clear message about
    # the file the user named, before any writer (openpyxl, matplotlib) has started.
    for path, target in zip(temporary, targets):
        try:
            path.touch(exist_ok=False)
        except OSError as error:
            _remove(temporary)
            raise OrgnetError(Said("error.output.cannot_write_here", path=target, reason=error.strerror or error)) from None
    try:
        yield temporary
    except OSError as error:
        _remove(temporary)
        target = next((t for p, t in zip(temporary, targets) if str(p) == error.filename), targets[0])
        raise OrgnetError(Said("error.output.cannot_write", path=target, reason=error.strerror or error)) from None
    except BaseException:
        _remove(temporary)
        raise
    for path, target in zip(temporary, targets):
        if path.exists():
            os.replace(path, target)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def is_read_only(path: Path) -> bool:
    """No write bit at all: the owner's protection (root could still write, so ask the mode, not access)."""
    try:
        return Path(path).exists() and not Path(path).stat().st_mode & 0o222
    except OSError:
        return False


# --- what may be written where -------------------------------------------------------------------------------

DATA_NAMES = ("people.csv", "ties.csv", "groups.csv", "orgnet.toml")  # what reading a data folder takes


@dataclass(frozen=True)
class Reads:
    """Which files inside a folder input its reader takes."""

    names: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    below: bool = False  # also every folder below (event logs are read recursively)

    def takes(self, file: Path, folder: Path) -> bool:
        if file.parent != folder and not self.below:
            return False
        return file.name in self.names or file.suffix.lower() in self.suffixes


DATA_FOLDER = Reads(names=DATA_NAMES)


@dataclass(frozen=True)
class Input:
    """A path a command reads, and what it is to the user (for the message)."""

    path: Path
    label: str  # how the command line names it: DATA, --roster, …
    reads: Reads = DATA_FOLDER  # when it is a folder
    secret: bool = False  # a key: never inside a folder meant to be shared


@dataclass(frozen=True)
class Output:
    """What one output option of a command will write."""

    path: Path
    label: str
    files: tuple[Path, ...]  # every file it writes (for a folder: the files inside it it knows of)
    folder: Path | None = None  # set when the output is a folder of the command's own
    data: bool = False  # an orgnet data folder: what it holds besides the new files changes its meaning
    shared: bool = False  # meant to be shared (pseudonymised): nothing else may stay in it, no secret in it
    secret: bool = False  # must never be inside a folder meant to be shared (the code table)
    names_back: bool = False  # puts real names back: never into a pseudonymised folder
    keeps: tuple[Path, ...] = ()  # inputs it rewrites on purpose, keeping all they hold (survey decisions)
    recorded: bool = False  # a folder whose files the user edits (the survey template): they are work, not output

    @property
    def records(self) -> bool:
        """Its folder gets a record (``written-by-orgnet.json``), and what is there besides is checked."""
        return self.folder is not None and (self.data or self.recorded)


@dataclass
class OutputPlan:
    """What :func:`check_outputs` found, for :func:`finish_outputs` once the command has succeeded."""

    command: str
    outputs: list[Output]
    remove: dict[Path, list[Path]] = field(default_factory=dict)  # data folder -> files to remove after success
    subfolders: dict[Path, list[str]] = field(default_factory=dict)  # data folder -> its own earlier subfolders (windows)
    before: dict[Path, tuple[int, int]] = field(default_factory=dict)  # file -> (inode, mtime) before the run


def check_outputs(outputs: list[Output], inputs: list[Input], *, command: str, replace: bool = False) -> OutputPlan:
    """Refuse, before any work, every output that would destroy or change the meaning of an input."""
    plan = OutputPlan(command, outputs)
    for output in outputs:
        for data in inputs:  # first: an input named as an output is said as such, whatever its shape
            _check_against(output, data)
        _check_shape(output)
        for other in outputs:
            if other is not output:
                _check_pair(output, other)
        if output.names_back:
            _check_not_pseudonymised(output)
        _check_writable(output)
        if output.records:
            plan.remove[output.folder] = _stale(output, command, replace)
            plan.subfolders[output.folder] = read_record(output.folder, command).folders if output.folder.is_dir() else []
            plan.before.update(_snapshot(output.folder))
    return plan


def finish_outputs(plan: OutputPlan) -> None:
    """After success: remove what may go, and record in each folder which files the command wrote."""
    for files in plan.remove.values():
        for file in files:
            if plan.before.get(file) == _stat(file):  # not rewritten by this run
                file.unlink(missing_ok=True)
    for folder, names in plan.subfolders.items():
        for name in names:  # an earlier run's network of a window this run has not written again
            people = folder / name / "people.csv"
            if people.is_file() and plan.before.get(people) == _stat(people):
                for file in (folder / name / data for data in (*DATA_NAMES, "ties.parquet")):
                    file.unlink(missing_ok=True)
                if not any((folder / name).iterdir()):
                    (folder / name).rmdir()
    for output in plan.outputs:
        if not output.records or not output.folder.is_dir():
            continue
        files = [file for file in output.files if file.parent == output.folder and file.is_file()]
        windows = [sub.name for sub in output.folder.iterdir() if (sub / "people.csv").is_file() and plan.before.get(sub / "people.csv") != _stat(sub / "people.csv")]
        write_record(output.folder, plan.command, files, windows)


def _check_shape(output: Output) -> None:
    path = output.path
    blocking = next((parent for parent in path.parents if parent.exists() and not parent.is_dir()), None)
    if blocking is not None:
        raise OrgnetError(Said("error.output.file_in_the_way", path=path, blocking=blocking))
    if output.folder is None and path.is_dir():
        raise OrgnetError(Said("error.output.is_folder", path=path))
    if output.folder is not None and path.exists() and not path.is_dir():
        raise OrgnetError(Said("error.output.is_file", path=path))


def _check_against(output: Output, data: Input) -> None:
    source = data.path
    folder_input = source.is_dir()
    for target in (output.path, *output.files):
        if any(_same(target, kept) for kept in output.keeps) and target != output.path:
            continue
        if _same(target, source):
            if folder_input:
                elsewhere = Said("error.output.elsewhere.outside" if data.reads.below else "error.output.elsewhere.another")
                raise OrgnetError(Said("error.output.input_folder", path=target, label=data.label, source=source, elsewhere=elsewhere))
            raise OrgnetError(Said("error.output.is_input", path=target, label=data.label, source=source))
        if folder_input and _inside(target, source):
            if data.reads.below:
                raise OrgnetError(Said("error.output.below_input", path=target, source=source, label=data.label))
            if data.reads.takes(_resolved(target), _resolved(source)):
                if _resolved(target).exists():
                    raise OrgnetError(Said("error.output.read_from_input", path=target, label=data.label, source=source))
                raise OrgnetError(Said("error.output.read_as_data", path=target, source=source, label=data.label))
        if folder_input and target.is_file() and any(_same(target, file) for file in _read_files(source, data.reads)):  # a link
            raise OrgnetError(Said("error.output.read_from_input", path=target, label=data.label, source=source))
    if output.data and output.folder is not None and _inside(source, output.folder):
        _check_input_in_data_output(output, data)
    if output.shared and folder_input and _inside(output.path, source):
        raise OrgnetError(Said("error.output.shared_inside_data", path=output.path, source=source))


def _check_input_in_data_output(output: Output, data: Input) -> None:
    """An input kept in a data folder being written: shared, or read as data there, it is refused."""
    source, folder = data.path, output.folder
    if any(_same(source, kept) for kept in output.keeps):
        return
    if data.reads.below:
        raise OrgnetError(Said("error.output.holds_event_log", folder=folder, source=source, label=data.label))
    if output.shared and data.secret:
        raise OrgnetError(Said("error.output.secret_in_shared", path=source, what=Said("error.output.secret.key"), folder=folder))
    if output.shared:
        raise OrgnetError(Said("error.output.input_in_shared", path=source, label=data.label, source=source, folder=folder))
    if _resolved(source).parent == _resolved(folder) and source.name in DATA_NAMES:
        raise OrgnetError(Said("error.output.input_in_data", path=source, label=data.label, source=source, folder=folder))


SECRETS = {"--table": "error.output.secret.table", "--new-key": "error.output.secret.key"}  # what a secret output is, in a message


def _check_pair(output: Output, other: Output) -> None:
    if other.shared and output.secret and (_inside(output.path, other.path) or _same(output.path, other.path)):
        what = Said(SECRETS[output.label]) if output.label in SECRETS else output.label
        raise OrgnetError(Said("error.output.secret_in_shared", path=output.path, what=what, folder=other.path))
    for file in output.files:
        if any(_same(file, theirs) for theirs in (other.path, *other.files)):
            raise OrgnetError(Said("error.output.two_outputs", path=file, one=output.label, other=other.label))


def _check_not_pseudonymised(output: Output) -> None:
    for folder in _resolved(output.path).parents:
        if (folder / "pseudonyms.json").is_file():
            raise OrgnetError(Said("error.output.names_into_pseudonymised", path=output.path, folder=folder))


def _check_writable(output: Output) -> None:
    if output.folder is not None and is_read_only(output.folder):
        raise OrgnetError(Said("error.output.read_only_folder", folder=output.folder))
    if output.folder is None and output.path.parent.is_dir() and is_read_only(output.path.parent):
        raise OrgnetError(Said("error.output.read_only_folder", folder=output.path.parent))
    for file in (output.path, *output.files) if output.folder is None else output.files:
        if file.is_file() and is_read_only(file):
            raise OrgnetError(Said("error.output.read_only", path=file))


def _stale(output: Output, command: str, replace: bool) -> list[Path]:
    """Files in an output folder that this run would replace or leave meaning something else.

    The command's own earlier files, still as it wrote them (its record says so), are replaced as
    a set, and removed when this run does not write them again. Anything else this run would
    replace or leave beside the new data — data from another command, a program or a hand, a
    file edited since, or, in a folder meant to be shared, any file at all — is refused unless
    ``replace``.
    """
    folder = output.folder
    if not folder.is_dir():
        return []
    record = read_record(folder, command)
    own = unchanged(folder, record)
    writes = {file.name for file in output.files if file.parent == folder}
    present = [file for file in sorted(folder.iterdir()) if file.is_file() and file.name != MANIFEST and TEMPORARY_MARK not in file.name]
    watched = present if output.shared else [
        file for file in present if file.name in writes or file.name in record.files or (output.data and file.name in DATA_NAMES)
    ]
    foreign = [file for file in watched if file.name not in own and not any(_same(file, kept) for kept in output.keeps)]
    if foreign and not replace:
        raise OrgnetError(_foreign_message(folder, foreign, record, output))
    return [file for file in watched if file in foreign or file.name in own]  # removed after the run unless rewritten


def _foreign_message(folder: Path, foreign: list[Path], record: Record, output: Output) -> Said:
    edited = ", ".join(file.name for file in foreign if file.name in record.files)
    other = ", ".join(file.name for file in foreign if file.name not in record.files)
    count = sum(file.name in record.files for file in foreign)
    if other and edited:
        held = Said("error.output.held.both", other=other, edited=edited, command=record.command, n=count)
    elif other:
        held = Said("error.output.held.other", other=other, command=record.command)
    else:
        held = Said("error.output.held.edited", edited=edited, command=record.command, n=count)
    effect = "shared" if output.shared else "data" if output.data else "replaced"
    return Said("error.output.foreign", folder=folder, held=held, effect=Said(f"error.output.effect.{effect}", n=len(foreign)), n=len(foreign))


def _read_files(folder: Path, reads: Reads) -> list[Path]:
    files = folder.rglob("*") if reads.below else folder.iterdir()
    return [file for file in files if file.is_file() and reads.takes(file, folder)]


def _snapshot(folder: Path) -> dict[Path, tuple[int, int]]:
    """How each file of the folder, and each subfolder's ``people.csv``, stood before the run."""
    if not folder.is_dir():
        return {}
    files = [file for file in folder.iterdir() if file.is_file()] + [sub / "people.csv" for sub in folder.iterdir() if (sub / "people.csv").is_file()]
    return {file: _stat(file) for file in files}


def _stat(file: Path) -> tuple[int, int] | None:
    try:
        status = file.stat()
    except OSError:
        return None
    return status.st_ino, status.st_mtime_ns


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.abspath(Path(path).resolve()))
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return _resolved(a) == _resolved(b)


def _inside(path: Path, folder: Path) -> bool:
    """``path`` lies somewhere below ``folder`` (not the folder itself)."""
    path, folder = _resolved(path), _resolved(folder)
    return path != folder and folder in path.parents
