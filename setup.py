"""Only the package list; everything else is declared in pyproject.toml.

The wheel carries the top-level ``rules/`` folder as ``upstream.bundled_rules``
(``[tool.setuptools.package-dir]`` maps it, ``[tool.setuptools.package-data]`` takes every
file in it). That package has to be in ``packages``, and pyproject.toml accepts either a
``find`` directive or a literal list there, not both. A literal list would have to name every
subpackage of ``server/upstream`` by hand, and a forgotten one would be missing from the wheel
alone: an editable install imports it anyway, so the test suite would not notice. So the
subpackages are found here, as ``[tool.setuptools.packages.find] where = ["server"]`` did.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages("server", include=["upstream", "upstream.*"]),
        "upstream.bundled_rules",
    ]
)
