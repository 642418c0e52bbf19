# Current standard-library usage, and compatibility imports guarded by try/except.
import asyncio
import collections
import collections.abc
import importlib
import shutil
import unittest
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

try:
    # ok: distutils-removed
    from distutils.version import LooseVersion
except ImportError:
    LooseVersion = None

try:
    # ok: imp-removed
    import imp
except (ImportError, AttributeError):
    imp = None

try:
    # ok: dead-battery-module-removed
    import imghdr
except ModuleNotFoundError:
    imghdr = None

try:
    # ok: collections-abc-import-removed
    from collections import Mapping as LegacyMapping
except ImportError:
    from collections.abc import Mapping as LegacyMapping

# ok: asyncore-asynchat-smtpd-removed
import asyncio.streams
# ok: dead-battery-module-removed
import shlex

# ok: datetime-utcnow-deprecated
now = datetime.now(timezone.utc)
# ok: datetime-utcfromtimestamp-deprecated
then = datetime.fromtimestamp(0, tz=timezone.utc)
# ok: collections-abc-alias-removed
is_map = isinstance({}, collections.abc.Mapping)
# ok: collections-abc-alias-removed
counts = collections.Counter("abc")
# ok: collections-abc-import-removed
ordered = OrderedDict()


class ModernTest(unittest.TestCase):
    def test_values(self):
        # ok: unittest-assertequals-removed
        self.assertEqual(1 + 1, 2)
        # ok: unittest-assertnotequals-removed
        self.assertNotEqual(1, 2)
        # ok: unittest-assertregexpmatches-removed
        self.assertRegex("abc", "b")
        # ok: unittest-assertraisesregexp-removed
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad")
        # ok: unittest-deprecated-alias-removed
        self.assertTrue(True)


class Matcher:
    def assertEquals(self, a, b):
        return a == b


# ok: unittest-assertequals-removed
Matcher().assertEquals(1, 1)


async def fetch():
    # ok: asyncio-get-event-loop-in-coroutine
    loop = asyncio.get_running_loop()

    def callback():
        # ok: asyncio-get-event-loop-in-coroutine
        return asyncio.get_event_loop()

    return loop, callback


def start():
    # ok: asyncio-get-event-loop-module-level
    return asyncio.get_event_loop()


# ok: asyncio-get-event-loop-run-until-complete
result = asyncio.run(fetch())
# ok: asyncio-get-event-loop-module-level
runner_loop = asyncio.new_event_loop()
