"""Reading the classifier's packaged TOML data files (the only I/O in this package).

The TOML parser and importlib.resources are imported on first use, not at import time.
"""

from __future__ import annotations

from typing import Any

from wishdesk.domain import toml
from wishdesk.domain.languages import LANGUAGES

__all__ = ["LANGUAGES", "load"]


def load(name: str) -> dict[str, Any]:
    """Parse ``data/<name>.toml`` from this package."""
    from importlib import resources

    path = resources.files(__package__).joinpath("data").joinpath(f"{name}.toml")
    return toml.loads(path.read_text("utf-8"))
