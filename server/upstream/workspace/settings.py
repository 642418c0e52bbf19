"""How findings are filtered and graded: one place for the command line and the editor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from upstream.engine import CheckOptions, ProjectIndex, Severity
from upstream.project.config import ProjectConfig, names_rule
from upstream.project.versions import VersionResolver
from upstream.scan import DEFAULT_MAX_FILE_BYTES


@dataclass(frozen=True)
class CheckSettings:
    """The project's config plus what the entry point adds (flags or editor settings).

    Picklable: a ``check`` worker process builds the same options from it.
    """

    config: ProjectConfig = field(default_factory=ProjectConfig)
    select: tuple[str, ...] = ()  # --select: only these rules or packs
    ignore: tuple[str, ...] = ()  # --ignore, or the editor's ``disable``
    severity: Mapping[str, Severity] = field(default_factory=dict)  # editor, over the config's
    unknown_version: str | None = None  # "apply" or "skip"; None: the config's
    profile: str | None = None  # "default" or "agent"; None: the config's
    max_bytes: int = DEFAULT_MAX_FILE_BYTES
    # (ecosystem, normalized name) -> version installed in the project's environment.
    installed: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def options(
        self, resolver: VersionResolver | None = None, project: ProjectIndex | None = None
    ) -> CheckOptions:
        """Check options; ``resolver`` caches manifests across checks (a fresh one if None),
        ``project`` the project's own modules (none: imports are not followed into them)."""
        return CheckOptions(
            versions=(resolver or VersionResolver(installed=self.installed)).satisfies,
            apply_when_version_unknown=self.unknown_version_policy == "apply",
            is_enabled=self.is_enabled,
            severity_overrides={**self.config.severity, **self.severity},
            deprecated_as_errors=(self.profile or self.config.profile) == "agent",
            project=project,
        )

    @property
    def unknown_version_policy(self) -> str:
        """``apply`` or ``skip`` for a rule whose library version is unknown: the entry
        point's choice, else the config's."""
        return self.unknown_version or self.config.unknown_version

    def is_enabled(self, rule_id: str) -> bool:
        if self.select and not names_rule(self.select, rule_id):
            return False
        return not names_rule(self.ignore, rule_id) and self.config.is_enabled(rule_id)
