"""Shared fixtures: small sites in tmp_path, built through the real CLI."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_site.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED_TXT = REPO / "content" / "ishiba-trump-summit.txt"
SEED_YAML = REPO / "content" / "ishiba-trump-summit.yaml"


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create a site from {relative path: text or bytes}."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (root / "content").mkdir(exist_ok=True)
    return root


class Run:
    """The result of one CLI invocation."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run_cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli() -> Callable[..., Run]:
    return run_cli


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    def make(files: dict[str, str | bytes]) -> Path:
        return write_site(tmp_path / "site", files)

    return make
