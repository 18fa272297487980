"""The workflows' build steps run here as GitHub's runner would run them.

A site fresh from `init` builds with its own workflow, with this checkout's
wheel standing in for the release its workflow pins (and a later release
beside it that must not be picked); the release workflow
builds and checks the sdist and wheel, and refuses a tag that names another
version. Both install from PyPI into a fresh virtual environment.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from workflowrun import JobRun, build_wheel, load_job

from briefing_site import __version__

BASE = "https://example.github.io/newsroom"


def _later_release(dist: Path) -> None:
    """A newer briefing-site with no command: what an unpinned install would pick up."""
    info = "briefing_site-99.0.0.dist-info"
    files = {
        "briefing_site/__init__.py": "",
        f"{info}/METADATA": "Metadata-Version: 2.1\nName: briefing-site\nVersion: 99.0.0\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    files[f"{info}/RECORD"] = "".join(f"{name},,\n" for name in [*files, f"{info}/RECORD"])
    with zipfile.ZipFile(dist / "briefing_site-99.0.0-py3-none-any.whl", "w") as wheel:
        for name, text in files.items():
            wheel.writestr(name, text)


def test_a_site_from_init_builds_with_its_own_workflow_steps(tmp_path: Path) -> None:
    wheel = build_wheel(REPO, tmp_path / "dist")
    _later_release(wheel.parent)
    site = tmp_path / "site"
    assert run_cli("init", str(site)).code == 0
    job = JobRun(site, {"steps.pages.outputs.base_url": BASE})
    job.env["PIP_FIND_LINKS"] = str(wheel.parent)  # the release the workflow pins, not yet on PyPI
    job.run_job(load_job(site / ".github/workflows/pages.yml", "build"))
    assert any(f"Processing {wheel}" in output for output in job.log), job.log
    page = (site / "build/briefings/example-briefing/index.html").read_text()
    assert 'data-topic="lede"' in page and f'href="{BASE}/' in page
    assert (site / "build/index.html").is_file()


def _checkout(tmp_path: Path) -> Path:
    """The files a clone of this repository has (no virtualenv, caches or builds)."""
    ignored = shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", ".*_cache", "build", "dist", ".briefing-cache", ".build.*"
    )
    return Path(shutil.copytree(REPO, tmp_path / "checkout", ignore=ignored))


def test_the_release_workflow_builds_and_checks_the_tagged_version(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    workflow = load_job(REPO / ".github/workflows/release.yml", "build")
    job = JobRun(checkout, {"github.ref_name": f"v{__version__}"})
    job.run_job(workflow)
    built = sorted(path.name for path in (checkout / "dist").iterdir())
    assert built == [
        f"briefing_site-{__version__}-py3-none-any.whl",
        f"briefing_site-{__version__}.tar.gz",
    ]
    assert "PASSED" in job.log[-1]  # twine check --strict
    tag_check = next(step for step in workflow["steps"] if "TAG" in step.get("env", {}))
    job.expressions["github.ref_name"] = "v99.0.0"
    with pytest.raises(AssertionError, match="does not match the version built"):
        job.run_step(tag_check)
