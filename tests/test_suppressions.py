"""`upstream: ignore[...]` comments."""

from __future__ import annotations

from conftest import lines, rule_yaml

EVAL = rule_yaml("match:\n  pattern: eval($X)")


def test_trailing_comment_suppresses_its_line(find):
    code = "eval(a)  # upstream: ignore[t/r]\neval(b)\n"
    assert lines(find(EVAL, code)) == [2]


def test_comment_on_line_above(find):
    code = "# upstream: ignore[r]\neval(a)\neval(b)\n"
    assert lines(find(EVAL, code)) == [3]


def test_other_rule_id_does_not_suppress(find):
    assert lines(find(EVAL, "eval(a)  # upstream: ignore[other]\n")) == [1]


def test_bare_ignore_suppresses_every_rule(find):
    assert find(EVAL, "eval(a)  # upstream: ignore\n") == []


def test_ignore_file(find):
    code = "# upstream: ignore-file[t/r]\neval(a)\n\neval(b)\n"
    assert find(EVAL, code) == []


def test_marker_inside_a_string_is_not_a_suppression(find):
    code = "eval('# upstream: ignore[r]')\n"
    assert lines(find(EVAL, code)) == [1]


def test_javascript_comment_syntax(find):
    rules = rule_yaml("match:\n  pattern: eval($X)", languages="[javascript]")
    code = "// upstream: ignore[r]\neval(a);\neval(b); /* upstream: ignore[t/r] */\neval(c);\n"
    assert lines(find(rules, code, "javascript")) == [4]
