"""Code blocks in Markdown and reStructuredText (issue 18, item 2): found by their info
string or directive, checked in their language, reported and fixed at document positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from lsp_support import server_session, wait_for_diagnostics
from lsprotocol import types
from upstream.engine.embedded import code_blocks, document_kind

REMOVED = 'openai.ChatCompletion.create(model="gpt-4o", messages=[])'
MARKDOWN = f"""# Demo

Some text with `openai.ChatCompletion` in prose (not code).

```python
import openai
{REMOVED}
```

- In a list:

  ~~~py title="app.py"
  import pymongo
  c = pymongo.MongoClient()
  c.db.t.insert({{}})
  ~~~

```shell
python -c 'import openai; {REMOVED}'
```

```
import openai
{REMOVED}
```

````python
import openai
{REMOVED}  # upstream: ignore
````
"""
RST = """Guide
=====

.. code-block:: python
   :linenos:

   import pymongo
   client = pymongo.MongoClient()

   client.db.t.insert({})

.. code:: console

   $ python -c "client.db.t.insert({})"
"""


def findings(path: Path, *args: str) -> list[tuple[int, int, str]]:
    result = run_cli("check", "--no-cache", "--format", "json", *args, path.name, cwd=path.parent)
    assert result.returncode in (0, 1), result.stderr
    return [(f["line"], f["column"], f["rule"]) for f in json.loads(result.stdout)]


def test_markdown_blocks_are_checked_at_their_document_positions(tmp_path):
    doc = tmp_path / "README.md"
    doc.write_text(MARKDOWN)
    # Prose, the shell block, the block without a language and the suppressed line are not.
    assert findings(doc) == [
        (7, 1, "openai/chat-completion-removed"),
        (15, 3, "pymongo/collection-insert-document-removed"),
    ]


def test_rst_code_blocks_skip_options_and_other_languages(tmp_path):
    doc = tmp_path / "guide.rst"
    doc.write_text(RST)
    assert findings(doc) == [(10, 4, "pymongo/collection-insert-document-removed")]


@pytest.mark.parametrize("name", ["llms.txt", "AGENTS.md", "page.mdx", "notes.markdown"])
def test_documents_a_maintainer_checks_are_walked(tmp_path, name):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_text(f"```python\nimport openai\n{REMOVED}\n```\n")
    (tmp_path / "docs" / "other.txt").write_text(f"```python\nimport openai\n{REMOVED}\n```\n")
    result = run_cli("check", "--no-cache", "docs", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    reported = {line.split(":")[0] for line in result.stdout.splitlines() if ":3:1:" in line}
    assert reported == {f"docs/{name}"}  # a plain .txt file is not a document upstream reads


def test_fix_rewrites_only_the_blocks_and_keeps_the_rest_byte_for_byte(tmp_path):
    doc = tmp_path / "README.md"
    original = MARKDOWN.replace("\n", "\r\n").encode()  # CRLF line ends too
    doc.write_bytes(original)
    result = run_cli("check", "--no-cache", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    fixed = doc.read_bytes()
    assert fixed == original.replace(
        b'\r\nopenai.ChatCompletion.create(model="gpt-4o", messages=[])\r\n```',
        b'\r\nopenai.chat.completions.create(model="gpt-4o", messages=[])\r\n```',
        1,
    ).replace(b"  c.db.t.insert({})", b"  c.db.t.insert_one({})")


def test_a_fix_that_would_break_a_block_is_refused():
    from upstream.engine import embedded

    before = b"```python\nx = 1\n```\n"
    broken = b"```python\nx = (\n```\n"
    assert embedded.breaks_blocks(before, broken, "markdown")
    assert not embedded.breaks_blocks(before, b"```python\nx = 2\n```\n", "markdown")
    assert embedded.breaks_blocks(before, b"text\n", "markdown")  # the block is gone


def test_code_blocks_of_each_form():
    assert document_kind(Path("a/README.md")) == "markdown"
    assert document_kind(Path("llms-full.txt")) == "markdown"
    assert document_kind(Path("index.rst")) == "rst"
    assert document_kind(Path("notes.txt")) is None
    blocks = code_blocks(MARKDOWN, "markdown")
    assert [(b.spec.name, b.first_line, b.indent) for b in blocks] == [
        ("python", 5, 0),
        ("python", 12, 2),
        ("python", 27, 0),
    ]
    assert blocks[1].text == "import pymongo\nc = pymongo.MongoClient()\nc.db.t.insert({})\n"
    # An unclosed fence runs to the end of the document, as CommonMark reads it.
    [open_block] = code_blocks("```js\nconst a = 1;\n", "markdown")
    assert open_block.spec.name == "javascript" and open_block.text == "const a = 1;\n"
    [rst] = code_blocks(RST, "rst")
    assert rst.first_line == 6 and rst.indent == 3 and rst.text.endswith("insert({})\n")


async def test_the_language_server_diagnoses_the_code_blocks_of_a_markdown_file(tmp_path):
    uri = (tmp_path / "README.md").as_uri()
    async with server_session(tmp_path) as client:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri, "markdown", 1, MARKDOWN)
            )
        )
        found = await wait_for_diagnostics(client, uri, lambda found: len(found) == 2)
    assert [(d.range.start.line, d.range.start.character, d.code) for d in found] == [
        (6, 0, "openai/chat-completion-removed"),
        (14, 2, "pymongo/collection-insert-document-removed"),
    ]


def test_line_breaks_other_than_cr_and_lf_do_not_shift_the_positions(tmp_path):
    # str.splitlines also breaks at a form feed or U+2028; the document's line index does
    # not, so block lines counted that way landed a line late.
    doc = tmp_path / "README.md"
    doc.write_text(
        f"Intro\x0cstill the first line \u2028 too\n\n```python\nimport openai\n{REMOVED}\n```\n"
    )
    assert findings(doc) == [(5, 1, "openai/chat-completion-removed")]
