"""The command line: analyze, summary, library, and the window (with --screenshot).

Exit codes follow the contract: 0 done, 2 bad input (one line on stderr), 1 an unexpected
failure (with the path of the log file that holds the traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from multivector.model.errors import InputError

SUMMARY_FORMATS = ("text", "markdown", "html", "pdf", "json")
COMMANDS = ("analyze", "summary", "library")
_DASH_NOTE = "A file whose name starts with '-' goes after '--': multivector analyze -- -notes.txt"


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="multivector",
        description="Explore who a country cooperates with on defense and security, with proof. "
        "Commands: analyze, summary, library (see `multivector COMMAND --help`).",
        epilog=_DASH_NOTE,
    )
    parser.add_argument("file", nargs="?", help="article to open (default: the bundled article)")
    parser.add_argument("--screenshot", metavar="PNG", help="save a PNG of the window and exit")
    parser.add_argument("--select", metavar="NODE_ID",
                        help="select this node: a partner or area id, budget, tier:primary, or "
                        "PARTNER/AREA such as ESP/training")
    parser.add_argument("--view", choices=("partners", "areas", "matrix"),
                        help="the tree by partner (the default) or by area, or the partner x "
                        "area matrix in its place")
    parser.add_argument("--size", metavar="WxH",
                        help="window size for --screenshot (default 1440x900)")
    parser.add_argument("--focal", metavar="CODE",
                        help="the country the article is about (ISO 3166 alpha-3, e.g. POL)")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    return parser


class _Version(argparse.Action):
    """--version, reading the version only when asked: the package metadata costs some 20-30 ms
    that every start of the window would otherwise pay."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:  # noqa: A002
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from multivector import __version__

        sys.stdout.write(f"multivector {__version__}\n")
        parser.exit()


_FOCAL_HELP = "the country the article is about (ISO3, e.g. POL): analyse it from that side"


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="multivector")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="print the analysis", epilog=_DASH_NOTE)
    analyze.add_argument("file", nargs="?", help="article file, or - for standard input")
    analyze.add_argument("--json", action="store_true", help="print JSON (the contract's shape)")
    analyze.add_argument("--focal", metavar="CODE", help=_FOCAL_HELP)

    summary = sub.add_parser("summary", help="print or write the summary", epilog=_DASH_NOTE)
    summary.add_argument("file", nargs="?", help="article file, or - for standard input")
    summary.add_argument("--format", choices=SUMMARY_FORMATS, default="text")
    summary.add_argument("-o", "--output", metavar="OUT", help="write here (- for standard output)")
    summary.add_argument("--node", metavar="NODE_ID", help="limit the summary to one node")
    summary.add_argument("--focal", metavar="CODE", help=_FOCAL_HELP)

    library = sub.add_parser("library", help="keep a library of articles")
    from multivector.cli.library import add_library_commands

    add_library_commands(library)
    return parser


def _analyze(args: argparse.Namespace) -> int:
    from multivector.documents.loading import load_document
    from multivector.engine.pipeline import analyze_document
    from multivector.model.serialize import analysis_to_json

    analysis = analyze_document(load_document(args.file), focal=args.focal)
    if args.json:
        _write_stdout(analysis_to_json(analysis))
    else:
        from multivector.summary.build import render_summary

        _write_stdout(render_summary(analysis, "text"))
    return 0


def _summary(args: argparse.Namespace) -> int:
    from multivector.documents.loading import load_document
    from multivector.engine.pipeline import analyze_document

    if args.format == "pdf" and (not args.output or args.output == "-"):
        raise InputError("--format pdf: needs -o OUT.pdf (a PDF is not written to a terminal)")
    if args.output and args.output != "-":
        _check_output(args.output)  # before the analysis: say at once that it cannot be written
    analysis = analyze_document(load_document(args.file), focal=args.focal)
    if args.node and not _known_node(analysis, args.node):
        raise InputError(f"--node {args.node}: no such node in this article")
    if args.format == "pdf":
        from multivector.qt.printing.export import write_summary_pdf

        try:
            write_summary_pdf(analysis, Path(args.output), node=args.node)
        except OSError as exc:
            raise _unwritable(args.output, exc) from None
        return 0
    from multivector.summary.build import render_summary

    rendered = render_summary(analysis, args.format, node=args.node)
    if args.output and args.output != "-":
        from multivector.platform.storage import atomic_write_text

        try:
            atomic_write_text(Path(args.output), rendered)
        except OSError as exc:
            raise _unwritable(args.output, exc) from None
    else:
        _write_stdout(rendered)
    return 0


def _check_output(output: str) -> None:
    """InputError when OUT cannot be written: its folder missing, OUT a folder, no permission
    to write there. A device or FIFO is fine (written into as it is)."""
    import os

    target = Path(os.path.realpath(output))
    if target.is_dir():
        raise InputError(f"{output}: is a folder; give the name of a file to write")
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{output}: cannot be written: the folder {folder} does not exist")
    # a regular file is replaced by a rename in its folder; a device or FIFO is written into
    direct = target.exists() and not target.is_file()
    if not os.access(target if direct else folder, os.W_OK):
        where = "it" if direct else f"the folder {folder}"
        raise InputError(f"{output}: cannot be written: no permission to write to {where}")


def _unwritable(output: str, exc: OSError) -> InputError:
    from multivector.platform.files import describe_error

    return InputError(f"{output}: cannot be written: {describe_error(exc, output)}")


def _known_node(analysis: object, node_id: str) -> bool:
    from multivector.model.nodes import BUDGET_NODE

    return node_id == BUDGET_NODE or bool(
        analysis.partner(node_id) or analysis.area(node_id)  # type: ignore[attr-defined]
    )


def _library(args: argparse.Namespace) -> int:
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "library_run", None)
    if run is None:
        raise InputError("library: no library command given (see `multivector library --help`)")
    return run(args)


def _window(args: argparse.Namespace) -> int:
    from multivector.qt.window.app import run_window

    if args.size is not None and args.screenshot is None:
        raise InputError("--size: only with --screenshot (a window on screen keeps its own size)")
    return run_window(args.file, screenshot=args.screenshot, select=args.select, dark=args.dark,
                      view=args.view, size=args.size, focal=args.focal)


def _write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def _dispatch(argv: Sequence[str]) -> int:
    if argv and argv[0] in COMMANDS:
        args = _command_parser().parse_args(argv)
        handlers = {"analyze": _analyze, "summary": _summary, "library": _library}
        return handlers[args.command](args)
    return _window(_window_parser().parse_args(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except InputError as exc:
        sys.stderr.write(f"multivector: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # the last line of defence: log it, point at the log, exit 1
        from multivector.platform.logs import log_exception

        log_path = log_exception("command line")
        sys.stderr.write(f"multivector: unexpected failure; details in {log_path}\n")
        return 1
