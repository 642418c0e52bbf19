"""Benchmark `upstream check` and `upstream lsp` against ast-grep and Semgrep.

    python bench/run.py                 # full run on the pinned corpus (downloaded once)
    python bench/run.py --quick         # a small slice of it; under 3 minutes
    python bench/run.py --corpus DIR    # any folder instead of the pinned corpus
    python bench/run.py --update-docs   # also rewrite the results section of docs/benchmarks.md

The corpus is source distributions of well-known PyPI and npm packages at exact versions,
fetched from the registries (sha256 / sha512 checked against the registry's own record) into
$UPSTREAM_BENCH_CACHE or ~/.cache/upstream-bench, outside git. The rules are bench/rules/:
35 bundled rules and their hand translations for ast-grep and Semgrep (bench/rules/NOTES.md).
Peers that are not installed are skipped. Results: JSON, a Markdown table and a PNG chart in
--out.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RULES = HERE / "rules"
sys.path.insert(0, str(HERE))

PYPI = [
    ("Django", "5.1.4"),
    ("pandas", "2.2.3"),
    ("SQLAlchemy", "2.0.36"),
    ("celery", "5.4.0"),
    ("pymongo", "4.10.1"),
    ("mongoengine", "0.29.1"),
]
NPM = [
    ("mongoose", "8.9.0"),
    ("express", "4.21.2"),
    ("mongodb", "6.12.0"),
    ("rxjs", "7.8.1"),
    ("typescript", "5.7.2"),
    # Without bundles over 300 kB the five above hold 7.5 MB of JS/TS; these add plain
    # modules so a run can reach its 10 MB.
    ("webpack", "5.97.1"),
    ("eslint", "9.17.0"),
]
SOURCE_SUFFIXES = {".py", ".js", ".mjs", ".cjs", ".ts"}


# ------------------------------------------------------------------------------- corpus


def cache_root() -> Path:
    return Path(os.environ.get("UPSTREAM_BENCH_CACHE", Path.home() / ".cache" / "upstream-bench"))


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def _pypi_sdist(name: str, version: str) -> dict[str, Any]:
    """The sdist's record from PyPI's simple index (PEP 691 JSON): url and hashes."""
    normalized = re.sub(r"[-_.]+", "-", name).lower()
    request = urllib.request.Request(
        f"https://pypi.org/simple/{normalized}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    for file in files:
        stem = file["filename"].lower().replace("_", "-")
        if stem == f"{normalized}-{version}.tar.gz":
            record: dict[str, Any] = file
            return record
    raise SystemExit(f"no sdist of {name}=={version} on PyPI")


def _download(url: str, expected: str, algorithm: str) -> bytes:
    with urllib.request.urlopen(url, timeout=300) as response:
        data: bytes = response.read()
    digest = hashlib.new(algorithm, data)
    actual = digest.hexdigest() if algorithm == "sha256" else base64.b64encode(digest.digest())
    if (actual if isinstance(actual, str) else actual.decode()) != expected:
        raise SystemExit(f"{url}: {algorithm} mismatch")
    return data


def _extract(data: bytes, destination: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        members = [
            member
            for member in archive.getmembers()
            if member.isfile() and Path(member.name).suffix in SOURCE_SUFFIXES
        ]
        archive.extractall(destination, members=members, filter="data")


def fetch_corpus(root: Path) -> Path:
    """The pinned corpus under `root`, downloading what is missing."""
    corpus = root / "corpus"
    for name, version in PYPI:
        target = corpus / "python" / f"{name}-{version}"
        if target.exists():
            continue
        sdist = _pypi_sdist(name, version)
        print(f"fetching {name}=={version}", file=sys.stderr)
        data = _download(sdist["url"], sdist["hashes"]["sha256"], "sha256")
        _extract(data, target.with_suffix(".part"))
        target.with_suffix(".part").rename(target)
    for name, version in NPM:
        target = corpus / "javascript" / f"{name}-{version}"
        if target.exists():
            continue
        record = _get_json(f"https://registry.npmjs.org/{name}/{version}")
        dist = record["dist"]
        algorithm, _, expected = dist["integrity"].partition("-")
        print(f"fetching {name}@{version}", file=sys.stderr)
        data = _download(dist["tarball"], expected, algorithm)
        _extract(data, target.with_suffix(".part"))
        target.with_suffix(".part").rename(target)
    # Semgrep's built-in ignore list skips tests/ folders; an empty one checks everything.
    (corpus / ".semgrepignore").write_text("")
    return corpus


def corpus_slice(corpus: Path, root: Path, megabytes: float) -> Path:
    """A deterministic slice of `corpus`: `megabytes` of Python and half that of JS/TS."""
    quick = root / f"slice-{megabytes:g}"
    if quick.exists():
        shutil.rmtree(quick)
    for language, suffixes in (("python", {".py"}), ("javascript", SOURCE_SUFFIXES - {".py"})):
        packages = {
            package: [
                file
                for file in sorted(package.rglob("*"))
                if file.is_file() and file.suffix in suffixes and file.stat().st_size <= 300_000
            ]
            for package in sorted(p for p in (corpus / language).iterdir() if p.is_dir())
        }
        wanted = megabytes * 1e6 * (1 if language == "python" else 0.5)
        # An equal share of each package, so a slice is a mix of projects; what a small
        # package can't fill goes to the others.
        by_size = sorted(packages, key=lambda p: sum(f.stat().st_size for f in packages[p]))
        for left, package in enumerate(by_size):
            budget = wanted / (len(by_size) - left)
            for file in packages[package]:
                if budget <= 0:
                    break
                target = quick / file.relative_to(corpus)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
                budget -= file.stat().st_size
                wanted -= file.stat().st_size
    (quick / ".semgrepignore").write_text("")
    return quick


def corpus_size(corpus: Path) -> dict[str, Any]:
    sizes: Counter[str] = Counter()
    files = 0
    for file in corpus.rglob("*"):
        if file.is_file() and file.suffix in SOURCE_SUFFIXES:
            files += 1
            sizes["python" if file.suffix == ".py" else "js/ts"] += file.stat().st_size
    return {"files": files, **{f"{k}_mb": round(v / 1e6, 1) for k, v in sorted(sizes.items())}}


# ------------------------------------------------------------------------------ scans


def timed(command: list[str], cwd: Path, output: Path) -> dict[str, Any]:
    """Run `command`; stdout to `output`; wall seconds and peak RSS (MB) of the process tree."""
    import psutil

    started = time.perf_counter()
    with open(output, "wb") as stdout:
        process = psutil.Popen(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
        peak = 0
        stderr = b""
        while process.poll() is None:
            peak = max(peak, _tree_rss(process))
            time.sleep(0.02)
        if process.stderr is not None:
            stderr = process.stderr.read()
    wall = time.perf_counter() - started
    return {
        "wall_s": round(wall, 3),
        "peak_rss_mb": round(peak / 1e6, 1),
        "exit": process.returncode,
        "stderr": stderr.decode(errors="replace")[-2000:],
    }


def _tree_rss(process: Any) -> int:
    import psutil

    total = 0
    try:
        for member in [process, *process.children(recursive=True)]:
            total += member.memory_info().rss
    except psutil.Error:
        pass
    return total


def _tool(name: str) -> str | None:
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else shutil.which(name)


def scans(corpus: Path, out: Path, all_cores: bool, peers: set[str]) -> dict[str, Any]:
    upstream = [sys.executable, "-m", "upstream", "check", "--format", "json"]
    bench_pack = ["--no-bundled", "--pack", str(RULES / "upstream")]
    cache = Path(tempfile.mkdtemp(prefix="upstream-bench-cache-"))
    runs: dict[str, list[str]] = {
        "upstream -j1": [*upstream, *bench_pack, "--no-cache", "--jobs", "1", "."],
    }
    if all_cores:
        # `check` runs on every core by default.
        runs["upstream all cores"] = [*upstream, *bench_pack, "--no-cache", "."]
    runs["upstream warm cache"] = [*upstream, *bench_pack, "."]
    runs["upstream every bundled pack"] = [
        *upstream,
        "--no-cache",
        "--unknown-version",
        "apply",
        ".",
    ]
    sg = _tool("ast-grep") if "ast-grep" in peers else None
    if sg:
        sg_scan = [sg, "scan", "-c", str(RULES / "ast-grep" / "sgconfig.yml"), "--json=stream"]
        runs["ast-grep -j1"] = [*sg_scan, "-j", "1", "."]
        if all_cores:
            runs["ast-grep all cores"] = [*sg_scan, "."]
    semgrep = _tool("semgrep") if "semgrep" in peers else None
    if semgrep:
        sem_scan = [
            semgrep,
            "scan",
            "--config",
            str(RULES / "semgrep"),
            "--json",
            "--metrics",
            "off",
            "--disable-version-check",
            "--max-target-bytes",
            "0",
            "--timeout",
            "0",
            "--quiet",
        ]
        runs["semgrep -j1"] = [*sem_scan, "-j", "1", "."]
        if all_cores:
            runs["semgrep all cores"] = [*sem_scan, "."]
    results: dict[str, Any] = {}
    env_cache = os.environ.get("UPSTREAM_CACHE_DIR")
    os.environ["UPSTREAM_CACHE_DIR"] = str(cache)
    try:
        # Fill the cache first, so "warm" measures a re-scan of an unchanged tree.
        timed(runs["upstream warm cache"], corpus, out / "warmup.json")
        for name, command in runs.items():
            output = out / (name.replace(" ", "_") + ".out")
            print(f"  {name} ...", file=sys.stderr, flush=True)
            results[name] = timed(command, corpus, output)
            results[name]["output"] = str(output)
    finally:
        if env_cache is None:
            os.environ.pop("UPSTREAM_CACHE_DIR", None)
        else:
            os.environ["UPSTREAM_CACHE_DIR"] = env_cache
        shutil.rmtree(cache, ignore_errors=True)
    return results


# -------------------------------------------------------------------------- agreement

Hit = tuple[str, str, int]  # path, rule, 1-based line

# Rule ids are the bundled full ids with `/` written `--` (`pymongo--collection-save-removed`);
# a peer's id adds the language after a dot (`....python`), one rule per language.


def _yaml_documents(folder: Path, pattern: str) -> list[dict[str, Any]]:
    import yaml

    documents: list[dict[str, Any]] = []
    for file in sorted(folder.glob(pattern)):
        documents.extend(d for d in yaml.safe_load_all(file.read_text()) if d)
    return documents


def _bench_ids() -> list[str]:
    """The benchmark pack's rule ids, longest first (for suffix matching)."""
    packs = [d for d in _yaml_documents(RULES / "upstream", "*.yaml") if "rules" in d]
    return sorted((rule["id"] for d in packs for rule in d["rules"]), key=len, reverse=True)


