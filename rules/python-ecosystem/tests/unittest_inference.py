# A TestCase subclass whose base comes from another module of the project: this file never
# imports unittest itself.
from project.base import ProjectTestCase


class PriceTests(ProjectTestCase):
    def test_total(self):
        # expect: unittest-assertequals-removed
        self.assertEquals(2, 2)
        # expect: unittest-deprecated-alias-removed
        self.failUnless(True)


class Checker:
    """The app's own class, with a method of the same name."""

    def assertEquals(self, a, b):
        return a == b


checker = Checker()
# ok: unittest-assertequals-removed
checker.assertEquals(1, 1)
case = PriceTests()
# expect: unittest-assertequals-removed
case.assertEquals(1, 1)
