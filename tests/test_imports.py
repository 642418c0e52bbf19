"""Module-qualified patterns match through aliases, and `imports:` limits a rule to files."""

from __future__ import annotations

from conftest import lines, rule_yaml

CHAT = rule_yaml("match:\n  pattern: openai.ChatCompletion.create($$$)")
CLIENT = rule_yaml("match:\n  pattern: new MongoClient($$$)", languages="[javascript, typescript]")


def test_plain_module_reference(find):
    assert lines(find(CHAT, "import openai\nopenai.ChatCompletion.create(model='x')\n")) == [2]


def test_import_as_alias(find):
    assert lines(find(CHAT, "import openai as oa\noa.ChatCompletion.create()\n")) == [2]


def test_from_import(find):
    code = "from openai import ChatCompletion\nChatCompletion.create()\n"
    assert lines(find(CHAT, code)) == [2]


def test_from_import_as(find):
    code = "from openai import ChatCompletion as CC\nCC.create()\n"
    assert lines(find(CHAT, code)) == [2]


def test_same_name_from_another_module_is_not_reported(find):
    code = "import openai\nfrom mylib import ChatCompletion\nChatCompletion.create()\n"
    assert find(CHAT, code) == []


def test_alias_of_another_module_is_not_reported(find):
    code = "import mylib as openai\nopenai.ChatCompletion.create()\n"
    assert find(CHAT, code) == []


def test_javascript_destructured_require(find):
    code = 'const { MongoClient } = require("mongodb");\nconst c = new MongoClient(url);\n'
    assert lines(find(CLIENT, code, "javascript")) == [2]


def test_javascript_renamed_destructured_require(find):
    code = 'const { MongoClient: MC } = require("mongodb");\nconst c = new MC(url);\n'
    assert lines(find(CLIENT, code, "javascript")) == [2]


def test_es_module_named_import(find):
    code = 'import { MongoClient } from "mongodb";\nconst c = new MongoClient(url);\n'
    assert lines(find(CLIENT, code, "typescript")) == [2]


def test_es_module_import_alias(find):
    code = 'import { MongoClient as Client } from "mongodb";\nconst c = new Client(url);\n'
    assert lines(find(CLIENT, code, "javascript")) == [2]


def test_namespace_import(find):
    rules = rule_yaml("match:\n  pattern: new mongodb.MongoClient($$$)", languages="[javascript]")
    code = 'import * as mongo from "mongodb";\nnew mongo.MongoClient(url);\n'
    assert lines(find(rules, code, "javascript")) == [2]


def test_imports_key_limits_rule_to_importing_files(find):
    rules = rule_yaml("match:\n  pattern: $C.insert($D)", extra="imports: [pymongo]")
    assert lines(find(rules, "import pymongo\ndb.c.insert(doc)\n")) == [2]
    assert lines(find(rules, "from pymongo.collection import Collection\ndb.c.insert(doc)\n")) == [
        2
    ]
    assert find(rules, "items = []\nitems.insert(0, x)\ndb.c.insert(doc)\n") == []


def test_imports_key_in_javascript(find):
    rules = rule_yaml(
        "match:\n  pattern: $C.insert($D)", languages="[javascript]", extra="imports: [mongodb]"
    )
    assert lines(find(rules, 'const m = require("mongodb");\nc.insert(d);\n', "javascript")) == [2]
    assert find(rules, 'const m = require("mongodb-like");\nc.insert(d);\n', "javascript") == []


def test_imports_key_in_java_and_go(find):
    java = rule_yaml(
        "match:\n  pattern: $C.insert($D)", languages="[java]", extra="imports: [com.mongodb]"
    )
    code = "import com.mongodb.client.MongoCollection;\nclass A { void m() { c.insert(d); } }\n"
    assert lines(find(java, code, "java")) == [2]
    other = "import java.util.List;\nclass A { void m() { c.insert(d); } }\n"
    assert find(java, other, "java") == []
    go = rule_yaml(
        "match:\n  pattern: $C.InsertOne($$$)",
        languages="[go]",
        extra="imports: [go.mongodb.org/mongo-driver]",
    )
    code = (
        'package m\nimport "go.mongodb.org/mongo-driver/mongo"\nfunc f() { c.InsertOne(ctx, d) }\n'
    )
    assert lines(find(go, code, "go")) == [3]
    assert find(go, 'package m\nimport "fmt"\nfunc f() { c.InsertOne(ctx, d) }\n', "go") == []


def test_a_module_level_alias_assignment_binds_the_name(find):
    code = "import openai\nai = openai\nai.ChatCompletion.create()\n"
    assert lines(find(CHAT, code)) == [3]


def test_a_name_bound_two_ways_resolves_to_nothing(find):
    # Compat code: `tf = tf.compat.v1` after `import tensorflow as tf`, or alternative imports.
    rebound = "import openai\nopenai = openai.v0\nopenai.ChatCompletion.create()\n"
    assert find(CHAT, rebound) == []
    either = (
        "try:\n    import openai_legacy as openai\nexcept ImportError:\n    import openai\n"
        "openai.ChatCompletion.create()\n"
    )
    assert find(CHAT, either) == []
    unknown = "import openai\nif OLD:\n    openai = shim\nopenai.ChatCompletion.create()\n"
    assert find(CHAT, unknown) == []
    # The same path twice is one binding.
    twice = "import openai\ndef f():\n    import openai\n    openai.ChatCompletion.create()\n"
    assert lines(find(CHAT, twice)) == [4]
