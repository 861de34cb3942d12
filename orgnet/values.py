"""The one test for a missing value, wherever a cell may be empty: None, pandas' NA, NaN (Python's
or numpy's) and NaT. Everything else — 0, "", False — is a value."""

from __future__ import annotations

import math

import pandas as pd


def is_missing(value) -> bool:
    """True for None, ``pd.NA``, ``pd.NaT`` and a float NaN; False for every other scalar."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)  # numpy's float64 is a float too
