"""`briefing-site serve` over real HTTP on 127.0.0.1: pages, prefixes, watching, safety."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import SEED_TXT, SEED_YAML, Run, write_site
from liveserver import NOW, article, get, now, port_of, raw, serving, wait_until

from briefing_site.build.options import BuildOptions
from briefing_site.dev.serve import SCRIPT_URL, ServeOptions, start

SECRET = "TOP-SECRET-6c1f"
SLUG = "ishiba-trump-summit"


def _make(root: Path) -> Path:
    site = write_site(
        root / "site",
        {
            f"content/{SLUG}.txt": SEED_TXT.read_bytes(),
            f"content/{SLUG}.yaml": SEED_YAML.read_bytes(),
            "content/alpha.md": article("Alpha talks"),
        },
    )
    (root / "secret.txt").write_text(SECRET)
    return site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return _make(tmp_path)


@pytest.fixture(scope="module")
def shared_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """One server for the tests that only send requests and change nothing."""
    with serving(_make(tmp_path_factory.mktemp("shared"))) as running:
        yield port_of(running)


def _strip_script(page: bytes) -> bytes:
    start = page.index(b'<script src="' + SCRIPT_URL.encode())
    end = page.index(b"</script>\n", start) + len(b"</script>\n")
    return page[:start] + page[end:]


def test_serves_what_build_writes_plus_the_reload_script(
    site: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    assert cli("build", "-s", str(site), "-o", str(tmp_path / "out"), "--now", NOW).code == 0
    with serving(site) as running:
        port = port_of(running)
        for target, name in [("/", "index.html"), (f"/briefings/{SLUG}/", f"briefings/{SLUG}")]:
            status, body, headers = get(port, target)
            assert status == 200
            assert headers["content-type"] == "text/html; charset=utf-8"
            built = tmp_path / "out" / name
            built = built if built.suffix == ".html" else built / "index.html"
            assert _strip_script(body) == built.read_bytes()
        status, body, headers = get(port, "/assets/style.css")
        assert status == 200 and headers["content-type"].startswith("text/css")
        assert body == (tmp_path / "out/assets/style.css").read_bytes()
    assert not (site / "build").exists()
    assert b"__briefing-site__" not in (tmp_path / "out/index.html").read_bytes()


def test_assets_revalidate_cheaply_and_pages_are_never_kept(site: Path) -> None:
    """A reload re-fetches the page, but an unchanged stylesheet costs only a 304."""
    with serving(site) as running:
        port = port_of(running)
        status, page, headers = get(port, "/")
        assert status == 200 and headers["cache-control"] == "no-store"
        status, _, headers = get(port, "/assets/style.css")
        tag = headers["etag"]
        assert status == 200 and headers["cache-control"] == "no-cache"
        status, body, _ = get(port, "/assets/style.css", extra=f"If-None-Match: {tag}\r\n")
        assert (status, body) == (304, b"")
        script = page.split(SCRIPT_URL.encode(), 1)[1].split(b'"', 1)[0].decode()
        assert script.startswith("?v=")  # the reload script's URL changes with each server
        status, _, headers = get(port, SCRIPT_URL + script)
        assert status == 200 and "immutable" in headers["cache-control"]
        (site / "templates/static").mkdir(parents=True)
        (site / "templates/static/style.css").write_text("body { color: #123456; }\n")

        def changed() -> bool:
            return get(port, "/assets/style.css", extra=f"If-None-Match: {tag}\r\n")[0] == 200

        wait_until(changed)
        assert get(port, "/assets/style.css")[1] == b"body { color: #123456; }\n"


def test_base_url_serves_the_site_under_its_sub_path(site: Path) -> None:
    with serving(site, base_url="https://user.github.io/repo/") as running:
        port = port_of(running)
        status, body, _ = get(port, "/repo/")
        assert status == 200 and b'href="/repo/assets/style.css"' in body
        assert get(port, "/repo/assets/style.css")[0] == 200
        status, _, headers = get(port, "/")
        assert (status, headers["location"]) == (301, "/repo/")
        status, _, headers = get(port, f"/repo/briefings/{SLUG}")
        assert (status, headers["location"]) == (301, f"/repo/briefings/{SLUG}/")
        assert get(port, f"/briefings/{SLUG}/")[0] == 404
        assert get(port, "/repo/briefings/nothing-here/")[0] == 404


def test_a_missing_page_gets_the_sites_404_page(site: Path) -> None:
    with serving(site) as running:
        status, body, _ = get(port_of(running), "/no/such/page.html")
    assert status == 404
    assert b"Page not found" in body and SCRIPT_URL.encode() in body


def test_no_directory_listings(site: Path) -> None:
    with serving(site) as running:
        not_found = get(port_of(running), "/404.html")[1]
        for target in ("/tags/", "/assets/", "/content/"):
            status, body, _ = get(port_of(running), target)
            assert (status, body) == (404, not_found), target  # the site's 404, not a listing


@pytest.mark.parametrize(
    "target",
    [
        "/../secret.txt",
        "/../../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/./../secret.txt",
        "//../secret.txt",
        "/briefings/%2e%2e/%2e%2e/secret.txt",
    ],
)
def test_refuses_path_traversal_in_every_encoding(shared_port: int, target: str) -> None:
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{shared_port}\r\n\r\n".encode()
    status, body = raw(shared_port, request)
    assert status in (400, 403, 404)
    assert SECRET.encode() not in body


@pytest.mark.parametrize(
    "target", ["/%00", "/index.html%00.txt", "/%00/../secret.txt", "/%0d%0aSet-Cookie:%20x=1"]
)
def test_refuses_nul_and_control_characters(shared_port: int, target: str) -> None:
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{shared_port}\r\n\r\n".encode()
    status, body = raw(shared_port, request)
    assert status == 400
    assert SECRET.encode() not in body


def test_dotfiles_are_never_served(site: Path) -> None:
    (site / "templates/static/.hidden").parent.mkdir(parents=True)
    (site / "templates/static/.hidden").write_text(SECRET)
    (site / "templates/static/.git").mkdir()
    (site / "templates/static/.git/config").write_text(SECRET)
    with serving(site) as running:
        port = port_of(running)
        for target in ("/assets/.hidden", "/assets/.git/config", "/.briefing-site", "/.env"):
            status, body, _ = get(port, target)
            assert status == 404, target
            assert SECRET.encode() not in body


def test_a_symlink_out_of_the_site_is_refused_not_served(site: Path) -> None:
    static = site / "templates/static"
    static.mkdir(parents=True)
    (static / "leak.txt").symlink_to(site.parent / "secret.txt")
    with serving(site) as running:
        port = port_of(running)
        status, body, _ = get(port, "/assets/leak.txt")
        assert status in (404, 503)
        assert SECRET.encode() not in body
        problems = running.server.live.problems
    assert problems == (
        "templates/static/leak.txt: symlink leads out of templates/: the build reads only the site",
    )


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("evil.example", 403),
        ("evil.example:{port}", 403),
        ("127.0.0.1.evil.example:{port}", 403),
        ("127.0.0.1:1", 403),
        ("localhost:{port}", 200),
        ("127.0.0.1:{port}", 200),
        ("LOCALHOST:{port}", 200),
    ],
)
def test_answers_only_to_its_own_host_name(shared_port: int, host: str, status: int) -> None:
    request = f"GET / HTTP/1.1\r\nHost: {host.format(port=shared_port)}\r\n\r\n".encode()
    got, body = raw(shared_port, request)
    assert got == status
    if status != 200:
        assert b"Briefing" not in body


def test_missing_host_header_is_a_bad_request(shared_port: int) -> None:
    assert raw(shared_port, b"GET / HTTP/1.1\r\n\r\n")[0] == 400


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n", 431),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)) + b"\r\n\r\n", 400),
        (b"GET\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 501),
    ],
)
def test_malformed_requests_are_refused_and_the_server_keeps_going(
    shared_port: int, request_bytes: bytes, status: int
) -> None:
    assert raw(shared_port, request_bytes)[0] == status
    assert get(shared_port, "/")[0] == 200


def test_a_request_during_a_rebuild_waits_for_it(site: Path) -> None:
    with serving(site) as running:
        port, live = port_of(running), running.server.live
        live.begin()  # as the rebuild loop does when a change arrives
        answers: list[int] = []
        request = threading.Thread(target=lambda: answers.append(get(port, "/")[0]))
        request.start()
        request.join(timeout=0.5)
        assert request.is_alive() and answers == []
        assert live.snapshot is not None
        live.show(live.snapshot)
        request.join(timeout=10)
        assert answers == [200]


def test_edits_added_articles_config_and_templates_show_up(site: Path) -> None:
    with serving(site) as running:
        port = port_of(running)
        (site / "content/alpha.md").write_text(article("Alpha talks resume"))
        wait_until(lambda: b"Alpha talks resume" in get(port, "/briefings/alpha/")[1])
        (site / "content/beta.md").write_text(article("Beta summit"))
        wait_until(lambda: b"Beta summit" in get(port, "/")[1])
        (site / "briefing.yaml").write_text("title: Desk Notes\n")
        wait_until(lambda: b"Desk Notes" in get(port, "/briefings/beta/")[1])
        (site / "templates").mkdir()
        (site / "templates/_card.html").write_text(
            '<p class="custom-card">{{ other.meta.title }}</p>\n'
        )
        wait_until(lambda: b'<p class="custom-card">Beta summit</p>' in get(port, "/")[1])
        (site / "content/beta.md").unlink()
        wait_until(lambda: get(port, "/briefings/beta/")[0] == 404)
        assert b"Beta summit" not in get(port, "/")[1]


def test_a_broken_file_keeps_the_last_good_build_until_fixed(site: Path) -> None:
    with serving(site) as running:
        port, live = port_of(running), running.server.live
        sidecar = site / f"content/{SLUG}.yaml"
        good = sidecar.read_text()
        sidecar.write_text(good + "venue: somewhere\n")
        wait_until(lambda: bool(live.problems))
        assert live.problems[0].startswith(f"content/{SLUG}.yaml:")
        assert "unknown key 'venue'" in live.problems[0]
        status, body, _ = get(port, f"/briefings/{SLUG}/")
        assert status == 200 and b"Ishiba" in body
        sidecar.write_text(good.replace('title: "', 'title: "Fixed ', 1))
        wait_until(lambda: not live.problems)
        assert b"Fixed " in get(port, f"/briefings/{SLUG}/")[1]


def _serve_process(site: Path, *args: str, **env: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing_site", "serve", "-s", str(site), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
        start_new_session=True,  # its own process group, as in a terminal (see `killpg`)
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("serving http://"), line + process.stderr.read()
    return process, line.split()[1]


def _listening(port: int) -> list[str]:
    """Local addresses of LISTEN sockets on `port`, from the kernel's own tables."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def test_listens_on_127_0_0_1_only_by_default(site: Path) -> None:
    process, url = _serve_process(site)
    try:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.2", port), timeout=5).close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


