# A test file by its name (`conftest.py`, as `test_*.py`, `*_test.py` and files under a
# `tests/` folder of the project): nothing in it is application code, helpers included.
import pytest
import redis

r = redis.Redis(db=15)
# ok: flush-in-application-code
r.flushall()


def wipe():
    # ok: flush-in-application-code
    r.flushdb()


def written(prefix):
    # ok: keys-command
    return sorted(r.keys(prefix + "*"))


@pytest.fixture(autouse=True)
def clean():
    wipe()
    yield
    assert written("tmp:") == []
