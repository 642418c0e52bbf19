"""Checking every file of an ``upstream check``: in this process, or on worker processes.

Results come back in the order the files were walked whichever way they were checked, so the
report, the fixes and the cache are the same for any ``--jobs``. The parent answers cache hits
before anything is dispatched, and alone writes the cache and applies fixes; a worker only
checks files and returns findings. Compiled tree-sitter queries cannot be pickled, so a worker
gets what it needs to build the same rule set and options (``ScanSetup``), once, when it starts.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from upstream.engine import CheckOptions, Finding, ProjectIndex, RuleSet
from upstream.errors import UpstreamError
from upstream.packs import load_rule_set
from upstream.packs.cached import DiskPackCache
from upstream.scan.cache import Miss, ResultCache, VersionAnswers, check_recording_versions
from upstream.scan.checking import Failed, Skipped, check_file

if TYPE_CHECKING:
    from upstream.workspace.settings import CheckSettings

Result = list[Finding] | Skipped | Failed

# Below this much source to check, one process is done before a pool would be. Measured on 2
# cores: forked workers cost ~40 ms to start, stop and feed, the time the bundled packs take
# to check ~10 KB; a spawned worker starts a fresh interpreter and loads the packs again
# (~1-3 s, which checks about 1 MB).
MIN_POOL_BYTES = {"fork": 32 * 1024, "spawn": 2 * 1024 * 1024, "forkserver": 2 * 1024 * 1024}
# A file's fixed cost (parse set-up, a round trip to a worker), in bytes of source.
_FILE_OVERHEAD_BYTES = 2048


def available_cores() -> int:
    """How many cores this process may run on: the default of ``--jobs`` (as Ruff's)."""
    process_cpu_count: Callable[[], int | None] | None = getattr(os, "process_cpu_count", None)
    if process_cpu_count is not None:  # Python 3.13+
        return process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class ScanSetup:
    """Everything that decides a file's findings besides its bytes; pickled for a worker."""

    pack_paths: tuple[Path, ...]
    settings: CheckSettings
    # The project whose own modules other files' imports are followed into (types).
    project_root: Path | None = None

    @property
    def max_bytes(self) -> int:
        return self.settings.max_bytes

    def options(self) -> CheckOptions:
        """The check options of this setup, with a fresh version resolver and project index."""
        return self.settings.options(project=ProjectIndex(self.project_root))


def check_files(
    files: Iterable[Path],
    setup: ScanSetup,
    rule_set: RuleSet,
    options: CheckOptions,
    cache: ResultCache | None = None,
    jobs: int = 1,
    start_method: str | None = None,
) -> Generator[tuple[Path, Result], None, None]:
    """Each file with its findings (or why it was skipped or failed), in the order given.

    ``jobs`` > 1 checks the files the cache can't answer on that many worker processes when
    there are enough of them to repay starting the workers. ``start_method``: a
    ``multiprocessing`` one; by default ``fork`` where it is safe, else ``spawn``.
    """
    if jobs <= 1:
        # In process, one file after the other: nothing is read ahead.
        for file in files:
            yield file, _check_here(file, setup, rule_set, options, cache)
        return
    files = list(files)
    answered, tasks = _answer_from_cache(files, setup, rule_set, options, cache)
    method = start_method or _default_start_method()
    if len(tasks) >= 2 and sum(task.size for task in tasks) >= MIN_POOL_BYTES.get(method, 0):
        yield from _check_on_pool(files, answered, tasks, setup, rule_set, cache, jobs, method)
        return
    by_index = {task.index: task for task in tasks}
    for index, file in enumerate(files):
        if index in answered:
            yield file, answered.pop(index)
        else:
            task = by_index[index]
            yield file, _finish(task, _check_task(task, setup, rule_set, options), cache)


def _answer_from_cache(
    files: list[Path],
    setup: ScanSetup,
    rule_set: RuleSet,
    options: CheckOptions,
    cache: ResultCache | None,
) -> tuple[dict[int, Result], list[_Task]]:
    """Results the cache (or reading the file) gives by file index, and the files to check."""
    answered: dict[int, Result] = {}
    tasks: list[_Task] = []
    for index, file in enumerate(files):
        if cache is None:
            tasks.append(_Task(index, str(file), None, _size(file)))
            continue
        try:
            found = cache.lookup(file, rule_set, options, setup.max_bytes)
        except Exception as error:
            answered[index] = Failed.from_exception(file, error)
            continue
        if isinstance(found, Miss):
            tasks.append(_Task(index, str(file), found, len(found.source)))
        else:
            answered[index] = found
    return answered, tasks


def _check_on_pool(
    files: list[Path],
    answered: dict[int, Result],
    tasks: list[_Task],
    setup: ScanSetup,
    rule_set: RuleSet,
    cache: ResultCache | None,
    jobs: int,
    method: str,
) -> Iterator[tuple[Path, Result]]:
    by_index = {task.index: task for task in tasks}
    batches = _batches(tasks, jobs)
    with _Pool(min(jobs, len(batches)), setup, rule_set, method) as pool, _logged_once():
        futures = {task.index: future for batch, future in pool.submit(batches) for task in batch}
        done: dict[int, _Outcome] = {}
        for index, file in enumerate(files):
            if index in answered:
                yield file, answered.pop(index)
                continue
            if index not in done:
                done.update(pool.result(futures[index], file))
            outcome = done.pop(index)
            for name, level, message in outcome.logs:
                logging.getLogger(name).log(level, "%s", message)
            yield file, _finish(by_index[index], outcome, cache)


@dataclass(frozen=True)
class _Task:
    index: int
    path: str
    miss: Miss | None  # None: no cache; the worker reads the file itself
    size: int


@dataclass(frozen=True)
class _Outcome:
    """What checking one task gave."""

    result: Result
    versions: VersionAnswers = field(default_factory=list)  # the version questions asked
    # What a worker logged meanwhile (logger name, level, message), for the parent to log
    # in file order.
    logs: list[tuple[str, int, str]] = field(default_factory=list)


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _check_here(
    file: Path,
    setup: ScanSetup,
    rule_set: RuleSet,
    options: CheckOptions,
    cache: ResultCache | None,
) -> Result:
    try:
        if cache is not None:
            return cache.check(file, rule_set, options, setup.max_bytes)
        return check_file(file, rule_set, options, setup.max_bytes)
    except Exception as error:
        return Failed.from_exception(file, error)


def _check_task(
    task: _Task, setup: ScanSetup, rule_set: RuleSet, options: CheckOptions
) -> _Outcome:
    path = Path(task.path)
    try:
        if task.miss is None:
            return _Outcome(check_file(path, rule_set, options, setup.max_bytes))
        return _Outcome(*check_recording_versions(path, task.miss.source, rule_set, options))
    except Exception as error:
        return _Outcome(Failed.from_exception(path, error))


def _finish(task: _Task, outcome: _Outcome, cache: ResultCache | None) -> Result:
    result = outcome.result
    if cache is not None and task.miss is not None and isinstance(result, list):
        cache.store(Path(task.path), task.miss, result, outcome.versions)
    return result


class _Once(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, int, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, record.getMessage())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


@contextlib.contextmanager
def _logged_once() -> Iterator[None]:
    # One process logs each warning (a malformed manifest) once, as the first file that needs
    # it is checked; so here, whichever process logs it: a worker, or this one re-checking a
    # fixed file.
    once = _Once()
    loggers = [
        logger
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger) and name.split(".")[0] == "upstream"
    ]
    for logger in loggers:
        logger.addFilter(once)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(once)


