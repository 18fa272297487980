"""`briefing-site deploy`: build, commit build/ as the whole tree of gh-pages, push.

Like `mkdocs gh-deploy`, but with git plumbing only: blobs are hashed without
filters (an .ics keeps its CRLF whatever `core.autocrlf` says), the tree is
written through a temporary index, and the commit is made with `commit-tree`
and moved onto the branch with `update-ref`. The working tree, the index and
the current branch are never touched.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_site import __version__
from briefing_site.build.options import BuildOptions
from briefing_site.build.pipeline import build
from briefing_site.build.unchanged import Built
from briefing_site.build.writer import MARKER
from briefing_site.content.load import read_config
from briefing_site.errors import DeployError, UsageError
from briefing_site.site import CONFIG_FILE, CONTENT_DIR, TEMPLATES_DIR


@dataclass(frozen=True)
class DeployOptions:
    build: BuildOptions
    remote: str = "origin"
    branch: str = "gh-pages"
    message: str | None = None


@dataclass(frozen=True)
class Deployed:
    commit: str
    pushed: bool
    built: Built  # the build's count and warnings, for the command line to report


class Git:
    """Runs git in one repository; a failure becomes a DeployError with git's words."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.cwd = cwd
        self.env = env

    def run(self, *args: str, stdin: str | None = None, check: bool = True) -> str:
        done = _git(args, self.cwd, self.env, stdin)
        if check and done.returncode != 0:
            locked = _LOCKED.search(done.stderr)
            if locked:
                raise _stale_lock(self.cwd / locked["path"])
            # A push's `--porcelain` verdict ("[remote rejected] (why)") is on stdout.
            verdicts = [
                line[line.rindex("[") :] for line in done.stdout.splitlines() if "rejected]" in line
            ]
            output = "\n".join([done.stderr, *verdicts]) if done.stderr else done.stdout
            raise DeployError(f"git {args[0]} failed: {_gits_words(output)}")
        return done.stdout.strip() if done.returncode == 0 else ""

    def ok(self, *args: str) -> bool:
        """True when the git command succeeds (for questions, not actions)."""
        # Only the exit code is read, so git's output goes nowhere. The environment is
        # the user's, not self.env: every question (a ref's name, a remote, history) is
        # asked of the repository as it stands, never of the temporary index that
        # self.env names while the build's tree is written, and all the callers ask it
        # of the plain Git, whose env is None anyway.
        return _git(args, self.cwd, None, None, answer=False).returncode == 0


def _git(
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None,
    stdin: str | None,
    answer: bool = True,
) -> subprocess.CompletedProcess[str]:
    """git run to its end, or stopped as Ctrl-C stops it when deploy is interrupted.

    Ctrl-C reaches git as well as deploy (the terminal signals them both), and
    git removes its lock files as it ends. A SIGTERM sent to deploy alone (`kill`,
    a service or container stopping; the CLI takes it as Ctrl-C) would leave git
    running on, to move the branch or push after deploy has said it stopped, or
    to be killed without that clean-up: so git is given the SIGTERM too. A signal
    that comes while git is being started is held until deploy has git's process
    in hand, so that no git is left running unknown.

    git's output is read as UTF-8, a byte that is not (a remote's name typed in a
    Latin-1 terminal, a hook's message, a folder's name) kept as a lone surrogate:
    passed back to git it is the same byte, and `printable` shows it as \\xNN.
    With `answer` False only the exit code is wanted: git's output goes nowhere.
    """
    out_to = subprocess.PIPE if answer else subprocess.DEVNULL
    child: subprocess.Popen[str] | None = None
    try:
        with _signals_held():
            try:
                child = subprocess.Popen(
                    ["git", *args],
                    cwd=cwd,
                    env=env,
                    stdin=subprocess.PIPE if stdin is not None else None,
                    stdout=out_to,
                    stderr=out_to,
                    encoding="utf-8",
                    errors="surrogateescape",
                )
            except OSError as exc:
                raise _no_git(exc) from exc
        with child:
            try:
                out, err = child.communicate(stdin)
            except KeyboardInterrupt:
                _stop(child)
                raise
    except KeyboardInterrupt:  # held while git started, and given once it had
        if child is not None and child.returncode is None:
            _stop(child)
        raise
    return subprocess.CompletedProcess(child.args, child.returncode, out or "", err or "")


