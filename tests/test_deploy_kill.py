"""`deploy` killed mid-way (SIGKILL to its whole process group, git included).

Three points, each reached for real: after the tree is written (git is about
to make the commit), after the commit (git is about to move the branch), and
during the push (the bare remote's pre-receive hook is running). A `git` on
PATH that pauses before one subcommand, and a hook that pauses, mark the
moment; nothing in briefing-site knows about them. After each kill the clone's
work tree, index and HEAD are untouched, the remote branch is at the old
commit or the new one, and the next deploy succeeds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from publishing import BASE_URL
from test_deploy import clone, deploy, git, isolated_git, remote, snapshot

__all__ = ["clone", "isolated_git", "remote"]  # fixtures shared with test_deploy

NOW = "2025-02-05T10:00:00-05:00"
LATER = "2025-02-06T10:00:00-05:00"  # a different build, so a new commit


def pausing_git(folder: Path, subcommand: str, marker: Path) -> Path:
    """A `git` that marks the moment and waits before running `subcommand`."""
    real = shutil.which("git")
    assert real is not None
    folder.mkdir()
    shim = folder / "git"
    shim.write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = "{subcommand}" ]; then : > "{marker}"; sleep 120; fi\n'
        f'exec "{real}" "$@"\n'
    )
    shim.chmod(0o755)
    return folder


def pausing_hook(bare: Path, marker: Path) -> None:
    hook = bare / "hooks" / "pre-receive"
    hook.write_text(f'#!/bin/sh\n: > "{marker}"\nsleep 120\n')
    hook.chmod(0o755)


def tip(bare: Path) -> str:
    return git(bare, "rev-parse", "-q", "--verify", "refs/heads/gh-pages")


def start_deploy(site: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A deploy of a later build, in its own process group (a signal's target), its
    error output kept."""
    argv = ["deploy", "-s", str(site), "-b", BASE_URL, "--now", LATER]
    return subprocess.Popen(
        [sys.executable, "-m", "briefing_site", *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def await_marker(marker: Path, process: subprocess.Popen[bytes], seconds: float) -> None:
    """Wait until deploy reaches the marked point (it must, before it ends)."""
    deadline = time.monotonic() + seconds
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), process.communicate()[1]


def kill_when_marked(site: Path, marker: Path, path_first: Path | None) -> None:
    """Run deploy in its own process group; SIGKILL the whole group at the marker."""
    env = dict(os.environ)
    if path_first is not None:
        env["PATH"] = f"{path_first}{os.pathsep}{env['PATH']}"
    process = start_deploy(site, env)
    deadline = time.monotonic() + 120
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"deploy never reached the point: {process.stderr.read()!r}")  # type: ignore[union-attr]
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()  # type: ignore[union-attr]
    for _ in range(100):  # the killed group's processes are gone before we look
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)


@pytest.mark.parametrize("point", ["commit-tree", "update-ref", "push"])
def test_deploy_killed_mid_way_leaves_the_clone_alone_and_the_next_succeeds(
    tmp_path: Path, clone: Path, remote: Path, cli: Callable[..., Run], point: str
) -> None:
    assert deploy(cli, clone).code == 0
    old = tip(remote)
    before = snapshot(clone)
    marker = tmp_path / "reached"
    if point == "push":
        pausing_hook(remote, marker)
        kill_when_marked(clone, marker, None)
        (remote / "hooks" / "pre-receive").unlink()
    else:
        kill_when_marked(clone, marker, pausing_git(tmp_path / "bin", point, marker))
    assert snapshot(clone) == before
    now = tip(remote)
    assert now == old or git(remote, "rev-parse", f"{now}^") == old
    assert not list((clone / ".git").rglob("*.lock"))

    again = cli("deploy", "-s", str(clone), "-b", BASE_URL, "--now", LATER)
    assert again.code == 0, again.err
    assert snapshot(clone) == before
    new = tip(remote)
    assert new != old and git(remote, "merge-base", "--is-ancestor", old, new) == ""
    pushed = set(git(remote, "ls-tree", "-r", "--name-only", new).splitlines())
    built = {
        p.relative_to(clone / "build").as_posix()
        for p in (clone / "build").rglob("*")
        if p.is_file() and p.name != ".briefing-site"
    }
    assert pushed == built
    assert git(remote, "rev-parse", f"{new}^{{tree}}") == git(
        clone, "rev-parse", "refs/heads/gh-pages^{tree}"
    )


