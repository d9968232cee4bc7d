"""The ``briefkit`` command: ``briefkit info PATH``, ``briefkit report``, ``briefkit export PATH``.

>>> main(["--version"])  # doctest: +SKIP
briefkit 0.1.0
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings

from briefkit import __version__


def _info(args) -> int:
    from briefkit.corpus import BriefkitWarning, load_corpus
    from briefkit.resources import resources_report

    with warnings.catch_warnings():  # the skipped and not-UTF-8 files are listed below, once
        warnings.simplefilter("ignore", BriefkitWarning)
        corpus = _briefs_or_error(load_corpus(_paths(args), strict=args.strict,
                                              progress=False if args.json else None), args)
    summary = corpus.summary()
    summary["nltk_resources"] = resources_report()["mode"]
    guessed = _guessed_encodings(corpus)
    if args.json:
        summary["skipped_files"] = corpus.skipped.to_dict("records")
        summary["not_utf8_files"] = [{"path": p, "encoding": e} for p, e in guessed]
        print(json.dumps(summary, indent=2, default=str))
        return 0
    print(format_summary(summary))
    for path, reason in corpus.skipped.itertuples(index=False):
        print(f"  skipped {path}: {reason}")
    for path, encoding in guessed:
        print(f"  not UTF-8 {path}: read as {encoding} (check its text for wrong characters)")
    return 0


def _guessed_encodings(corpus) -> list[tuple[str, str]]:
    """The files read in a guessed encoding (cp1252, latin-1), with it, by path."""
    from briefkit.corpus import GUESSED_ENCODINGS

    briefs = corpus.briefs
    rows = briefs.loc[briefs["encoding"].isin(GUESSED_ENCODINGS), ["path", "encoding"]]
    return sorted(set(rows.itertuples(index=False, name=None)))


def _briefs_or_error(corpus, args):
    """The corpus, or the error naming every file skipped when not one brief was read."""
    from briefkit.corpus import no_briefs_error

    if not len(corpus):
        raise no_briefs_error(_paths(args), corpus.skipped[["path", "reason"]].itertuples(
            index=False, name=None))
    return corpus


def _paths(args):
    """The one path given, or the list of them."""
    return args.path[0] if len(args.path) == 1 else args.path


def format_summary(summary: dict) -> str:
    """A corpus summary as aligned lines for the terminal."""
    dates = (f"{summary['first_date']} to {summary['last_date']}"
             if summary["first_date"] else "no dates")
    sources = ", ".join(f"{name or '(none)'} ({n})" for name, n in summary["sources"].items())
    lines = [
        ("briefs", f"{summary['briefs']:,}"),
        ("dates", dates + (f" ({summary['undated']} undated)" if summary["undated"] else "")),
        ("words", f"{summary['words']:,} "
                  f"(median {summary['words_per_brief_median']:,.0f} per brief)"),
        ("paragraphs", f"{summary['paragraphs']:,} ({summary['key_points']:,} key points)"),
        ("sentences", f"{summary['sentences']:,}"),
        ("sources", sources or "(none)"),
        ("skipped", f"{summary['skipped']:,}"),
        ("NLTK data", summary.get("nltk_resources", "")),
        ("content hash", summary["fingerprint"][:16]),
    ]
    return "\n".join(f"{name:>13}  {value}" for name, value in lines)


def _report(args) -> int:
    from briefkit.report import build_report

    try:
        index = build_report(briefs_path=args.briefs, out=args.out, only=args.only)
    except RuntimeError as exc:
        print(f"briefkit report: {exc}", file=sys.stderr)
        return 1
    print(f"report written: {index}")
    return 0


def _export(args) -> int:
    from briefkit.corpus import load_corpus
    from briefkit.export import export_tables
    from briefkit.paths import build_dir

    paths = _paths(args)
    corpus = _briefs_or_error(load_corpus(paths, strict=args.strict, progress=None), args)
    to = args.to or build_dir() / "export"
    written = export_tables(corpus, to=to, format=args.format, tables=args.tables,
                            target=args.target, briefs_path=paths)
    for name, path in written.items():
        print(f"{name:>18}  {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefkit",
                                     description="Read geopolitical briefs as data.")
    parser.add_argument("--version", action="version", version=f"briefkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    info = commands.add_parser("info", help="load briefs and print a summary of the corpus")
    info.add_argument("path", nargs="+", help="a brief, a folder of briefs, or several")
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    info.add_argument("--strict", action="store_true", help="fail on the first unreadable file")
    info.set_defaults(run=_info)

    report = commands.add_parser("report", help="run every notebook and write the HTML report")
    report.add_argument("--briefs", help="a folder of briefs (default: the sample corpus)")
    report.add_argument("--out", help="the report's folder (default: build/report)")
    report.add_argument("--only", nargs="*", help="notebook prefixes to run, e.g. 01 03")
    report.set_defaults(run=_report)

    export = commands.add_parser("export",
                                 help="write every table, with provenance.json beside them")
    export.add_argument("path", nargs="+", help="a brief, a folder of briefs, or several")
    export.add_argument("--to", help="the folder to write (default: build/export)")
    export.add_argument("--format", choices=["parquet", "csv", "xlsx"], default="parquet",
                        help="parquet keeps exact types; xlsx needs openpyxl (default: parquet)")
    export.add_argument("--tables", nargs="*", help="only these tables, e.g. briefs claims")
    export.add_argument("--target", default="United States",
                        help="the actor of the sentiment table (default: United States)")
    export.add_argument("--strict", action="store_true", help="fail on the first unreadable file")
    export.set_defaults(run=_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from briefkit.errors import BriefkitError

    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return args.run(args)
    except BriefkitError as exc:
        print(f"briefkit: {exc}", file=sys.stderr)
        return 2


_python_showwarning = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """briefkit's own warnings (a file skipped, and why) as one plain line on stderr, not
    Python's format, which quotes briefkit's source line; other warnings as usual."""
    from briefkit.corpus import BriefkitWarning

    if issubclass(category, BriefkitWarning):
        print(f"briefkit: warning: {message}", file=sys.stderr)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


if __name__ == "__main__":
    sys.exit(main())
