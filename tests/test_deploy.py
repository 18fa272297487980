"""`briefing-site deploy` against real git repositories: a clone and a local bare remote."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run, write_site
from publishing import BASE_URL, NOW, site_files

SEED = "briefings/ishiba-trump-summit/"


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(autouse=True)
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git config leaks in; commits get a fixed identity."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Desk Editor")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "desk@example.org")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    return bare


@pytest.fixture
def clone(tmp_path: Path, remote: Path) -> Path:
    """A site's repository on branch main, committed, with `origin` = the bare remote."""
    work = write_site(tmp_path / "work", {**site_files(), ".gitignore": "/build/\n"})
    git(work, "init", "-q", "-b", "main")
    git(work, "config", "core.autocrlf", "input")  # must not touch the .ics CRLF
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Add briefings")
    git(work, "remote", "add", "origin", str(remote))
    return work


def deploy(cli: Callable[..., Run], site: Path, *args: str) -> Run:
    return cli("deploy", "-s", str(site), "-b", BASE_URL, "--now", NOW, *args)


def snapshot(work: Path) -> tuple[str, str, str, bytes]:
    """What a deploy must leave alone: HEAD, its branch, the status and the index."""
    return (
        git(work, "rev-parse", "HEAD"),
        git(work, "symbolic-ref", "HEAD"),
        git(work, "status", "--porcelain", "--ignored=no"),
        (work / ".git" / "index").read_bytes(),
    )