def _stop(child: subprocess.Popen[str]) -> None:
    """git stopped as Ctrl-C stops it: it removes its lock files as it ends."""
    child.terminate()
    try:
        child.wait(timeout=_GIT_STOPS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held while git is started, then given to their own handlers.

    Blocking them for the whole start would not do: git would inherit the blocked
    mask and could not be stopped. They are blocked only while the handlers are
    swapped, so a signal landing mid-swap cannot leave one on the holding handler
    for good. A signal the caller ignores stays ignored, in git too. Off the main
    thread no handler of Python's runs there, so nothing is held.
    """
    held: list[int] = []
    previous: dict[signal.Signals, Any] = {}
    try:
        with _blocked():
            for each in (signal.SIGINT, signal.SIGTERM):
                if signal.getsignal(each) != signal.SIG_IGN:
                    previous[each] = signal.signal(each, lambda got, _: held.append(got))
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        with _blocked():
            for each, handler in previous.items():
                signal.signal(each, handler if handler is not None else signal.SIG_DFL)
        for got in held:
            signal.raise_signal(got)


@contextmanager
def _blocked() -> Iterator[None]:
    """SIGINT and SIGTERM blocked, where the platform can block them (POSIX)."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    before = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


_GIT_STOPS = 10.0  # seconds git is given to remove its lock files before it is killed


def _no_git(exc: OSError) -> DeployError:
    """git missing from PATH, or there but not runnable (no execute bit, wrong format)."""
    if isinstance(exc, FileNotFoundError):
        return DeployError("deploy needs git, and git is not installed")
    return DeployError(f"deploy could not run git: {exc.strerror or exc}")


def _gits_words(output: str) -> str:
    """The lines of git's output that say what went wrong, joined on one line.

    git ends many errors with advice ("Please make sure you have the correct
    access rights"); its `fatal:`, `error:` and `remote:` lines and a push's
    `[rejected]` line say what happened, so the output is cut after the last of
    them. Lines before them stay: a failing hook's own words come first. The
    remote's lines are kept up to its own `remote: error:` line, not the advice
    after it; git's "hook declined" line is not the remote's reason but git's
    (the push's verdict says it too), so a hook's words before it are kept.
    """
    lines = [
        line.strip()
        for line in output.splitlines()
        if line.strip() and not line.startswith("hint:") and not _GITS_TO.match(line)
    ]
    lines = [line for line in lines if not _HOOK_DECLINED.match(line)] or lines
    # The remote's own error, when it gives one, says it; its lines after it are advice.
    remote_error = next((at for at, ln in enumerate(lines) if ln.startswith("remote: error:")), -1)
    if remote_error >= 0:
        lines = [
            line
            for at, line in enumerate(lines)
            if at <= remote_error or not line.startswith("remote:")
        ]
    said = [
        at
        for at, line in enumerate(lines)
        if line.startswith(("fatal:", "error:", "remote:")) or "rejected]" in line
    ]
    kept = lines[: said[-1] + 1] if said else lines
    # The remote's last words (up to its error) and git's last about the push.
    remote = [line for line in kept if line.startswith("remote:")][-3:]
    others = [line for line in kept if not line.startswith("remote:")]
    return " / ".join(remote + others[-(2 if remote else 3) :])


# The line git prints before a push's ref updates, naming where it pushed to.
_GITS_TO = re.compile(r"To \S+$")
# The line git's receive-pack adds when an `update` or `pre-receive` hook refused.
_HOOK_DECLINED = re.compile(r"remote: error: hook declined to update ")


# git's words when a lock file it needs is already there (`lockfile.c`).
_LOCKED = re.compile(r"Unable to create '(?P<path>[^']+\.lock)': File exists")


def _stale_lock(path: Path) -> DeployError:
    """A lock file left in the way; only the user can know no git command holds it.

    git writes no owner into a lock file and never removes one it did not make
    itself, and neither does deploy: a `git fetch` or `gc` in another terminal
    holds its lock for as long as it runs, and removing that would let two
    writers move the same ref.
    """
    return DeployError(
        f"{path}: a previous deploy or git command was interrupted and left this lock file; "
        "remove it if no git command is running in this repository"
    )


def deploy(options: DeployOptions) -> Deployed:
    """Check git first, then build, commit and push; nothing is pushed on an error."""
    site = options.build.site
    git = Git(site)
    _check_repository(git, site)
    _check_remote(git, options.remote)
    _check_base_url(git, options)
    ref = f"refs/heads/{options.branch}"
    _check_branch_name(git, options.branch, ref)
    if git.run("symbolic-ref", "-q", "HEAD", check=False) == ref:
        raise DeployError(f"you are on {options.branch}: switch to your source branch to deploy it")
    _check_not_checked_out(git, options.branch, ref)
    _check_unlocked(git, ref)
    remote_tip = _remote_tip(git, options.remote, options.branch)
    local_tip = git.run("rev-parse", "-q", "--verify", ref, check=False)
    _check_not_sources(git, options, remote_tip)
    _check_local_commits(git, options, remote_tip, local_tip)
    # On top of the remote's history; with none there, of the local branch's (a
    # deploy whose push failed, or a branch not pushed yet), which the push then sends.
    parent = remote_tip or local_tip
    built = build(options.build)
    tree = write_tree(git, options.build.output)
    if parent and git.run("rev-parse", f"{parent}^{{tree}}") == tree:
        commit = parent
    else:
        commit = _commit(git, tree, parent, _message(git, options.message))
    git.run("update-ref", "-m", "briefing-site deploy", ref, commit)
    if commit == remote_tip:
        return Deployed(commit, pushed=False, built=built)
    _push(git, options.remote, ref)
    return Deployed(commit, pushed=True, built=built)


def _check_not_checked_out(git: Git, branch: str, ref: str) -> None:
    """Refuse a branch checked out in another worktree (`git worktree add ../pages gh-pages`):
    moving it under that worktree would leave its files showing the last build undone,
    ready to be committed back. git's own commands refuse it for the same reason."""
    listed = git.run("worktree", "list", "--porcelain", check=False)
    for block in listed.split("\n\n"):
        fields = dict(line.partition(" ")[::2] for line in block.splitlines())
        if fields.get("branch") == ref:
            raise DeployError(
                f"{branch} is checked out in {fields.get('worktree', 'another worktree')}: "
                f"deploying would move it under that worktree's files; remove it "
                f"(git worktree remove) or switch it to another branch"
            )


def _check_branch_name(git: Git, branch: str, ref: str) -> None:
    """A name git accepts for a branch: `git branch` refuses `HEAD`, `@`, a leading
    dash, and `refs/...` would make `refs/heads/refs/...`, which no one means."""
    odd = branch in ("HEAD", "@") or branch.startswith(("-", "refs/"))
    if odd or not git.ok("check-ref-format", ref):
        raise UsageError(f"--branch: {branch!r} is not a valid branch name")


# The first line deploy writes, or the line it adds under a message of the user's.
_DEPLOYS_OWN = re.compile(
    r"\A(Deploy [^\n]* with briefing-site \S+$|(?s:.*)^Source commit: )", re.M
)


def _check_local_commits(git: Git, options: DeployOptions, remote_tip: str, local: str) -> None:
    """Refuse to drop commits of the local branch the remote does not have.

    The new commit goes on top of the remote's branch and the local branch is moved
    to it, so local commits not in the remote's history would leave the branch.
    Those deploy made itself (a push that failed) are superseded by the new build;
    anyone else's (a page committed by hand, not pushed yet) are kept by refusing.
    Only commits above the newest deploy-made one count: what lies below it was
    that deploy's base, the remote's branch then (a CI job's commit, GitHub's
    "Create CNAME"), so it was published, even if the remote has since rewritten
    its branch (a force-pushed orphan) or it came from another remote.
    """
    if not (remote_tip and local) or git.ok("merge-base", "--is-ancestor", local, remote_tip):
        return
    # So the tip decides: someone's commit not pushed yet, or deploy's own.
    if not _DEPLOYS_OWN.search(git.run("log", "-1", "--format=%B", local)):
        raise DeployError(
            f"branch {options.branch} has commits {options.remote} does not (commit "
            f"{local[:12]}): deploying would drop them from the branch. Push them "
            f"(git push {options.remote} {options.branch}) or, if they are not wanted, "
            f"delete the local branch (git branch -D {options.branch})"
        )


def _check_repository(git: Git, site: Path) -> None:
    if not site.is_dir():
        raise DeployError(f"{site}: no such site folder")
    if not git.ok("rev-parse", "--git-dir"):
        raise DeployError(
            f"{site}: not inside a git repository; deploy publishes a site from its git clone"
        )


def _check_remote(git: Git, remote: str) -> None:
    if not git.ok("remote", "get-url", remote):
        raise DeployError(
            f"no git remote named '{remote}': add one with `git remote add {remote} URL`, "
            "or name another with --remote"
        )


# A GitHub remote in its https, scp-like and ssh forms: owner and repository.
_GITHUB = re.compile(
    r"^(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<owner>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/?$"
)


def _check_base_url(git: Git, options: DeployOptions) -> None:
    """Refuse a GitHub project site built for `/`: Pages serves it under /REPO/, so
    every link and stylesheet would miss. `-b`, `base_url` or `cname` says otherwise."""
    if options.build.base_url:
        return
    config = read_config(options.build.site)
    found = _GITHUB.match(git.run("remote", "get-url", options.remote))
    if config.base_url != "/" or config.cname or found is None:
        return
    owner, repo = found["owner"], found["repo"]
    if repo.lower() == f"{owner.lower()}.github.io":  # a user site: served from the root
        return
    pages = f"https://{owner.lower()}.github.io/{repo}/"
    raise DeployError(
        f"deploy: GitHub Pages serves {owner}/{repo} at {pages}, but the site is built for /: "
        f"pass -b {pages} or set base_url in briefing.yaml (cname for a custom domain)"
    )


def _check_unlocked(git: Git, ref: str) -> None:
    """Refuse before building when the branch's lock file is there (a killed `update-ref`).

    Any other lock git trips over mid-way is reported the same way by `Git.run`.
    """
    lock = git.cwd / git.run("rev-parse", "--git-path", f"{ref}.lock")
    if lock.exists():
        raise _stale_lock(lock)


def _check_not_sources(git: Git, options: DeployOptions, tip: str) -> None:
    """Refuse a branch that holds the site's sources (`--branch main` typed from a feature
    branch): its whole tree would become the build, so the sources would vanish from it.

    The branch holds them when its tip is a commit of the current history, or
    when its tree has this site's `content/` folder (a build never has one).
    """
    local = git.run("rev-parse", "-q", "--verify", f"refs/heads/{options.branch}", check=False)
    prefix = git.run("rev-parse", "--show-prefix")
    for commit in dict.fromkeys(filter(None, (tip, local))):
        in_history = git.ok("merge-base", "--is-ancestor", commit, "HEAD")
        if in_history or git.ok("cat-file", "-e", f"{commit}:{prefix}content"):
            raise DeployError(
                f"branch {options.branch} holds this site's sources "
                f"(commit {commit[:12]}): deploying would replace them with the build. "
                "Deploy to a branch of its own, e.g. --branch gh-pages (a branch made "
                "from your sources must be deleted first)"
            )


def _remote_tip(git: Git, remote: str, branch: str) -> str:
    """The branch's commit on the remote (fetched), so the new commit follows it; ''
    when the remote has no such branch."""
    listed = git.run("ls-remote", "--heads", remote, f"refs/heads/{branch}")
    if not listed:
        return ""
    git.run("fetch", "-q", "--no-tags", remote, f"refs/heads/{branch}")
    return listed.split()[0]


def write_tree(git: Git, folder: Path) -> str:
    """A tree object of every file under `folder`, written through a temporary index.

    The paths git hashes are absolute: `--stdin-paths` reads them from the
    repository's top folder, not from the site's folder or the shell's."""
    folder = folder.absolute()
    files = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() != MARKER
    )
    if not files:
        raise DeployError(f"{folder}: the build is empty, nothing to deploy")
    blobs = git.run(
        "hash-object", "-w", "--no-filters", "--stdin-paths",
        stdin="".join(f"{folder / name}\n" for name in files),
    ).split()  # fmt: skip
    entries = "".join(f"100644 {blob}\t{name}\n" for blob, name in zip(blobs, files, strict=True))
    with tempfile.TemporaryDirectory(prefix="briefing-deploy-") as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        indexed = Git(git.cwd, env)
        indexed.run("update-index", "--add", "--index-info", stdin=entries)
        return indexed.run("write-tree")


def _message(git: Git, message: str | None) -> str:
    """Names the source commit, whatever message the user chose."""
    source = git.run("rev-parse", "-q", "--verify", "HEAD", check=False) or "(no commit yet)"
    # The build is of the working tree: say so when its inputs are not the commit named.
    inputs = (CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE)
    if git.run("status", "--porcelain", "--untracked-files=all", "--", *inputs, check=False):
        source += " with uncommitted changes"
    if message:
        return f"{message}\n\nSource commit: {source}"
    return f"Deploy {source} with briefing-site {__version__}"


def _commit(git: Git, tree: str, parent: str, message: str) -> str:
    args: Sequence[str] = ["commit-tree", tree, *(["-p", parent] if parent else []), "-F", "-"]
    return git.run(*args, stdin=message + "\n")


def _push(git: Git, remote: str, ref: str) -> None:
    try:
        git.run("push", "--porcelain", remote, f"{ref}:{ref}")
    except DeployError as exc:
        raise DeployError(
            f"push to {remote} was rejected or failed; {ref} holds the new commit locally. {exc}"
        ) from exc