def _held_indexer(folder: Path) -> tuple[Path, Path]:
    """Pagefind behind a stand-in that says it started (a file), then waits 30 s before
    indexing: a stop then always finds an indexer at work. (Its own one process, so
    the kill a stop sends leaves nothing behind.)"""
    from briefing_site.build.search import find_indexer

    started, stand_in = folder / "indexer-started", folder / "pagefind"
    stand_in.write_text(
        f"#!{sys.executable}\n"
        "import os, sys, time\n"
        f"open({str(started)!r} + '.tmp', 'w').write(str(os.getpid()))\n"
        f"os.rename({str(started)!r} + '.tmp', {str(started)!r})\n"  # whole when seen
        "time.sleep(30)\n"
        f"os.execv({str(find_indexer())!r}, [{str(find_indexer())!r}, *sys.argv[1:]])\n"
    )
    stand_in.chmod(0o755)
    return stand_in, started


@pytest.mark.parametrize(
    ("signum", "group"),
    [(signal.SIGINT, True), (signal.SIGTERM, True), (signal.SIGTERM, False)],
    ids=["Ctrl-C", "SIGTERM", "SIGTERM-to-serve-alone"],
)
def test_ctrl_c_exits_cleanly_even_with_a_reader_connected(
    site: Path, tmp_path: Path, signum: int, group: bool
) -> None:
    """Stopped with a browser's event stream open, the first build reported and the search
    indexer at work (each waited for, not left to timing): exit 0, "stopped", and nothing
    on stderr (an indexer the stop itself killed is no problem to report)."""
    stand_in, started = _held_indexer(tmp_path)
    process, url = _serve_process(site, PAGEFIND_BINARY_PATH=str(stand_in))
    port = int(url.rsplit(":", 1)[1].strip("/"))
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as stream:
            stream.sendall(
                f"GET /__briefing-site__/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
            )
            seen = b""
            while b"event: state" not in seen:
                seen += stream.recv(65536)
            assert process.stdout is not None
            assert process.stdout.readline().startswith("built 2 briefings")
            wait_until(started.exists)
            # A terminal's Ctrl-C (and a service manager's stop) signals the whole
            # process group, the indexer included; `kill PID` (or a container's
            # stop) signals serve alone, which must then stop the indexer itself.
            if group:
                os.killpg(process.pid, signum)
            else:
                process.send_signal(signum)
            out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "Traceback" not in err and err == ""
    assert out.splitlines() == ["stopped"]
    wait_until(lambda: not _alive(int(started.read_text())))  # the indexer went with it


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting for its reaper does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_port_in_use_is_a_clear_usage_error(site: Path, cli: Callable[..., Run]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "-s", str(site), "--port", str(port))
    assert result.code == 2
    assert f"port {port} on 127.0.0.1 is in use" in result.err
    assert "--port 0" in result.err


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(
    site: Path, cli: Callable[..., Run], port: str
) -> None:
    result = cli("serve", "-s", str(site), "--port", port)
    assert result.code == 2 and "Traceback" not in result.err
    said = f"argument --port: {port} is not a port: use 1 to 65535, or 0 for any free one"
    assert said in result.err, result.err


