"""Every path on orgnet's command line says whether it is read or written, and what it holds.

A command's inputs are parameters of type :class:`InputPath`, its outputs of type
:class:`OutputPath`, whose *shape* says which files the output will be (a table and its
``.meta.json``, a folder with a page and a workbook, an orgnet data folder, …). Before a
command runs, :func:`guarded` holds every output against every input
(:func:`orgnet.io.atomic.check_outputs`); a command cannot forget the check, because every
command is registered through it, and a test asserts that every path parameter of every
command is one of these two types.
"""

from __future__ import annotations

import functools
import glob
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import click

from orgnet.errors import OrgnetError, Said
from orgnet.io.atomic import DATA_FOLDER, Input, Output, Reads, check_outputs, finish_outputs
from orgnet.io.interchange import attributes_path

SLASHED = "orgnet.paths.slashed"  # outputs typed with a trailing slash (ctx.meta)
EVENT_LOGS = Reads(suffixes=(".csv", ".parquet", ".pq"), below=True)  # orgnet events reads folders recursively
SURVEY_EXPORT = Reads(suffixes=(".csv", ".txt"))  # a SurveyXact folder: Dataset, Structure, Labels
DATA_SUFFIXES = (".xlsx", ".graphml", ".gexf")
INTERCHANGE_SUFFIXES = (".dl", ".net")


class InputPath(click.Path):
    """A path the command reads; ``reads`` says which files of a folder given here are read."""

    def __init__(self, *, reads: Reads = DATA_FOLDER, secret: bool = False, **options):
        super().__init__(path_type=Path, **options)
        self.reads, self.secret = reads, secret

    def inputs(self, value, label: str) -> list[Input]:
        path = Path(value)
        given = [Input(path, label, self.reads, self.secret)]
        if self.reads is DATA_FOLDER and path.suffix.lower() in INTERCHANGE_SUFFIXES:  # DL and Pajek: the people beside
            given.append(Input(attributes_path(path), label, self.reads))
        return given


class EventSource(InputPath):
    """``PATH`` or ``CHANNEL=PATH`` (a file, a folder or a glob) of ``orgnet events``."""

    def __init__(self):
        super().__init__(reads=EVENT_LOGS)
        self.name = "events"

    def convert(self, value, param, ctx):
        return value  # the events reader parses channel and path itself

    def inputs(self, value, label: str) -> list[Input]:
        text = str(value)
        path = text.partition("=")[2] if "=" in text.split("/")[0] else text
        if path.startswith("table:") or "://" in path:
            return []
        if any(char in path for char in "*?["):
            matched = [Input(Path(file), label, self.reads) for file in glob.glob(path, recursive=True)]
            return [*matched, Input(_glob_root(path), label, self.reads)]
        return [Input(Path(path), label, self.reads)]


def _glob_root(pattern: str) -> Path:
    """The folder a glob starts in: the parts before its first wildcard."""
    parts = Path(pattern).parts
    first = next(i for i, part in enumerate(parts) if any(char in part for char in "*?["))
    return Path(*parts[:first]) if first else Path(".")


Shape = Callable[[Path, str, Mapping], "Output | list[Output]"]  # one output, or a folder and the data folder in it


class OutputPath(click.Path):
    """A path the command writes; ``shape`` turns it (and the command's options) into an :class:`Output`."""

    def __init__(self, shape: Shape, **options):
        super().__init__(path_type=Path, **options)
        self.shape = shape

    def convert(self, value, param, ctx):
        path = super().convert(value, param, ctx)
        if isinstance(value, str) and value.endswith(("/", os.sep)) and ctx is not None:  # Path() drops the slash the user typed
            ctx.meta.setdefault(SLASHED, set()).add(path)
        return path

    def outputs(self, value, label: str, params: Mapping) -> list[Output]:
        made = self.shape(Path(value), label, params)
        return made if isinstance(made, list) else [made]


# --- shapes ---------------------------------------------------------------------------------------------------


def table_file(path: Path, label: str, params: Mapping) -> Output:
    """``.csv`` (with its ``.meta.json``), ``.xlsx`` or ``.json``."""
    files = (path, path.with_suffix(".meta.json")) if path.suffix.lower() == ".csv" else (path,)
    return Output(path, label, files)


