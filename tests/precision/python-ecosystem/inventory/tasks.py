"""Background jobs: asyncio, time zones, plugin loading."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import importlib
import importlib.util
import logging
import shutil
import sys
from collections import Counter, OrderedDict, defaultdict, deque
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

from packaging.version import Version

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def is_stale(updated_at: datetime, max_age: timedelta = timedelta(hours=6)) -> bool:
    return utc_now() - updated_at > max_age


def load_plugin(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def reload_plugin(module: ModuleType) -> ModuleType:
    return importlib.reload(module)


def supports(version: str, minimum: str = "2.0") -> bool:
    return Version(version) >= Version(minimum)


def tool_path(name: str) -> str | None:
    return shutil.which(name)


def tally(events: list[str]) -> Mapping[str, int]:
    counts = Counter(events)
    ordered = OrderedDict(sorted(counts.items()))
    groups: defaultdict[int, list[str]] = defaultdict(list)
    for event, count in ordered.items():
        groups[count].append(event)
    recent = deque(events, maxlen=10)
    log.debug("recent events: %s", list(recent))
    return ordered


def is_mapping(value: object) -> bool:
    return isinstance(value, collections.abc.Mapping)


async def run_with_timeout(job: Callable[[], Awaitable[None]], seconds: float) -> bool:
    try:
        async with asyncio.timeout(seconds):
            await job()
        return True
    except TimeoutError:
        return False


async def offload(func: Callable[[], int]) -> int:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, func)


async def refresh_all(jobs: list[Callable[[], Awaitable[None]]]) -> int:
    results = await asyncio.gather(*(run_with_timeout(job, 30) for job in jobs))
    return sum(results)


async def _noop() -> None:
    await asyncio.sleep(0)


def main() -> int:
    with contextlib.suppress(KeyboardInterrupt):
        done = asyncio.run(refresh_all([_noop, _noop]))
        log.info("refreshed %d jobs", done)
    with asyncio.Runner() as runner:
        runner.run(_noop())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
