"""The browser the tests, the benchmark and the screenshots drive is set up in one place."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO


def python_files() -> list[str]:
    found = []
    for folder in ("src", "tests", "bench", "scripts"):
        found += [p for p in (REPO / folder).rglob("*.py") if "__pycache__" not in p.parts]
    return [p.relative_to(REPO).as_posix() for p in found if p.name != Path(__file__).name]


def files_saying(needle: str) -> list[str]:
    return sorted(
        name for name in python_files() if needle in (REPO / name).read_text(encoding="utf-8")
    )


def test_chromium_flags_are_written_once() -> None:
    for flag in ("--no-sandbox", "--headless", "--disable-background-networking"):
        assert files_saying(flag) == ["scripts/chromium.py"], flag


def test_every_chromium_launch_goes_through_the_one_launcher() -> None:
    assert files_saying("chromium.launch(") == ["scripts/chromium.py"]
    users = [
        name
        for name in files_saying("launch_chromium(playwright)")
        if name != "scripts/chromium.py"
    ]
    assert users == ["bench/edit_to_browser.py", "scripts/screenshots.py", "tests/conftest.py"]
