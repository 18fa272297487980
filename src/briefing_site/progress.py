"""Progress on a terminal: a count of briefings on one line that rewrites itself.

A long build should show it is alive, but logs and pipes must stay clean, so
the CLI uses this only when the stream is a TTY and `-q` was not given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

ProgressFn = Callable[[int, int], None]
"""Called with (done, total) as briefings are assembled."""

INTERVAL = 0.1
"""Seconds between redraws: often enough to look alive, rare enough to cost nothing."""


class Progress:
    """Redraws 'N/TOTAL briefings' at most every INTERVAL seconds, and at the end."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < INTERVAL:
            return
        self._last = now
        self._shown = True
        self._stream.write(f"\r{self._label} {done}/{total} briefings\x1b[K")
        self._stream.flush()

    def clear(self) -> None:
        """Erase the line, so what is printed next starts clean."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def terminal_progress(stream: TextIO, label: str, quiet: bool) -> Progress | None:
    """A Progress on `stream` if it is a terminal and the user did not ask for quiet."""
    isatty = getattr(stream, "isatty", None)
    if quiet or isatty is None or not isatty():
        return None
    return Progress(stream, label)
