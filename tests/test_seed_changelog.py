"""`upstream pack seed`: removals and deprecations a library's changelog lists."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from upstream.authoring.seed.changelog import (
    ApiIndex,
    find_changelogs,
    index_python,
    scan_changelogs,
)
from upstream.authoring.seed.exports import Exports

# The library's source as a seed would read it: what is left after the removals.
SOURCE = {
    "shop": "from ._models import *\nfrom ._impl import Hidden as Shown\n",
    "shop._models": "class Basket:\n    def weigh(self): ...\n\ndef _helper(): ...\n",
    "shop.store": """
        class Store:
            def open(self): ...

            @property
            def name(self): ...

        def connect(): ...
    """,
    "shop.cart": "class Cart:\n    total = 0\n",
    "shop._impl": "class Hidden: ...\n",
}


def _index() -> ApiIndex:
    trees = {module: ast.parse(textwrap.dedent(text)) for module, text in SOURCE.items()}
    return index_python(Exports(trees, packages={"shop"}))


def _scan(tmp_path: Path, name: str, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """qualified name -> (kind, deprecated-in version, removed-in version)."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")
    scan = scan_changelogs([path], "shop", _index(), tmp_path)
    assert all(item.signals == {"changelog"} and item.file == name for item in scan.deprecations)
    return {item.qualified: (item.kind, item.version, item.removed) for item in scan.deprecations}


def test_index_python() -> None:
    index = _index()
    assert index.modules == {"shop", "shop.store", "shop.cart", "shop._impl", "shop._models"}
    # Re-exported by the package (star import); renamed imports are left alone.
    assert index.classes["Basket"] == {"shop._models", "shop"}
    assert index.members[("shop", "Basket")] == {"weigh": "method"}
    assert index.classes["Hidden"] == {"shop._impl"}
    assert "shop" not in index.functions["_helper"]
    assert index.classes["Store"] == {"shop.store"}
    assert index.functions["connect"] == {"shop.store"}
    assert index.members[("shop.store", "Store")] == {"open": "method", "name": "property"}
    assert index.members[("shop.cart", "Cart")] == {"total": "field"}


def test_rst_removals_resolve_through_the_index(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "doc/changelog.rst",
        """
        Changelog
        =========

        Changes in Version 4.0.0 (2024-03-01)
        -------------------------------------

        - Removed :meth:`shop.store.Store.close` and
          :meth:`~shop.store.Store.reopen()`. Use :meth:`shop.store.Store.open` instead.
        - Removed ``Store.flush``, deprecated since 3.2.
        - :func:`shop.store.disconnect` has been removed in favor of
          :func:`shop.store.connect`.
        - Removed the ``timeout`` keyword argument of :meth:`shop.store.Store.open`.
        - Removed ``count``.
        - Removed :class:`shop._impl.Hidden` and ``Store._cache``.
        - Removed :mod:`shop.legacy`.

        Changes in Version 3.2
        ----------------------

        - Deprecated :class:`~shop.cart.Cart`; it will be removed in 4.0.
        - :attr:`shop.cart.Cart.total` is no longer deprecated.
        - Un-deprecated :meth:`shop.store.Store.open`.
        - Deprecated ``Store.flush``.
        """,
    )
    assert found == {
        "shop.store.Store.close": ("method", None, "4.0.0"),
        "shop.store.Store.reopen": ("method", None, "4.0.0"),
        # Listed again under 3.2: one API, both versions.
        "shop.store.Store.flush": ("method", "3.2", "4.0.0"),
        "shop.store.disconnect": ("function", None, "4.0.0"),
        "shop.cart.Cart": ("class", "3.2", None),
        "shop.legacy": ("module", None, "4.0.0"),  # model.py's "module": parent + name
    }


