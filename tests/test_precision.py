"""Precision: realistic, correct, modern code for every bundled pack's libraries (written for
this purpose, under tests/precision/) must get no finding from any bundled pack."""

from __future__ import annotations

from conftest import REPO, run_cli

CORPUS = REPO / "tests" / "precision"


def test_every_pack_has_a_corpus():
    packs = {path.name for path in (REPO / "rules").iterdir() if (path / "pack.yaml").is_file()}
    corpora = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert packs <= corpora


def test_correct_modern_code_gets_no_findings():
    result = run_cli("check", str(CORPUS), cwd=REPO)
    assert result.stdout.strip().endswith("All clear: no findings."), result.stdout
    assert result.returncode == 0, result.stderr
    assert (
        sum(
            1 for path in CORPUS.rglob("*") if path.suffix in {".py", ".js", ".ts", ".java", ".sql"}
        )
        >= 30
    )


# docs/packs.md is the generated tables, then (after this line) measurements of the packs.
MEASURED = "<!-- measured, not generated: python bench/llm-style/score.py -->\n"


def test_packs_doc_is_current():
    result = run_cli("rules", "--format", "markdown", cwd=REPO)
    assert result.returncode == 0, result.stderr
    generated = (REPO / "docs" / "packs.md").read_text().split("\n" + MEASURED, 1)[0]
    assert generated == result.stdout, (
        "docs/packs.md is stale: regenerate the part above the measurements with "
        "upstream rules --format markdown"
    )
