"""The command line: parse arguments, run a command, report.

`main` is the one place that turns errors into messages and exit status.
Heavy modules are imported inside the commands so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from briefing_site import __version__
from briefing_site.errors import BriefingError, Problem, UsageError
from briefing_site.progress import ProgressFn
from briefing_site.safetext import printable


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting, so main decides."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _jobs(text: str) -> int:
    """`-j`: a count of worker processes in plain digits, 0 for one per CPU. Python's
    `int` also takes `+2`, `1_0`, spaces and other scripts' digits: each is a typo
    or a guess here, and a negative count is a typo for a positive one."""
    if text.startswith("-") and text[1:].isascii() and text[1:].isdigit():
        raise argparse.ArgumentTypeError(f"{text}: give 1 or more processes, or 0 for one per CPU")
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return int(text)


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing-site",
        description="Build news briefings: topic sections, key facts and a live countdown.",
    )
    parser.add_argument("--version", action="version", version=f"briefing-site {__version__}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    build = commands.add_parser("build", help="build the site into build/")
    _site_options(build)
    build.add_argument("-o", "--out", type=Path, help="output folder (default: SITE/build)")
    build.add_argument(
        "--now", metavar="ISO8601", help="the build clock, e.g. 2025-02-05T10:00:00-05:00"
    )
    build.add_argument(
        "--drafts", action="store_true", help="include drafts and future-dated articles, marked"
    )
    _quiet_option(build)
    build.add_argument(
        "-j", "--jobs", type=_jobs, default=0, help="worker processes (default: one per CPU)"
    )
    build.add_argument(
        "--no-cache", action="store_true", help="ignore SITE/.briefing-cache/ and rewrite build/"
    )

    check = commands.add_parser("check", help="validate content and templates without writing")
    _site_options(check)
    check.add_argument("--now", metavar="ISO8601", help="the build clock")
    check.add_argument("--drafts", action="store_true", help="include drafts")
    _quiet_option(check)

    serve = commands.add_parser("serve", help="preview the site with live reload")
    _site_options(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=_port, default=8000, help="port (default: 8000; 0: any free port)"
    )
    serve.add_argument("--now", metavar="ISO8601", help="the build clock")
    serve.add_argument("--drafts", action="store_true", help="include drafts")
    serve.add_argument("--open", action="store_true", help="open the preview in a web browser")

    explain = commands.add_parser("explain", help="show each paragraph's topic and why")
    explain.add_argument("article", type=Path, help="content/<slug>.md or content/<slug>.txt")
    explain.add_argument(
        "-s", "--site", type=Path, help="site folder (default: found from ARTICLE)"
    )
    _deploy_parser(commands)
    _authoring_commands(commands)
    return parser


def _authoring_commands(commands: Any) -> None:
    new = commands.add_parser("new", help="start an article: content/<slug>.md, a draft")
    new.add_argument("title", help="the article's title (its file name comes from it)")
    new.add_argument("--event-start", metavar="ISO", help="e.g. 2025-02-07T11:55:00-05:00")
    new.add_argument(
        "--timezone",
        metavar="ZONE",
        help="the event's IANA zone (default: the zone of the --location place, if known; "
        "else the site's)",
    )
    new.add_argument("--location", metavar="TEXT", help="where the event takes place")
    new.add_argument("--slug", help="the article's file name (default: from the title)")
    new.add_argument("-s", "--site", type=Path, default=Path("."), help="site folder (default: .)")
    new.add_argument("--now", metavar="ISO8601", help="the build clock (sets today's date)")
    init = commands.add_parser("init", help="start a site in DIR that builds as it stands")
    init.add_argument("dir", type=Path, help="a new or empty folder")
    init.add_argument("--now", metavar="ISO8601", help="the build clock (dates the example)")
    imp = commands.add_parser(
        "import", help="turn a saved page, a URL or pasted copy into content/<slug>.txt + .yaml"
    )
    imp.add_argument("source", help="a .html page, an http(s) URL, a .txt file, or - for stdin")
    imp.add_argument("-s", "--site", type=Path, default=Path("."), help="site folder (default: .)")
    imp.add_argument("--slug", help="the article's file name (default: from the title)")
    imp.add_argument("--now", metavar="ISO8601", help="the clock (dates copy that has no date)")


def _port(text: str) -> int:
    """A TCP port, 0 to 65535, or a usage error that says so (argparse would name
    this function for a ValueError: `invalid _port value`)."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{text} is not a port: use 1 to 65535, or 0 for any free one"
        )
    return port


def _quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or summary; warnings still shown"
    )


def _deploy_parser(commands: Any) -> None:
    deploy = commands.add_parser("deploy", help="build and push the site to a gh-pages branch")
    _site_options(deploy)
    deploy.add_argument(
        "--remote", default="origin", help="git remote to push to (default: origin)"
    )
    deploy.add_argument(
        "--branch", default="gh-pages", help="branch to publish (default: gh-pages)"
    )
    deploy.add_argument("-m", "--message", help="commit message (the source commit is added)")
    deploy.add_argument("--now", metavar="ISO8601", help="the build clock")
    deploy.set_defaults(drafts=False)


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-s", "--site", type=Path, default=Path("."), help="site folder (default: .)"
    )
    parser.add_argument("-b", "--base-url", help="public URL, e.g. https://user.github.io/repo/")


