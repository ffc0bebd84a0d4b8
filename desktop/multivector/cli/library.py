"""`multivector library add|list|search|summary`: the library from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from multivector.model.errors import InputError

if TYPE_CHECKING:
    from multivector.library.store import Library

RENDER_FORMATS = ("text", "markdown", "json")


def _open(args: argparse.Namespace) -> Library:
    from multivector.library.store import Library

    return Library(Path(args.db) if args.db else None)


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def _add(args: argparse.Namespace) -> int:
    from multivector.library.store import expand_paths

    files = list(expand_paths(args.paths))
    if not files:
        raise InputError("library add: no article files found in " + " ".join(args.paths))
    with _open(args) as library:
        results, errors = library.add_paths(files)
    for result in results:
        state = "added" if result.added else "already in the library"
        _write(f"{result.article.id}\t{state}\t{result.article.path or result.article.label}")
    for error in errors:
        sys.stderr.write(f"multivector: {error}\n")
    if errors and not results:
        raise InputError(f"library add: none of the {len(files)} files could be added")
    return 0


def _list(args: argparse.Namespace) -> int:
    from multivector.library.render import render_articles

    with _open(args) as library:
        rows = library.articles(focal=args.focal.upper() if args.focal else None)
    _write(render_articles(rows, args.format) if rows or args.format == "json"
           else "The library is empty: add articles with `multivector library add PATH`.")
    return 0


def _search(args: argparse.Namespace) -> int:
    from multivector.library.render import render_hits

    with _open(args) as library:
        hits = library.search(" ".join(args.query), limit=args.limit)
    if hits or args.format == "json":
        _write(render_hits(hits, args.format))
    else:
        _write("No matches.")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from multivector.library.aggregate import focal_summary
    from multivector.library.render import render_summary

    with _open(args) as library:
        library.refresh()  # articles analysed by an older engine are brought up to date first
        rendered = render_summary(focal_summary(library, args.focal), args.format)
    if args.output and args.output != "-":
        from multivector.platform.storage import atomic_write_text

        atomic_write_text(Path(args.output), rendered + "\n")
    else:
        _write(rendered)
    return 0


def add_library_commands(library: argparse.ArgumentParser) -> None:
    """Add the add/list/search/summary sub-commands to the `library` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="library database (default: the user data folder, or "
                             "$MULTIVECTOR_DATA_DIR/library.sqlite3)")
    sub = library.add_subparsers(dest="library_command", metavar="{add,list,search,summary}")
    library.set_defaults(library_run=None)

    add = sub.add_parser("add", parents=[common], help="add article files or folders")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files, or folders to search")
    add.set_defaults(library_run=_add)

    listing = sub.add_parser("list", parents=[common], help="list articles, newest first")
    listing.add_argument("--focal", metavar="CODE", help="only articles about this country")
    listing.add_argument("--format", choices=RENDER_FORMATS, default="text")
    listing.set_defaults(library_run=_list)

    search = sub.add_parser("search", parents=[common], help="full-text search")
    search.add_argument("query", nargs="+", help='words, "a phrase", prefix*, OR, NOT')
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--format", choices=RENDER_FORMATS, default="text")
    search.set_defaults(library_run=_search)

    summary = sub.add_parser("summary", parents=[common],
                             help="partners, areas and budget over all articles on a country")
    summary.add_argument("--focal", required=True, metavar="CODE",
                         help="the focal country (code such as KAZ, or name)")
    summary.add_argument("--format", choices=RENDER_FORMATS, default="text")
    summary.add_argument("-o", "--output", metavar="OUT", help="write here (- for standard output)")
    summary.set_defaults(library_run=_summary)
