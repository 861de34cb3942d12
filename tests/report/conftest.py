"""The shipped municipality, and the same people with attributes orgnet does not know."""

from __future__ import annotations

import pytest

import orgnet
from tests.report.unknown import SHIPPED, unknown_attributes_folder


@pytest.fixture(scope="module")
def unknown_folder(tmp_path_factory):
    return unknown_attributes_folder(tmp_path_factory.mktemp("unknown") / "data")


@pytest.fixture(scope="module")
def shipped():
    return orgnet.read(SHIPPED)


@pytest.fixture(scope="module")
def unknown(unknown_folder):
    return orgnet.read(unknown_folder)
