# `openai.api_key = ...` in application code and in test code (`context: application`):
# a test of the module-level client, or one that gives it a dummy key, sets it on purpose.
import os
import unittest

import openai
import pytest


def configure():
    # expect: module-api-key
    openai.api_key = os.environ["OPENAI_API_KEY"]


class Settings:
    def apply(self):
        # expect: module-api-key
        openai.api_key = self.key


@pytest.fixture(autouse=True)
def fake_key():
    # ok: module-api-key
    openai.api_key = "sk-test"
    yield
    # ok: module-api-key
    openai.api_key = None


def test_module_client_reads_the_key():
    # ok: module-api-key
    openai.api_key = "sk-test"
    assert openai.models.list()


class TestModuleClient:
    def reset(self):
        # ok: module-api-key
        openai.api_key = None


class ModuleClientTests(unittest.TestCase):
    def setUp(self):
        # ok: module-api-key
        openai.api_key = "sk-test"
