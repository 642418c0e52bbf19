"""Language-server latency: a plain JSON-RPC client over the server's stdio.

    python bench/lsp_latency.py [--lines 3000] [--edits 200] [--documents 50]

Measures `initialize` -> first publishDiagnostics (cold start), then on a file of --lines lines
(dense with findings, or with --clean the same code written the current way)
--edits single-character incremental edits, each timed from didChange to the
publishDiagnostics for that version (debounce 0, every bundled pack), then the server's RSS
after --documents open documents, and the import floor: a fresh interpreter importing
pygls, lsprotocol and the Python grammar (cold start is reported as a multiple of it). Prints
JSON. Validated packs come from the user cache (packs/cached.py) once a first run stored them;
set UPSTREAM_CACHE_DIR to an empty folder to measure a first start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import psutil

# A file with findings from several packs: the imports once, then a block repeated to the
# wanted length (earlier runs repeated the imports in every block too, 600 import lines in
# 3,000, which no real module has and which makes every edit sit next to an import).
HEADER = """\
import os
import pandas as pd
import numpy as np
from pymongo import MongoClient

client = MongoClient("mongodb://localhost")
db = client.app

"""

BLOCK = """\

def handler_{n}(frame, rows):
    total = 0
    for row in rows:
        total += row["value"]  # upstream bench
    frame = frame.append(rows)
    values = np.float(total)
    db.events.insert({{"n": {n}, "total": total}})
    cursor = db.events.find().count()
    return frame, values, cursor

"""


# The same code written the current way: no findings, so what is left is the cost of the
# re-check itself rather than of sending hundreds of diagnostics after every keystroke.
CLEAN_BLOCK = """\

def handler_{n}(frame, rows):
    total = 0
    for row in rows:
        total += row["value"]  # upstream bench
    frame = pd.concat([frame, pd.DataFrame(rows)])
    values = np.float64(total)
    db.events.insert_one({{"n": {n}, "total": total}})
    cursor = db.events.count_documents({{}})
    return frame, values, cursor

"""


def make_source(lines: int, clean: bool = False) -> str:
    block = CLEAN_BLOCK if clean else BLOCK
    parts: list[str] = [HEADER]
    n = 0
    while sum(part.count("\n") for part in parts) < lines:
        parts.append(block.format(n=n))
        n += 1
    return "".join(parts)


class Client:
    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        self.next_id = 0

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def receive(self) -> dict[str, Any]:
        length = 0
        while True:
            line = self.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        message: dict[str, Any] = json.loads(self.stdout.read(length))
        if "id" in message and "method" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        return message

    def wait_response(self, request_id: int) -> dict[str, Any]:
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                return message

    def wait_diagnostics(self, uri: str, version: int | None = None) -> list[Any]:
        while True:
            message = self.receive()
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] != uri:
                continue
            if version is not None and params.get("version") not in (None, version):
                continue
            diagnostics: list[Any] = params["diagnostics"]
            return diagnostics

    def close(self) -> None:
        try:
            self.wait_response(self.request("shutdown", None))
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (OSError, EOFError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(
    lines: int, edits: int, documents: int, command: list[str], clean: bool = False
) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="upstream-lsp-bench-"))
    source = make_source(lines, clean)
    path = folder / "big.py"
    path.write_text(source)
    uri = path.as_uri()
    started = time.perf_counter()
    client = Client(command)
    init = client.request(
        "initialize",
        {
            "processId": os.getpid(),
            "rootUri": folder.as_uri(),
            "capabilities": {},
            "initializationOptions": {"debounce": 0},
        },
    )
    client.wait_response(init)
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": source}},
    )
    first = client.wait_diagnostics(uri)
    cold_start = time.perf_counter() - started
    rss_first = psutil.Process(client.process.pid).memory_info().rss

    # Single characters typed into (and removed from) the comment on line 12 of each block.
    marker = source.splitlines()
    comment_lines = [i for i, text in enumerate(marker) if text.endswith("# upstream bench")]
    latencies: list[float] = []
    version = 1
    for n in range(edits):
        line = comment_lines[(n // 2) % len(comment_lines)]
        column = len(marker[line])
        version += 1
        if n % 2 == 0:
            change = {
                "range": {
                    "start": {"line": line, "character": column},
                    "end": {"line": line, "character": column},
                },
                "text": "x",
            }
        else:
            change = {
                "range": {
                    "start": {"line": line, "character": column},
                    "end": {"line": line, "character": column + 1},
                },
                "text": "",
            }
        t0 = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        client.wait_diagnostics(uri, version)
        latencies.append((time.perf_counter() - t0) * 1000)

    small = make_source(300, clean)
    for n in range(documents - 1):
        other = folder / f"doc{n}.py"
        other.write_text(small)
        client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": other.as_uri(),
                    "languageId": "python",
                    "version": 1,
                    "text": small,
                }
            },
        )
        client.wait_diagnostics(other.as_uri())
    rss = psutil.Process(client.process.pid).memory_info().rss
    client.close()
    return {
        "lines": len(marker),
        "first_diagnostics": len(first),
        "edits": edits,
        "cold_start_s": round(cold_start, 3),
        "edit_ms_p50": round(statistics.median(latencies), 2),
        "edit_ms_p95": round(percentile(latencies, 0.95), 2),
        "edit_ms_max": round(max(latencies), 2),
        "documents": documents,
        "rss_first_document_mb": round(rss_first / 1e6, 1),
        "rss_mb": round(rss / 1e6, 1),
    }


def import_floor(runs: int = 3) -> float:
    """The least time a fresh interpreter takes to import what the server cannot start
    without: pygls, lsprotocol and the Python grammar (issue 16's cold-start floor)."""
    code = "import pygls.server, lsprotocol.types, tree_sitter, tree_sitter_python"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument(
        "--clean", action="store_true", help="modern code without findings (default: dense)"
    )
    args = parser.parse_args()
    command = [sys.executable, "-m", "upstream", "lsp"]
    floor = import_floor()
    result = measure(args.lines, args.edits, args.documents, command, args.clean)
    result["import_floor_s"] = round(floor, 3)
    result["cold_start_x_floor"] = round(result["cold_start_s"] / floor, 2)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
