"""The ``check`` pipeline: walk the tree, read each file, answer from the cache or check it
(in this process or on workers), in the order the files were walked."""

from __future__ import annotations

from upstream.scan.cache import ResultCache
from upstream.scan.checking import (
    DEFAULT_MAX_FILE_BYTES,
    Failed,
    Skipped,
    check_file,
    check_source,
    content_problem,
    is_checkable,
    program_checker,
    read_source,
)
from upstream.scan.parallel import MIN_POOL_BYTES, ScanSetup, available_cores, check_files
from upstream.scan.walk import DEFAULT_EXCLUDES, iter_source_files

__all__ = [
    "DEFAULT_EXCLUDES",
    "DEFAULT_MAX_FILE_BYTES",
    "MIN_POOL_BYTES",
    "Failed",
    "ResultCache",
    "ScanSetup",
    "Skipped",
    "available_cores",
    "check_file",
    "check_files",
    "check_source",
    "content_problem",
    "is_checkable",
    "iter_source_files",
    "program_checker",
    "read_source",
]
