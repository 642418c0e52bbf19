"""Fix templates, applying edits all-or-nothing, and `check --fix` / `--diff`."""

from __future__ import annotations

from conftest import rule_yaml, run_cli, write_pack
from upstream.engine import LANGUAGES, apply_edits, chosen_edits

UPDATE = rule_yaml("match:\n  pattern: $C.update($Q, $U)", extra="fix: $C.update_one($Q, $U)")
CHAT = rule_yaml(
    "match:\n  pattern: openai.ChatCompletion.create($$$ARGS)",
    extra="fix: openai.chat.completions.create($$$ARGS)",
)


def test_fix_template_substitutes_metavariables(find):
    [finding] = find(UPDATE, "db.c.update({'a': 1}, {'$set': {'b': 2}})\n")
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.text == "db.c.update_one({'a': 1}, {'$set': {'b': 2}})"


def test_multi_metavariable_keeps_layout_in_fix(find):
    code = "import openai\nopenai.ChatCompletion.create(\n    model='x',\n    messages=[],\n)\n"
    [finding] = find(CHAT, code)
    assert finding.fix is not None
    assert (
        finding.fix.text == "openai.chat.completions.create(\n    model='x',\n    messages=[],\n)"
    )


def test_multi_metavariable_with_keyed_items_taken_out_is_joined(find):
    rules = rule_yaml("match:\n  pattern: f($$$REST, engine=$E)", extra="fix: g($$$REST)")
    [finding] = find(rules, "f(a, engine=1, b=2)\n")
    assert finding.fix is not None and finding.fix.text == "g(a, b=2)"


def test_branch_that_does_not_bind_a_fix_variable_gets_no_fix(find):
    rules = rule_yaml(
        "match:\n  any:\n    - pattern: $M.trapz($$$A)\n    - pattern: scipy.integrate.trapz",
        extra="fix: $M.trapezoid($$$A)",
    )
    code = "import scipy.integrate\nfrom scipy.integrate import trapz\nscipy.integrate.trapz(y)\n"
    findings = sorted(find(rules, code), key=lambda finding: finding.start_byte)
    fixes = [finding.fix.text if finding.fix else None for finding in findings]
    assert "scipy.integrate.trapezoid(y)" in fixes
    assert None in fixes and not any("$" in (text or "") for text in fixes)


def test_unsafe_fix_is_only_chosen_when_asked(find):
    rules = rule_yaml("match:\n  pattern: f($X)", extra="fix:\n  template: g($X)\n  safe: false")
    findings = find(rules, "f(1)\n")
    assert chosen_edits(findings, unsafe=False) == []
    assert len(chosen_edits(findings, unsafe=True)) == 1


def test_apply_edits_skips_overlaps(find):
    rules = rule_yaml("match:\n  pattern: f($X)", extra="fix: g($X)")
    code = "f(f(1))\n"
    findings = find(rules, code)
    result = apply_edits(code.encode(), chosen_edits(findings, unsafe=False), LANGUAGES["python"])
    assert result.source == b"g(f(1))\n" and result.applied == 1 and result.overlapping == 1


def test_fix_that_breaks_syntax_is_refused_whole(find):
    rules = rule_yaml("match:\n  pattern: f($X)", extra="fix: 'g($X'")
    code = "f(1)\nf(2)\n"
    result = apply_edits(code.encode(), chosen_edits(find(rules, code), False), LANGUAGES["python"])
    assert result.refused and result.source == code.encode() and result.applied == 0


def test_check_fix_writes_the_file_and_reports_what_is_left(tmp_path):
    pack = write_pack(tmp_path, UPDATE)
    source = tmp_path / "app.py"
    source.write_text("db.c.update(q, u)\ndb.c.update(q)\n")
    result = run_cli("check", "--no-bundled", "--pack", str(pack), "--fix", str(source))
    assert source.read_text() == "db.c.update_one(q, u)\ndb.c.update(q)\n"
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_diff_changes_nothing(tmp_path):
    pack = write_pack(tmp_path, UPDATE)
    source = tmp_path / "app.py"
    source.write_text("db.c.update(q, u)\n")
    result = run_cli("check", "--no-bundled", "--pack", str(pack), "--diff", str(source))
    assert source.read_text() == "db.c.update(q, u)\n"
    assert "-db.c.update(q, u)\n+db.c.update_one(q, u)\n" in result.stdout
    assert result.returncode == 1


def test_no_fix_when_the_match_went_through_an_alias(find):
    # The template spells `openai.`; after `import openai as oa` that name is not bound.
    aliased = find(CHAT, "import openai as oa\noa.ChatCompletion.create(model='x')\n")
    assert len(aliased) == 1 and aliased[0].fix is None
    from_import = find(CHAT, "from openai import ChatCompletion\nChatCompletion.create()\n")
    assert len(from_import) == 1 and from_import[0].fix is None
    plain = find(CHAT, "import openai\nopenai.ChatCompletion.create()\n")
    assert plain[0].fix is not None


def test_fix_per_language(find):
    rules = rule_yaml(
        "match:\n  python:\n    pattern: old($X)\n  javascript:\n    pattern: old($X)",
        languages="[python, javascript]",
        extra="fix:\n  python: new_py($X)\n  javascript:\n    template: newJs($X)\n    safe: false",
    )
    [py] = find(rules, "old(1)\n", "python")
    [js] = find(rules, "old(1);\n", "javascript")
    assert py.fix is not None and py.fix.text == "new_py(1)" and py.fix.safe
    assert js.fix is not None and js.fix.text == "newJs(1)" and not js.fix.safe


def test_per_language_fix_may_leave_a_language_out(find):
    rules = rule_yaml(
        "match:\n  pattern: old($X)",
        languages="[python, javascript]",
        extra="fix:\n  python: new($X)",
    )
    assert find(rules, "old(1)\n", "python")[0].fix is not None
    assert find(rules, "old(1);\n", "javascript")[0].fix is None


def test_empty_multi_takes_its_separator_with_it(find):
    rules = rule_yaml("match:\n  pattern: old($A, $$$REST)", extra="fix: new($A, $$$REST)")
    [one, two] = find(rules, "old(1)\nold(1, 2, 3)\n")
    assert one.fix is not None and one.fix.text == "new(1)"
    assert two.fix is not None and two.fix.text == "new(1, 2, 3)"
    braces = rule_yaml(
        "match:\n  pattern: 'f({ a: 1, $$$R })'",
        languages="[javascript]",
        extra="fix: 'g({ $$$R })'",
    )
    [only] = find(braces, "f({ a: 1 });\n", "javascript")
    assert only.fix is not None and only.fix.text == "g({})"


def test_fix_offered_through_alias_when_template_does_not_name_it(find):
    rules = rule_yaml(
        "match:\n  pattern: 'redis.createClient($URL)'",
        languages="[javascript]",
        extra="fix: 'redis.createClient({ url: $URL })'",
    )
    other = rule_yaml(
        "match:\n  pattern: 'redis.createClient($URL)'",
        languages="[javascript]",
        extra="fix: 'createClient({ url: $URL })'",
    )
    code = "import { createClient } from 'redis';\ncreateClient(u);\n"
    assert find(rules, code, "javascript")[0].fix is None
    fixed = find(other, code, "javascript")[0].fix
    assert fixed is not None and fixed.text == "createClient({ url: u })"
