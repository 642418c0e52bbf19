"""What upstream's cost does with more packs, and with more cores (issue 16, item 4).

    python bench/scale.py                        # pip + setuptools as this Python ships them
    python bench/scale.py --corpus DIR           # another folder of Python files
    python bench/scale.py --json out.json --repeat 3

Measured side by side in one run, each the best of --repeat runs of a fresh process:

- **bare parse**: a process that imports tree-sitter and parses every Python file (the
  floor: what any tool that reads the files pays);
- **bundled**: `upstream check -j 1 --no-cache` with the bundled packs;
- **+ synthetic**: the same plus LIBRARIES x RULES generated rules (default 20 x 100) about
  libraries no file imports (`imports:` gated, as a real pack's are), written by this script;
- **bundled x10**: the bundled packs ten times, as ten copies under other names (rules that
  do apply: the cost of more packs that match);
- **-j 1 / 2 / all**: the bundled packs on 1, 2 and every core.

Wall time includes the interpreter's start on both sides. Timings on a shared machine are
noisy: compare ratios from one run, not numbers across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

SHAPES = (
    # A module function, a class, a method only this library has, a module attribute.
    "{lib}.api_{n}.call_{n}($$$)",
    "{lib}.Client{n}($$$)",
    "$X.{lib}_method_{n}($$$)",
    "{lib}.setting_{n}",
)


def bundled_corpus(destination: Path) -> Path:
    """pip and setuptools as this Python ships them (ensurepip's wheels), extracted."""
    wheels = Path(sysconfig.get_paths()["stdlib"]) / "ensurepip" / "_bundled"
    found = sorted(wheels.glob("*.whl"))
    if not found:
        raise SystemExit(f"no bundled wheels in {wheels}; pass --corpus DIR")
    for wheel in found:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(destination / wheel.stem)
    return destination


def synthetic_packs(root: Path, libraries: int, rules: int) -> list[Path]:
    """``libraries`` packs of ``rules`` rules each, about libraries no file imports."""
    packs = []
    for index in range(libraries):
        lib = f"synthlib{index:02d}"
        pack = root / lib
        pack.mkdir(parents=True)
        (pack / "pack.yaml").write_text(
            f"name: {lib}\nversion: 0.1.0\ntitle: Synthetic pack {index}\n", encoding="utf-8"
        )
        lines = ["rules:"]
        for n in range(rules):
            pattern = SHAPES[n % len(SHAPES)].format(lib=lib, n=n)
            lines += [
                f"  - id: rule-{n}",
                f"    title: Synthetic rule {n}",
                "    languages: [python]",
                f"    message: '{lib} rule {n} was removed'",
                f"    docs: https://example.org/{lib}/{n}",
                f"    imports: [{lib}]",
                "    match:",
                f"      pattern: '{pattern}'",
            ]
        (pack / "rules.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        packs.append(pack)
    return packs


def bundled_copies(root: Path, copies: int) -> list[Path]:
    """The bundled packs ``copies`` times, each copy under its own pack name."""
    from upstream.packs import bundled_pack_paths

    packs = []
    for copy in range(copies):
        for source in bundled_pack_paths():
            target = root / f"{source.name}-copy{copy}"
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("tests", "prompts"))
            manifest = target / "pack.yaml"
            text = manifest.read_text(encoding="utf-8")
            name = next(line for line in text.splitlines() if line.startswith("name:"))
            manifest.write_text(
                text.replace(name, f"name: {source.name}-copy{copy}", 1), encoding="utf-8"
            )
            packs.append(target)
    return packs


def _bare_parse(corpus: Path) -> None:
    import tree_sitter
    import tree_sitter_python

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_python.language()))
    for path in sorted(corpus.rglob("*.py")):
        parser.parse(path.read_bytes())


def _best(command: list[str], repeat: int, env: dict[str, str]) -> dict[str, Any]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - started)
        # 1: findings. A pack that did not load would make the case measure nothing.
        if done.returncode not in (0, 1) or "pack skipped" in done.stderr:
            raise SystemExit(f"{' '.join(command[:6])} ...: exit {done.returncode}\n{done.stderr}")
    return {"best_s": round(min(times), 3), "runs_s": [round(t, 3) for t in times]}


def measure(corpus: Path, work: Path, libraries: int, rules: int, repeat: int) -> dict[str, Any]:
    synthetic = synthetic_packs(work / "synthetic", libraries, rules)
    copies = bundled_copies(work / "copies", 10)
    env = {**os.environ, "UPSTREAM_PYTHON_ENVIRONMENT": "none"}
    check = [sys.executable, "-m", "upstream", "check", "--no-cache", "--format", "json"]
    cases: dict[str, list[str]] = {
        "bare parse": [sys.executable, __file__, "--bare-parse", str(corpus)],
        "bundled": [*check, "-j", "1", str(corpus)],
        f"+ {libraries * rules} synthetic rules": [
            *check,
            "-j",
            "1",
            *(f"--pack={pack}" for pack in synthetic),
            str(corpus),
        ],
        "bundled x10": [
            *check,
            "-j",
            "1",
            "--no-bundled",
            *(f"--pack={pack}" for pack in copies),
            str(corpus),
        ],
        "bundled -j 2": [*check, "-j", "2", str(corpus)],
    }
    cores = os.cpu_count() or 1
    if cores > 2:
        cases[f"bundled -j {cores} (all)"] = [*check, "-j", str(cores), str(corpus)]
    results = {name: _best(command, repeat, env) for name, command in cases.items()}
    floor = results["bare parse"]["best_s"]
    bundled = results["bundled"]["best_s"]
    for result in results.values():
        result["x_parse"] = round(result["best_s"] / floor, 2)
        result["x_bundled"] = round(result["best_s"] / bundled, 2)
    files = sum(1 for _ in corpus.rglob("*.py"))
    megabytes = sum(p.stat().st_size for p in corpus.rglob("*.py")) / 1e6
    return {"corpus": {"files": files, "mb": round(megabytes, 1)}, "results": results}


def table(report: dict[str, Any]) -> str:
    rows = [
        "| case | best s | x bare parse | x bundled |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, result in report["results"].items():
        rows.append(
            f"| {name} | {result['best_s']:.2f} | {result['x_parse']:.2f} | "
            f"{result['x_bundled']:.2f} |"
        )
    return "\n".join(rows) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, help="Python files to check (default: pip + setuptools)"
    )
    parser.add_argument("--libraries", type=int, default=20)
    parser.add_argument("--rules", type=int, default=100, help="synthetic rules per library")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--bare-parse", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_parse:
        _bare_parse(args.bare_parse)
        return 0
    with tempfile.TemporaryDirectory(prefix="upstream-scale-") as temporary:
        work = Path(temporary)
        corpus = args.corpus or bundled_corpus(work / "corpus")
        report = measure(corpus, work, args.libraries, args.rules, args.repeat)
    report["python"] = sys.version.split()[0]
    report["cpus"] = os.cpu_count()
    print(f"corpus: {report['corpus']['files']} files, {report['corpus']['mb']} MB\n")
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
