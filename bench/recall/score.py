"""Score `upstream check` against hand labels on third-party code: recall and precision.

    python bench/recall/score.py                       # fetch the corpus once, check, score
    python bench/recall/score.py --packs pymongo,redis # only these packs' rules and labels
    python bench/recall/score.py --json                # the results as JSON on stdout
    python bench/recall/score.py --out DIR             # also write DIR/recall.{md,json}
    python bench/recall/score.py --check-labels        # each label's source line, no check
    python bench/recall/score.py --ref HEAD            # the committed engine, not the checkout

The corpus (bench/recall/corpus.toml, fetched by fetch.py) is old code that uses APIs the
bundled packs cover; bench/recall/labels/<package>.toml says, for every such use, the file,
line and rule (`[[expected]]`), plus look-alikes that must not be reported (`[[negative]]`)
and findings reviewed as wrong (`[[false_positive]]`).

The check is a migration check: the corpus holds no manifest, the Python environment is
switched off (UPSTREAM_PYTHON_ENVIRONMENT=none) and a generated config sets
`unknown-version = "apply"` and `library-packs = false`, so every version gate applies, as if
the code were moved to today's libraries. Each package is checked as its own project (the
generated config sits in its folder), so one package's files never type another's.
Matching is by (path, line, rule family): a finding covers a label when the label's line lies
within the finding's lines and both rules are in one family, the rules that report variants
of one API (the `insert(doc)` / `insert([docs])` / `insert(x)` rules, a version-staged pair
such as Mongoose `count()` deprecated/removed, ...).

    recall    = labels covered by a finding / labels
    precision = findings covering a label / findings (of the packs in scope)

Findings that cover no label and are not listed as `[[false_positive]]` are "unreviewed":
they are listed so a person can label them one way or the other.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fetch  # noqa: E402

# Rules reporting variants of one API: a label names one, any of them covers it.
FAMILIES: dict[str, list[str]] = {
    "pymongo/insert": [
        "pymongo/collection-insert-document-removed",
        "pymongo/collection-insert-documents-removed",
        "pymongo/collection-insert-removed",
    ],
    "pymongo/update": [
        "pymongo/collection-update-one-removed",
        "pymongo/collection-update-many-removed",
        "pymongo/collection-update-replace-removed",
        "pymongo/collection-update-removed",
    ],
    "pymongo/remove": [
        "pymongo/collection-remove-filter-removed",
        "pymongo/collection-remove-removed",
    ],
    "pymongo/find-and-modify": [
        "pymongo/collection-find-and-modify-update-removed",
        "pymongo/collection-find-and-modify-removed",
    ],
    # Collection.count and Cursor.count: which one a receiver is, is what inference decides.
    "pymongo/count": [
        "pymongo/collection-count-removed",
        "pymongo/collection-count-all-removed",
        "pymongo/cursor-count-filter-removed",
        "pymongo/cursor-count-removed",
    ],
    "pymongo/collection-names": [
        "pymongo/database-collection-names-removed",
        "pymongo/database-collection-names-system-removed",
    ],
    "mongodb-node/insert": [
        "mongodb-node/collection-insert-removed",
        "mongodb-node/collection-insert-many-removed",
        "mongodb-node/collection-insert-value-removed",
    ],
    "mongodb-node/callbacks": [
        "mongodb-node/operation-callback-removed",
        "mongodb-node/cursor-to-array-callback-removed",
        "mongodb-node/connect-callback-removed",
    ],
    "mongodb-node/mongoose-callbacks": [
        "mongodb-node/model-callback-removed",
        "mongodb-node/document-query-callback-removed",
    ],
    "mongodb-node/model-count": [
        "mongodb-node/model-count-removed",
        "mongodb-node/model-count-deprecated",
    ],
    "mongodb-node/topology-options": [
        "mongodb-node/legacy-topology-options",
        "mongodb-node/legacy-topology-options-removed",
        "mongodb-node/mongoose-connect-options-no-effect",
        "mongodb-node/mongoose-connect-topology-options-removed",
    ],
    "python-ecosystem/root-validator": [
        "python-ecosystem/root-validator-deprecated",
        "python-ecosystem/root-validator-needs-skip-on-failure",
    ],
    "python-ecosystem/fillna-method": [
        "python-ecosystem/fillna-method-ffill-removed",
        "python-ecosystem/fillna-method-bfill-removed",
    ],
    "python-ecosystem/get-event-loop": [
        "python-ecosystem/asyncio-get-event-loop-in-coroutine",
        "python-ecosystem/asyncio-get-event-loop-run-until-complete",
        "python-ecosystem/asyncio-get-event-loop-module-level",
    ],
    "python-ecosystem/collections-abc": [
        "python-ecosystem/collections-abc-alias-removed",
        "python-ecosystem/collections-abc-import-removed",
    ],
}
_FAMILY_OF = {rule: family for family, rules in FAMILIES.items() for rule in rules}


def family(rule: str) -> str:
    return _FAMILY_OF.get(rule, rule)


def pack_of(rule: str) -> str:
    return rule.split("/", 1)[0]


@dataclass(frozen=True)
class Label:
    package: str  # folder, e.g. "Eve-0.7.10"
    path: str  # relative to the package folder
    line: int
    rule: str
    reason: str
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    package: str
    path: str
    line: int
    end_line: int
    rule: str
    message: str

    def covers(self, package: str, path: str, line: int, rule: str) -> bool:
        return (
            self.package == package
            and self.path == path
            and self.line <= line <= self.end_line
            and family(self.rule) == family(rule)
        )


def load_labels(packages: list[fetch.Package]) -> dict[str, dict[str, list[Any]]]:
    """package folder -> {"expected": [Label], "negative": [...], "false_positive": [...]}"""
    by_folder: dict[str, dict[str, list[Any]]] = {}
    for package in packages:
        file = fetch.LABELS / f"{package.name.lower()}.toml"
        data = tomllib.loads(file.read_text()) if file.exists() else {}
        if data and (data.get("package"), data.get("version")) != (package.name, package.version):
            raise SystemExit(f"{file}: labels are for {data.get('package')} {data.get('version')}")
        lists: dict[str, list[Any]] = {}
        for kind in ("expected", "negative", "false_positive"):
            lists[kind] = [
                Label(
                    package.folder,
                    e["path"],
                    e["line"],
                    e.get("rule", ""),
                    e["reason"],
                    tuple(e.get("forms", ())),
                )
                for e in data.get(kind, [])
            ]
        by_folder[package.folder] = lists
    return by_folder


def bundled_rule_ids() -> set[str]:
    import yaml

    ids = set()
    for file in sorted((HERE.parent.parent / "rules").glob("*/*.yaml")):
        if file.name == "pack.yaml":
            continue
        for rule in (yaml.safe_load(file.read_text()) or {}).get("rules", []):
            ids.add(f"{file.parent.name}/{rule['id']}")
    return ids


def export_ref(ref: str, destination: Path) -> str:
    """The engine and packs (server/, rules/) of git revision `ref`, into `destination`.

    Returns the commit's short hash. Used to measure a committed engine while the checkout
    holds work in progress (`--ref HEAD`), or an old one for a before/after comparison.
    """
    repo = HERE.parent.parent
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", ref],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", commit, "server", "rules"],
        check=True,
        capture_output=True,
    ).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter="data")
    return commit


def run_check(
    corpus: Path, folders: list[str], jobs: int | None, source: Path | None = None
) -> list[dict[str, Any]]:
    """`upstream check` over each package of the corpus as a migration check; the JSON
    findings, their paths relative to the corpus.

    Each package is checked as its own project (a generated upstream.toml in its folder
    marks the project root), as its user would check it: what one package's files define
    (a member set on `req`, a module's exports) does not decide another's.

    `source`: a folder holding server/ and rules/ (see export_ref) to run instead of the
    installed upstream."""
    environment = dict(os.environ, UPSTREAM_PYTHON_ENVIRONMENT="none")
    environment.pop("VIRTUAL_ENV", None)
    if source is not None:
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(source / "server"), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
        probe = subprocess.run(
            [sys.executable, "-c", "import upstream; print(upstream.__file__)"],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not probe.startswith(str(source)):
            raise SystemExit(f"--ref: `import upstream` found {probe}, not the exported tree")
    findings: list[dict[str, Any]] = []
    for folder in folders:
        project = corpus / folder
        config = project / "upstream.toml"
        config.write_text('unknown-version = "apply"\nlibrary-packs = false\n')
        command = [sys.executable, "-m", "upstream", "check", "--format", "json", "--no-cache"]
        command += ["--unknown-version", "apply", "--config", str(config)]
        command += ["--jobs", str(jobs)] if jobs else []
        command.append(".")
        result = subprocess.run(
            command, cwd=project, env=environment, capture_output=True, text=True
        )
        if result.returncode not in (0, 1):
            raise SystemExit(
                f"upstream check of {folder} failed ({result.returncode}):\n{result.stderr[-3000:]}"
            )
        for finding in json.loads(result.stdout or "[]"):
            finding["path"] = f"{folder}/{finding['path']}"
            findings.append(finding)
    return findings


def _manifests_above(corpus: Path) -> list[str]:
    """Manifests in the corpus's parent folders, which would decide version gates."""
    names = (
        "pyproject.toml",
        "package.json",
        "requirements.txt",
        "poetry.lock",
        "uv.lock",
        "Pipfile.lock",
        "package-lock.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "node_modules",
    )
    found = []
    for folder in corpus.resolve().parents:
        found += [str(folder / n) for n in names if (folder / n).exists()]
    return found


def match_labels(expected: list[Label], findings: list[Finding]) -> dict[Label, bool]:
    """Which labels a finding covers, one finding per label.

    A chain such as `client.multi().zrem(a).zrem(b)` is one call inside another: the outer
    call's lines cover the inner call's label too. So each finding is given to one label,
    preferring the label on the finding's first or last line, then the finding with the
    fewest lines; the labels with the fewest candidates choose first.
    """
    candidates = {
        label: sorted(
            (f for f in findings if f.covers(label.package, label.path, label.line, label.rule)),
            key=lambda f: (label.line not in (f.line, f.end_line), f.end_line - f.line, f.line),
        )
        for label in expected
    }
    taken: set[Finding] = set()
    found: dict[Label, bool] = {}
    for label in sorted(expected, key=lambda x: (len(candidates[x]), x.package, x.path, x.line)):
        choice = next((f for f in candidates[label] if f not in taken), None)
        found[label] = choice is not None
        if choice is not None:
            taken.add(choice)
    return found


def split_path(path: str) -> tuple[str, str]:
    package, _, relative = os.path.normpath(path).removeprefix("./").partition(os.sep)
    return package, relative.replace(os.sep, "/")


def score(
    labels: dict[str, dict[str, list[Any]]],
    raw: list[dict[str, Any]],
    packs: set[str] | None,
    packages: list[fetch.Package],
) -> dict[str, Any]:
    def in_scope(rule: str) -> bool:
        return packs is None or pack_of(rule) in packs

    by_folder = {p.folder: p for p in packages}
    findings = []
    skipped = 0
    for item in raw:
        if not in_scope(item["rule"]):
            continue
        package, path = split_path(item["path"])
        if package in by_folder and by_folder[package].skips(item["rule"]):
            skipped += 1
            continue
        findings.append(
            Finding(
                package,
                path,
                item["line"],
                item.get("end_line", item["line"]),
                item["rule"],
                item.get("message", ""),
            )
        )
    expected = [e for lists in labels.values() for e in lists["expected"] if in_scope(e.rule)]
    known_fp = [e for lists in labels.values() for e in lists["false_positive"]]
    negatives = [e for lists in labels.values() for e in lists["negative"]]

    found = match_labels(expected, findings)
    true_finding = {
        f: any(f.covers(e.package, e.path, e.line, e.rule) for e in expected) for f in findings
    }
    fp_finding = {
        f: (not true_finding[f])
        and any(
            (f.package, f.path, f.line, family(f.rule))
            == (e.package, e.path, e.line, family(e.rule))
            for e in known_fp
        )
        for f in findings
    }
    negative_hits = [
        {
            "package": n.package,
            "path": n.path,
            "line": n.line,
            "reason": n.reason,
            "rules": sorted(
                {
                    f.rule
                    for f in findings
                    if f.package == n.package
                    and f.path == n.path
                    and f.line <= n.line <= f.end_line
                }
            ),
        }
        for n in negatives
    ]
    negative_hits = [n for n in negative_hits if n["rules"]]

    def table(key: Any) -> list[dict[str, Any]]:
        rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for label, hit in found.items():
            row = rows[key(label.package, label.rule)]
            row["labelled"] += 1
            row["found"] += int(hit)
        for finding, true in true_finding.items():
            row = rows[key(finding.package, finding.rule)]
            row["findings"] += 1
            row["true_findings"] += int(true)
            row["known_false_positives"] += int(fp_finding[finding])
        out: list[dict[str, Any]] = []
        for name in sorted(rows):
            row = rows[name]
            out.append(
                {
                    "name": name,
                    "labelled": row["labelled"],
                    "found": row["found"],
                    "recall": round(row["found"] / row["labelled"], 3) if row["labelled"] else None,
                    "findings": row["findings"],
                    "true_findings": row["true_findings"],
                    "precision": round(row["true_findings"] / row["findings"], 3)
                    if row["findings"]
                    else None,
                    "known_false_positives": row["known_false_positives"],
                    "unreviewed": row["findings"]
                    - row["true_findings"]
                    - row["known_false_positives"],
                }
            )
        total: dict[str, Any] = {
            k: sum(r[k] for r in out)
            for k in (
                "labelled",
                "found",
                "findings",
                "true_findings",
                "known_false_positives",
                "unreviewed",
            )
        }
        total["name"] = "all"
        total["recall"] = (
            round(total["found"] / total["labelled"], 3) if total["labelled"] else None
        )
        total["precision"] = (
            round(total["true_findings"] / total["findings"], 3) if total["findings"] else None
        )
        out.append(total)
        return out

    by_form: dict[str, dict[str, int]] = defaultdict(lambda: {"labelled": 0, "found": 0})
    for label, hit in found.items():
        for form in label.forms or ("unclassified",):
            by_form[form]["labelled"] += 1
            by_form[form]["found"] += int(hit)
    form_rows = [
        {"name": form, **counts, "recall": round(counts["found"] / counts["labelled"], 3)}
        for form, counts in sorted(by_form.items(), key=lambda item: -item[1]["labelled"])
    ]
    main_form: dict[str, dict[str, int]] = defaultdict(lambda: {"labelled": 0, "found": 0})
    for label, hit in found.items():
        form = (label.forms or ("unclassified",))[0]
        main_form[form]["labelled"] += 1
        main_form[form]["found"] += int(hit)
    main_rows = [
        {"name": form, **counts, "recall": round(counts["found"] / counts["labelled"], 3)}
        for form, counts in sorted(main_form.items(), key=lambda item: -item[1]["labelled"])
    ]

    def as_dict(item: Label | Finding) -> dict[str, Any]:
        data = dict(item.__dict__)
        return data

    return {
        "by_pack": table(lambda package, rule: pack_of(rule)),
        "by_package": table(lambda package, rule: package),
        # A label counts once under each form it needs (`by_form`), or under its main one.
        "by_form": form_rows,
        "by_main_form": main_rows,
        "missed": [
            as_dict(label)
            for label, hit in sorted(
                found.items(), key=lambda x: (x[0].package, x[0].path, x[0].line)
            )
            if not hit
        ],
        "unreviewed": [
            as_dict(f)
            for f in sorted(findings, key=lambda f: (f.package, f.path, f.line))
            if not true_finding[f] and not fp_finding[f]
        ],
        "false_positives": [as_dict(f) for f in findings if fp_finding[f]],
        "negatives_reported": negative_hits,
        "skipped_findings": skipped,
    }


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Measured {results['measured']} on {results['machine']}; engine: {results['engine']}; "
        f"corpus: {results['corpus']}.",
        "",
    ]
    for key, title in (("by_pack", "pack"), ("by_package", "package")):
        lines += [
            f"| {title} | labelled | found | recall | findings | precision |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in results[key]:
            name = f"**{row['name']}**" if row["name"] == "all" else row["name"]
            lines.append(
                f"| {name} | {row['labelled']} | {row['found']} | {_fmt(row['recall'])} | "
                f"{row['findings']} | {_fmt(row['precision'])} |"
            )
        lines.append("")
    lines += [
        "| form (labels needing it) | labelled | found | recall |",
        "| --- | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {row['name']} | {row['labelled']} | {row['found']} | {_fmt(row['recall'])} |"
        for row in results["by_form"]
    ]
    lines.append("")
    total = results["by_pack"][-1]
    lines.append(
        f"Findings that match no label: {total['known_false_positives']} reviewed as false "
        f"positives, {total['unreviewed']} unreviewed; look-alikes reported: "
        f"{len(results['negatives_reported'])}."
    )
    if results["unreviewed"]:
        lines += ["", "Unreviewed findings (label them):", ""]
        lines += [
            f"- `{f['package']}/{f['path']}:{f['line']}` {f['rule']}" for f in results["unreviewed"]
        ]
    return "\n".join(lines) + "\n"


def check_labels(labels: dict[str, dict[str, list[Any]]], corpus: Path) -> int:
    """Print each label with its source line; complain about missing files, lines or rules."""
    ids = bundled_rule_ids()
    problems = 0
    for folder, lists in labels.items():
        for kind, items in lists.items():
            for label in items:
                file = corpus / folder / label.path
                try:
                    text = file.read_text(encoding="utf-8", errors="replace").splitlines()
                    source = text[label.line - 1].strip()
                except (OSError, IndexError):
                    source = None
                bad = source is None or (kind != "negative" and label.rule not in ids)
                problems += bad
                mark = "!!" if bad else "  "
                where = f"{folder}/{label.path}:{label.line}"
                print(f"{mark} {kind[:3]} {where} {label.rule}\n       {source}")
    print(f"{problems} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--packs", help="comma-separated pack names to score (default: all)")
    parser.add_argument(
        "--out", type=Path, help="write recall.md, recall.json and findings.json here"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--corpus", type=Path, help="an extracted corpus (default: fetch it)")
    parser.add_argument(
        "--findings", type=Path, help="score this `upstream check` JSON instead of running"
    )
    parser.add_argument("--jobs", type=int, help="`upstream check --jobs` (default: all cores)")
    parser.add_argument(
        "--ref",
        help="run the engine and packs of this git revision (e.g. HEAD: what is committed) "
        "instead of the installed upstream (the working tree, for an editable install)",
    )
    parser.add_argument(
        "--check-labels", action="store_true", help="validate the labels and print their lines"
    )
    args = parser.parse_args(argv)

    packages = fetch.load_corpus()
    corpus = args.corpus or fetch.fetch()
    labels = load_labels(packages)
    folders = [package.folder for package in packages]
    if args.check_labels:
        return check_labels(labels, corpus)
    packs = set(args.packs.split(",")) if args.packs else None
    for manifest in _manifests_above(corpus):
        print(
            f"warning: {manifest} is above the corpus and may decide version gates", file=sys.stderr
        )
    engine = "installed upstream (working tree)"
    if args.findings:
        raw = json.loads(args.findings.read_text())
        engine = f"findings from {args.findings}"
    elif args.ref:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="upstream-recall-ref-") as tmp:
            commit = export_ref(args.ref, Path(tmp))
            raw = run_check(corpus, folders, args.jobs, Path(tmp))
        engine = f"git {args.ref} ({commit})"
    else:
        raw = run_check(corpus, folders, args.jobs)
    results = score(labels, raw, packs, packages)

    results = {
        "measured": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}",
        "engine": engine,
        "corpus": f"{len(packages)} packages, "
        f"{sum(1 for p in corpus.rglob('*') if p.is_file() and p.suffix in ('.py', '.js'))} files",
        "packs": sorted(packs) if packs else "all",
        **results,
    }
    text = markdown(results)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "recall.md").write_text(text)
        (args.out / "recall.json").write_text(json.dumps(results, indent=2) + "\n")
        (args.out / "findings.json").write_text(json.dumps(raw, indent=2) + "\n")
    print(json.dumps(results, indent=2) if args.json else text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
