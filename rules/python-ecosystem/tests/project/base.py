# A project's own TestCase base, imported by unittest_inference.py.
import unittest


class ProjectTestCase(unittest.TestCase):
    def assert_price(self, value):
        # expect: unittest-assertequals-removed
        self.assertEquals(value, 1)