def _ast_grep_ids() -> set[str]:
    documents = _yaml_documents(RULES / "ast-grep" / "rules", "*.yml")
    return {d["id"].rsplit(".", 1)[0] for d in documents}


def _semgrep_ids() -> set[str]:
    documents = _yaml_documents(RULES / "semgrep", "*.yml")
    return {rule["id"].rsplit(".", 1)[0] for d in documents for rule in d["rules"]}


def _norm(path: str) -> str:
    return os.path.normpath(path).removeprefix("./")


def parse_upstream(output: Path) -> set[Hit]:
    data = json.loads(output.read_text() or "[]")
    return {(_norm(f["path"]), f["rule"].split("/", 1)[1], f["line"]) for f in data}


def parse_ast_grep(output: Path) -> set[Hit]:
    hits: set[Hit] = set()
    for line in output.read_text().splitlines():
        if line.strip():
            match = json.loads(line)
            rule = match["ruleId"].rsplit(".", 1)[0]
            hits.add((_norm(match["file"]), rule, match["range"]["start"]["line"] + 1))
    return hits


def parse_semgrep(output: Path, ids: list[str]) -> set[Hit]:
    data = json.loads(output.read_text() or "{}")
    hits: set[Hit] = set()
    for result in data.get("results", []):
        # Semgrep prefixes the id with the config file's path when given a folder.
        check = result["check_id"].rsplit(".", 1)[0]
        rule = next((i for i in ids if check == i or check.endswith("." + i)), check)
        hits.add((_norm(result["path"]), rule, result["start"]["line"]))
    return hits