def _batches(tasks: list[_Task], jobs: int) -> list[list[_Task]]:
    # Largest files first, so no worker is left alone with a big file at the end; small files
    # go in groups of about a quarter of a worker's share, so round trips stay few.
    ordered = sorted(tasks, key=lambda task: task.size, reverse=True)
    target = sum(task.size + _FILE_OVERHEAD_BYTES for task in ordered) // (jobs * 4)
    batches: list[list[_Task]] = []
    current: list[_Task] = []
    cost = 0
    for task in ordered:
        current.append(task)
        cost += task.size + _FILE_OVERHEAD_BYTES
        if cost >= target:
            batches.append(current)
            current, cost = [], 0
    if current:
        batches.append(current)
    return batches


class _Pool:
    """Worker processes for one scan; leaving the block early (Ctrl-C, an error) ends them."""

    def __init__(self, workers: int, setup: ScanSetup, rule_set: RuleSet, method: str) -> None:
        # A forked worker inherits the parent's compiled rule set (initargs are not pickled
        # with fork); a spawned one loads the packs again in _start_worker.
        inherited = rule_set if method == "fork" else None
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(setup, inherited),
        )

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self._executor.shutdown()
            return
        # shutdown() alone would wait for the batches already running.
        processes = list((getattr(self._executor, "_processes", None) or {}).values())
        for process in processes:
            process.terminate()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(
        self, batches: list[list[_Task]]
    ) -> list[tuple[list[_Task], Future[list[tuple[int, _Outcome]]]]]:
        # The first submit starts the workers: a Ctrl-C then could be swallowed by a fork
        # handler (CPython ignores exceptions there), so it waits until they are started.
        with _sigint_held():
            return [(batch, self._executor.submit(_check_batch, batch)) for batch in batches]

    def result(
        self, future: Future[list[tuple[int, _Outcome]]], file: Path
    ) -> list[tuple[int, _Outcome]]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise UpstreamError(
                f"a worker process died abruptly; checking stopped at {file} (see --jobs 1)"
            ) from None


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _default_start_method() -> str:
    # fork spares each worker loading the packs again (~1 s each), but is only safe in a
    # process with one thread, and macOS system libraries are not fork-safe at all.
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


class _LogCapture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@dataclass
class _Worker:
    setup: ScanSetup
    rule_set: RuleSet
    options: CheckOptions
    logs: _LogCapture


_worker: _Worker | None = None


def _start_worker(setup: ScanSetup, rule_set: RuleSet | None) -> None:
    # Ctrl-C is the parent's to handle: it ends the workers, which print nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker
    if rule_set is None:
        # Lazily: the parent loaded the same packs and reported their problems.
        rule_set = load_rule_set(list(setup.pack_paths), lazy=True, cache=DiskPackCache()).rule_set
    # The parent prints what workers log, in file order (see _replay).
    capture = _LogCapture()
    logging.getLogger("upstream").addHandler(capture)
    _worker = _Worker(setup, rule_set, setup.options(), capture)


def _check_batch(tasks: list[_Task]) -> list[tuple[int, _Outcome]]:
    worker = _worker
    if worker is None:  # pragma: no cover - _start_worker always runs first
        raise RuntimeError("worker not started")
    outcomes: list[tuple[int, _Outcome]] = []
    for task in tasks:
        worker.logs.records = []
        outcome = _check_task(task, worker.setup, worker.rule_set, worker.options)
        outcome.logs.extend(worker.logs.records)
        outcomes.append((task.index, outcome))
    return outcomes
