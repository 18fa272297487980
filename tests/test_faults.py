"""Faults: kills, Ctrl-C, a full disk, a second build, dangerous output paths.

Real processes are killed with real signals and real write limits; after
each, build/ must be the previous build byte for byte (or the complete new
one), and the next build must clean up after the interrupted one.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import pytest
from conftest import held, run_cli, write_site
from filetree import tree

import briefing_site
from briefing_site.build.search import find_indexer
from briefing_site.output.theme import theme_dir

NOW = "2025-02-05T10:00:00-05:00"
LATER = "2025-02-06T10:00:00-05:00"
PARAGRAPH = (
    "Tokyo pledged new investment in American factories and energy, and officials said the "
    "alliance would deepen defense cooperation across the region this year."
)


def big_site(root: Path, count: int = 150) -> Path:
    """Enough articles that writing the output takes a measurable moment."""
    files: dict[str, str | bytes] = {}
    for n in range(count):
        body = "\n\n".join(f"{PARAGRAPH} ({n}.{p})" for p in range(12))
        files[f"content/article-{n:03}.md"] = (
            f"---\ntitle: Briefing {n}\nevent:\n  start: 2025-03-{1 + n % 28:02}\n"
            f"  timezone: Asia/Tokyo\n---\n{body}\n"
        )
    return write_site(root, files)


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".build.") and p.is_dir())


def start_build(site: Path, now: str, **kwargs: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "--now", now],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        **kwargs,  # type: ignore[call-overload]
    )


def signal_mid_write(site: Path, signum: int) -> tuple[int, bytes] | None:
    """Start a build and send `signum` once its staging folder has files in it."""
    process = start_build(site, LATER)
    while process.poll() is None:
        for staging in site.glob(".build.new-*"):
            if any(staging.glob("briefings/*")):
                process.send_signal(signum)
                _, err = process.communicate()
                return process.returncode, err
        time.sleep(0.0005)
    process.communicate()
    return None  # finished before we caught it writing


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "Ctrl-C"])
def test_build_killed_mid_write_leaves_the_previous_build_whole(
    tmp_path: Path, signum: int
) -> None:
    site = big_site(tmp_path / "site")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    for _ in range(5):
        killed = signal_mid_write(site, signum)
        if killed is not None:
            break
        assert run_cli("build", "-s", str(site), "--now", NOW).code == 0  # put the old one back
    assert killed is not None, "never caught the build while it was writing"
    fresh = tmp_path / "fresh"
    assert run_cli("build", "-s", str(site), "-o", str(fresh), "--now", LATER).code == 0
    after = tree(site / "build")
    # On a loaded machine the signal can land just after the swap: then build/
    # must be the complete new site. Either way, never a mixture.
    assert after in (before, tree(fresh))
    if signum == signal.SIGINT and after == before:  # cleaned up on the way out, and said so
        assert killed == (130, b"interrupted\n")
        assert leftovers(site) == []
    elif after == before:
        assert leftovers(site) != []  # the kill really landed mid-write
    assert run_cli("build", "-s", str(site), "--now", LATER).code == 0
    assert leftovers(site) == []
    assert tree(site / "build") == tree(fresh)


def _children(pid: int) -> list[int]:
    """The live processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z" and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _state(pid: int) -> str:
    """The process's state letter (R, S, T: stopped, Z: a zombie...); "" once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    return _state(pid) not in ("", "Z")


def _kill_build_and_its_workers_stay_gone(command: list[str], stopped_at_fork: bool) -> None:
    """Start `command` (a `-j 2` build), kill -9 it once both workers exist, and check
    that no worker outlives it for more than 10 s. With `stopped_at_fork`, the workers
    stop themselves at fork and go on only after their build is gone."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        while process.poll() is None and len(workers) < 2:
            workers = _children(process.pid)
            time.sleep(0.002)
        assert len(workers) == 2, "the build finished before its workers were seen"
        while stopped_at_fork and not all(_state(pid) == "T" for pid in workers):
            time.sleep(0.002)
        process.kill()
        process.wait()
        if stopped_at_fork:
            for pid in workers:  # they go on only now, their build gone
                os.kill(pid, signal.SIGCONT)
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if _alive(pid)] == []
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_killed_build_leaves_no_worker_process_behind(tmp_path: Path) -> None:
    site = big_site(tmp_path / "site", count=400)
    command = [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "-j", "2"]
    _kill_build_and_its_workers_stay_gone(command, stopped_at_fork=False)


