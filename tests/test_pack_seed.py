"""`upstream pack seed`: draft packs from a library's own deprecation metadata.

Network tests download pinned releases once into $UPSTREAM_DOWNLOAD_CACHE (default
~/.cache/upstream-test-downloads), so a re-run is offline.
"""

from __future__ import annotations

import io
import os
import re
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from upstream.authoring.seed.fetch import fetch_pypi
from upstream.authoring.seed.npm import scan_typescript
from upstream.authoring.seed.python import scan_python

CACHE = Path(
    os.environ.get("UPSTREAM_DOWNLOAD_CACHE", "~/.cache/upstream-test-downloads")
).expanduser()
MONGODB_NPM = "6.8.0"


@pytest.fixture
def download_cache(monkeypatch: pytest.MonkeyPatch) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("UPSTREAM_DOWNLOAD_CACHE", str(CACHE))
    return CACHE


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return root


def test_python_signals(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "src",
        {
            "lib/__init__.py": "",
            "lib/core.py": '''
                import warnings
                from typing_extensions import deprecated
                from deprecation import deprecated as old_style

                OLD = "old() is deprecated since lib 1.2; use new() instead"

                class LibDeprecationWarning(DeprecationWarning):
                    pass

                def old():
                    warnings.warn(OLD, DeprecationWarning, stacklevel=2)

                @deprecated("Use shiny() instead")
                def dusty(): ...

                @old_style(deprecated_in="0.9", details="Use polished() instead")
                def rusty(): ...

                def faded():
                    """Faded.

                    .. deprecated:: 1.5
                       Use :func:`lib.core.bright` instead.
                    """

                def conditional(flag=None):
                    if flag is not None:
                        warnings.warn("flag is deprecated", DeprecationWarning)

                def _private():
                    warnings.warn("x", DeprecationWarning)

                class Client:
                    def send(self):
                        warnings.warn("send is deprecated, use post", LibDeprecationWarning)

                    @property
                    def size(self):
                        warnings.warn(f"{self} size", category=FutureWarning)

                class Legacy:
                    def __init__(self):
                        warnings.warn("Legacy is deprecated, use Client", PendingDeprecationWarning)
            ''',
            # NumPy's own decorator, and its call form that deprecates an alias.
            "lib/numpyish.py": """
                from numpy._utils import deprecate

                @deprecate(message="Use `asarray(dtype=float)` instead")
                def asfarray(a): ...

                def new_thing(): ...

                old_thing = deprecate(new_thing, old_name="old_thing", new_name="new_thing")
                unrelated = sorted([1])
            """,
            # matplotlib's `_api.deprecated(VERSION, alternative=...)`, also by assignment.
            "lib/mpl.py": """
                from lib import _api

                @_api.deprecated("3.7", alternative="matplotlib.colormaps.register")
                def register_cmap(name=None, cmap=None): ...

                def _get_cmap(name=None): ...

                get_cmap = _api.deprecated("3.7", removal="3.9", alternative="colormaps[name]")(
                    _get_cmap
                )
            """,
            "tests/test_core.py": "import warnings\ndef test():\n"
            "    warnings.warn('x', DeprecationWarning)\n",
        },
    )
    scan = scan_python(source)
    found = {d.qualified: d for d in scan.deprecations}
    assert sorted(found) == [
        "lib.core.Client.send",
        "lib.core.Client.size",
        "lib.core.Legacy",
        "lib.core.dusty",
        "lib.core.faded",
        "lib.core.old",
        "lib.core.rusty",
        "lib.mpl.get_cmap",
        "lib.mpl.register_cmap",
        "lib.numpyish.asfarray",
        "lib.numpyish.old_thing",
    ]
    assert found["lib.numpyish.asfarray"].message == "Use `asarray(dtype=float)` instead"
    assert found["lib.numpyish.old_thing"].message == "use `new_thing` instead"
    for name, alternative in (
        ("register_cmap", "matplotlib.colormaps.register"),
        ("get_cmap", "colormaps[name]"),
    ):
        assert found[f"lib.mpl.{name}"].version == "3.7"
        assert found[f"lib.mpl.{name}"].message == f"use `{alternative}` instead"
    assert scan.conditional == 1
    assert found["lib.core.old"].message == OLD_MESSAGE
    assert found["lib.core.dusty"].signals == {"decorator"}
    assert found["lib.core.rusty"].version == "0.9"
    assert found["lib.core.faded"].version == "1.5"
    assert found["lib.core.faded"].message == "Use `bright` instead."
    assert found["lib.core.Client.size"].kind == "property"
    assert found["lib.core.Legacy"].kind == "class"