def test_skipped_mentions_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "CHANGES.rst"
    path.write_text(
        textwrap.dedent(
            """
            2.0 (2024-01-02)
            ~~~~~~~~~~~~~~~~

            * Removed the ``strict`` parameter from :func:`shop.store.connect`.
            * Dropped ``count`` and ``items``.
            * Removed ``_private_helper`` and :class:`shop._impl.Hidden`.
            * Removed :mod:`elementtree` and :mod:`shop`.
            """
        ),
        "utf-8",
    )
    scan = scan_changelogs([path], "shop", _index())
    assert scan.deprecations == []
    assert scan.entries == 4
    assert scan.skipped == {
        "about an argument or option": 2,
        "bare names with no owner (ambiguous)": 2,
        "private names": 2,
        "modules of other packages, or the package itself": 2,
    }


def test_markdown_headings_and_removed_sections(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "CHANGELOG.md",
        """
        # Changelog

        ## [Unreleased]

        ### Removed
        - `shop.store.Store.rewind` (no version yet: not drafted)

        ## [5.0.0] - 2024-05-01

        ### Removed
        - `shop.store.Store.seek()`
        - `Cart.clear`, see `Cart.empty`

        ### Changed
        - `shop.store.Store.open` is faster.

        ## v4.1.0

        ### Deprecated
        * `shop.store.Store.seek`

        ```python
        # Removed `shop.store.Store.open` (a code block, not an entry)
        ```

        Version 4.0
        -----------

        1. Deprecated `shop.cart.Cart.total`.
        """,
    )
    assert found == {
        "shop.store.Store.seek": ("method", "4.1.0", "5.0.0"),
        "shop.cart.Cart.clear": ("method", None, "5.0.0"),
        "shop.cart.Cart.total": ("field", "4.0", None),
    }


def test_paragraphs_lead_ins_and_module_context(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "doc/release/2.1.0-notes.rst",
        """
        ==========================
        Shop 2.1.0 Release Notes
        ==========================

        New features
        ============

        ``shop.store.rewind`` is new. Nothing here was removed from ``shop.store.fresh``.

        Expired deprecations
        ====================

        Functions from ``shop.store`` (``spin``, ``twirl``) and the class
        ``Trolley`` from ``shop.cart`` have been removed.

        The following attributes have been removed:

        - :attr:`shop.store.Store.size`
        - :attr:`shop.store.Store.depth`

        Removed invalid data from :class:`shop.store.Store` error messages.
        """,
    )
    assert found == {
        "shop.store.spin": ("attribute", None, "2.1.0"),
        "shop.store.twirl": ("attribute", None, "2.1.0"),
        "shop.cart.Trolley": ("class", None, "2.1.0"),
        "shop.store.Store.size": ("property", None, "2.1.0"),
        "shop.store.Store.depth": ("property", None, "2.1.0"),
    }


def test_file_name_versions_and_version_bullets(tmp_path: Path) -> None:
    whatsnew = _scan(
        tmp_path,
        "doc/source/whatsnew/v3.0.0.rst",
        """
        What's new in 3.0.0
        -------------------

        Removal of prior version deprecations
        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

        - Removed deprecated :meth:`Store.polish`
        - :func:`shop.store.sweep`
        """,
    )
    assert whatsnew == {
        "shop.store.Store.polish": ("method", None, "3.0.0"),
        "shop.store.sweep": ("function", None, "3.0.0"),
    }
    redis_style = _scan(
        tmp_path,
        "CHANGES",
        """
        * 3.5.0 (April 29, 2020)
          * Removed `Store.polish`. Thanks @someone #1281
        * 3.4.1
          * `Store.shine` has been marked as deprecated now.
          * Removed `Store.polish` (listed again: the earliest removal counts).
        """,
    )
    assert redis_style == {
        "shop.store.Store.polish": ("method", None, "3.4.1"),
        "shop.store.Store.shine": ("method", "3.4.1", None),
    }


def test_not_api_removals(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "HISTORY.rst",
        """
        1.0
        ---

        - Removed the deprecation warning from :meth:`shop.store.Store.open`.
        - Deprecated running :meth:`shop.store.Store.open` without a name.
        - Deprecated :meth:`shop.store.Store.name`, use the property.
        - :func:`shop.store.connect` will be removed in a future release.
        - The ``shop.store`` functions ``whirl`` and ``swirl`` are deprecated and will be
          completely removed in 2.0 (use the public namespace, e.g. ``shop.cart``).
        """,
    )
    # A method the source has as a property was "deprecated as a method", not removed.
    assert found == {
        "shop.store.connect": ("function", "1.0", None),
        "shop.store.whirl": ("attribute", "1.0", None),
        "shop.store.swirl": ("attribute", "1.0", None),
    }


def test_the_words_must_be_about_the_named_api(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "doc/release/1.2.0-notes.rst",
        """
        Backwards incompatible changes
        ==============================

        - :meth:`shop.store.Store.open` is faster and some copies were removed.
        - It now returns an array with the ``Store.axis`` dimension removed.
        - Complex inputs to :func:`shop.store.connect` have been deprecated.
        - Support for masked arrays has been removed from :func:`shop.store.connect`
          and :func:`shop.store.reconnect`.
        - The following deprecated modules have been removed: ``shop.old``, ``shop.older``.
        - Many functions in ``shop.store`` that were superseded have been removed:
          `spin`, `twirl`.
        - The ``undo`` method for :class:`shop.cart.Cart` has been deprecated.
        - Several methods of the classes in ``shop.store`` were removed: ``polish``, ``shine``.
        """,
    )
    assert found == {
        "shop.store.spin": ("attribute", None, "1.2.0"),
        "shop.store.twirl": ("attribute", None, "1.2.0"),
        "shop.cart.Cart.undo": ("method", "1.2.0", None),
        "shop.old": ("module", None, "1.2.0"),
        "shop.older": ("module", None, "1.2.0"),
    }


def test_httpx_style_markdown(tmp_path: Path) -> None:
    found = _scan(
        tmp_path,
        "CHANGELOG.md",
        """
        ## 0.23.1

        * Drop `.read`/`.aread` from `Basket`/`Store`. (#2407)
        * Dropped support for `Basket(strict=...)` (Pull #804)
        * The `Store.is_open` property is deprecated in favour of `Store.state`.
        """,
    )
    assert found == {
        "shop.Basket.read": ("method", None, "0.23.1"),
        "shop.Basket.aread": ("method", None, "0.23.1"),
        "shop.store.Store.is_open": ("property", "0.23.1", None),
    }


def test_message_is_the_entry_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "NEWS.rst"
    path.write_text(
        "v2.0\n====\n\n- Removed :meth:`~shop.store.Store.close`\n"
        "  (`#12 <https://example.com/12>`_). Use ``open``.\n",
        "utf-8",
    )
    (item,) = scan_changelogs([path], "shop", _index(), tmp_path).deprecations
    assert (item.file, item.line, item.package) == ("NEWS.rst", 4, "shop")
    assert item.message == "Removed `close`. Use `open`."  # no issue numbers


def test_find_changelogs(tmp_path: Path) -> None:
    names = [
        "CHANGELOG.md",
        "HISTORY.rst",
        "NEWS",
        "RELEASE_NOTES.md",
        "README.rst",
        "docs/changes.rst",
        "doc/changelog.rst",
        "doc/conf.py",
        "doc/release/1.3.0-notes.rst",
        "doc/release/index.rst",
        "doc/source/whatsnew/v2.0.0.rst",
        "doc/whats_new/v1.2.rst",
        "doc/whats_new/logo.png",
        "node_modules/pkg/CHANGELOG.md",
        "docs/node_modules/pkg/CHANGELOG.md",
        "shop/CHANGES.txt",
        ".git/CHANGELOG",
    ]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x\n", "utf-8")
    big = tmp_path / "docs" / "CHANGES-all.txt"
    big.write_bytes(b"x" * 5_000_000)
    found = [str(path.relative_to(tmp_path)) for path in find_changelogs(tmp_path)]
    assert sorted(found) == [
        "CHANGELOG.md",
        "HISTORY.rst",
        "NEWS",
        "RELEASE_NOTES.md",
        "doc/changelog.rst",
        "doc/release/1.3.0-notes.rst",
        "doc/source/whatsnew/v2.0.0.rst",
        "doc/whats_new/v1.2.rst",
        "docs/changes.rst",
    ]
