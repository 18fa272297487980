"""The wheel carries the default theme, so an installed tool builds a bare site."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO, SEED_TXT, SEED_YAML
from workflowrun import build_wheel


def test_installed_wheel_builds_a_site_without_templates(tmp_path: Path) -> None:
    wheel = build_wheel(REPO, tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    assert (
        "briefing_site/theme/base.html" in names and "briefing_site/theme/static/style.css" in names
    )
    target = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(target)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content/s.txt").write_bytes(SEED_TXT.read_bytes())
    (site / "content/s.yaml").write_bytes(SEED_YAML.read_bytes())

    def installed(code: str) -> subprocess.CompletedProcess[str]:
        """Run `code` with the unpacked wheel, not the checkout, first on the path."""
        env = {**os.environ, "PYTHONPATH": str(target)}
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    result = installed(
        "import briefing_site, sys; print(briefing_site.__file__); "
        "from briefing_site.cli import main; sys.exit(main(['build', '-s', 'site']))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(target))
    assert (site / "build/assets/style.css").read_bytes() == (
        REPO / "src/briefing_site/theme/static/style.css"
    ).read_bytes()
    assert 'data-topic="economy"' in (site / "build/briefings/s/index.html").read_text()
    # Search comes with it: the wheel declares pagefind[bin] and ships the search page's script.
    assert "pagefind[bin]" in zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith("METADATA"))
    ).decode("utf-8")
    assert (site / "build/assets/search.js").is_file()
    assert (site / "build/pagefind/pagefind-entry.json").is_file()
    assert "no search index" not in result.stderr
    # `init` copies its example site from the wheel's package data (issue 7).
    made = installed(
        "import sys; from briefing_site.cli import main; "
        "sys.exit(main(['init', 'fresh']) or main(['build', '-s', 'fresh']))"
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "fresh/.github/workflows/pages.yml").is_file()
    assert (tmp_path / "fresh/build/briefings/example-briefing/index.html").is_file()
