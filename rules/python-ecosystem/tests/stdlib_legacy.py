# Standard-library APIs removed or deprecated in recent Python releases.
import asyncio
import collections
import datetime
import unittest
# expect: imp-removed
import imp
# expect: distutils-removed
from distutils.version import LooseVersion
# expect: distutils-removed
import distutils.util as dutil
# expect: asyncore-asynchat-smtpd-removed
import asyncore
# expect: dead-battery-module-removed
import imghdr
# expect: dead-battery-module-removed
from cgi import parse_header
# expect: dead-battery-module-removed
import telnetlib as tn
# expect: collections-abc-import-removed
from collections import OrderedDict, Mapping
# expect: collections-abc-import-removed, collections-abc-import-removed
from collections import Iterable as It, Callable

# expect: datetime-utcnow-deprecated
stamp = datetime.datetime.utcnow()
# expect: datetime-utcfromtimestamp-deprecated
when = datetime.datetime.utcfromtimestamp(1700000000)

# expect: collections-abc-alias-removed
if isinstance({}, collections.Mapping):
    pass
# expect: collections-abc-alias-removed
is_seq = issubclass(list, collections.MutableSequence)


class LegacyTest(unittest.TestCase):
    def test_values(self):
        # expect: unittest-assertequals-removed
        self.assertEquals(1 + 1, 2)
        # expect: unittest-assertnotequals-removed
        self.assertNotEquals(1, 2)
        # expect: unittest-assertregexpmatches-removed
        self.assertRegexpMatches("abc", "b")
        # expect: unittest-assertraisesregexp-removed
        with self.assertRaisesRegexp(ValueError, "bad"):
            raise ValueError("bad")
        # expect: unittest-deprecated-alias-removed
        self.failUnless(True)
        # expect: unittest-deprecated-alias-removed
        self.assert_(True)
        # expect: unittest-deprecated-alias-removed
        self.assertDictContainsSubset({"a": 1}, {"a": 1, "b": 2})


async def fetch():
    # expect: asyncio-get-event-loop-in-coroutine
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, sum, [1, 2])


async def main():
    return await fetch()


# expect: asyncio-get-event-loop-run-until-complete
result = asyncio.get_event_loop().run_until_complete(main())

# expect: asyncio-get-event-loop-module-level
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