def _session_left(sid: int) -> bool:
    """Whether any live process of the session `sid` is left (zombies are gone already)."""
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if stat[0] != "Z" and int(stat[3]) == sid:
            return True
    return False


@pytest.mark.parametrize("point", ["update-ref", "push"])
def test_deploy_stopped_by_sigterm_ends_as_ctrl_c_does_and_stops_its_git(
    tmp_path: Path, clone: Path, remote: Path, cli: Callable[..., Run], point: str
) -> None:
    """`kill PID` (a service manager, a container stopping) reaches deploy alone, not its
    git: deploy stops its git as Ctrl-C would, says "interrupted", exits 130, and that git
    does not go on to move the branch, or start a push, once deploy has ended.

    At "update-ref" the real git is stopped while it holds the branch's lock (its
    reference-transaction hook pauses in the "prepared" state); at "push" the signal
    comes just before git push starts. A push the remote has already received can
    still land: git cannot call back a remote's receive-pack, and no test claims it."""
    assert deploy(cli, clone).code == 0
    old, before = tip(remote), snapshot(clone)
    local = git(clone, "rev-parse", "refs/heads/gh-pages")
    marker = tmp_path / "reached"
    real = shutil.which("git")
    shim = tmp_path / "bin" / "git"
    shim.parent.mkdir()
    paused = "push" if point == "push" else "no-such-subcommand"
    shim.write_text(  # pauses a few seconds, then does what it was asked
        "#!/bin/sh\n"
        f'if [ "$1" = "{paused}" ]; then : > "{marker}"; sleep 4; fi\n'
        f'exec "{real}" "$@"\n'
    )
    shim.chmod(0o755)
    transaction = clone / ".git" / "hooks" / "reference-transaction"
    if point == "update-ref":  # git holds refs/heads/gh-pages.lock while this runs
        transaction.write_text(
            "#!/bin/sh\n"
            '[ "$1" = prepared ] && grep -q refs/heads/gh-pages'
            f' && {{ : > "{marker}"; sleep 4; }}\nexit 0\n'
        )
        transaction.chmod(0o755)
    process = start_deploy(
        clone, {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}"}
    )
    try:
        await_marker(marker, process, 120)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
        deadline = time.monotonic() + 30  # what deploy started has ended, or never will
        while _session_left(process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = _session_left(process.pid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        transaction.unlink(missing_ok=True)
    assert (process.returncode, err.decode()) == (130, "interrupted\n")
    assert not left
    assert tip(remote) == old
    if point == "update-ref":
        assert git(clone, "rev-parse", "refs/heads/gh-pages") == local
    assert snapshot(clone) == before
    assert not list((clone / ".git").rglob("*.lock"))
    assert sorted(p.name for p in clone.iterdir() if p.name.startswith(".build")) == []
    again = cli("deploy", "-s", str(clone), "-b", BASE_URL, "--now", LATER)
    assert again.code == 0, again.err
    assert git(remote, "rev-parse", f"{tip(remote)}^") == old


def test_deploy_stopped_by_sigterm_while_building_leaves_no_staging_folder_or_lock(
    tmp_path: Path, clone: Path, remote: Path, cli: Callable[..., Run]
) -> None:
    """SIGTERM to deploy's process group while its build runs (a stand-in search indexer
    says when): the build's staging folder and lock go, build/ is the previous one,
    nothing is pushed."""
    assert deploy(cli, clone).code == 0
    old = tip(remote)
    built = sorted(p.relative_to(clone).as_posix() for p in (clone / "build").rglob("*"))
    ready = tmp_path / "indexing"
    indexer = tmp_path / "pagefind"
    indexer.write_text(f'#!/bin/sh\ntouch "{ready}"\nexec sleep 600\n')
    indexer.chmod(0o755)
    process = start_deploy(clone, {**os.environ, "PAGEFIND_BINARY_PATH": str(indexer)})
    try:
        await_marker(ready, process, 300)
        os.killpg(process.pid, signal.SIGTERM)  # as `timeout` and CI runners send it
        _, err = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert (process.returncode, err.decode()) == (130, "interrupted\n")
    assert sorted(p.name for p in clone.iterdir() if p.name.startswith(".build")) == []
    assert sorted(p.relative_to(clone).as_posix() for p in (clone / "build").rglob("*")) == built
    assert tip(remote) == old
