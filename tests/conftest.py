"""Shared fixtures for the end-to-end tests: the binary under test and the repository root."""
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def binary() -> str:
    path = os.environ.get("METADATA_LINT") or str(ROOT / ".build" / "debug" / "metadata-lint")
    if not os.access(path, os.X_OK):
        pytest.fail(f"metadata-lint binary not found at {path}: run `make build` first")
    return path


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT
