"""What a wheel holds: every stylesheet and data file the code reads is package data, so
an install that is not editable (`pip install .`, pipx) works like the source tree."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tests.seed import ROOT

PACKAGE = ROOT / "facilitator"
CSS_PATH = re.compile(r"^\s+CSS_PATH\s*=\s*[\"'](?P<path>[^\"']+)[\"']", re.MULTILINE)


def package_data() -> set[Path]:
    """The files setuptools adds beside the modules, by the patterns in pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["facilitator"]
    return {path for pattern in patterns for path in PACKAGE.glob(pattern) if path.is_file()}


def data_files() -> set[Path]:
    """Every file in the package that is not Python source or a cache."""
    return {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }


def test_every_data_file_is_package_data() -> None:
    missing = sorted(str(path.relative_to(ROOT)) for path in data_files() - package_data())
    assert not missing, f"not in the wheel; add a pattern to package-data: {missing}"


def test_every_stylesheet_named_by_the_code_is_there_and_packaged() -> None:
    packaged = package_data()
    named = {
        module.parent / match.group("path")
        for module in PACKAGE.rglob("*.py")
        for match in CSS_PATH.finditer(module.read_text(encoding="utf-8"))
    }
    named |= {  # a screen that reads the stylesheet beside it as its own CSS
        module.with_suffix(".tcss")
        for module in PACKAGE.rglob("*.py")
        if 'with_suffix(".tcss")' in module.read_text(encoding="utf-8")
    }
    assert len(named) >= 6  # the app's and each screen's
    for stylesheet in named:
        assert stylesheet.is_file(), f"{stylesheet.relative_to(ROOT)} is named but missing"
        assert stylesheet in packaged, f"{stylesheet.relative_to(ROOT)} is not package data"


def test_the_word_lists_are_package_data() -> None:
    lists = {path.name for path in package_data() if path.suffix == ".txt"}
    assert {"stopwords-extra.txt", "keep-words.txt"} <= lists
