"""What the command line decides about a build, shared by every command that builds.

Kept apart from `build.pipeline` so the command line can check for a rebuild with
nothing to do (see `build.unchanged`) without loading the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefing_site.progress import ProgressFn
from briefing_site.site import OUTPUT_DIR


@dataclass(frozen=True)
class BuildOptions:
    """What the command line decides about a build."""

    site: Path
    now: datetime
    out: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    jobs: int = 0  # worker processes; 0: one per CPU, 1: this process only
    cache: bool = True  # reuse SITE/.briefing-cache/ and rewrite only changed files
    progress: ProgressFn | None = None
    """Told (done, total) as articles are assembled; the CLI draws it on a terminal."""

    @property
    def output(self) -> Path:
        return self.out if self.out is not None else self.site / OUTPUT_DIR
