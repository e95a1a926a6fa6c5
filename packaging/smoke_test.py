"""Start the built OrderDesk against a sandbox shop and check its screenshot.

Run after `packaging/build.py`, from the development environment (it starts
the sandbox, which builds leave out)::

    uv run python packaging/smoke_test.py

It starts the sandbox server on a free loopback port with a fresh database,
runs the built program headless (`QT_QPA_PLATFORM=offscreen`) with
`--server URL --order 1 --screenshot FILE` and the cashier's token in
`ORDERDESK_TOKEN`, and checks that the picture is a real window: a PNG of a
sensible size with enough different colours on it. It also checks that
`--demo` in a build ends with a clear message instead of a stack trace,
and that the build saves an order as PDF in the child-process mode the
window uses for long orders (`--write-pdf`).
"""

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Reading the PNG back needs no screen either.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage

from orderdesk.demo import SandboxServer, SandboxUnavailable

logger = logging.getLogger("orderdesk.packaging.smoke_test")

ROOT = Path(__file__).resolve().parent.parent
NAME = "OrderDesk"
RUN_TIMEOUT = 180.0
MIN_WIDTH, MIN_HEIGHT = 800, 500
# A window with text, tables and a tab bar has hundreds of distinct colours
# once anti-aliased; a blank or single-colour picture has a handful.
MIN_COLOURS = 64
# Share of sampled pixels that differ from the most common (background) one.
MIN_INK = 0.02
SAMPLE_STEP = 3
PDF_OPTIONS = ("--lang", "fa", "--currency", "rial")


class SmokeTestError(RuntimeError):
    """The built application did not behave."""


def built_program(dist: Path) -> Path:
    """The program a user starts: inside the .app on macOS."""
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / NAME / f"{NAME}{suffix}"


def isolated_environment(home: Path, token: str | None) -> dict[str, str]:
    """The environment for the program: headless, with throwaway folders.

    Settings and the thumbnail cache go to `home`, not the user's own.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ORDERDESK_TOKEN", None)
    if token is not None:
        env["ORDERDESK_TOKEN"] = token
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[variable] = str(home / variable.lower())
    return env


def run_program(
    program: Path, arguments: list[str], env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the built program to its end, with its output captured.

    `stdin` goes to its standard input, in UTF-8 as its output is read.
    """
    logger.info("Running %s %s", program.name, " ".join(arguments))
    try:
        return subprocess.run(  # noqa: S603 - the program this build made
            [str(program), *arguments],
            input=stdin,
            env=env,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=RUN_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        message = f"{program.name} did not end within {error.timeout} s"
        raise SmokeTestError(message) from None


def check_picture(path: Path) -> str:
    """Check a screenshot; returns a one-line description of it.

    Raises:
        SmokeTestError: It is missing, not an image, too small or blank.
    """
    if not path.is_file():
        raise SmokeTestError(f"no screenshot at {path}")
    image = QImage(str(path))
    if image.isNull():
        raise SmokeTestError(f"{path} is not a readable image")
    if image.width() < MIN_WIDTH or image.height() < MIN_HEIGHT:
        raise SmokeTestError(f"{path} is only {image.width()}x{image.height()}")

    counts: dict[int, int] = {}
    for y in range(0, image.height(), SAMPLE_STEP):
        for x in range(0, image.width(), SAMPLE_STEP):
            colour = image.pixel(x, y)
            counts[colour] = counts.get(colour, 0) + 1
    sampled = sum(counts.values())
    ink = 1 - max(counts.values()) / sampled
    if len(counts) < MIN_COLOURS or ink < MIN_INK:
        raise SmokeTestError(
            f"{path} looks blank: {len(counts)} colours, {ink:.1%} non-background"
        )
    return (
        f"{image.width()}x{image.height()}, {len(counts)} colours,"
        f" {ink:.0%} non-background"
    )


def check_order_screenshot(program: Path, folder: Path, screenshot: Path) -> str:
    """Open order 1 of a fresh sandbox in the built program and check the PNG."""
    with SandboxServer(folder / "shop.sqlite3") as server:
        assert server.info is not None
        env = isolated_environment(folder, server.info.tokens["cashier"])
        arguments = ["--server", server.info.url, "--order", "1"]
        arguments += ["--lang", "en", "--screenshot", str(screenshot)]
        result = run_program(program, arguments, env)
    if result.returncode != 0:
        raise SmokeTestError(
            f"--screenshot ended with {result.returncode}: {result.stderr.strip()}"
        )
    return check_picture(screenshot)


def check_pdf_child(program: Path, folder: Path) -> None:
    """The build's `--write-pdf` mode turns an order on stdin into a PDF."""
    order = ROOT / "tests" / "fixtures" / "order-example.json"
    target = folder / "order.pdf"
    result = run_program(
        program,
        ["--write-pdf", str(target), *PDF_OPTIONS],
        isolated_environment(folder, None),
        stdin=order.read_text(encoding="utf-8"),
    )
    if result.returncode != 0:
        reason = result.stderr.strip()
        raise SmokeTestError(f"--write-pdf ended with {result.returncode}: {reason}")
    if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
        raise SmokeTestError(f"--write-pdf wrote no PDF at {target}")


def check_demo_refused(program: Path, folder: Path) -> None:
    """`--demo` in a build must end at once with a clear message."""
    result = run_program(program, ["--demo"], isolated_environment(folder, None))
    if result.returncode != 1 or "Traceback" in result.stderr:
        raise SmokeTestError(
            f"--demo ended with {result.returncode}: {result.stderr.strip()}"
        )
    # A windowed Windows program has no standard error to write the reason to.
    if sys.platform != "win32" and "development checkout" not in result.stderr:
        raise SmokeTestError(f"--demo said: {result.stderr.strip()!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the checks; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=ROOT / "build" / "smoke" / "screenshot.png",
        help="where the picture of the built program is kept",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="smoke test: %(message)s")

    program = built_program(args.dist)
    if not program.is_file():
        logger.error("No built program at %s: run packaging/build.py", program)
        return 1
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    args.screenshot.unlink(missing_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="orderdesk-smoke-") as temporary:
        folder = Path(temporary)
        try:
            picture = check_order_screenshot(program, folder, args.screenshot)
            check_demo_refused(program, folder)
            check_pdf_child(program, folder)
        except (SmokeTestError, SandboxUnavailable) as error:
            logger.error("%s", error)
            return 1
    logger.info(
        "Passed in %.0f s; %s: %s", time.monotonic() - started, args.screenshot, picture
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
