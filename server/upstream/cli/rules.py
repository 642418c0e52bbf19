"""``upstream rules``: list the rules that apply here, or explain one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from upstream.cli.exit_codes import EXIT_CLEAN, EXIT_ERROR
from upstream.cli.options import Subcommands, add_pack_options, load_rules, resolve
from upstream.errors import UsageError
from upstream.packs import LoadedRules, Pack, Rule
from upstream.packs.schema import UnknownWhen
from upstream.project.versions import VersionResolver
from upstream.report.markdown import format_packs
from upstream.workspace import Workspace
from upstream.workspace.version_report import library_version


def add_parser(commands: Subcommands) -> None:
    rules = commands.add_parser("rules", help="list rules, or explain one")
    rules.add_argument("explain", nargs="*", help="`explain RULE_ID` prints one rule")
    rules.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="markdown: docs/packs.md"
    )
    rules.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="with explain: whether the rule's version gate holds for PATH, and why",
    )
    add_pack_options(rules)


def run(args: argparse.Namespace) -> int:
    file: Path | None = args.file
    if file is not None and not file.exists():
        raise UsageError(f"{file}: no such file or folder")
    workspace = resolve(args, file or Path.cwd())
    loaded = load_rules(workspace)
    if args.explain:
        if args.explain[0] != "explain" or len(args.explain) != 2:
            raise UsageError("usage: upstream rules [explain RULE_ID [--file PATH]]")
        code = _explain(loaded, args.explain[1])
        if file is not None:
            _explain_gate(workspace, loaded, args.explain[1], file)
        return code
    if file is not None:
        raise UsageError("--file goes with `explain RULE_ID`")
    if args.format == "markdown":
        sys.stdout.write(format_packs(loaded.rule_set.packs))
        return EXIT_ERROR if loaded.problems else EXIT_CLEAN
    for pack in loaded.rule_set.packs:
        print(
            f"{pack.name} {pack.manifest.version}: {pack.manifest.title} ({len(pack.rules)} rules)"
        )
        for rule in pack.rules:
            languages = ",".join(rule.languages)
            fix = " fix" if rule.has_fix else ""
            print(f"  {pack.full_id(rule):<48} {rule.severity:<8} {languages}{fix}")
    total = sum(len(pack.rules) for pack in loaded.rule_set.packs)
    print(f"{total} rules in {len(loaded.rule_set.packs)} packs")
    return EXIT_ERROR if loaded.problems else EXIT_CLEAN


def _describe_fix(rule: Rule) -> str:
    fixes = [(lang, rule.fix_for(lang)) for lang in rule.languages]
    present = [(lang, fix) for lang, fix in fixes if fix is not None]
    if not present:
        return "no"
    unsafe = any(not fix.safe for _, fix in present)
    described = "yes (unsafe: applied only with --unsafe-fixes)" if unsafe else "yes"
    if len(present) < len(fixes):
        described += f" for {', '.join(lang for lang, _ in present)}"
    return described


def _describe_type(types: list[str], unknown: bool | UnknownWhen) -> str:
    """`$C is pymongo.Collection (a value of unknown type counts too)`."""
    spelled = " or ".join(types)
    if isinstance(unknown, UnknownWhen):
        counted = f"counts when its text matches /{unknown.regex}/"
    else:
        counted = "counts too" if unknown else "does not count"
    return f"{spelled} (a value of unknown type {counted})"


def _explain(loaded: LoadedRules, rule_id: str) -> int:
    pack, rule = _find_rule(loaded, rule_id)
    print(f"{pack.full_id(rule)}: {rule.title}")
    print(f"  severity:  {rule.severity}")
    print(f"  languages: {', '.join(rule.languages)}")
    print(f"  docs:      {rule.docs}")
    if rule.requires:
        print(f"  requires:  {rule.requires}")
    if rule.imports:
        either = " (or the project depending on it)" if rule.gate == "dependency" else ""
        print(f"  imports:   {', '.join(rule.imports)}{either}")
    if rule.references:
        print(f"  also when stored: {', '.join(rule.references)}")
    if rule.tags:
        print(f"  tags:      {', '.join(rule.tags)}")
    for name, where in rule.where.items():
        if where.type is not None:
            print(f"  types:     ${name} is {_describe_type(where.types, where.unknown)}")
    print(f"  fix:       {_describe_fix(rule)}")
    print(f"  message:   {rule.message}")
    if rule.explanation:
        print()
        print(rule.explanation.rstrip())
    return EXIT_CLEAN


def _find_rule(loaded: LoadedRules, rule_id: str) -> tuple[Pack, Rule]:
    matches = [
        (pack, rule)
        for full, (pack, rule) in loaded.rule_set.rules.items()
        if full == rule_id or full.split("/", 1)[1] == rule_id
    ]
    if not matches:
        raise UsageError(f"no rule {rule_id!r} (see `upstream rules`)")
    if len(matches) > 1:
        names = ", ".join(pack.full_id(rule) for pack, rule in matches)
        raise UsageError(f"{rule_id!r} is ambiguous: {names}")
    return matches[0]


def _explain_gate(workspace: Workspace, loaded: LoadedRules, rule_id: str, file: Path) -> None:
    """The versions the rule's gate sees from ``file``, their sources, and the verdict."""
    _, rule = _find_rule(loaded, rule_id)
    requirements = rule.requirements()
    print()
    if not requirements:
        print(f"{file}: no version gate; the rule applies to every version")
        return
    resolver = VersionResolver(installed=workspace.settings.installed)
    unknown = workspace.settings.unknown_version_policy
    folder = file if file.is_dir() else file.parent
    for requirement in requirements:
        library = (requirement.ecosystem, requirement.name)
        found = library_version(resolver, workspace.environment, library, file, folder)
        holds = resolver.satisfies(requirement, file)
        if holds is None:
            effect = "applies" if unknown == "apply" else "is skipped"
            verdict = f'unknown, so the rule {effect} (unknown-version = "{unknown}")'
        else:
            verdict = "the gate holds" if holds else "the gate does not hold: the rule is off"
        source = f" ({found.origin}: {found.where})" if found.where else ""
        print(
            f"{file}: requires {requirement.name}{requirement.specifier}; "
            f"found {found.version}{source}: {verdict}"
        )
