"""`Spare.check` run beside the build, in a child process, while the articles load.

A rebuild trusts the previous output only once every file of it is found as
its manifest recorded (`writer.Spare.check`): at 10,000 briefings, ~40,000
stats and ~0.2 s, before anything else could use a second CPU. The build
needs the answer only when it first writes a page, after the articles are
loaded, so the check runs in a forked child meanwhile and hands back two
flags (the output as recorded, the spare as recorded) and the hash of the
spare manifest it read. A thread would not do: each stat gives up the
interpreter lock, and getting it back from a busy loader takes milliseconds.

Where there is no `fork` (or other threads run, which a fork would not
copy), the check runs here at once, as before. Where the child fails for any
reason, it runs here when the answer is asked for. A check that runs while
the build links unchanged pages from the output into its staging folder
counts only older links as the spare's (`linked_before`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from pathlib import Path

from briefing_site.build.writer import Manifest, Spare

# Fewer files than this are checked here: a fork costs about what ~1,000 stats do.
FORK_AT = 2_000
_FLAGS = 2  # output as recorded, spare as recorded
_HASH = 32  # sha256 of the spare manifest the child checked
# A link's change time comes from the kernel's coarse clock, a tick behind ours.
CLOCK_SLACK_NS = 100_000_000


class SpareCheck:
    """`Spare.check(manifest, out, read)`, started now, its `Spare` given by `result`."""

    def __init__(self, manifest: Path, out: Path, read: Manifest) -> None:
        self.manifest, self.out, self.read = manifest, out, read
        self._child: tuple[int, int] | None = None  # (pid, the pipe's end to read)
        self._done: Spare | None = None
        self._lock = threading.Lock()  # the search thread and the writer may both ask
        # Pages linked from `out` into the staging folder from now on must not count
        # as linked with the spare, wherever and whenever the check runs.
        self.linked_before = time.time_ns() - CLOCK_SLACK_NS
        if len(read.files) >= FORK_AT and _can_fork():  # (a first build has none to check)
            self._child = _start(manifest, out, read, self.linked_before)
        if self._child is None:  # checked here and now, at the build's start, as before
            self._done = Spare.check(manifest, out, read)

    def result(self) -> Spare:
        """The check's answer (waiting for the child if it is still at work)."""
        with self._lock:
            if self._done is None:
                found = self._from_child() if self._child is not None else None
                self._done = found or Spare.check(
                    self.manifest, self.out, self.read, self.linked_before
                )
            return self._done

    def close(self) -> None:
        """Wait for the child if the answer was never asked for (the build failed)."""
        with self._lock:
            if self._child is not None:
                self._reap()

    def _from_child(self) -> Spare | None:
        reply = self._reap()
        if len(reply) != _FLAGS + _HASH:
            return None  # the child died or was stopped: check here
        spare = Spare(self.manifest, self.read, self.read.files if reply[0] else {})
        if reply[1]:
            entries = spare.recorded_entries(reply[_FLAGS:])
            if entries is None:
                return None  # the spare's manifest changed since: check again, here
            spare.entries = entries
        return spare

    def _reap(self) -> bytes:
        assert self._child is not None
        pid, readable = self._child
        self._child = None
        reply = b""
        try:
            while chunk := os.read(readable, 64):
                reply += chunk
        except OSError:
            reply = b""
        finally:
            os.close(readable)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        return reply


def _can_fork() -> bool:
    """A fork copies only the thread that makes it: with others running (`serve`,
    a test server, a C library's own) their locks could be copied held, so the check
    runs here."""
    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")  # the spare is swapped in on Linux only
        and threading.active_count() == 1
        and _native_threads() == 1
    )


def _native_threads() -> int:
    """The process's threads as the kernel counts them, a C library's too, which
    `threading` never sees; 1 where /proc cannot tell (the Python count then rules)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _start(manifest: Path, out: Path, read: Manifest, linked_before: int) -> tuple[int, int] | None:
    try:
        readable, writable = os.pipe()
    except OSError:
        return None
    # Ctrl-C between the fork and the child's `try` would unwind the child through
    # the build's own cleanup (its lock, its staging folder): held off until then.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(readable)
        os.close(writable)
        return None
    if pid == 0:  # the child: check, answer, and leave without running any cleanup
        code = 1
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            os.close(readable)
            spare = Spare.check(manifest, out, read, linked_before)
            flags = bytes([bool(spare.verified), bool(spare.entries)])
            os.write(writable, flags + spare.entries_digest)
            code = 0
        finally:
            os._exit(code)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    os.close(writable)
    return pid, readable
