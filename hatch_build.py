"""Build hook: compile the translation catalogs (``.po`` -> ``.mo``) into the package.

The ``.mo`` files are build artefacts (not in git); hatchling runs this for every wheel,
editable installs included, so an installed wishdesk always has the catalogs its ``.po``
files hold. ``python tools/catalog.py compile`` compiles them in place after a ``.po`` is
edited.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from catalog import compile_catalogs


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "catalogs"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel":
            compile_catalogs(Path(self.root))