def main(
    argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Run one command; return the exit status (0 ok, 1 content problem, 2 usage)."""
    try:
        args = make_parser().parse_args(argv)
        _check_site_folder(getattr(args, "site", None))
        _check_base_url(getattr(args, "base_url", None))
        return int(_COMMANDS[args.command](args, out, err))
    except BriefingError as exc:
        for line in exc.lines():
            print(printable(line), file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130
    except BrokenPipeError:  # `explain ... | head`: the reader took what it wanted and left
        _drop_closed_stream(out)
        return 1
    except RuntimeError as exc:  # Python < 3.13: Path.resolve() on a symlink loop
        loop = re.fullmatch(r"Symlink loop from '(.*)'", str(exc))
        if loop is None:
            raise
        print(
            printable(f"{loop.group(1)}: a symlink loop (too many levels of symbolic links)"),
            file=err,
        )
        return 1


def _drop_closed_stream(out: TextIO) -> None:
    """Point standard output at /dev/null once its reader has gone, so that writing
    what is left in its buffer at exit raises nothing more (Python's own advice)."""
    if out is not sys.stdout:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (a replaced stream): nothing to do
        pass


def _left_out(hidden: int) -> str:
    """' (N drafts or scheduled left out: ...)', or '': `new` writes drafts, and an
    editor who does not see one on the site needs to be told why."""
    if hidden <= 0:
        return ""
    if hidden == 1:
        return " (1 draft or scheduled left out: --drafts shows it)"
    return f" ({hidden} drafts or scheduled left out: --drafts shows them)"


def _check_site_folder(site: Path | None) -> None:
    """`-s wire.txt` (a file where the site's folder goes) is a slip, not a broken site:
    said as such before any command reads, locks or serves under it."""
    if site is not None and site.exists() and not site.is_dir():
        raise UsageError(f"-s {site}: a file; give the site's folder (the one with content/)")


def _check_base_url(base_url: str | None) -> None:
    """`-b` by the rule `base_url` in briefing.yaml follows, before anything is built.
    An empty `-b` (`-b "$BASE_URL"` with the variable unset) means briefing.yaml's."""
    if base_url:
        from briefing_site.config.schema import base_url_problem

        problem = base_url_problem(base_url)
        if problem:
            raise UsageError(f"-b: {problem}")


def _options(args: argparse.Namespace, progress: ProgressFn | None = None):  # type: ignore[no-untyped-def]
    from briefing_site.build.options import BuildOptions
    from briefing_site.clock import build_clock

    return BuildOptions(
        site=args.site,
        now=build_clock(args.now, os.environ),
        out=getattr(args, "out", None),
        base_url=args.base_url,
        drafts=args.drafts,
        progress=progress,
        jobs=max(0, getattr(args, "jobs", 0)),
        cache=not getattr(args, "no_cache", False),
    )


def _quoted(path: Path | str) -> str:
    """`path` as a command to paste must name it (spaces, quotes, a leading `-`)."""
    from briefing_site.safetext import shell_path

    return shell_path(path)


def _warn(warnings: Sequence[Problem], err: TextIO, site: Path) -> str:
    """Print each warning as `path:line: warning: message`; return ', N warnings' or ''.
    A command a warning names is made to run from here (`-s SITE`)."""
    from briefing_site.content.lint import for_site

    for problem in warnings:
        message = for_site(problem.message, str(site))
        print(printable(f"{problem.location}: warning: {message}"), file=err)
    count = len(warnings)
    return f", {count} warning{'s' if count != 1 else ''}" if count else ""


def _base_url_warning(args: argparse.Namespace) -> list[Problem]:
    """The warning for a base URL without a host, once per build or check (not per page)."""
    from briefing_site.content.lint import base_url_warning
    from briefing_site.site import CONFIG_FILE

    path = args.site / CONFIG_FILE
    try:
        text = None if args.base_url or not path.is_file() else path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # (the build just read it: changed since, the next build says)
    warning = base_url_warning(args.base_url, text)
    return [warning] if warning else []


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.build.unchanged import unchanged_build
    from briefing_site.progress import terminal_progress

    progress = terminal_progress(err, "building", args.quiet)
    options = _options(args, progress)
    stamp, built = unchanged_build(options) if options.cache else (None, None)
    if built is None:
        from briefing_site.build.pipeline import build  # the pipeline loads only when there is work

        try:
            with _terminate_as_interrupt():
                built = build(options, stamp)
        finally:
            if progress:
                progress.clear()
    summary = _warn([*built.warnings, *_base_url_warning(args)], err, args.site)
    count = built.briefings
    if not args.quiet:
        print(
            printable(
                f"built {count} briefing{'s' if count != 1 else ''}{summary} into {options.output}"
            ),
            file=out,
        )
    return 0


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI job's timeout, `kill`, a service stopping) ends a build or a
    deploy as Ctrl-C does: its staging folder and lock are removed, the previous
    build/ is kept, deploy's git is stopped too. By default SIGTERM ends the process
    at once, leaving them in the site's folder and git running on."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # in a forked worker too, as Ctrl-C reaches it there

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals are not this one's to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.build.pipeline import check
    from briefing_site.progress import terminal_progress

    progress = terminal_progress(err, "checking", args.quiet)
    try:
        loaded = check(_options(args, progress))
    finally:
        if progress:
            progress.clear()
    found = [*loaded.warnings, *_base_url_warning(args)]
    summary = _warn(found, err, args.site) or ", no problems"
    if not args.quiet:
        count = len(loaded.articles)
        hidden = _left_out(count - len(loaded.site.briefings))
        print(f"ok: {count} article{'s' if count != 1 else ''}{hidden}{summary}", file=out)
    return 0


def _new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.clock import build_clock
    from briefing_site.commands.scaffold import NewArticle, new_article

    spec = NewArticle(args.title, args.event_start, args.timezone, args.location, args.slug)
    done = new_article(args.site, spec, build_clock(args.now, os.environ))
    print(printable(f"wrote {done.path} (a draft: remove 'draft: true' to publish)"), file=out)
    if done.note:
        print(printable(f"  {done.note}"), file=out)
    if done.warning:
        print(printable(f"new: warning: {done.warning}"), file=err)
    return 0


def _init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.clock import build_clock
    from briefing_site.commands.scaffold import init_site

    made = init_site(args.dir, build_clock(args.now, os.environ))
    print(printable(f"made a site in {args.dir}: {', '.join(made.written)}"), file=out)
    if made.not_its_own:
        print(
            printable(
                f"  {made.not_its_own}: its workflow builds the site as a repository of its "
                f"own (git init {_quoted(args.dir)}) and publishes it from there"
            ),
            file=out,
        )
    if made.workflows is not None:
        print(
            printable(
                f"{args.dir / '.github'}: warning: GitHub never runs a workflow here, only "
                f"from the repository's root: move {args.dir / '.github'}/workflows/pages.yml "
                f"into {made.workflows}/ (it builds this folder as it stands) and "
                f"dependabot.yml into {made.workflows.parent}/"
            ),
            file=err,
        )
    print(printable(f"next: briefing-site build -s {_quoted(args.dir)}"), file=out)
    return 0


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.clock import build_clock
    from briefing_site.commands.fetch import MAX_PAGE_BYTES
    from briefing_site.commands.importer import ImportOptions, import_article

    stdin = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1) if args.source == "-" else None
    options = ImportOptions(
        args.source, args.site, args.slug, build_clock(args.now, os.environ), stdin
    )
    done = import_article(options)
    # The filled-in values come from scraped text: escaped like every other line.
    print(printable(f"wrote {done.article} and {done.sidecar}"), file=out)
    for line in done.filled:
        print(printable(f"  filled in  {line}"), file=out)
    for line in done.check:
        print(printable(f"  check      {line}"), file=out)
    for problem in done.problems:
        print(problem, file=err)
    if done.problems:
        site = "" if str(args.site) == "." else f" -s {_quoted(args.site)}"
        print(printable(f"fix these in the sidecar, then run: briefing-site check{site}"), file=err)
        return 1
    print(printable(f"next: briefing-site explain {_quoted(done.article)}"), file=out)
    return 0


def _explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.clock import build_clock
    from briefing_site.commands.explain import explain_article

    for line in explain_article(args.article, args.site, build_clock(None, os.environ)):
        print(printable(line), file=out)
    return 0


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.dev.serve import ServeOptions, run

    options = ServeOptions(_options(args), args.host, args.port, args.open)
    return run(options, out, err)


def _deploy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing_site.commands.deploy import DeployOptions, deploy

    options = DeployOptions(_options(args), args.remote, args.branch, args.message)
    with _terminate_as_interrupt():  # its build and its git both stop as at Ctrl-C
        done = deploy(options)
    summary = _warn([*done.built.warnings, *_base_url_warning(args)], err, args.site)
    where = f"{args.remote} {args.branch}"
    if done.pushed:
        print(f"deployed {done.commit[:12]} to {where}{summary}", file=out)
    else:
        print(
            f"{where} already has this build ({done.commit[:12]}){summary}; nothing pushed",
            file=out,
        )
    return 0


_COMMANDS = {
    "build": _build,
    "check": _check,
    "explain": _explain,
    "serve": _serve,
    "deploy": _deploy,
    "new": _new,
    "init": _init,
    "import": _import,
}


def run() -> None:
    """Console-script entry point.

    The process ends without tearing the interpreter down: after a build of
    10,000 briefings, freeing its objects one by one takes about 0.4 s, for
    memory the system takes back at once anyway. Every file a command writes
    is closed by then; the two output streams are flushed here. It ends as
    usual when anything may still have work to finish at exit: another thread
    (`serve`'s), a profiler or a tracer (coverage), which report at exit.
    """
    code = main()
    threads = sys.modules.get("threading")  # not loaded: no thread was ever started
    if (threads and threads.active_count() > 1) or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            code = code or 1
    os._exit(code)