# A build whose workers each stop themselves as they are forked, before they run any
# of their own code: what a busy machine does to them when it runs the build instead.
STOPPED_AT_FORK = """import os, signal, sys
os.register_at_fork(after_in_child=lambda: os.kill(os.getpid(), signal.SIGSTOP))
from briefing_site.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_before_its_workers_ran_leaves_none_behind(tmp_path: Path) -> None:
    site = big_site(tmp_path / "site", count=400)
    command = [sys.executable, "-c", STOPPED_AT_FORK, "build", "-s", str(site), "-j", "2"]
    _kill_build_and_its_workers_stay_gone(command, stopped_at_fork=True)


def test_swap_cut_between_renames_is_recovered_at_next_start(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    # What a kill between the two renames of a swap leaves behind:
    retired = site / ".build.old-x1"
    retired.mkdir()
    (site / "build").rename(retired / "site")
    (site / ".build.new-x2").mkdir()
    (site / ".build.new-x2/.briefing-site").write_text("")
    (site / "content/a.md").write_text("---\ntitle: A\ndate: soon\n---\nText.\n")
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1  # the content is wrong now, but the old build came back
    assert tree(site / "build") == before
    assert leftovers(site) == []


def test_full_disk_reports_and_keeps_the_previous_build(tmp_path: Path) -> None:
    site = big_site(tmp_path / "site", count=3)
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")

    def small_disk() -> None:  # every write past 2 KB fails, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    process = start_build(site, LATER, preexec_fn=small_disk)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode().strip() == (
        f"{site / 'build'}: cannot write the build: File too large; the previous build is unchanged"
    )
    assert tree(site / "build") == before
    assert leftovers(site) == []


def test_second_build_fails_fast_while_one_is_running(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0
    before = tree(site / "build")
    with held(site / "build"):
        result = run_cli("build", "-s", str(site), "--now", LATER)
        assert result.code == 1
        assert result.err == (
            f"{site / 'build'}: another briefing-site build is writing this folder; "
            "try again when it ends\n"
        )
        assert tree(site / "build") == before
    assert run_cli("build", "-s", str(site), "--now", LATER).code == 0


def refusal(out: Path) -> str:
    return f"{out}: refusing to use this folder for output: it holds the site or your files"


@pytest.mark.parametrize(
    "case", ["file", "symlink", "site root", "home", "root", "parent of content", "inside content"]
)
def test_dangerous_output_paths_are_refused_and_nothing_is_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = {
        "file": tmp_path / "a-file",
        "symlink": tmp_path / "link",
        "site root": site,
        "home": home,
        "root": Path("/"),
        "parent of content": tmp_path,
        "inside content": site / "content" / "out",
    }[case]
    if case == "file":
        target.write_text("precious")
    if case == "symlink":
        target.symlink_to(home / "notes")
    expected = {
        "file": f"{target}: output path exists and is not a folder",
        "symlink": f"{target}: output path exists and is not a folder",
        "inside content": f"{target}: refusing to write the output inside content/ or templates/",
    }.get(case, refusal(target))
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = run_cli("build", "-s", str(site), "-o", str(target), "--now", NOW)
    assert (result.code, result.err) == (1, expected + "\n")
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert case != "file" or target.read_text() == "precious"


def test_non_empty_folder_not_made_by_briefing_site_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})
    out = tmp_path / "photos"
    out.mkdir()
    (out / "cat.jpg").write_bytes(b"\xff\xd8")
    result = run_cli("build", "-s", str(site), "-o", str(out), "--now", NOW)
    assert result.code == 1
    assert result.err == (
        f"{out}: output folder is not empty and was not made by briefing-site; "
        "choose another with -o\n"
    )
    assert [p.name for p in out.iterdir()] == ["cat.jpg"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("build", "-s", str(site), "-o", str(empty), "--now", NOW).code == 0
    assert (empty / ".briefing-site").is_file() and (empty / "index.html").is_file()


@pytest.mark.parametrize("folder", ["content", "templates"])
def test_symlinks_out_of_the_site_are_refused(tmp_path: Path, folder: str) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\nPrivate key material.\n")
    site = write_site(tmp_path / "site", {"content/a.md": "---\ntitle: A\n---\nText.\n"})
    (site / folder).mkdir(exist_ok=True)
    (site / folder / "leak.md").symlink_to(secret)
    (site / folder / "outside").symlink_to(tmp_path)
    result = run_cli("build", "-s", str(site), "--now", NOW)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{folder}/leak.md: symlink leads out of {folder}/: the build reads only the site",
        f"{folder}/outside: symlink leads out of {folder}/: the build reads only the site",
    ]
    assert not (site / "build").exists()


def test_symlink_inside_content_is_fine(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/drafts/a.md": "---\ntitle: A\n---\nText.\n"})
    (site / "content/a.md").symlink_to(site / "content/drafts/a.md")
    (site / "content/drafts/a.md").rename(site / "content/drafts/.a.md")
    (site / "content/a.md").unlink()
    (site / "content/a.md").symlink_to(site / "content/drafts/.a.md")
    assert run_cli("build", "-s", str(site), "--now", NOW).code == 0


def test_two_builds_in_different_processes_are_byte_identical(tmp_path: Path) -> None:
    site = big_site(tmp_path / "site", count=4)
    outputs = []
    for seed, zone in (("1", "Asia/Tokyo"), ("2", "America/Los_Angeles")):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": "C"}
        subprocess.run(
            [sys.executable, "-m", "briefing_site", "build", "-s", str(site), "-o", str(out)],
            env={**env, "SOURCE_DATE_EPOCH": "1738767600"},
            check=True,
            capture_output=True,
        )
        outputs.append(tree(out))
    assert outputs[0] == outputs[1]


AUDIT = """
import json, sys
seen = []
WATCH = {"open", "socket.connect", "socket.bind", "socket.getaddrinfo", "subprocess.Popen",
         "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "urllib.Request"}
def hook(event, args):
    if event in WATCH and not (event == "open" and isinstance(args[0], int)):
        seen.append([event, str(args[0]) if args else ""])
sys.addaudithook(hook)
from briefing_site.cli import main
code = main(["build", "-s", sys.argv[1], "--now", sys.argv[2]])
print(json.dumps({"code": code, "seen": seen}))
"""


def _audited_build(site: Path) -> list[list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", AUDIT, str(site), NOW], capture_output=True, check=True, text=True
    )
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    seen: list[list[str]] = report["seen"]
    return seen


@pytest.mark.parametrize("search", [True, False])
def test_build_reads_only_the_site_and_starts_only_the_search_indexer(
    tmp_path: Path, search: bool
) -> None:
    """No connection, no read outside the site and the installed code; the one
    process is Pagefind's indexer, once, and none at all with `search: false`."""
    site = big_site(tmp_path / "site", count=2)
    (site / "templates/static").mkdir(parents=True)
    (site / "templates/static/extra.css").write_text("p{}")
    if not search:
        (site / "briefing.yaml").write_text("search: false\n")
    seen = _audited_build(site)
    allowed = {
        site.resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.base_prefix).resolve(),
        Path(briefing_site.__file__).resolve().parent,
        theme_dir().resolve(),
        *(Path(p).resolve() for p in zoneinfo.TZPATH),
    }
    indexer = ["subprocess.Popen", str(find_indexer())]
    started = [item for item in seen if item == indexer]
    assert len(started) == (1 if search else 0)
    outside = [
        (event, target)
        for event, target in seen
        if [event, target] != indexer
        and (event != "open" or not any(Path(target).resolve().is_relative_to(a) for a in allowed))
    ]
    assert outside == []
    opened = {Path(target).resolve() for event, target in seen if event == "open"}
    assert (site / "templates/static/extra.css").resolve() in opened  # the hook saw the reads
    assert (site / "build/pagefind/pagefind-entry.json").is_file() == search


def test_a_disk_full_while_workers_run_stops_them_and_leaves_no_staging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that finds no room while the workers still assemble: the build fails
    saying so, its workers stop with it (they must not write on into a staging
    folder being cleared), nothing is left beside the output, the old build stays."""
    import errno
    import multiprocessing
    from datetime import datetime

    from briefing_site.build import cache
    from briefing_site.build.options import BuildOptions
    from briefing_site.build.pipeline import build
    from briefing_site.errors import BriefingError

    site = big_site(tmp_path / "site", 300)
    assert run_cli("build", "-s", str(site), "--now", NOW, "--no-cache").code == 0
    before = tree(site / "build")
    calls = [0]
    real_adopt = cache.Store.adopt

    def adopt(self: cache.Store, key: bytes, where: object) -> None:
        calls[0] += 1
        if calls[0] == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_adopt(self, key, where)  # type: ignore[arg-type]

    monkeypatch.setattr(cache.Store, "adopt", adopt)
    options = BuildOptions(site=site, now=datetime.fromisoformat(LATER), jobs=2)
    with pytest.raises(BriefingError, match="No space left"):
        build(options)
    assert multiprocessing.active_children() == []
    assert leftovers(site) == []
    assert tree(site / "build") == before
