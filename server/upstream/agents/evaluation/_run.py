"""Checking samples: one pure per-record function, run on a process pool or a Dask cluster."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from upstream.agents.evaluation._records import Sample, guess_language
from upstream.engine import LANGUAGES, RuleSet, check
from upstream.packs import load_rule_set
from upstream.scan import available_cores


@dataclass(frozen=True)
class SampleResult:
    """What the packs found in one sample: the full rule id of each finding, in order."""

    id: str
    model: str
    language: str
    rules: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def _rule_set(pack_paths: tuple[str, ...]) -> RuleSet:
    # Loaded once per worker process and kept: the per-record function stays cheap.
    return load_rule_set([Path(p) for p in pack_paths]).rule_set


def check_sample(sample: Sample, pack_paths: tuple[str, ...]) -> SampleResult:
    """Check one completion against the packs at ``pack_paths``.

    A completion that continues its ``prompt`` (the two parse together as code) is checked
    after the prompt, and only findings that reach into the completion count; with a prompt in
    prose, the completion is checked alone.
    """
    rule_set = _rule_set(pack_paths)
    language = sample.language or guess_language(sample.code)
    spec = LANGUAGES[language]
    text, offset = sample.code, 0
    if sample.prompt:
        joined = sample.prompt + sample.code
        if not spec.parser().parse(joined.encode("utf-8")).root_node.has_error:
            text, offset = joined, len(sample.prompt.encode("utf-8"))
    findings = check(text, spec, rule_set, path=f"{sample.model}/{sample.id}")
    rules = tuple(f.rule for f in findings if f.end_byte > offset)
    return SampleResult(sample.id, sample.model, language, rules)


def run_local(
    samples: Sequence[Sample],
    pack_paths: tuple[str, ...],
    jobs: int | None = None,
    progress: TextIO | None = None,
) -> list[SampleResult]:
    """Check every sample, on all cores unless ``jobs`` says otherwise; results in input order."""
    jobs = jobs or available_cores()
    work = functools.partial(check_sample, pack_paths=pack_paths)
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
) -> list[SampleResult]:
    """The same per-record function on a Dask distributed cluster (a scheduler address or a
    ``distributed`` cluster object); results in input order."""
    from distributed import Client, as_completed

    # Packs are read from disk on the workers: the paths must exist there too.
    with Client(address) as client:  # type: ignore[no-untyped-call]
        futures = client.map(check_sample, list(samples), pack_paths=pack_paths, pure=False)
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
