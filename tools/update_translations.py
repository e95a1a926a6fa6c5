"""Bring the Persian translation up to date with the source, then compile it.

Run from anywhere as::

    uv run python tools/update_translations.py

It scans every `.py` file under `src/orderdesk` with `pyside6-lupdate`,
merging new and changed interface strings into
`src/orderdesk/resources/translations/orderdesk_fa.ts` (translations already
there are kept; strings gone from the source are dropped), then compiles the
`.ts` with `pyside6-lrelease` into `orderdesk_fa.qm` beside it. Translate
the messages lupdate marks unfinished (Qt Linguist, or any text editor), run
the script again, and commit both files: the tests fail while a message is
unfinished or the `.qm` is older than the `.ts`.
"""

import argparse
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "orderdesk"
TRANSLATIONS = PACKAGE / "resources" / "translations"
TS_FILE = TRANSLATIONS / "orderdesk_fa.ts"
QM_FILE = TRANSLATIONS / "orderdesk_fa.qm"


def source_files(package: Path = PACKAGE) -> list[Path]:
    """Every Python module of the package, in a stable order."""
    return sorted(
        path for path in package.rglob("*.py") if "__pycache__" not in path.parts
    )


def qt_tool(name: str) -> str:
    """The path of a PySide6 tool (`pyside6-lupdate`), installed with PySide6."""
    # The scripts folder of this interpreter first: `uv run` puts it on PATH,
    # a bare `python tools/...` from the virtual environment may not.
    found = shutil.which(name, path=sysconfig.get_path("scripts")) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run `uv sync` first")
    return found


def lupdate(ts_file: Path, *, root: Path = ROOT) -> None:
    """Merge the package's interface strings into a `.ts` file.

    Paths are passed relative to `root`, so the source locations written in
    the file do not depend on where the repository is checked out.
    """
    sources = [str(path.relative_to(root)) for path in source_files()]
    command = [
        qt_tool("pyside6-lupdate"),
        *sources,
        "-ts",
        str(ts_file),
        "-target-language",
        "fa_IR",
        # Line offsets rather than line numbers: editing one view moves only
        # its own entries in the diff.
        "-locations",
        "relative",
        "-no-obsolete",
        "-silent",
    ]
    subprocess.run(command, cwd=root, check=True)  # noqa: S603


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile a `.ts` file into the `.qm` file Qt loads at run time."""
    command = [
        qt_tool("pyside6-lrelease"),
        str(ts_file),
        "-qm",
        str(qm_file),
        "-silent",
    ]
    subprocess.run(command, check=True)  # noqa: S603


def main(argv: list[str] | None = None) -> int:
    """Update the `.ts` from the source and compile it to `.qm`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-update",
        action="store_true",
        help="only compile the .ts as it is, without scanning the source",
    )
    args = parser.parse_args(argv)

    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if not args.no_update:
        lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)

    unfinished = TS_FILE.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS_FILE.relative_to(ROOT)}: {unfinished} message(s) to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