OLD_MESSAGE = "old() is deprecated since lib 1.2; use new() instead"


def test_seed_from_path_writes_a_pack_whose_stubs_pass(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "lib",
        {
            "lib/__init__.py": "",
            "lib/api.py": """
                import warnings
                def old():
                    warnings.warn("old is deprecated; use new instead", DeprecationWarning)
                class Conn:
                    def ping(self):
                        warnings.warn("ping is deprecated", DeprecationWarning)
            """,
        },
    )
    out = tmp_path / "draft"
    result = run_cli("pack", "seed", "--path", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 deprecated APIs (warning 2)" in result.stdout
    assert run_cli("test", str(out)).returncode == 0
    lint = run_cli("pack", "lint", str(out)).stdout
    assert "docs link is a placeholder" in lint and "message still has a TODO" in lint


def test_versionremoved_drafts_an_error_gated_on_the_removal(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "lib",
        {
            "lib/__init__.py": "",
            "lib/api.py": """
                def old():
                    \"\"\"Gone.

                    .. versionremoved:: 2.0
                       Use ``new()`` instead.
                    \"\"\"
                    raise AttributeError("old() was removed in lib 2.0; use new()")
                def kept():
                    \"\"\".. versionadded:: 2.0\"\"\"
            """,
        },
    )
    [api] = scan_python(source).deprecations
    assert (api.name, api.removed, api.message) == ("old", "2.0", "Use `new()` instead.")
    out = tmp_path / "draft"
    assert run_cli("pack", "seed", "--path", str(source), "-o", str(out)).returncode == 0
    rules = "".join(path.read_text() for path in out.glob("*.yaml"))
    assert "id: old-removed" in rules and "severity: error" in rules
    assert "pypi: lib>=2.0" in rules and "removed in lib 2.0: Use" in rules
    assert run_cli("test", str(out)).returncode == 0


def test_private_modules_count_under_the_public_name_that_re_exports_them(
    tmp_path: Path,
) -> None:
    source = _write(
        tmp_path / "src",
        {
            # SciPy / scikit-learn style: defined in `_impl`, made public by the package.
            "lib/__init__.py": "from ._impl import *\nfrom ._other import renamed as public\n",
            "lib/_impl.py": """
                import warnings
                __all__ = ["simps"]
                __all__ += ["Old"]
                def simps():
                    warnings.warn("simps is deprecated; use simpson", DeprecationWarning)
                def hidden():  # not in __all__: `import *` does not bind it
                    warnings.warn("hidden is deprecated", DeprecationWarning)
                class Old:
                    def run(self):
                        warnings.warn("run is deprecated", DeprecationWarning)
            """,
            "lib/_other.py": """
                import warnings
                def renamed():
                    warnings.warn("renamed is deprecated", DeprecationWarning)
            """,
            # A private subpackage re-exported two levels up.
            "lib/sub/__init__.py": "from ._deep._mod import deep\n",
            "lib/sub/_deep/__init__.py": "",
            "lib/sub/_deep/_mod.py": """
                from typing_extensions import deprecated
                @deprecated("use shallow")
                def deep(): ...
            """,
        },
    )
    scan = scan_python(source)
    found = sorted(item.qualified for item in scan.deprecations)
    assert found == ["lib.Old.run", "lib.public", "lib.simps", "lib.sub.deep"]
    assert scan.private == 1  # `hidden`
    simps = next(item for item in scan.deprecations if item.name == "simps")
    assert simps.file == "lib/_impl.py"  # where the library said so


def test_module_getattr_deprecations_and_removals(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "src",
        {
            # NumPy 2.0 style: removed names answered with AttributeError from a table
            # defined in another module; deprecated names warned about.
            "lib/__init__.py": """
                import warnings
                from ._expired import __expired__
                _future = {"bool": "x"}
                if False:
                    pass
                else:
                    def __getattr__(attr):
                        if attr == "linalg":
                            return 1
                        elif attr in __expired__:
                            raise AttributeError(
                                f"`lib.{attr}` was removed in the Lib 2.0 release. "
                                f"{__expired__[attr]}"
                            )
                        elif attr in ("old_a", "old_b") or attr == "old_c":
                            warnings.warn(f"lib.{attr} is deprecated since 1.4", DeprecationWarning)
                            return 2
                        elif attr in _future:
                            warnings.warn(f"lib.{attr} will change", FutureWarning)
                        raise AttributeError(attr)
            """,
            "lib/_expired.py": """
                __expired__ = {"NaN": "Use `lib.nan` instead.", "_private": "no"}
            """,
            # scikit-learn style: a removal that names no version: gone by the seeded release.
            "lib/datasets/__init__.py": """
                def __getattr__(name):
                    if name == "load_boston":
                        msg = "`load_boston` has been removed from lib."
                        raise ImportError(msg)
                    raise AttributeError(name)
            """,
            # SciPy style: a whole namespace kept only to warn; its names live in the package.
            "lib/stats/__init__.py": "from ._stats_py import *\n",
            "lib/stats/_stats_py.py": "__all__ = ['pearsonr']\ndef pearsonr(): ...\n",
            "lib/stats/stats.py": """
                from lib._sub import _sub_module_deprecation
                __all__ = ["pearsonr"]
                def __getattr__(name):
                    return _sub_module_deprecation(sub_package="stats", attribute=name)
            """,
            # A lazy loader is not a deprecation.
            "lib/lazy.py": """
                import importlib
                def __getattr__(name):
                    return importlib.import_module("lib." + name)
            """,
        },
    )
    found = {item.qualified: item for item in scan_python(source, release="2.1").deprecations}
    assert sorted(found) == [
        "lib.NaN",
        "lib.bool",
        "lib.datasets.load_boston",
        "lib.old_a",
        "lib.old_b",
        "lib.old_c",
        "lib.stats.stats",
    ]
    nan = found["lib.NaN"]
    assert (nan.kind, nan.removed) == ("attribute", "2.0")
    assert nan.message == "`lib.NaN` was removed in the Lib 2.0 release. Use `lib.nan` instead."
    assert found["lib.old_b"].version == "1.4" and found["lib.old_b"].removed is None
    assert found["lib.old_b"].message == "lib.old_b is deprecated since 1.4"
    assert found["lib.datasets.load_boston"].removed == "2.1"  # the release being seeded
    namespace = found["lib.stats.stats"]
    assert (namespace.kind, namespace.module, namespace.name) == ("module", "lib.stats", "stats")
    assert namespace.message == (
        "the `lib.stats.stats` namespace is deprecated; import its names from `lib.stats` instead"
    )
    # Without a release, a removal that does not say when is not drafted.
    unversioned = {item.qualified for item in scan_python(source).deprecations}
    assert "lib.datasets.load_boston" not in unversioned
    out = tmp_path / "draft"
    seeded = run_cli("pack", "seed", "--path", str(source), "--name", "lib", "-o", str(out))
    assert seeded.returncode == 0, seeded.stderr
    rules = "".join(path.read_text() for path in out.glob("*.yaml"))
    assert "pattern: lib.NaN\n" in rules and "pattern: lib.stats.stats\n" in rules
    assert "severity: error" in rules and "pypi: lib>=2.0" in rules
    tested = run_cli("test", str(out))
    assert tested.returncode == 0, tested.stdout


def test_a_deprecated_directive_under_a_parameter_is_about_the_parameter(
    tmp_path: Path,
) -> None:
    source = _write(
        tmp_path / "src",
        {
            "lib/__init__.py": '''
                def eigh(a, eigvals=None):
                    """Eigenvalues.

                    Parameters
                    ----------
                    eigvals : tuple, optional
                        .. deprecated:: 1.5.0
                           Use ``subset_by_index`` instead.
                    """

                def tri(n):
                    """Triangle.

                    .. deprecated:: 1.11.0.
                       Use ``numpy.tri`` instead.
                    """
            ''',
        },
    )
    [api] = scan_python(source).deprecations
    assert (api.name, api.version) == ("tri", "1.11.0")


def test_seed_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    result = run_cli("pack", "seed", "--path", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "not empty" in result.stderr


def test_typescript_jsdoc(tmp_path: Path) -> None:
    _write(
        tmp_path / "pkg",
        {
            "index.d.ts": """
                /** @public */
                export declare class Client {
                    /** @deprecated Use {@link Client#send | send} instead */
                    post(body: string): void;
                    /** Not deprecated */
                    send(body: string): void;
                    /** @deprecated since 2.1, use timeoutMS */
                    get timeout(): number;
                }
                export declare interface ClientOptions {
                    /** @deprecated Use `tls` instead */
                    ssl?: boolean;
                }
                /** @deprecated Use Client */
                export declare function connect(): Client;
                /** @deprecated a type */
                export declare type Old = string;
                /** @deprecated internal, not exported */
                declare function hidden(): void;
            """
        },
    )
    scan = scan_typescript(tmp_path / "pkg", "pkg")
    found = {d.display: d for d in scan.deprecations}
    assert sorted(found) == ["Client.post", "Client.timeout", "ClientOptions.ssl", "connect"]
    assert found["Client.post"].message == "Use `send` instead"
    assert found["Client.timeout"].version == "2.1"
    assert found["ClientOptions.ssl"].kind == "field"
    assert scan.type_only == 1


@pytest.mark.network
def test_pymongo_3_13(tmp_path: Path, download_cache: Path) -> None:
    out = tmp_path / "pymongo"
    result = run_cli("pack", "seed", "--pypi", "pymongo==3.13.0", "-o", str(out))
    assert result.returncode == 0, result.stderr
    counts = re.search(r"(\d+) deprecated APIs \(warning (\d+), docstring (\d+)\)", result.stdout)
    assert counts is not None, result.stdout
    assert int(counts.group(1)) >= 60 and int(counts.group(2)) >= 50
    rules = "".join(p.read_text() for p in out.glob("*.yaml"))
    for method in ("insert", "update", "remove", "find_and_modify", "ensure_index"):
        assert f"id: collection-{method.replace('_', '-')}-deprecated" in rules, method
        assert f"pattern: $OBJ.{method}($$$)" in rules
    # Collection.count and Cursor.count share one pattern, so one rule.
    assert "`Collection.count`, `Cursor.count` are deprecated since pymongo 3.7" in rules
    assert "pypi: pymongo>=3.0" in rules  # ensure_index, from `.. versionchanged:: 3.0`
    tested = run_cli("test", str(out))
    assert tested.returncode == 0, tested.stdout
    # With the docs links filled in, lint flags only the TODO messages left to write.
    for file in out.glob("*.yaml"):
        text = file.read_text().replace(
            "https://example.com/TODO/docs-link", "https://pymongo.readthedocs.io/en/3.13.0/"
        )
        file.write_text(text)
    lint = run_cli("pack", "lint", str(out))
    problems = {line.rsplit(": ", 1)[-1] for line in lint.stdout.splitlines()}
    assert problems == {"message still has a TODO"}, lint.stdout


@pytest.mark.network
def test_mongodb_npm(tmp_path: Path, download_cache: Path) -> None:
    out = tmp_path / "mongodb"
    result = run_cli("pack", "seed", "--npm", f"mongodb@{MONGODB_NPM}", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "18 deprecated APIs (jsdoc 18)" in result.stdout
    assert "not drafted: 2 type-only declarations" in result.stdout
    rules = (out / "mongodb.yaml").read_text()
    for api in ("AbstractCursor.forEach", "MongoClientOptions.w", "WriteConcern.wtimeout"):
        assert f"`{api}`" in rules, api
    assert "`Collection.count`, `FindCursor.count` are deprecated" in rules
    assert "pattern: $OBJ.forEach($$$)" in rules
    assert "'{ autoIndexId: $VALUE, $$$ }'" in rules
    tested = run_cli("test", str(out))
    assert tested.returncode == 0, tested.stdout


def _wheel(folder: Path, name: str, version: str, files: dict[str, str]) -> None:
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
        wheel.writestr(
            f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        )
        wheel.writestr(
            f"{info}/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        wheel.writestr(f"{info}/RECORD", "")


def _sdist_whose_build_runs(folder: Path, name: str, version: str, marker: Path) -> None:
    """An sdist whose build backend leaves ``marker`` behind if pip ever runs it."""
    backend = (
        "import pathlib\n"
        "def get_requires_for_build_wheel(config_settings=None):\n"
        f"    pathlib.Path({str(marker)!r}).write_text('ran')\n"
        "    return []\n"
        "def prepare_metadata_for_build_wheel(directory, config_settings=None):\n"
        f"    pathlib.Path({str(marker)!r}).write_text('ran')\n"
        "    raise RuntimeError('built')\n"
        "build_wheel = prepare_metadata_for_build_wheel\n"
    )
    files = {
        "pyproject.toml": '[build-system]\nrequires = []\nbuild-backend = "backend"\n'
        'backend-path = ["."]\n',
        "backend.py": backend,
        "PKG-INFO": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
    }
    with tarfile.open(folder / f"{name}-{version}.tar.gz", "w:gz") as sdist:
        for path, text in files.items():
            data = text.encode()
            entry = tarfile.TarInfo(f"{name}-{version}/{path}")
            entry.size = len(data)
            sdist.addfile(entry, io.BytesIO(data))


def test_pypi_download_takes_the_wheel_and_runs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A local index of one release with an sdist and a wheel; pip finds only these.
    links, marker = tmp_path / "links", tmp_path / "sdist-build-ran"
    links.mkdir()
    _wheel(links, "demo_lib", "1.0", {"demo_lib/__init__.py": "def old():\n    pass\n"})
    _sdist_whose_build_runs(links, "demo_lib", "1.0", marker)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(links))
    monkeypatch.setenv("UPSTREAM_DOWNLOAD_CACHE", str(tmp_path / "cache"))
    source = fetch_pypi("demo_lib", "1.0", tmp_path / "work")
    assert (source / "demo_lib" / "__init__.py").is_file()
    assert not marker.exists(), "pip ran the sdist's build backend"


CHANGELOG = """\
Changelog
=========

Changes in Version 2.0
----------------------

Breaking changes:

- Removed :meth:`lib.api.Client.count`. Use :meth:`~lib.api.Client.count_documents`.
- Removed the ``ssl_certfile`` option of :class:`~lib.api.Client`.
- ``lib.api.legacy_helper`` has been removed.

Changes in Version 1.5
----------------------

- Deprecated :meth:`lib.api.Client.count`.
"""


def test_removals_a_changelog_lists_are_drafted_as_errors(tmp_path: Path) -> None:
    # The 2.0 source no longer has `count` or `legacy_helper`: only its changelog names them.
    source = _write(
        tmp_path / "lib-2.0",
        {
            "lib/__init__.py": "",
            "lib/api.py": "class Client:\n    def count_documents(self): ...\n",
            "doc/changelog.rst": CHANGELOG,
        },
    )
    out = tmp_path / "draft"
    result = run_cli("pack", "seed", "--path", str(source), "--name", "lib", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 changelog files read, 2 deprecated APIs (changelog 2)" in result.stdout
    assert "changelog mentions: about an argument or option" in result.stdout
    rules = "".join(path.read_text() for path in sorted(out.glob("*.yaml")))
    assert "id: client-count-removed" in rules and "id: legacy-helper-removed" in rules
    assert "pattern: $OBJ.count($$$)" in rules and "pattern: lib.api.legacy_helper" in rules
    assert rules.count("severity: error") == 2 and rules.count("pypi: lib>=2.0") == 2
    assert "deprecated in 1.5; removed in 2.0" in rules  # both entries, one API
    assert run_cli("test", str(out)).returncode == 0


def test_a_changelog_given_beside_a_wheel(tmp_path: Path) -> None:
    # A wheel carries no changelog: `--changelog FILE` supplies it.
    source = _write(
        tmp_path / "wheel", {"lib/__init__.py": "", "lib/api.py": "class Client: ...\n"}
    )
    notes = _write(tmp_path / "notes", {"CHANGES.rst": CHANGELOG}) / "CHANGES.rst"
    out = tmp_path / "draft"
    args = ("pack", "seed", "--path", str(source), "--name", "lib", "-o", str(out))
    assert "2 files read, 0 deprecated APIs (none)" in run_cli(*args).stdout
    result = run_cli(*args[:-1], str(tmp_path / "draft2"), "--changelog", str(notes))
    assert result.returncode == 0, result.stderr
    assert "2 deprecated APIs (changelog 2)" in result.stdout
    missing = run_cli(*args[:-1], str(tmp_path / "d3"), "--changelog", str(tmp_path / "nope"))
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines()[-1].endswith("no such file")
