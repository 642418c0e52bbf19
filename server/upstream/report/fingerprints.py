"""Fingerprints that name one finding across runs, for CI systems that track findings over
time (GitLab Code Quality, GitHub code scanning's ``partialFingerprints``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from upstream.engine import Finding
from upstream.report.shared import relative_posix


def stable_fingerprints(findings: list[Finding], root: Path) -> list[str]:
    """A fingerprint per finding (in the order given) that survives edits elsewhere in the
    file: it hashes the rule, the file, the message and which of the equal findings it is,
    in file order, not its line."""
    prints = [""] * len(findings)
    seen: dict[tuple[str, str, str], int] = {}
    for index in sorted(range(len(findings)), key=lambda i: findings[i].sort_key):
        finding = findings[index]
        key = (finding.rule, relative_posix(finding.path, root), finding.message)
        occurrence = seen[key] = seen.get(key, -1) + 1
        text = "\0".join((*key, str(occurrence))).encode("utf-8", "surrogatepass")
        prints[index] = hashlib.sha256(text).hexdigest()[:32]
    return prints
