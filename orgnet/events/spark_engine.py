"""Running the plan in Apache Spark: the same SQL, on a laptop (``local[2]``) or a cluster.

``master`` is any Spark master URL (``local[2]``, ``spark://host:7077``, ``yarn``); under
``spark-submit`` the session that is already configured is used. Steps are cached views;
results come back to the driver as pandas tables (the ties, not the events).
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from pathlib import Path

import pandas as pd

from orgnet.errors import OrgnetError, Said
from orgnet.events.files import check_utf8, file_columns
from orgnet.events.plan import SPARK
from orgnet.events.sources import Source
from orgnet.io.text import sniff_delimiter


def spark_problem() -> Said | None:
    """Why Spark cannot run here (no pyspark, no Java), or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return Said("error.events.no_pyspark")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return Said("error.events.no_java")
    return None


class SparkEngine:
    """The plan's runner on Spark."""

    dialect = SPARK

    def __init__(self, *, master: str | None = None, timezone: str = "UTC", config: dict | None = None):
        problem = spark_problem()
        if problem:
            raise OrgnetError(problem)
        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = SparkSession.builder.appName("orgnet events")
        if master:
            builder = builder.master(master)
        settings = {
            "spark.sql.session.timeZone": timezone,
            "spark.sql.ansi.enabled": "true",
            "spark.sql.shuffle.partitions": "4" if (master or "local").startswith("local") else "200",
            "spark.ui.enabled": "false",
            "spark.ui.showConsoleProgress": "false",
            "spark.sql.execution.arrow.pyspark.enabled": "true",
            **(config or {}),
        }
        for key, value in settings.items():
            builder = builder.config(key, value)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            self.session = builder.getOrCreate()
        for key in ("spark.sql.session.timeZone", "spark.sql.ansi.enabled"):  # a reused session keeps its own
            self.session.conf.set(key, settings[key])
        self.session.sparkContext.setLogLevel("ERROR")
        self._views: list[str] = []

    def register(self, name: str, source: Source) -> list[str]:
        from pyspark.sql import functions

        if source.format == "table":
            frame = self.session.table(source.table)
        elif source.format == "parquet":
            frame = self.session.read.parquet(*source.files)
        else:
            delimiter = ","  # a file on the cluster's storage: comma-separated
            if "://" not in source.files[0]:
                with open(source.files[0], encoding="utf-8-sig", errors="replace") as handle:
                    delimiter = sniff_delimiter(handle.read(65536))
                for file in source.files:  # Spark would replace bytes that are not UTF-8, silently
                    check_utf8(Path(file))
            # Spark reads every file of one read by the first file's header, by position: files
            # whose headers differ are read apart and united by name, as DuckDB does
            groups: dict[tuple, list[str]] = {}
            for file in source.files:
                groups.setdefault(tuple(file_columns(file, "csv") or ()), []).append(file)
            frame = None
            for files in groups.values():
                # a quote inside a quoted field is doubled (RFC 4180, as Excel and DuckDB write it), not backslashed
                part = self.session.read.csv(files, header=True, sep=delimiter, inferSchema=False, encoding="UTF-8", quote='"', escape='"')
                # a byte-order mark stays in Spark's first column name; DuckDB drops it
                part = part.toDF(*[column.lstrip("\ufeff") for column in part.columns])
                frame = part if frame is None else frame.unionByName(part, allowMissingColumns=True)
        from pyspark.sql.types import ArrayType

        source.list_columns = {f.name for f in frame.schema.fields if isinstance(f.dataType, ArrayType)}
        frame = frame.withColumn("_file", functions.input_file_name())
        frame.createOrReplaceTempView(name)
        self._views.append(name)
        return [column for column in frame.columns if column != "_file"]

    def register_roster(self, roster: pd.DataFrame) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = self.session.createDataFrame(roster.astype({"email": "str", "pid": "int64"}))
        frame.cache().createOrReplaceTempView("roster")
        self._views.append("roster")

    def view(self, name: str, sql: str) -> None:
        self.session.sql(sql).createOrReplaceTempView(name)
        self._views.append(name)

    def materialize(self, name: str, sql: str) -> None:
        self.session.sql(sql).cache().createOrReplaceTempView(name)
        self._views.append(name)

    def query(self, sql: str) -> pd.DataFrame:
        with warnings.catch_warnings():  # pyspark warns about every pandas newer than it was tested with
            warnings.simplefilter("ignore")
            return self.session.sql(sql).toPandas()

    def close(self) -> None:
        for name in self._views:
            self.session.catalog.dropTempView(name)
        self.session.catalog.clearCache()
