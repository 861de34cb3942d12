"""Running the plan in DuckDB: embedded, out of core, nothing to start.

Each step is kept as a table in a temporary database file, so that DuckDB can spill to disk
when ``memory_limit`` is reached instead of failing; the file is removed afterwards.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.events.addresses import FOLD_FUNCTION, address_key
from orgnet.events.files import longest_line, not_utf8_problem
from orgnet.events.plan import DUCKDB
from orgnet.events.sources import Source
from orgnet.io.text import sniff_delimiter

DUCKDB_MAX_LINE_SIZE = 2_097_152  # read_csv's default max_line_size, in bytes
# DuckDB's error for bytes that are not UTF-8 names the file on a line of its own
NOT_UTF8 = re.compile(r"(?s)not utf-8 encoded.*?\n\s*file = ([^\n]+)")


class DuckDBEngine:
    """The plan's runner on DuckDB (``memory_limit`` like ``"4GB"``; ``threads`` None for all cores)."""

    dialect = DUCKDB

    def __init__(self, *, memory_limit: str | None = None, threads: int | None = None, timezone: str = "UTC"):
        import duckdb

        self._scratch = Path(tempfile.mkdtemp(prefix="orgnet-events-"))
        self.connection = duckdb.connect(str(self._scratch / "events.duckdb"))
        settings = {"temp_directory": str(self._scratch / "spill"), "preserve_insertion_order": "false", "enable_progress_bar": "false"}
        if memory_limit:
            settings["memory_limit"] = memory_limit
        if threads:
            settings["threads"] = str(threads)
        try:
            for key, value in settings.items():
                self.connection.execute(f"SET {key} = '{value}'")
            self.connection.execute(f"SET TimeZone = '{timezone}'")
        except duckdb.Error as error:
            self.close()
            raise OrgnetError(Said("error.events.duckdb_setting", reason=str(error).splitlines()[0])) from None
        # the rare non-ASCII address is folded by Python itself, so that it meets the roster's
        self.connection.create_function(FOLD_FUNCTION, address_key, ["VARCHAR"], "VARCHAR")

    def register(self, name: str, source: Source) -> list[str]:
        files = "[" + ", ".join(_quote(file) for file in source.files) + "]"
        if source.format == "table":
            raise OrgnetError(Said("error.events.tables_need_spark", source=source.label))
        if source.format == "parquet":
            reader = f"read_parquet({files}, filename = true, union_by_name = true)"
        else:
            delimiter, longest = ",", 0
            if "://" not in source.files[0]:
                with open(source.files[0], encoding="utf-8-sig", errors="replace") as handle:
                    delimiter = sniff_delimiter(handle.read(65536))
                longest = max(longest_line(Path(file)) for file in source.files)
            # DuckDB refuses a row longer than max_line_size (2 MB unless told): allow the longest
            size = f", max_line_size = {longest + 1}" if longest >= DUCKDB_MAX_LINE_SIZE else ""
            reader = (f"read_csv({files}, header = true, all_varchar = true, delim = {_quote(delimiter)}, filename = true, "
                      f"union_by_name = true{size})")
        self._run(source.label, f"CREATE VIEW {name} AS SELECT *, filename AS _file FROM {reader}")
        described = self._run(source.label, f"DESCRIBE {name}").fetchall()
        source.list_columns = {row[0] for row in described if str(row[1]).endswith("[]")}
        return [row[0] for row in described if row[0] not in ("filename", "_file")]
    def register_roster(self, roster: pd.DataFrame) -> None:
        self.connection.register("roster_frame", roster)
        self.connection.execute("CREATE TEMP TABLE roster AS SELECT * FROM roster_frame")
        self.connection.unregister("roster_frame")

    def view(self, name: str, sql: str) -> None:
        self._run(name, f"CREATE VIEW {name} AS {sql}")

    def materialize(self, name: str, sql: str) -> None:
        self._run(name, f"CREATE TEMP TABLE {name} AS {sql}")

    def query(self, sql: str) -> pd.DataFrame:
        return self._run("a summary", sql).df()

    def _run(self, step: str, sql: str):
        """Run ``sql``; DuckDB's errors become messages that say what to do."""
        import duckdb

        try:
            return self.connection.execute(sql)
        except duckdb.OutOfMemoryException:
            limit = self.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]
            threads = self.connection.execute("SELECT current_setting('threads')").fetchone()[0]
            raise OrgnetError(Said("error.events.out_of_memory", step=step, limit=limit, threads=threads)) from None
        except duckdb.Error as error:
            not_utf8 = NOT_UTF8.search(str(error))
            if not_utf8:
                raise not_utf8_problem(Path(not_utf8.group(1).strip())) from None
            raise OrgnetError(Said("error.events.cannot_run", step=step, reason=str(error).splitlines()[0])) from None

    def close(self) -> None:
        try:
            self.connection.close()
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)


def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"
