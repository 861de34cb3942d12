"""The one missing-value test (orgnet.values.is_missing) against pandas' own idea of a missing cell."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from orgnet.values import is_missing


@pytest.mark.parametrize("value", [None, pd.NA, pd.NaT, float("nan"), np.float64("nan"), math.nan])
def test_what_pandas_calls_missing_is_missing(value):
    assert pd.isna(value) and is_missing(value)


@pytest.mark.parametrize("value", [0, 0.0, "", "nan", False, "(missing)", np.int64(0), "Åse"])
def test_a_value_is_not_missing(value):
    assert not is_missing(value)
