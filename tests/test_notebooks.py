"""Jupyter notebooks through `upstream check`: code cells checked as one program, findings
named by cell, magics skipped, and --fix rewriting only the changed cells' sources."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from test_hooks import claude_event, hook
from upstream.engine.findings import Edit, Finding, Position
from upstream.engine.notebook import NotebookError, fix_notebook, kernel_code, read_notebook

COUNT = "pymongo/collection-count-all-removed"
APPEND = "python-ecosystem/dataframe-append-removed"


def _notebook(cells: list[dict[str, Any]], language: str = "python") -> dict[str, Any]:
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "K", "language": language, "name": "k"},
            "language_info": {"name": language},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _code(source: list[str] | str, outputs: list[Any] | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {"tags": ["x"]},
        "outputs": outputs or [],
        "source": source,
    }


MARKDOWN = {"cell_type": "markdown", "metadata": {}, "source": ["# Café\n", "notes"]}
IMPORTS = _code(
    ["%matplotlib inline\n", "import pandas as pd\n", "import pymongo\n", "!pip install x"]
)
USES = _code(
    [
        "client = pymongo.MongoClient()\n",
        "n = client.db.users.count()\n",
        "df = pd.DataFrame()\n",
        "df = df.append({'a': 1})  # é",
    ],
    outputs=[{"output_type": "stream", "name": "stdout", "text": ["count()\n"]}],
)
BASH = _code("%%bash\nmongo --eval 'db.users.count()'\n")


def _upstream(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def _write(path: Path, notebook: dict[str, Any], **dump: Any) -> bytes:
    data = (json.dumps(notebook, **dump) + "\n").encode("utf-8")
    path.write_bytes(data)
    return data


def test_findings_are_named_by_cell_and_imports_reach_later_cells(tmp_path: Path) -> None:
    _write(tmp_path / "nb.ipynb", _notebook([MARKDOWN, IMPORTS, USES, BASH]), indent=1)
    text = _upstream("check", "nb.ipynb", cwd=tmp_path)
    lines = [line for line in text.stdout.splitlines() if line.startswith("nb.ipynb")]
    assert [line.split(" ")[0:2] for line in lines] == [
        ["nb.ipynb:cell", "3:2:5:"],
        ["nb.ipynb:cell", "3:4:6:"],
    ]
    assert COUNT in lines[0] and APPEND in lines[1]
    # The %%bash cell is not Python, and the magics in cell 2 are not syntax errors.
    assert text.returncode == 1, text.stderr

    report = json.loads(_upstream("check", "nb.ipynb", "--format", "json", cwd=tmp_path).stdout)
    assert [(f["rule"], f["cell"], f["line"], f["column"]) for f in report] == [
        (COUNT, 3, 2, 5),
        (APPEND, 3, 4, 6),
    ]
    sarif = json.loads(_upstream("check", "nb.ipynb", "--format", "sarif", cwd=tmp_path).stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "nb.ipynb"
    assert "region" not in location["physicalLocation"]
    assert location["properties"] == {
        "cell": 3,
        "cellRegion": {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 28},
    }
    assert "fixes" not in sarif["runs"][0]["results"][0]
    github = _upstream("check", "nb.ipynb", "--format", "github", cwd=tmp_path).stdout
    assert "::error file=nb.ipynb,title=" in github and "::cell 3, line 2: " in github


@pytest.mark.parametrize(
    "dump",
    [
        {"indent": 1, "ensure_ascii": False},  # what Jupyter writes
        {"indent": 2, "ensure_ascii": True},  # \\u escapes, another indent
        {"indent": None},  # all on one line
    ],
)
def test_fix_rewrites_only_the_changed_cell_sources(tmp_path: Path, dump: dict[str, Any]) -> None:
    cells = [MARKDOWN, IMPORTS, USES, _code("n2 = client.db.orders.count()"), BASH]
    before = _write(tmp_path / "nb.ipynb", _notebook(cells), **dump)
    result = _upstream("check", "--fix", "nb.ipynb", cwd=tmp_path)
    after = (tmp_path / "nb.ipynb").read_bytes()
    assert COUNT not in result.stdout and APPEND in result.stdout, result.stderr

    old, new = json.loads(before), json.loads(after)
    assert new["cells"][2]["source"][1] == "n = client.db.users.estimated_document_count()\n"
    assert new["cells"][3]["source"] == "n2 = client.db.orders.estimated_document_count()"
    # Byte for byte: the file is the old one with those two strings replaced.
    expected = before
    for old_line, new_line in [
        (old["cells"][2]["source"][1], new["cells"][2]["source"][1]),
        (old["cells"][3]["source"], new["cells"][3]["source"]),
    ]:
        expected = expected.replace(json.dumps(old_line).encode(), json.dumps(new_line).encode())
    assert after == expected


def test_a_fix_that_would_not_parse_in_its_cell_is_refused() -> None:
    raw = json.dumps(_notebook([_code("import pymongo\nx = db.t.count()\n")])).encode()
    start = read_notebook(raw).cells[0].text.index("count()")  # offsets count in the cell
    end = start + len("count()")
    broken = Edit(start, end, Position(1, 9), Position(1, 16), "count((")
    finding = Finding(
        COUNT, "error", "m", "", "nb.ipynb", Position(1, 9), Position(1, 16), start, end,
        fix=broken, cell=1,
    )  # fmt: skip
    outcome = fix_notebook(raw, [finding], unsafe=False)
    assert outcome.refused and outcome.source == raw


def test_magics_become_comments_of_the_same_length() -> None:
    text = "%time x = 1\n!ls\nfiles = !ls\nnp.sum?\n    %debug\nprint(1)"
    code = kernel_code(text)
    assert code == "#time x = 1\n#ls\n#iles = !ls\n#p.sum?\n    #debug\nprint(1)"
    assert code is not None and len(code) == len(text)
    assert kernel_code("%%bash\necho\n") is None
    assert kernel_code("%%time\nx = 1\n") == "#%time\nx = 1\n"


def test_other_kernels_and_broken_notebooks(tmp_path: Path) -> None:
    _write(tmp_path / "r.ipynb", _notebook([_code("db.users.count()")], language="R"))
    assert read_notebook((tmp_path / "r.ipynb").read_bytes()).spec is None
    (tmp_path / "bad.ipynb").write_text('{"cells": [', encoding="utf-8")
    (tmp_path / "old.ipynb").write_text('{"worksheets": []}', encoding="utf-8")
    with pytest.raises(NotebookError, match="not JSON"):
        read_notebook(b'{"cells": [')
    result = _upstream("check", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "bad.ipynb: skipped: not a notebook: not JSON" in result.stderr
    assert "old.ipynb: skipped: nbformat 3 notebooks are not read" in result.stderr
    assert "internal error" not in result.stderr


def test_suppression_comments_work_inside_a_cell(tmp_path: Path) -> None:
    cell = _code(["import pymongo\n", "n = db.users.count()  # upstream: ignore\n"])
    _write(tmp_path / "nb.ipynb", _notebook([cell]))
    result = _upstream("check", "nb.ipynb", cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_the_claude_code_hook_names_the_cell_and_quotes_the_cell_text(tmp_path: Path) -> None:
    _write(tmp_path / "nb.ipynb", _notebook([MARKDOWN, IMPORTS, USES]), indent=1)
    (tmp_path / "bad.ipynb").write_text("{", encoding="utf-8")
    cache = tmp_path / "cache"
    found = hook("claude-code", claude_event("Write", tmp_path / "nb.ipynb", tmp_path), cache=cache)
    assert found.returncode == 2, found.stderr
    assert f"- cell 3, line 2:5 [{COUNT}]" in found.stderr
    assert "fix: replace `client.db.users.count()` with" in found.stderr
    broken = hook(
        "claude-code", claude_event("Write", tmp_path / "bad.ipynb", tmp_path), cache=cache
    )
    assert (broken.returncode, broken.stdout, broken.stderr) == (0, "", "")
