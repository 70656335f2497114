"""Every test here runs on SQLite and on PostgreSQL (the `backend` fixture; see tests/conftest.py)."""
import pytest

from tests.conftest import BOTH_BACKENDS


@pytest.fixture(params=BOTH_BACKENDS)
def backend(request) -> str:
    return request.param