def compare(ours: set[Hit], theirs: set[Hit], name: str, rules: set[str]) -> dict[str, Any]:
    """(file, rule, line) sets of upstream and one peer, over the rules the peer has."""
    mine = {hit for hit in ours if hit[1] in rules}
    only_ours = sorted(mine - theirs)
    only_theirs = sorted(theirs - mine)
    by_rule: Counter[str] = Counter()
    for hit in only_ours:
        by_rule[f"{hit[1]} (only upstream)"] += 1
    for hit in only_theirs:
        by_rule[f"{hit[1]} (only {name})"] += 1
    differences = [
        {"file": path, "line": line, "rule": rule, "found_by": "upstream"}
        for path, rule, line in only_ours
    ] + [
        {"file": path, "line": line, "rule": rule, "found_by": name}
        for path, rule, line in only_theirs
    ]
    return {
        "compared_rules": len(rules),
        "findings": len(theirs),
        "both": len(mine & theirs),
        "only_upstream": len(only_ours),
        "only_" + name: len(only_theirs),
        "differences_by_rule": dict(by_rule.most_common()),
        # File by file, so each difference can be looked up and explained.
        "differences": sorted(differences, key=lambda d: (d["file"], d["line"], d["rule"])),
    }


def agreement(results: dict[str, Any]) -> dict[str, Any]:
    ids = _bench_ids()
    ours = parse_upstream(Path(results["upstream -j1"]["output"]))
    report: dict[str, Any] = {"upstream_findings": len(ours), "rules": len(ids)}
    if "ast-grep -j1" in results:
        theirs = parse_ast_grep(Path(results["ast-grep -j1"]["output"]))
        report["ast-grep"] = compare(ours, theirs, "ast-grep", _ast_grep_ids())
    if "semgrep -j1" in results:
        theirs = parse_semgrep(Path(results["semgrep -j1"]["output"]), ids)
        report["semgrep"] = compare(ours, theirs, "semgrep", _semgrep_ids())
    return report


