"""`multivector library add|list|search|summary|repair`: the library from the command line.

`list`, `search` and `summary` only read (the file is opened read-only, so they never wait for an
import in another process); `add` writes, and is the only command that makes a new library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from multivector.model.errors import InputError

if TYPE_CHECKING:
    from multivector.library.connection import Mode
    from multivector.library.store import Library

RENDER_FORMATS = ("text", "markdown", "json")
SHOWN_REASONS = 3  # skipped files named in the closing line of an import


def _path(args: argparse.Namespace) -> Path:
    from multivector.library.schema import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _open(args: argparse.Namespace, mode: Mode) -> Library:
    """The library; with no --db, a library not made yet reads as an empty one."""
    from multivector.library.store import Library

    return Library(_path(args), mode=mode, missing_ok=not args.db)


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def _note(text: str) -> None:
    sys.stderr.write(f"multivector: {text}\n")


def _add(args: argparse.Namespace) -> int:
    from multivector.library.connection import Mode
    from multivector.library.files import expand_paths
    from multivector.library.render import plural

    files = list(expand_paths(args.paths))
    if not files:
        raise InputError("library add: no article files found in " + " ".join(args.paths))
    path = _path(args)
    new = not path.exists()
    with _open(args, Mode.CREATE) as library:
        results, errors = library.add_paths(files)
    if new:
        _note(f"a new library was made at {path}")
    for result in results:
        state = "added" if result.added else "already in the library"
        _write(f"{result.article.id}\t{state}\t{result.article.path or result.article.label}")
    for error in errors:
        _note(error)
    added = sum(1 for r in results if r.added)
    again = len(results) - added
    closing = f"added {added:,}" + (f", {again:,} already in the library" if again else "")
    if errors:
        names = [Path(e.split(": ", 1)[0]).name + ": " + e.split(": ", 1)[-1] for e in errors]
        shown = "; ".join(names[:SHOWN_REASONS]) + ("; …" if len(names) > SHOWN_REASONS else "")
        closing += f", skipped {len(errors):,} ({shown})"
    if errors and not results:
        raise InputError(f"library add: none of the {plural(len(files), 'file')} could be added "
                         f"({closing})")
    _note(closing)
    return 0


def _list(args: argparse.Namespace) -> int:
    from multivector.library.connection import Mode
    from multivector.library.render import render_articles

    with _open(args, Mode.READ) as library:
        library.check()
        rows = library.articles(focal=args.focal.upper() if args.focal else None)
    _write(render_articles(rows, args.format) if rows or args.format == "json"
           else "The library is empty: add articles with `multivector library add PATH`.")
    return 0


def _search(args: argparse.Namespace) -> int:
    from multivector.library.connection import Mode
    from multivector.library.render import render_hits
    from multivector.library.search import MAX_LIMIT, fts_query

    if not 1 <= args.limit <= MAX_LIMIT:
        raise InputError(f"--limit {args.limit}: give a number from 1 to {MAX_LIMIT}")
    query = " ".join(args.query)
    fts_query(query)  # a query that cannot be searched is refused before the file is opened
    with _open(args, Mode.READ) as library:
        hits = library.search(query, limit=args.limit)
    if hits or args.format == "json":
        _write(render_hits(hits, args.format))
    else:
        _write("No matches.")
    return 0


def _refresh(args: argparse.Namespace) -> None:
    """Articles analysed by an older engine are analysed again, when nobody else is writing;
    else they are summarized as they were analysed."""
    from multivector.library.connection import Mode
    from multivector.library.errors import LibraryError
    from multivector.library.store import Library

    with _open(args, Mode.READ) as library:
        stale = len(library.stale())
    if not stale:
        return
    try:
        with Library(_path(args), mode=Mode.WRITE, timeout=0.0) as writer:
            writer.refresh()
    except LibraryError as exc:
        _note(f"{stale} articles keep their older analysis for now ({exc})")


def _summary(args: argparse.Namespace) -> int:
    from multivector.library.aggregate import focal_summary
    from multivector.library.connection import Mode
    from multivector.library.render import render_summary

    if args.db or _path(args).exists():
        _refresh(args)
    with _open(args, Mode.READ) as library:
        library.check()
        rendered = render_summary(focal_summary(library, args.focal), args.format)
    if args.output and args.output != "-":
        from multivector.platform.storage import atomic_write_text

        atomic_write_text(Path(args.output), rendered + "\n")
    else:
        _write(rendered)
    return 0


def _repair(args: argparse.Namespace) -> int:
    from multivector.library.render import plural
    from multivector.library.repair import repair_library

    report = repair_library(_path(args), force=args.force)
    if not report.damaged:
        _write(f"{report.path}: no damage found; nothing was changed")
        return 0
    lines = [f"{report.path}: repaired; {plural(report.saved, 'article')} saved"]
    if report.unreadable:
        lines.append(f"{plural(report.unreadable, 'article')} could not be read and are lost")
    if report.reanalyse:
        lines.append(f"{plural(report.reanalyse, 'article')} will be analysed again")
    _write("; ".join(lines) + f". The damaged file is kept as {report.kept_as}")
    return 0


def add_library_commands(library: argparse.ArgumentParser) -> None:
    """Add the add/list/search/summary/repair sub-commands to the `library` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH",
                        help="library database (default: the user data folder, or "
                             "$MULTIVECTOR_DATA_DIR/library.sqlite3); only `add` makes a new one")
    sub = library.add_subparsers(dest="library_command",
                                 metavar="{add,list,search,summary,repair}")
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
    search.add_argument("--limit", type=int, default=20, help="at most this many (1 to 1000)")
    search.add_argument("--format", choices=RENDER_FORMATS, default="text")
    search.set_defaults(library_run=_search)

    summary = sub.add_parser("summary", parents=[common],
                             help="partners, areas and budget over all articles on a country")
    summary.add_argument("--focal", required=True, metavar="CODE",
                         help="the focal country (code such as KAZ, or name)")
    summary.add_argument("--format", choices=RENDER_FORMATS, default="text")
    summary.add_argument("-o", "--output", metavar="OUT", help="write here (- for standard output)")
    summary.set_defaults(library_run=_summary)

    repair = sub.add_parser("repair", parents=[common],
                            help="rebuild a damaged library from what can be read "
                                 "(the damaged file is kept beside it)")
    repair.add_argument("--force", action="store_true",
                        help="rebuild even when no damage is found")
    repair.set_defaults(library_run=_repair)
