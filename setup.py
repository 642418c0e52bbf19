"""Ships the top-level ``rules/`` folder inside the wheel as ``upstream/bundled_rules``.

Packs live at the repository root so maintainers find them; the wheel needs them inside the
package. An editable install reads ``rules/`` in place instead (see upstream.packs.bundled).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithRules(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "rules"
        if source.is_dir():
            target = Path(self.build_lib) / "upstream" / "bundled_rules"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildPyWithRules})
