"""Property: after any sequence of incremental edits, the server's diagnostics equal a fresh
check of the final text (what `upstream check` reports), and the server is still alive."""

from __future__ import annotations

import asyncio
import itertools
import sys
from pathlib import Path

import pytest_lsp
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lsp_support import wait_for_diagnostics
from lsprotocol import types
from upstream.engine import LANGUAGES, check
from upstream.packs import bundled_pack_paths, load_rule_set

BASES = {
    "javascript": (
        "// setup\n"
        'sh.shardCollection("shop.orders", { _id: 1 });\n'
        'db.adminCommand({ shardCollection: "a.b", key: { createdAt: 1 } });\n'
        "const é = '😀';\n"
    ),
    "python": (
        "import openai\n"
        "# ünïcode 😀\n"
        'reply = openai.ChatCompletion.create(model="gpt-4o", messages=[])\n'
        'client.admin.command("shardCollection", "a.b", key={"_id": 1})\n'
        # What a name holds comes from its assignment, anywhere above (types).
        "from pymongo import MongoClient\n"
        "orders = MongoClient().shop.orders\n"
        "orders.insert(doc, w=0)\n"
    ),
}
EXTENSIONS = {"javascript": "js", "python": "py"}
FRAGMENTS = [
    "",
    "\n",
    " ",
    "x",
    "é",
    "😀",
    "(",
    ")",
    "{",
    "}",
    '"',
    "_id",
    "{ _id: 1 }",
    "{ ts: 1, a: 1 }",
    'sh.shardCollection("c.d", { createdAt: 1 });\n',
    "openai.Completion.create(prompt='p')\n",
    "# upstream: ignore\n",
    "orders = []\n",
    "orders.save(doc)\n",
]
EDITS = st.lists(
    st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 12), st.sampled_from(FRAGMENTS)),
    max_size=10,
)


def position(text: str, offset: int) -> types.Position:
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(column.encode("utf-16-le")) // 2)


def as_tuple(rule: str, text: str, start: int, end: int) -> tuple[str, int, int, int, int]:
    first, last = position(text, start), position(text, end)
    return (rule, first.line, first.character, last.line, last.character)


def test_random_incremental_edits_match_a_fresh_check(tmp_path: Path):
    loop = asyncio.new_event_loop()
    client = pytest_lsp.make_test_lsp_client()
    loop.run_until_complete(client.start_io(sys.executable, "-m", "upstream", "lsp"))
    loop.run_until_complete(
        client.initialize_session(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=tmp_path.as_uri(),
                initialization_options={"debounce": 0},
            )
        )
    )
    rule_set = load_rule_set(bundled_pack_paths()).rule_set
    numbers = itertools.count()

    async def scenario(language: str, edits: list[tuple[float, int, str]]) -> None:
        text = BASES[language]
        uri = (tmp_path / f"doc{next(numbers)}.{EXTENSIONS[language]}").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id=language, version=1, text=text
                )
            )
        )
        for version, (where, length, insert) in enumerate(edits, start=2):
            start = int(where * len(text))
            end = min(start + length, len(text))
            change = types.TextDocumentContentChangePartial(
                range=types.Range(start=position(text, start), end=position(text, end)),
                text=insert,
            )
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
            text = text[:start] + insert + text[end:]
        source = text.encode("utf-8")
        expected = sorted(
            as_tuple(
                f.rule,
                text,
                len(source[: f.start_byte].decode("utf-8")),
                len(source[: f.end_byte].decode("utf-8")),
            )
            for f in check(text, LANGUAGES[language], rule_set, "doc")
        )

        def seen(diagnostics):  # type: ignore[no-untyped-def]
            return sorted(
                (
                    str(d.code),
                    d.range.start.line,
                    d.range.start.character,
                    d.range.end.line,
                    d.range.end.character,
                )
                for d in diagnostics
            )

        try:
            await wait_for_diagnostics(client, uri, lambda d: seen(d) == expected, timeout=15)
        except TimeoutError:
            raise AssertionError(
                f"server: {seen(client.diagnostics.get(uri, []))}\ncheck: {expected}\n{text!r}"
            ) from None
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    @settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )
    @given(language=st.sampled_from(sorted(BASES)), edits=EDITS)
    def run(language: str, edits: list[tuple[float, int, str]]) -> None:
        loop.run_until_complete(scenario(language, edits))

    try:
        run()
        assert client._server is not None and client._server.returncode is None
    finally:
        loop.run_until_complete(client.shutdown_session())
        loop.close()