def test_open_starts_the_browser_on_the_preview(site: Path, tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > "{opened}"\n')
    browser.chmod(0o755)
    process, url = _serve_process(site, "--open", "-b", "/repo/", BROWSER=str(browser))
    try:
        wait_until(lambda: opened.exists() and opened.read_text() != "")
        assert opened.read_text() == url
        assert url.endswith("/repo/")
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


def test_the_terminal_names_files_no_build_reads_and_topics_without_cue_words(
    site: Path,
) -> None:
    """Why an article or a section is not on the page: a `Summit.MD` no build reads, a
    topic with no cue words. Said when it appears, not again on every rebuild."""
    (site / "content/Summit.MD").write_text(article("Summit"))
    out, err = io.StringIO(), io.StringIO()
    running = start(ServeOptions(BuildOptions(site=site, now=now()), port=0), out, err)
    try:
        running.server.live.ready()
        stray = "content/Summit.MD: warning: not read: name a Markdown article Summit.md"
        assert stray in err.getvalue()
        (site / "briefing.yaml").write_text("topics:\n  outlook: {}\n  energy: {title: Energy}\n")
        wait_until(lambda: "briefing.yaml:3: warning: topic 'energy' has no cue" in err.getvalue())
        (site / "content/alpha.md").write_text(article("Alpha talks resume"))
        wait_until(lambda: b"Alpha talks resume" in get(port_of(running), "/briefings/alpha/")[1])
        assert err.getvalue().count(stray) == 1 and err.getvalue().count("has no cue") == 1
        (site / "content/Summit.MD").rename(site / "content/summit.md")
        wait_until(lambda: get(port_of(running), "/briefings/summit/")[0] == 200)
        assert err.getvalue().count(stray) == 1
    finally:
        running.stop()


def test_a_drafts_preview_says_its_search_finds_drafts(site: Path) -> None:
    process, _url = _serve_process(site, "--drafts")
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "--drafts" in line and "search finds them" in line
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


def test_the_terminal_says_drafts_and_scheduled_articles_are_left_out(site: Path) -> None:
    """`new` writes a draft: serve without --drafts must say why it is not on the page."""
    (site / "content/draft.md").write_text("---\ntitle: D\ndraft: true\n---\nText.\n")
    for drafts, expected in (
        (False, " (1 draft or scheduled left out: --drafts shows it)"),
        (True, ""),
    ):
        out = io.StringIO()
        options = ServeOptions(BuildOptions(site=site, now=now(), drafts=drafts), port=0)
        running = start(options, out, io.StringIO())
        try:
            running.server.live.ready()
        finally:
            running.stop()
        (first,) = [line for line in out.getvalue().splitlines() if line.startswith("built")]
        count = 3 if drafts else 2
        assert first.startswith(f"built {count} briefings in ")
        assert first.endswith(" ms" + expected)
