"""Writing don't/do guidance in the files each assistant reads.

Every format but ``agent-skill``'s front matter writes one managed section per pack, between
``<!-- upstream:begin NAME -->`` and ``<!-- upstream:end NAME -->``; re-running replaces those
sections and keeps the rest of the file byte for byte. A budget (in characters) holds for
what one output file gets from ``upstream export``, not for the user's own text in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from upstream.engine import LANGUAGES, RuleSet
from upstream.errors import UsageError
from upstream.packs import Pack

from .budget import Fitted, fit
from .pairs import PackGuidance, Pair, pack_guidance, plain

GUIDANCE_FORMATS = (
    "agents-md",
    "agent-skill",
    "copilot-instructions",
    "copilot-path-instructions",
    "cursor-rules",
    "llms-txt",
)
# Where each assistant reads its instructions, relative to the project root. Folders for the
# formats that write several files (or, for a skill, the folder that names it).
DEFAULT_PATHS = {
    "agents-md": "AGENTS.md",
    "agent-skill": ".claude/skills/upstream-guidance",
    "copilot-instructions": ".github/copilot-instructions.md",
    "copilot-path-instructions": ".github/instructions",
    "cursor-rules": ".cursor/rules",
    "llms-txt": "llms.txt",
}
# Characters per output file, from what each assistant documents (docs/agents.md).
DEFAULT_BUDGETS = {
    # Codex stops reading AGENTS.md files at 32 KiB in all: leave half to the project's own.
    "agents-md": 16000,
    # The spec recommends a SKILL.md body under 5,000 tokens, about 20,000 characters.
    "agent-skill": 20000,
    # Copilot code review reads only the first 4,000 characters of an instructions file.
    "copilot-instructions": 4000,
    "copilot-path-instructions": 4000,
    # Cursor asks for rules under 500 lines; this is about 200 of ours.
    "cursor-rules": 12000,
    # No documented limit; about 12,000 tokens.
    "llms-txt": 48000,
}
# Languages that share a Copilot instructions file: a JavaScript project's rules are its
# TypeScript files' rules too.
_FAMILIES = {"typescript": "javascript", "tsx": "javascript"}
# The Agent Skills specification's limits for the front matter.
SKILL_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SKILL_NAME_MAX = 64
SKILL_DESCRIPTION_MAX = 1024


def _begin(name: str) -> str:
    return f"<!-- upstream:begin {name} -->"


def _end(name: str) -> str:
    return f"<!-- upstream:end {name} -->"


def update_managed(existing: str | None, pack: str, section: str, header: str = "") -> str:
    """``existing`` with the managed section of ``pack`` replaced by ``section`` (which carries
    its own markers), or appended; the rest of the text is kept byte for byte."""
    if existing is None:
        return header + section
    begin, end = _begin(pack), _end(pack)
    start = existing.find(begin)
    stop = existing.find(end, start + 1) if start >= 0 else -1
    if start >= 0 and stop >= 0:
        stop += len(end)
        if existing.startswith("\n", stop):
            stop += 1
        return existing[:start] + section + existing[stop:]
    separator = (
        ""
        if not existing or existing.endswith("\n\n")
        else "\n"
        if existing.endswith("\n")
        else "\n\n"
    )
    return existing + separator + section


# --- rendering ------------------------------------------------------------------------


def _pair_lines(pair: Pair, languages: Sequence[str] | None, link: bool) -> list[str]:
    dont = "; ".join(pair.donts)
    if link:
        lines = [f"- Don't: [{dont}]({pair.docs})", f"  Do: {pair.do}"]
    else:
        lines = [f"- Don't: {dont}", f"  Do: {pair.do} ([docs]({pair.docs}))"]
    example = pair.example(languages)
    if example is not None:
        lines += [f"  ```{example.language}", f"  {example.bad}  {example.comment} don't"]
        if example.good is not None:
            lines.append(f"  {example.good}  {example.comment} do")
        lines.append("  ```")
    return lines


def _section(
    guidance: PackGuidance,
    fitted: Fitted,
    budget: int | None,
    languages: Sequence[str] | None,
    llms: bool,
) -> str:
    pack = guidance.pack
    note = (
        f"Rules from the `{pack.name}` pack {pack.manifest.version}, written by `upstream export`"
    )
    note += "." if llms else "; edit outside this section, not inside it."
    if fitted.cut and budget is not None:
        note += f" {fitted.cut.describe(budget)}."
    title = pack.manifest.title if llms else f"{pack.manifest.title}: do and don't"
    lines = [_begin(pack.name), f"## {title}", "", note, ""]
    # A pack whose rules are all in one file has one topic: its title says it already.
    headed = len({pair.topic for pair in guidance.pairs}) > 1
    topic = None
    for pair in fitted.pairs:
        if headed and pair.topic != topic:
            topic = pair.topic
            tags = sorted({t for p in fitted.pairs if p.topic == topic for t in p.tags})
            heading = f"### {topic}" + (f" ({', '.join(tags)})" if tags else "")
            lines += [heading, ""] if lines[-1] == "" else ["", heading, ""]
        lines += _pair_lines(pair, languages, link=llms)
    lines.append(_end(pack.name))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class _File:
    path: Path
    header: str  # written only when the file is new
    guidance: tuple[PackGuidance, ...]
    languages: tuple[str, ...] | None = None
    front_matter: str = ""  # agent-skill: rewritten on every run


def _render(file: _File, fitted: list[Fitted], budget: int | None, llms: bool) -> str:
    sections = [
        _section(g, f, budget, file.languages, llms)
        for g, f in zip(file.guidance, fitted, strict=True)
    ]
    return file.header + "\n".join(sections)


def _cursor_header(pack: Pack) -> str:
    extensions = sorted(
        {ext for r in pack.rules for lang in r.languages for ext in LANGUAGES[lang].extensions}
    )
    globs = ",".join(f"**/*{ext}" for ext in extensions)
    return (
        "---\n"
        f"description: {plain(pack.manifest.title)}: the maintainers' do and don't rules\n"
        f"globs: {globs}\n"
        "alwaysApply: false\n"
        "---\n\n"
    )


def _llms_header() -> str:
    return (
        "# Library guidance\n\n"
        "> What the libraries' maintainers say to avoid, and what to write instead.\n\n"
    )


def apply_to(family: str) -> str:
    """The ``applyTo`` value of a language family: its globs, comma-separated without
    spaces as GitHub documents (``**/*.py``, ``**/*.js,**/*.mjs,...``)."""
    return ",".join(
        f"**/*{ext}"
        for name, spec in LANGUAGES.items()
        if _FAMILIES.get(name, name) == family
        for ext in spec.extensions
        # `.pyi` stubs are not where code is written.
        if ext != ".pyi"
    )


