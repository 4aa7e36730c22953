"""The pages' templates and static files, all shipped in the package: nothing is fetched
from elsewhere, so the pages work with the network cable pulled.

Static files are read once into memory by name; a request names one of them or gets 404,
so no part of a request ever becomes a path and no folder is ever listed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2

STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}


@cache
def templates() -> jinja2.Environment:
    """The page templates; every value is HTML-escaped unless a template says otherwise."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("facilitator.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def static_files() -> dict[str, tuple[bytes, str]]:
    """Every static file by its name: its bytes and its media type."""
    found: dict[str, tuple[bytes, str]] = {}
    for entry in resources.files("facilitator.web").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in STATIC_TYPES:
            found[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return found