# --------------------------------------------------------------------------- reporting


def engine_cost(corpus: Path, out: Path) -> dict[str, Any]:
    target = out / "engine_cost.json"
    subprocess.run(
        [sys.executable, str(HERE / "engine_cost.py"), str(corpus), "--json", str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=3600,
    )
    cost: dict[str, Any] = json.loads(target.read_text())
    return cost


def agreement_markdown(report: dict[str, Any]) -> str:
    """Counts per peer, then every difference, file by file."""
    peers = [name for name in ("ast-grep", "semgrep") if name in report]
    if not peers:
        return ""
    lines = [
        f"Agreement (`upstream` vs each peer; {report.get('rules', '?')} rules in the "
        f"benchmark pack, {report['upstream_findings']} upstream findings):",
        "",
        "| peer | rules compared | peer findings | both | only upstream | only peer |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in peers:
        peer = report[name]
        lines.append(
            f"| {name} | {peer['compared_rules']} | {peer['findings']} | {peer['both']} "
            f"| {peer['only_upstream']} | {peer['only_' + name]} |"
        )
    differences = [d for name in peers for d in report[name].get("differences", [])]
    if differences:
        lines += ["", "| file:line | rule | found only by |", "| --- | --- | --- |"]
        for d in sorted(differences, key=lambda d: (d["file"], d["line"], d["rule"])):
            lines.append(f"| `{d['file']}:{d['line']}` | `{d['rule']}` | {d['found_by']} |")
    return "\n".join(lines) + "\n"


def table(report: dict[str, Any]) -> str:
    lines = [
        "| run | wall (s) | peak RSS (MB) | exit |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, run in report["scans"].items():
        lines.append(f"| {name} | {run['wall_s']:.2f} | {run['peak_rss_mb']:.0f} | {run['exit']} |")
    ratios = report.get("ratios", {})
    if ratios:
        lines += ["", "| ratio | value |", "| --- | ---: |"]
        lines += [f"| {name} | {value} |" for name, value in ratios.items()]
    dense, clean = report.get("lsp"), report.get("lsp_clean")
    if dense:
        lines += ["", "| language server | dense file | clean file |", "| --- | ---: | ---: |"]
        lines += [
            f"| {name} | {value} | {(clean or {}).get(name, '')} |" for name, value in dense.items()
        ]
    cost = report.get("engine_cost")
    if cost:
        lines += ["", "| engine cost (bundled packs, in process) | value |", "| --- | ---: |"]
        lines += [f"| {name} | {value} |" for name, value in cost.items()]
    return "\n".join(lines) + "\n"


def ratios(scans: dict[str, Any]) -> dict[str, float]:
    wall = {name: run["wall_s"] for name, run in scans.items()}
    ours = wall["upstream -j1"]
    out: dict[str, float] = {
        "cold / warm cache": round(ours / max(wall["upstream warm cache"], 1e-3), 1)
    }
    for peer in ("ast-grep -j1", "ast-grep all cores", "semgrep -j1", "semgrep all cores"):
        if peer in wall:
            out[f"upstream -j1 / {peer}"] = round(ours / max(wall[peer], 1e-3), 2)
    if "upstream all cores" in wall:
        for peer in ("ast-grep all cores", "semgrep all cores"):
            if peer in wall:
                ratio = wall["upstream all cores"] / max(wall[peer], 1e-3)
                out[f"upstream all cores / {peer}"] = round(ratio, 2)
    return out


def chart(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(report["scans"])
    walls = [report["scans"][n]["wall_s"] for n in names]
    rss = [report["scans"][n]["peak_rss_mb"] for n in names]
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.barh(names, walls, color="tab:blue")
    left.set_xlabel("wall time (s)")
    left.invert_yaxis()
    right.barh(names, rss, color="tab:orange")
    right.set_xlabel("peak RSS (MB)")
    right.invert_yaxis()
    right.set_yticklabels([])
    figure.suptitle(f"Scan of {report['corpus']['files']} files")
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


def update_docs(report: dict[str, Any], chart_path: Path) -> None:
    docs = REPO / "docs" / "benchmarks.md"
    image = REPO / "docs" / "benchmarks.png"
    shutil.copyfile(chart_path, image)
    start, end = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
    machine = report["machine"]
    block = (
        f"{start}\n\nMeasured {report['date']} on {machine['cpus']} CPUs "
        f"({machine['platform']}), Python {machine['python']}; tools: "
        + ", ".join(f"{k} {v}" for k, v in report["versions"].items())
        + f". Corpus: {json.dumps(report['corpus'])}.\n\n"
        + table(report)
        + "\n![scan times](benchmarks.png)\n\n"
        + agreement_markdown(report.get("agreement", {}))
        + "\n"
        + end
    )
    text = docs.read_text() if docs.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    docs.write_text(before + block + after)


def versions(peers: set[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, command in (
        ("upstream", [sys.executable, "-m", "upstream", "--version"]),
        ("ast-grep", [_tool("ast-grep") or "ast-grep", "--version"]),
        # Without --disable-version-check it waits ~100 s for the network when offline.
        ("semgrep", [_tool("semgrep") or "semgrep", "--version", "--disable-version-check"]),
    ):
        if name != "upstream" and name not in peers:
            continue
        try:
            text = subprocess.run(command, capture_output=True, text=True, timeout=180).stdout
            found[name] = text.strip().split()[-1] if text.strip() else "?"
        except (OSError, subprocess.TimeoutExpired):
            found[name] = "not installed"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small corpus, fewer edits")
    parser.add_argument("--corpus", type=Path, help="scan this folder instead")
    parser.add_argument(
        "--megabytes", type=float, help="MB of Python (half as much JS) (20; --quick: 0.3)"
    )
    parser.add_argument("--out", type=Path, default=None, help="results folder")
    parser.add_argument(
        "--peers",
        default="ast-grep,semgrep",
        help="comma-separated peers to run when installed (default ast-grep,semgrep; '' none)",
    )
    parser.add_argument("--no-engine-cost", action="store_true")
    parser.add_argument("--lsp-lines", type=int, default=None)
    parser.add_argument("--lsp-edits", type=int, default=None)
    parser.add_argument("--lsp-documents", type=int, default=None)
    parser.add_argument("--update-docs", action="store_true")
    args = parser.parse_args(argv)

    root = cache_root()
    if args.corpus is not None:
        corpus = args.corpus.resolve()
    else:
        corpus = corpus_slice(
            fetch_corpus(root), root, args.megabytes or (0.3 if args.quick else 20)
        )
    out = (args.out or root / ("results-quick" if args.quick else "results")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    edits = args.lsp_edits or (20 if args.quick else 200)
    lines = args.lsp_lines or (1000 if args.quick else 3000)
    documents = args.lsp_documents or (10 if args.quick else 50)

    peers = {name.strip() for name in args.peers.split(",") if name.strip()}
    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "versions": versions(peers),
        "corpus": {"path": str(corpus), **corpus_size(corpus)},
    }
    print(f"scanning {report['corpus']}", file=sys.stderr)
    stage = time.perf_counter()
    report["scans"] = scans(corpus, out, (os.cpu_count() or 1) > 1, peers)
    report["ratios"] = ratios(report["scans"])
    print(f"  scans took {time.perf_counter() - stage:.1f}s", file=sys.stderr)
    report["agreement"] = agreement(report["scans"])
    if not args.no_engine_cost:
        report["engine_cost"] = engine_cost(corpus, out)
    from lsp_latency import measure

    print("language server ...", file=sys.stderr)
    stage = time.perf_counter()
    server = [sys.executable, "-m", "upstream", "lsp"]
    # Dense: findings in every function (hundreds of diagnostics sent per keystroke); clean:
    # the same code written the current way.
    report["lsp"] = measure(lines, edits, documents, server)
    report["lsp_clean"] = measure(lines, edits, documents, server, clean=True)
    print(f"  language server took {time.perf_counter() - stage:.1f}s", file=sys.stderr)
    (out / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    chart(report, out / "benchmarks.png")
    rendered = table(report)
    (out / "table.md").write_text(rendered)
    print(rendered)
    print(f"results in {out}")
    if args.update_docs:
        update_docs(report, out / "benchmarks.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
