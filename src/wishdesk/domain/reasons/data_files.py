"""Reading the classifier's packaged TOML data files (the only I/O in this package).

The TOML parser and importlib.resources are imported on first use, not at import time.
"""

from __future__ import annotations

import sys
from typing import Any

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "zh")


def load(name: str) -> dict[str, Any]:
    """Parse ``data/<name>.toml`` from this package."""
    from importlib import resources

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # tomli is the same parser, packaged for 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    path = resources.files(__package__).joinpath("data").joinpath(f"{name}.toml")
    data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    return data