def _copilot_path_header(family: str) -> str:
    return f'---\napplyTo: "{apply_to(family)}"\n---\n\n'


def skill_front_matter(name: str, packs: Sequence[Pack]) -> str:
    """The Agent Skills front matter: a ``name`` that is the skill's folder name and a
    ``description`` of what the skill holds and when to use it, within the spec's limits."""
    if not SKILL_NAME.match(name) or len(name) > SKILL_NAME_MAX:
        raise UsageError(
            f"a skill's folder name must be lowercase letters, digits and single hyphens, "
            f"at most {SKILL_NAME_MAX} characters: {name!r}"
        )
    titles = ", ".join(sorted(plain(pack.manifest.title) for pack in packs))
    description = (
        f"Library maintainers' do and don't rules, with examples, for {titles}. Use when "
        "writing, reviewing or upgrading code that uses these libraries."
    )
    description = " ".join(description.replace("<", "").replace(">", "").split())
    if len(description) > SKILL_DESCRIPTION_MAX:
        description = description[: SKILL_DESCRIPTION_MAX - 1].rstrip() + "…"
    # JSON-style double quotes are valid YAML and keep colons in titles harmless.
    quoted = '"' + description.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"---\nname: {name}\ndescription: {quoted}\n---\n\n"


def _skill_body_header() -> str:
    return (
        "# Library guidance\n\n"
        "What the libraries' maintainers say to avoid, and what to write instead. Each rule "
        "is checked by `upstream check`.\n\n"
    )


def _files(guidance: Sequence[PackGuidance], fmt: str, target: Path) -> list[_File]:
    if fmt == "cursor-rules":
        return [
            _File(target / f"upstream-{g.pack.name}.mdc", _cursor_header(g.pack), (g,))
            for g in guidance
        ]
    if fmt == "copilot-path-instructions":
        families = sorted(
            {_FAMILIES.get(lang, lang) for g in guidance for p in g.pairs for lang in p.languages}
        )
        files = []
        for family in families:
            languages = tuple(n for n in LANGUAGES if _FAMILIES.get(n, n) == family)
            selected = tuple(
                PackGuidance(
                    g.pack,
                    tuple(
                        p.for_languages(languages)
                        for p in g.pairs
                        if set(p.languages) & set(languages)
                    ),
                )
                for g in guidance
            )
            files.append(
                _File(
                    target / f"upstream-{family}.instructions.md",
                    _copilot_path_header(family),
                    tuple(g for g in selected if g.pairs),
                    languages,
                )
            )
        return files
    if fmt == "agent-skill":
        front = skill_front_matter(target.name, [g.pack for g in guidance])
        header = front + _skill_body_header()
        return [_File(target / "SKILL.md", header, tuple(guidance), front_matter=front)]
    header = _llms_header() if fmt == "llms-txt" else ""
    return [_File(target, header, tuple(guidance))]


def export_guidance(
    packs: Sequence[Pack],
    fmt: str,
    target: Path,
    rule_set: RuleSet,
    budget: int | None = None,
) -> list[Path]:
    """Write or update the managed sections of ``packs`` in ``target`` (a folder for the
    formats that write several files, and for a skill); returns the files written.
    ``budget`` is in characters per file; ``None`` is the format's default, 0 no limit."""
    if budget is None:
        budget = DEFAULT_BUDGETS[fmt]
    limit = budget or None
    llms = fmt == "llms-txt"
    guidance = [pack_guidance(pack, rule_set) for pack in packs]
    written: list[Path] = []
    for file in _files(guidance, fmt, target):

        def render(cut: list[Fitted], file: _File = file) -> str:
            return _render(file, cut, limit, llms)

        fitted = fit([g.pairs for g in file.guidance], render, limit)
        original = file.path.read_text(encoding="utf-8") if file.path.is_file() else None
        text = original
        if text is not None and fmt == "agent-skill":
            # The front matter describes the packs exported now, so it is always rewritten.
            text = file.front_matter + _without_front_matter(text)
        for g, f in zip(file.guidance, fitted, strict=True):
            section = _section(g, f, limit, file.languages, llms)
            text = update_managed(text, g.pack.name, section, file.header)
        if text is not None and text != original:
            file.path.parent.mkdir(parents=True, exist_ok=True)
            file.path.write_text(text, encoding="utf-8")
        written.append(file.path)
    return written


def _without_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + len("\n---\n") :].lstrip("\n")
    return text
