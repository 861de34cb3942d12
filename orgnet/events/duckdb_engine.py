"""Running the plan in DuckDB: embedded, out of core, nothing to start.

Each step is kept as a table in a temporary database file, so that DuckDB can spill to disk
when ``memory_limit`` is reached instead of failing; the file is removed afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError
from orgnet.events.plan import DUCKDB
from orgnet.events.sources import Source
from orgnet.io.text import sniff_delimiter


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
            raise OrgnetError(f"DuckDB refused a setting: {str(error).splitlines()[0]}") from None

    def register(self, name: str, source: Source) -> list[str]:
        files = "[" + ", ".join(_quote(file) for file in source.files) + "]"
        if source.format == "table":
            raise OrgnetError(f"{source.label}: tables are read by --engine spark; give DuckDB files")
        if source.format == "parquet":
            reader = f"read_parquet({files}, filename = true, union_by_name = true)"
        else:
            delimiter = sniff_delimiter(Path(source.files[0]).read_text(encoding="utf-8-sig", errors="replace")[:65536])
            reader = f"read_csv({files}, header = true, all_varchar = true, delim = {_quote(delimiter)}, filename = true, union_by_name = true)"
        self.connection.execute(f"CREATE VIEW {name} AS SELECT *, filename AS _file FROM {reader}")
        columns = [row[0] for row in self.connection.execute(f"DESCRIBE {name}").fetchall()]
        return [column for column in columns if column not in ("filename", "_file")]

    def register_roster(self, roster: pd.DataFrame) -> None:
        self.connection.register("roster_frame", roster)
        self.connection.execute("CREATE TEMP TABLE roster AS SELECT * FROM roster_frame")
        self.connection.unregister("roster_frame")

    def view(self, name: str, sql: str) -> None:
        self.connection.execute(f"CREATE VIEW {name} AS {sql}")

    def materialize(self, name: str, sql: str) -> None:
        self.connection.execute(f"CREATE TEMP TABLE {name} AS {sql}")

    def query(self, sql: str) -> pd.DataFrame:
        return self.connection.execute(sql).df()

    def close(self) -> None:
        try:
            self.connection.close()
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)


def _quote(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"
