"""What the engine costs per file: parse, query walk, Python filters.

Runs the bundled packs over real third-party code that every machine has: the Python
standard library of the interpreter running this script (or the folders given). Prints a
table and, with --json, the raw numbers. Not a test: timings on shared machines are noisy.

    python bench/engine_cost.py                 # the stdlib
    python bench/engine_cost.py PATH... --json out.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sysconfig
import time
from pathlib import Path

import tree_sitter
from upstream.engine import CheckOptions, Document, check_document, language_for_path
from upstream.packs import bundled_pack_paths, load_rule_set
from upstream.scan import Skipped, read_source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, help="write the numbers here")
    args = parser.parse_args()
    paths = args.paths or [Path(sysconfig.get_paths()["stdlib"])]

    started = time.perf_counter()
    loaded = load_rule_set(bundled_pack_paths())
    load_seconds = time.perf_counter() - started
    options = CheckOptions()

    parse_s = query_s = total_s = 0.0
    files = size = findings = 0
    per_file_ms: list[float] = []
    # A plain walk: the stdlib sits in folders that .gitignore rules and excludes would skip.
    for path in sorted(p for root in paths for p in root.rglob("*") if p.is_file()):
        spec = language_for_path(path)
        rules = loaded.rule_set.for_language(spec.name) if spec else None
        source = read_source(path)
        if spec is None or rules is None or isinstance(source, Skipped):
            continue
        files += 1
        size += len(source)

        t0 = time.perf_counter()
        tree = spec.parser().parse(source)
        t1 = time.perf_counter()
        if rules.query is not None:
            tree_sitter.QueryCursor(rules.query).matches(tree.root_node)
        t2 = time.perf_counter()
        found = check_document(Document(str(path), source, spec, tree), rules, options)
        t3 = time.perf_counter()

        parse_s += t1 - t0
        query_s += t2 - t1
        total_s += t3 - t2
        per_file_ms.append((t1 - t0 + t3 - t2) * 1000)
        findings += len(found)

    rule_count = sum(len(p.rules) for p in loaded.rule_set.packs)
    filters_s = max(total_s - query_s, 0.0)
    result = {
        "files": files,
        "megabytes": round(size / 1e6, 2),
        "rules": rule_count,
        "findings": findings,
        "load_and_compile_s": round(load_seconds, 3),
        "parse_s": round(parse_s, 3),
        "query_s": round(query_s, 3),
        "filters_and_rest_s": round(filters_s, 3),
        "check_total_s": round(parse_s + total_s, 3),
        "per_file_ms_median": round(statistics.median(per_file_ms), 3) if per_file_ms else 0,
        "per_file_ms_p95": round(statistics.quantiles(per_file_ms, n=20)[-1], 3)
        if len(per_file_ms) > 1
        else 0,
    }
    width = max(len(key) for key in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