def test_deploy_pushes_the_build_as_the_whole_gh_pages_tree(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    before = snapshot(clone)
    result = deploy(cli, clone)
    assert result.code == 0, result.err
    assert snapshot(clone) == before
    pushed = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    built = {
        p.relative_to(clone / "build").as_posix()
        for p in (clone / "build").rglob("*")
        if p.is_file() and p.name != ".briefing-site"
    }
    assert pushed == built
    assert {".nojekyll", "index.html", "404.html", "feed.xml", SEED + "index.html"} <= pushed
    assert "content/ishiba-trump-summit.txt" not in pushed
    source = git(clone, "rev-parse", "HEAD")
    assert source in git(remote, "log", "-1", "--format=%B", "gh-pages")


def test_deployed_calendar_keeps_its_crlf_line_ends(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    assert deploy(cli, clone).code == 0
    data = subprocess.run(
        ["git", "show", f"gh-pages:{SEED}ishiba-trump-summit.ics"],
        cwd=remote,
        capture_output=True,
        check=True,
    ).stdout
    assert data.count(b"\r\n") == data.count(b"\n") > 5


def test_redeploy_adds_a_commit_on_top_and_skips_an_unchanged_build(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    assert deploy(cli, clone).code == 0
    first = git(remote, "rev-parse", "gh-pages")
    again = deploy(cli, clone)
    assert again.code == 0 and "nothing pushed" in again.out
    assert git(remote, "rev-parse", "gh-pages") == first
    later = cli("deploy", "-s", str(clone), "-b", BASE_URL, "--now", "2025-02-06T10:00:00Z")
    assert later.code == 0, later.err
    assert git(remote, "rev-parse", "gh-pages^") == first
    assert git(clone, "rev-parse", "gh-pages") == git(remote, "rev-parse", "gh-pages")


def test_custom_message_still_names_the_source_commit(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    assert deploy(cli, clone, "-m", "Publish the summit briefing").code == 0
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("Publish the summit briefing")
    assert git(clone, "rev-parse", "HEAD") in message


def test_a_build_of_uncommitted_edits_says_so_in_its_commit(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """The pages are the working tree's: naming only HEAD would claim sources they are not."""
    (clone / "notes.txt").write_text("not the site's")  # outside its inputs: no matter
    assert deploy(cli, clone).code == 0
    assert "uncommitted" not in git(remote, "log", "-1", "--format=%B", "gh-pages")
    article = clone / "content" / "g7-kananaskis.md"
    article.write_text(article.read_text().replace("Leaders", "Heads", 1))
    assert deploy(cli, clone).code == 0
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    head = git(clone, "rev-parse", "HEAD")
    assert message.startswith(f"Deploy {head} with uncommitted changes with briefing-site ")


def test_deploy_to_another_remote_and_branch(
    clone: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    other = tmp_path / "mirror.git"
    git(tmp_path, "init", "-q", "--bare", str(other))
    git(clone, "remote", "add", "mirror", str(other))
    result = deploy(cli, clone, "--remote", "mirror", "--branch", "site")
    assert result.code == 0, result.err
    assert "index.html" in git(other, "ls-tree", "--name-only", "site")


def test_no_remote_fails_clearly_before_building(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    git(clone, "remote", "remove", "origin")
    result = deploy(cli, clone)
    assert result.code == 1
    assert "no git remote named 'origin'" in result.err
    assert not (clone / "build").exists()


def test_a_remote_that_is_not_there_is_named_in_gits_own_words(
    clone: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    gone = tmp_path / "moved.git"
    git(clone, "remote", "set-url", "origin", str(gone))
    result = deploy(cli, clone)
    assert result.code == 1
    assert f"'{gone}' does not appear to be a git repository" in result.err
    assert not (clone / "build").exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/desk/briefings.git",
        "git@github.com:desk/briefings.git",
        "ssh://git@github.com/desk/briefings",
    ],
)
def test_a_github_project_site_without_a_base_url_is_refused_with_the_url_to_give(
    clone: Path, cli: Callable[..., Run], url: str
) -> None:
    """Pages serves desk/briefings under /briefings/: built for /, its links would all 404."""
    git(clone, "remote", "set-url", "origin", url)
    result = cli("deploy", "-s", str(clone), "--now", NOW)
    assert result.code == 1
    assert result.err == (
        "deploy: GitHub Pages serves desk/briefings at https://desk.github.io/briefings/, but "
        "the site is built for /: pass -b https://desk.github.io/briefings/ or set base_url "
        "in briefing.yaml (cname for a custom domain)\n"
    )
    assert not (clone / "build").exists()


def test_rejected_push_fails_clearly(clone: Path, remote: Path, cli: Callable[..., Run]) -> None:
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'gh-pages is protected' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = deploy(cli, clone)
    assert result.code == 1
    assert "rejected" in result.err and "gh-pages is protected" in result.err
    assert "Traceback" not in result.err
    assert git(remote, "branch", "--list") == ""


def test_outside_a_git_repository_fails_clearly(
    make_site: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., Run]
) -> None:
    site = make_site(site_files())
    result = deploy(cli, site)
    assert result.code == 1
    assert "not inside a git repository" in result.err
    assert not (site / "build").exists()


def test_refuses_to_deploy_onto_the_checked_out_branch(
    clone: Path, cli: Callable[..., Run]
) -> None:
    git(clone, "checkout", "-q", "-b", "gh-pages")
    result = deploy(cli, clone)
    assert result.code == 1 and "you are on gh-pages" in result.err


@pytest.mark.parametrize("where", ["remote", "local"])
def test_refuses_to_deploy_over_the_branch_that_holds_the_sources(
    clone: Path, remote: Path, cli: Callable[..., Run], where: str
) -> None:
    """`--branch main` from a feature branch would replace the site's sources with the build."""
    if where == "remote":
        git(clone, "push", "-q", "origin", "main")
    git(clone, "checkout", "-q", "-b", "feature")
    source = git(clone, "rev-parse", "main")
    result = deploy(cli, clone, "--branch", "main")
    assert result.code == 1
    assert "main holds this site's sources" in result.err and "--branch gh-pages" in result.err
    assert git(clone, "rev-parse", "main") == source
    assert git(remote, "branch", "--list") == ("main" if where == "remote" else "")
    if where == "remote":
        assert git(remote, "rev-parse", "main") == source
    assert not (clone / "build").exists()


def test_content_error_stops_the_deploy_with_nothing_pushed(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    (clone / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    result = deploy(cli, clone)
    assert result.code == 1 and "content/broken.md" in result.err
    assert git(remote, "branch", "--list") == ""


def test_invalid_branch_name_is_refused(clone: Path, remote: Path, cli: Callable[..., Run]) -> None:
    result = deploy(cli, clone, "--branch", "bad..name")
    assert result.code == 2 and "'bad..name' is not a valid branch name" in result.err
    assert git(remote, "branch", "--list") == ""


def test_deploy_prints_the_builds_warnings(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    (clone / "content" / "brief.md").write_text(
        "---\ntitle: A short brief\ndate: 2025-02-04T09:00:00-05:00\n---\nOne paragraph.\n"
    )
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "Add a brief without a summary")
    checked = cli("check", "-s", str(clone), "-b", BASE_URL, "--now", NOW)
    warnings = [line for line in checked.err.splitlines() if ": warning: " in line]
    assert any(line.startswith("content/brief.md") for line in warnings), checked.err
    result = deploy(cli, clone)
    assert result.code == 0, result.err
    assert [line for line in result.err.splitlines() if ": warning: " in line] == warnings
    count = len(warnings)
    assert re.search(rf"(?<!\d){count} warnings?\b", result.out), result.out


@pytest.mark.parametrize("base", [None, "/briefings/"], ids=["base_url /", "-b /briefings/"])
def test_deploy_warns_of_a_base_url_without_a_host_as_build_does(
    clone: Path, remote: Path, cli: Callable[..., Run], base: str | None
) -> None:
    """A site deployed for a path alone (here to a remote that is not GitHub, which
    deploy lets through) has relative feed ids and no sitemap: build and check say so,
    and so must the command that publishes it."""
    (clone / "briefing.yaml").write_text("title: Desk\nbase_url: /\n")
    git(clone, "commit", "-q", "-am", "Publish from the root")
    flag = ("-b", base) if base else ()
    checked = cli("check", "-s", str(clone), *flag, "--now", NOW)
    expected = [line for line in checked.err.splitlines() if "has no host" in line]
    assert len(expected) == 1, checked.err
    result = cli("deploy", "-s", str(clone), *flag, "--now", NOW)
    assert result.code == 0, result.err
    assert [line for line in result.err.splitlines() if "has no host" in line] == expected
    assert git(remote, "ls-tree", "--name-only", "gh-pages", "feed.xml") == "feed.xml"


LATER = "2025-02-06T10:00:00-05:00"  # a different build from NOW's, so a new commit


def test_a_lock_left_by_a_killed_deploy_is_named_and_nothing_changes(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """git leaves `<ref>.lock` when killed in update-ref; the next deploy says what to do."""
    assert deploy(cli, clone).code == 0

    def state() -> tuple[object, ...]:
        page = (clone / "build" / SEED / "index.html").read_bytes()  # not rebuilt either
        pushed = git(remote, "rev-parse", "gh-pages")
        return snapshot(clone), git(clone, "rev-parse", "gh-pages"), pushed, page

    before = state()
    lock = clone / ".git/refs/heads/gh-pages.lock"
    lock.write_text("")  # what SIGKILL during `git update-ref` leaves behind
    result = deploy(cli, clone, "--now", LATER)
    assert result.code == 1
    assert result.err == (
        f"{lock}: a previous deploy or git command was interrupted and left "
        "this lock file; remove it if no git command is running in this repository\n"
    )
    assert state() == before
    assert lock.exists()  # never removed: git's lock files do not say who holds them
    lock.unlink()
    assert deploy(cli, clone, "--now", LATER).code == 0
    assert git(remote, "rev-parse", "gh-pages") != before[2]


def test_a_lock_that_appears_mid_deploy_is_named_too(
    tmp_path: Path,
    clone: Path,
    remote: Path,
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another git takes the branch's lock after deploy looked: git's refusal is said plainly."""
    real = shutil.which("git")
    shim = tmp_path / "bin" / "git"
    shim.parent.mkdir()
    shim.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = update-ref ]; then\n'
        f'  : > "$("{real}" rev-parse --git-path refs/heads/gh-pages.lock)"\n'
        "fi\n"
        f'exec "{real}" "$@"\n'
    )
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{shim.parent}{os.pathsep}{os.environ['PATH']}")
    result = deploy(cli, clone)
    assert result.code == 1
    lock = clone / ".git/refs/heads/gh-pages.lock"
    assert result.err.startswith(f"{lock}: a previous deploy or git command was interrupted")
    assert result.err.count("\n") == 1
    assert git(remote, "branch", "--list") == ""


def test_a_stale_packed_refs_lock_does_not_stop_a_deploy(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """Moving one branch does not need packed-refs, so its lock is left to the user's git."""
    git(clone, "pack-refs", "--all")
    (clone / ".git/packed-refs.lock").write_text("")
    result = deploy(cli, clone)
    assert result.code == 0, result.err
    assert git(remote, "rev-parse", "gh-pages") == git(clone, "rev-parse", "gh-pages")


@pytest.mark.parametrize(("cwd", "site"), [("repo/site", "."), ("repo/notes", "../site")])
def test_a_site_in_a_subfolder_deploys_from_a_relative_folder(
    tmp_path: Path,
    remote: Path,
    cli: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    cwd: str,
    site: str,
) -> None:
    """git reads --stdin-paths from the repository's top folder, not from -s or the shell's."""
    repo = tmp_path / "repo"
    write_site(repo / "site", {**site_files(), ".gitignore": "/build/\n"})
    (repo / "notes").mkdir()
    (repo / "notes" / "todo.txt").write_text("deploy\n", "utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Add the site")
    git(repo, "remote", "add", "origin", str(remote))
    monkeypatch.chdir(tmp_path / cwd)
    result = cli("deploy", "-s", site, "-b", BASE_URL, "--now", NOW)
    assert result.code == 0, result.err
    pushed = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())
    assert {".nojekyll", "index.html", SEED + "index.html"} <= pushed
    assert not any(name.startswith(("site/", "build/")) for name in pushed)


def hook(repo_hooks: Path, name: str, body: str) -> None:
    script = repo_hooks / name
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)


def test_a_failed_push_is_pushed_by_the_next_deploy_not_called_published(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """The remote has no gh-pages yet; a pre-push hook refuses the first push. The
    next deploy must push the same build, not say the remote already has it."""
    hook(clone / ".git" / "hooks", "pre-push", "echo 'pre-push: tests failed' >&2; exit 1")
    first = deploy(cli, clone)
    assert first.code == 1
    assert "pre-push: tests failed" in first.err
    assert git(remote, "branch", "--list") == ""
    (clone / ".git" / "hooks" / "pre-push").unlink()
    second = deploy(cli, clone)
    assert second.code == 0, second.err
    assert "deployed" in second.out and "nothing pushed" not in second.out
    assert git(remote, "rev-parse", "gh-pages") == git(clone, "rev-parse", "gh-pages")


def test_local_gh_pages_commits_the_remote_lacks_are_not_dropped(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    assert deploy(cli, clone).code == 0
    git(clone, "worktree", "add", "-q", str(clone.parent / "pages"), "gh-pages")
    (clone.parent / "pages" / "verify.html").write_text("google-site-verification\n")
    git(clone.parent / "pages", "add", "verify.html")
    git(clone.parent / "pages", "commit", "-q", "-m", "Add verification page")
    by_hand = git(clone, "rev-parse", "gh-pages")
    git(clone, "worktree", "remove", str(clone.parent / "pages"))
    result = deploy(cli, clone)
    assert result.code == 1
    assert f"branch gh-pages has commits origin does not (commit {by_hand[:12]})" in result.err
    assert git(clone, "rev-parse", "gh-pages") == by_hand
    git(clone, "push", "-q", "origin", "gh-pages")
    assert deploy(cli, clone).code == 0
    assert git(remote, "rev-parse", "gh-pages^") == by_hand


def test_a_branch_checked_out_in_another_worktree_is_not_moved_under_it(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    assert deploy(cli, clone).code == 0
    pages = clone.parent / "pages"
    git(clone, "worktree", "add", "-q", str(pages), "gh-pages")
    before = git(clone, "rev-parse", "gh-pages")
    article = next((clone / "content").rglob("*.md"))
    article.write_text(article.read_text() + "\nOne more paragraph.\n")
    result = deploy(cli, clone)
    assert result.code == 1
    assert f"gh-pages is checked out in {pages}" in result.err
    assert git(clone, "rev-parse", "gh-pages") == before == git(remote, "rev-parse", "gh-pages")
    assert git(pages, "status", "--porcelain") == ""


def test_a_deploy_whose_push_failed_is_superseded_when_the_remote_moved(
    clone: Path, remote: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """Its own unpushed commit is no one's work: the next deploy builds on the remote."""
    assert deploy(cli, clone).code == 0
    hook(clone / ".git" / "hooks", "pre-push", "exit 1")
    article = next((clone / "content").rglob("*.md"))
    article.write_text(article.read_text() + "\nOne more paragraph.\n")
    assert deploy(cli, clone, "-m", "mine").code == 1
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", "-b", "gh-pages", str(remote), str(other))
    (other / "moved.html").write_text("x\n")
    git(other, "add", "moved.html")
    git(other, "commit", "-q", "-m", "Moved on")
    git(other, "push", "-q", "origin", "gh-pages")
    (clone / ".git" / "hooks" / "pre-push").unlink()
    result = deploy(cli, clone)
    assert result.code == 0, result.err
    assert git(remote, "log", "-1", "--format=%s", "gh-pages^") == "Moved on"


@pytest.mark.parametrize("branch", ["gh pages", "x~1", "HEAD", "@", "refs/heads/gh-pages"])
def test_a_branch_name_git_refuses_is_a_usage_error(
    clone: Path, remote: Path, cli: Callable[..., Run], branch: str
) -> None:
    result = deploy(cli, clone, f"--branch={branch}")
    assert result.code == 2
    assert f"--branch: {branch!r} is not a valid branch name" in result.err
    assert git(remote, "for-each-ref") == ""


def test_a_git_that_cannot_run_is_named_without_a_traceback(
    clone: Path, tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "git").write_text("not a program\n")  # no execute bit
    monkeypatch.setenv("PATH", str(fake))
    result = deploy(cli, clone)
    assert result.code == 1
    assert result.err == "deploy could not run git: Permission denied\n"


def test_a_push_into_a_remote_with_the_branch_checked_out_says_why(
    clone: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """A non-bare repository on disk refuses a push to its checked-out branch: the
    message is git's reason, not the advice that follows it."""
    other = tmp_path / "other"
    git(tmp_path, "init", "-q", "-b", "gh-pages", str(other))
    git(other, "commit", "-q", "--allow-empty", "-m", "start")
    git(clone, "remote", "set-url", "origin", str(other))
    result = deploy(cli, clone)
    assert result.code == 1
    assert "refusing to update checked out branch" in result.err
    assert "(branch is currently checked out)" in result.err
    assert "squelch" not in result.err


def publish_from(tmp_path: Path, remote: Path, name: str, force_orphan: bool = False) -> str:
    """Someone else (a CI job, GitHub's "Create CNAME") pushes a commit to gh-pages."""
    other = tmp_path / f"other-{name}"
    if not other.exists():
        git(tmp_path, "clone", "-q", "-b", "gh-pages", str(remote), str(other))
    git(other, "fetch", "-q", "origin")
    git(other, "reset", "-q", "--hard", "origin/gh-pages")
    if force_orphan:
        git(other, "checkout", "-q", "--orphan", "fresh")
    (other / f"{name}.html").write_text(f"{name}\n")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", name)
    git(other, "push", "-q", "--force", "origin", "HEAD:gh-pages")
    return git(other, "rev-parse", "HEAD")


def edit(clone: Path, words: str) -> None:
    article = next((clone / "content").rglob("*.md"))
    article.write_text(article.read_text() + f"\n{words}\n")


def test_a_gh_pages_rewritten_by_someone_else_is_deployed_on_not_refused(
    clone: Path, remote: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """CI publishes on top of a deploy, then force-pushes an orphan (a squashed
    history): CI's old commit reached the local branch only as the base of a
    deploy, so it was published, and is nothing of the user's to keep."""
    assert deploy(cli, clone).code == 0
    publish_from(tmp_path, remote, "deploy: from CI")
    edit(clone, "One more paragraph.")
    assert deploy(cli, clone).code == 0
    orphan = publish_from(tmp_path, remote, "squashed by CI", force_orphan=True)
    edit(clone, "And another.")
    result = deploy(cli, clone)
    assert result.code == 0, result.err
    assert git(remote, "rev-parse", "gh-pages^") == orphan
    assert git(remote, "rev-parse", "gh-pages") == git(clone, "rev-parse", "gh-pages")


def test_one_site_deployed_to_two_remotes_in_turn(
    clone: Path, remote: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """GitHub adds "Create CNAME" on origin; the mirror never had it. Deploys to
    each in turn go on top of that remote's branch, neither refused."""
    mirror = tmp_path / "mirror.git"
    git(tmp_path, "init", "-q", "--bare", str(mirror))
    git(clone, "remote", "add", "mirror", str(mirror))
    assert deploy(cli, clone).code == 0
    assert deploy(cli, clone, "--remote", "mirror").code == 0
    cname = publish_from(tmp_path, remote, "Create CNAME")
    for turn in range(2):
        edit(clone, f"Turn {turn}.")
        assert deploy(cli, clone).code == 0
        assert cname in git(remote, "rev-list", "gh-pages")
        edit(clone, f"Mirror turn {turn}.")
        result = deploy(cli, clone, "--remote", "mirror")
        assert result.code == 0, result.err
        assert git(mirror, "rev-parse", "gh-pages") == git(clone, "rev-parse", "gh-pages")


def test_a_remote_update_hooks_own_words_are_shown(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """git's "hook declined" line is its own, not the remote's reason: the hook's is."""
    hook(remote / "hooks", "update", "echo 'gh-pages is frozen until Monday, ask the desk'; exit 1")
    result = deploy(cli, clone)
    assert result.code == 1
    assert "remote: gh-pages is frozen until Monday, ask the desk" in result.err
    assert "(hook declined)" in result.err


def test_a_local_hook_line_starting_with_to_is_kept(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """Only git's own "To <url>" line is dropped, not a hook's sentence."""
    hook(clone / ".git" / "hooks", "pre-push", "echo 'To publish, run make publish' >&2; exit 1")
    result = deploy(cli, clone)
    assert result.code == 1
    assert "To publish, run make publish" in result.err
    assert f"To {remote}" not in result.err


def test_a_remote_name_with_a_byte_not_utf8_is_named_without_a_traceback(
    clone: Path, cli: Callable[..., Run]
) -> None:
    """A name typed in a Latin-1 terminal (`--remote $'caf\\xe9'`) reaches git as that
    byte, and git's answer, which quotes it, is read without crashing deploy."""
    result = deploy(cli, clone, "--remote", "caf\udce9")
    assert result.code == 1, result.err
    assert "no git remote named 'caf\\xe9'" in result.err
    assert "Traceback" not in result.err
    assert not (clone / "build").exists()


def test_a_remote_hook_speaking_latin1_is_shown_not_a_crash(
    clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    hook(remote / "hooks", "pre-receive", "printf 'push refus\\351 ce soir\\n' >&2; exit 1")
    result = deploy(cli, clone)
    assert result.code == 1, result.err
    assert "remote: push refus\\xe9 ce soir" in result.err
    assert "Traceback" not in result.err