def single_file(path: Path, label: str, params: Mapping) -> Output:
    return Output(path, label, (path,))


def secret_file(path: Path, label: str, params: Mapping) -> Output:
    return Output(path, label, (path,), secret=True)


def names_back(path: Path, label: str, params: Mapping) -> Output:
    return Output(path, label, (path,), names_back=True)


def page_folder(*names: str, recorded: bool = False) -> Shape:
    """A folder of the command's own with these files (and maybe more pages, never data);
    ``recorded``: files the user goes on to edit, never replaced once edited (without ``--replace``)."""

    def shape(path: Path, label: str, params: Mapping) -> Output:
        return Output(path, label, tuple(path / name for name in names), folder=path, recorded=recorded)

    return shape


def folder_or_file(folder: Shape, file: Shape) -> Shape:
    """A folder when the path has no suffix, else a file (``whatif -o out.xlsx``)."""

    def shape(path: Path, label: str, params: Mapping) -> Output:
        return file(path, label, params) if path.suffix else folder(path, label, params)

    return shape


def data_output(
    *names: str, shared: bool = False, more: Callable[[Mapping], tuple[str, ...]] | None = None, kept: tuple[str, ...] = ()
) -> Shape:
    """An orgnet data folder (``people.csv``, ``ties.csv`` and ``names``), or a data file (``.xlsx`` …).

    ``kept``: files of the folder the command reads and rewrites keeping all they hold (the
    consultant's decisions in ``matches.csv``), so an edited one is not someone else's data.
    """

    def shape(path: Path, label: str, params: Mapping) -> Output:
        if path.suffix.lower() in INTERCHANGE_SUFFIXES:  # UCINET DL and Pajek: the people go in a CSV beside
            return Output(path, label, (path, attributes_path(path)), shared=shared)
        if path.suffix.lower() in DATA_SUFFIXES:
            return Output(path, label, (path,), shared=shared)
        written = ("people.csv", "ties.csv", *names, *(more(params) if more else ()))
        keeps = tuple(path / name for name in kept) + ((Path(params["matches"]),) if params.get("matches") else ())
        return Output(path, label, tuple(path / name for name in written), folder=path, data=True, shared=shared, keeps=keeps)

    return shape


# --- the check around every command ---------------------------------------------------------------------------


def parameter_label(param: click.Parameter) -> str:
    if isinstance(param, click.Argument):
        return param.name.upper()
    return max(param.opts, key=len)


def planned_io(ctx: click.Context) -> tuple[list[Output], list[Input]]:
    """The outputs and inputs of the command being invoked, from its parameters' types."""
    outputs, inputs = [], []
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        if value is None or value == ():
            continue
        values = value if isinstance(value, (tuple, list)) else (value,)
        label = parameter_label(param)
        if isinstance(param.type, OutputPath):
            outputs += [output for item in values for output in param.type.outputs(item, label, ctx.params)]
        elif isinstance(param.type, InputPath):
            for item in values:
                inputs += param.type.inputs(item, label)
    for output in outputs:
        if output.folder is None and output.path in ctx.meta.get(SLASHED, ()):
            raise OrgnetError(Said("error.output.slashed", path=output.path))
    return outputs, inputs


def command_name(ctx: click.Context) -> str:
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(reversed(names))


def guarded(callback: Callable) -> Callable:
    """``callback`` run only after its outputs have been checked against its inputs."""

    @functools.wraps(callback)
    def run(*args, **kwargs):
        ctx = click.get_current_context()
        outputs, inputs = planned_io(ctx)
        plan = check_outputs(outputs, inputs, command=command_name(ctx), replace=bool(ctx.params.get("replace")))
        result = callback(*args, **kwargs)
        finish_outputs(plan)
        return result

    run.orgnet_guarded = True
    return run


def guard_every_command(command: click.Command) -> None:
    """Put :func:`guarded` around ``command`` and, for a group, every command in it."""
    if command.callback is not None and not getattr(command.callback, "orgnet_guarded", False):
        command.callback = guarded(command.callback)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard_every_command(sub)
