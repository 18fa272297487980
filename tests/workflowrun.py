"""Run a GitHub Actions job's steps here, as the runner would, for the steps we know.

`run:` steps go through bash with the runner's default flags; the few actions
the workflows use are stood in for (checkout: the folder is already there;
setup-python: a fresh virtual environment first on PATH; the upload actions:
the folder they would upload must exist). Any other action, or an expression
the caller gave no value for, fails the test, so a workflow cannot grow a step
this runner silently skips.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_job(workflow: Path, job: str) -> dict[str, Any]:
    flow = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    found: dict[str, Any] = flow["jobs"][job]
    return found


@dataclass
class JobRun:
    """One job's run in `workdir`: its environment and every step's output."""

    workdir: Path
    expressions: dict[str, str]
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    log: list[str] = field(default_factory=list)

    def run_job(self, job: dict[str, Any]) -> None:
        for step in job["steps"]:
            self.run_step(step)

    def run_step(self, step: dict[str, Any]) -> subprocess.CompletedProcess[str] | None:
        if "run" in step:
            return self._run(step)
        self._use(str(step["uses"]).split("@")[0], step.get("with", {}))
        return None

    def _expand(self, text: str) -> str:
        def value(match: re.Match[str]) -> str:
            assert match[1] in self.expressions, f"no value for the expression {match[0]}"
            return self.expressions[match[1]]

        return _EXPRESSION.sub(value, text)

    def _run(self, step: dict[str, Any]) -> subprocess.CompletedProcess[str]:
        env = {**self.env, **{k: self._expand(str(v)) for k, v in step.get("env", {}).items()}}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", self._expand(step["run"])],
            cwd=self.workdir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        self.log.append(result.stdout + result.stderr)
        assert result.returncode == 0, f"step {step.get('name', step['run'])!r} failed:\n" + (
            result.stdout + result.stderr
        )
        return result

    def _use(self, action: str, given: dict[str, Any]) -> None:
        if action == "actions/checkout":
            return
        if action == "actions/setup-python":
            self._fresh_python(self.workdir.parent / f"{self.workdir.name}-python")
        elif action == "actions/configure-pages":
            return  # its output (base_url) is among the expressions
        elif action in ("actions/upload-pages-artifact", "actions/upload-artifact"):
            folder = self.workdir / str(given["path"])
            assert folder.is_dir() and any(folder.iterdir()), f"nothing to upload in {folder}"
        else:
            raise AssertionError(f"no stand-in for the action {action}")

    def _fresh_python(self, folder: Path) -> None:
        """A virtual environment of this Python (not the version the workflow names),
        with pip, first on PATH, as setup-python leaves the runner."""
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        for name in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
            self.env.pop(name, None)
        self.env["PATH"] = f"{folder / 'bin'}{os.pathsep}{self.env['PATH']}"


def build_wheel(repo: Path, dist: Path) -> Path:
    """This checkout's wheel, built as pip would build it for an install."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(repo),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    return wheel
