"""Put a freshly built folder in place of the published one, in one step.

A build writes into a staging folder beside its target; only once it has
succeeded is the staging folder renamed into place, so that a failed build
never leaves a half-published site (or a half-built preview) behind.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the freshly built ``staging`` folder in place of ``site_dir``."""
    retired = None
    if site_dir.exists():
        retired = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(retired, ignore_errors=True)
        site_dir.rename(retired)
    staging.rename(site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
