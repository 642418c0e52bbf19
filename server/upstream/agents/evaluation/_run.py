"""Checking samples: one pure per-record function, run on a process pool or a Dask cluster."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from upstream.agents.evaluation._context import PromptContext, read_prompt
from upstream.agents.evaluation._records import Sample, guess_language
from upstream.agents.snippets import findings_after, implied_imports
from upstream.engine import (
    LANGUAGES,
    CheckOptions,
    Document,
    Finding,
    LanguageSpec,
    RuleSet,
    check,
)
from upstream.packs import load_rule_set
from upstream.scan import available_cores


@dataclass(frozen=True)
class Hit:
    """One finding, as much of it as a report shows: small enough to send back from a worker."""

    rule: str  # full id, "pack/rule"
    line: int  # 1-based, in the completion
    message: str
    docs: str


@dataclass(frozen=True)
class SampleResult:
    """What the packs found in one sample, in order."""

    id: str
    model: str
    language: str
    hits: tuple[Hit, ...]
    topic: str | None = None

    @property
    def rules(self) -> tuple[str, ...]:
        """The full rule id of each finding."""
        return tuple(hit.rule for hit in self.hits)


@functools.lru_cache(maxsize=4)
def _rule_set(pack_paths: tuple[str, ...]) -> RuleSet:
    # Loaded once per worker process and kept: the per-record function stays cheap.
    return load_rule_set([Path(p) for p in pack_paths]).rule_set


def check_sample(
    sample: Sample, pack_paths: tuple[str, ...], snippet: bool = False
) -> SampleResult:
    """Check one completion against the packs at ``pack_paths`` (see ``completion_findings``)."""
    language = sample.language or guess_language(sample.code)
    findings = completion_findings(sample, _rule_set(pack_paths), language, snippet=snippet)
    hits = tuple(Hit(f.rule, f.start.line + 1, f.message, f.docs) for f in findings)
    return SampleResult(sample.id, sample.model, language, hits, sample.topic)


def completion_findings(
    sample: Sample, rule_set: RuleSet, language: str | None = None, *, snippet: bool = False
) -> list[Finding]:
    """The findings of ``rule_set`` in one completion, at positions in the completion.

    A completion that continues its ``prompt`` (the two parse together as code) is checked
    after the prompt; otherwise it is checked after the prompt's import statements alone
    (none for a prompt in prose). Either way only findings that reach into the completion
    count, so the model is not blamed for the prompt, and a version header in the prompt
    decides the rules' version gates (see ``_context``). With ``snippet``, the conventional
    aliases the two use without importing them are imported first (``agents.snippets``).
    """
    spec = LANGUAGES[language or sample.language or guess_language(sample.code)]
    context = read_prompt(sample.prompt or "", spec)
    before = _context_before(sample, spec, context)
    if snippet:
        before = implied_imports(before + sample.code, spec) + before
    options = CheckOptions(versions=context.satisfies)
    path = f"{sample.model}/{sample.id}"
    findings = check(before + sample.code, spec, rule_set, path=path, options=options)
    offset = len(before.encode("utf-8", "surrogatepass"))
    completion = Document.from_text(path, sample.code, spec)
    return findings_after(findings, offset, completion)


def _context_before(sample: Sample, spec: LanguageSpec, context: PromptContext) -> str:
    """What the completion is checked after: the whole prompt when the two parse together
    (a model continuing a line is judged on the whole line), else the prompt's imports."""
    if not sample.prompt:
        return ""
    joined = (sample.prompt + sample.code).encode("utf-8", "surrogatepass")
    if not spec.parser().parse(joined).root_node.has_error:
        return sample.prompt
    return context.preamble


def run_local(
    samples: Sequence[Sample],
    pack_paths: tuple[str, ...],
    jobs: int | None = None,
    progress: TextIO | None = None,
    *,
    snippet: bool = False,
) -> list[SampleResult]:
    """Check every sample, on all cores unless ``jobs`` says otherwise; results in input order."""
    jobs = jobs or available_cores()
    work = functools.partial(check_sample, pack_paths=pack_paths, snippet=snippet)
    if jobs == 1 or len(samples) < 2:
        return list(_progress(map(work, samples), len(samples), progress))
    chunk = max(1, min(64, len(samples) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(_progress(pool.map(work, samples, chunksize=chunk), len(samples), progress))


def run_dask(
    samples: Sequence[Sample],
    pack_paths: tuple[str, ...],
    address: object,
    progress: TextIO | None = None,
    *,
    snippet: bool = False,
) -> list[SampleResult]:
    """The same per-record function on a Dask distributed cluster (a scheduler address or a
    ``distributed`` cluster object); results in input order."""
    from distributed import Client, as_completed

    # Packs are read from disk on the workers: the paths must exist there too.
    with Client(address) as client:  # type: ignore[no-untyped-call]
        futures = client.map(
            check_sample, list(samples), pack_paths=pack_paths, snippet=snippet, pure=False
        )
        for done, _ in enumerate(as_completed(futures), 1):  # type: ignore[no-untyped-call]
            _draw(progress, done, len(samples))
        results: list[SampleResult] = client.gather(futures)
    _finish(progress)
    return results


def _progress(
    results: Iterable[SampleResult], total: int, stream: TextIO | None
) -> Iterator[SampleResult]:
    for done, result in enumerate(results, 1):
        _draw(stream, done, total)
        yield result
    _finish(stream)


def _draw(stream: TextIO | None, done: int, total: int) -> None:
    if stream is None or (done != total and done % max(1, total // 200)):
        return
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    stream.flush()


def _finish(stream: TextIO | None) -> None:
    if stream is not None:
        stream.write("\n")
        stream.flush()


def terminal_progress() -> TextIO | None:
    """stderr when it is a terminal (a progress bar), else None."""
    return sys.stderr if sys.stderr.isatty() else None
