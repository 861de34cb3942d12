"""Limits that keep a hostile or broken file from taking minutes and gigabytes to refuse.

An ``.xlsx`` is a zip archive: a 4 MB workbook can inflate to gigabytes ("zip bomb"). Before
any parsing, the archive's declared sizes, its compression ratios and (while decompressing, in
a stream that stops at the limit) its actual sizes are checked. GraphML, GEXF and CSV files
are refused above the same size, and ``orgnet.toml`` above 1 MB. Real data is far below: the
100,000-person municipality's ``ties.csv`` is about 40 MB.

The limit is :data:`MAX_INPUT_MB` (512 MB); ``orgnet --max-input-mb N …`` raises it.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from orgnet.errors import InputError, Problem, Said

MAX_INPUT_MB = 512
MAX_CONFIG_BYTES = 1_000_000
# Worksheets compress well (repeated tags), real ones up to about 20:1; a bomb reaches 1000:1.
MAX_RATIO = 100
RATIO_CHECKED_ABOVE = 20 * 2**20  # small members may compress any amount
OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # encrypted .xlsx and old .xls files

_limit = {"mb": MAX_INPUT_MB}


def set_max_input_mb(megabytes: int) -> None:
    _limit["mb"] = megabytes


def max_input_bytes() -> int:
    return _limit["mb"] * 2**20


def check_file_size(path: Path, name: str) -> None:
    size = Path(path).stat().st_size
    if size > max_input_bytes():
        raise InputError([Problem(name, Said("error.io.file_too_big", mb=size / 2**20, most=_limit["mb"]))])


def check_workbook(path: Path, name: str) -> None:
    """Refuse, quickly, a workbook that is encrypted or would inflate beyond the limit."""
    with open(path, "rb") as file:
        head = file.read(8)
    if head == OLE_SIGNATURE:
        raise InputError([Problem(name, Said("error.io.workbook_encrypted_or_xls"))])
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return  # reading reports it as "not an Excel workbook"
    with archive:
        members = archive.infolist()
        if any(member.flag_bits & 0x1 for member in members):
            raise InputError([Problem(name, Said("error.io.workbook_encrypted"))])
        limit = max_input_bytes()
        declared = sum(member.file_size for member in members)
        if declared > limit:
            raise InputError([Problem(name, Said("error.io.workbook_would_unpack", mb=declared / 2**20, most=_limit["mb"]))])
        for member in members:
            if member.file_size > RATIO_CHECKED_ABOVE and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise InputError([Problem(name, Said("error.io.zip_bomb", member=member.filename, ratio=member.file_size // max(member.compress_size, 1)))])
        _check_actual_sizes(archive, members, limit, name)


def _check_actual_sizes(archive: zipfile.ZipFile, members, limit: int, name: str) -> None:
    """Declared sizes can lie: decompress in a stream, stopping as soon as the total passes the limit."""
    total = 0
    for member in members:
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(2**20):
                    total += len(chunk)
                    if total > limit:
                        raise InputError([Problem(name, Said("error.io.workbook_unpacks", most=_limit["mb"]))])
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:  # every byte is read here, so a damaged one is found here
            what = str(error) if member.filename in str(error) else f"{member.filename}: {error}"
            raise InputError([Problem(name, Said("error.io.workbook_damaged", reason=what))]) from None
