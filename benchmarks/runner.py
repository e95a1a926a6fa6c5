"""The parent's side: child processes, their environment, and the table.

Every child runs with the same interpreter in a temporary home of its own:
XDG folders (settings, offline store, logs) and a file keyring in the run's
temporary folder, Qt's offscreen platform unless `QT_QPA_PLATFORM` says
otherwise, and the sandbox's token in `ORDERDESK_TOKEN`. Nothing of the
user's own settings, cache or keyring is read or written.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import file_keyring
from benchmarks.qt_harness import RESULT_PREFIX
from orderdesk.api.tokens import ENVIRONMENT_VARIABLE as TOKEN_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT_S = 600


class ChildFailed(RuntimeError):
    """A benchmark child exited without reporting its figures."""


@dataclass(frozen=True)
class Figure:
    """One row of the table.

    Attributes:
        label: The figure's number and name.
        measured: The median measured, in `unit`.
        baseline: The median of its baseline, in `unit`.
        unit: "ms" or "MB".
        goal: The goal, in words.
        met: Whether the goal is met; None for a figure shown for context.
        note: What exactly was measured, or why a goal is missed.
    """

    label: str
    measured: float
    baseline: float
    unit: str
    goal: str
    met: bool | None
    note: str = ""

    @property
    def ratio(self) -> float:
        """Measured over baseline."""
        return self.measured / self.baseline if self.baseline else float("inf")


def child_environment(home: Path, token: str) -> dict[str, str]:
    """The environment of every child of this run."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env["PYTHON_KEYRING_BACKEND"] = file_keyring.BACKEND
    env[file_keyring.PATH_VARIABLE] = str(home / "keyring.json")
    env[TOKEN_VARIABLE] = token
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )

    # Installed Python code starts from compiled bytecode (the built app ships
    # it, and Python writes it on a first run), so the children must too. A
    # shell that turns bytecode caching off would otherwise time compiling
    # every module at each start; this was a third of start-up. The caches go
    # in the run's folder and leave with it; the warm-up run writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def run_child(
    module: str, *args: str, env: dict[str, str], log: Path
) -> dict[str, Any]:
    """Run `python -m module args` and return the figures it reported.

    Its stderr (Qt's chatter, warnings) goes to `log`, shown on failure.

    Raises:
        ChildFailed: It exited without a result line.
    """
    with log.open("a", encoding="utf-8") as errors:
        errors.write(f"\n== {module} {' '.join(args)}\n")
        errors.flush()
        finished = subprocess.run(
            [sys.executable, "-m", module, *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
    for line in finished.stdout.splitlines():
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line.removeprefix(RESULT_PREFIX))
            return result
    tail = log.read_text(encoding="utf-8")[-3000:]
    raise ChildFailed(
        f"{module} {' '.join(args)} exited {finished.returncode} without figures:"
        f"\n{tail}"
    )


def timed_child(module: str, *args: str, env: dict[str, str], log: Path) -> float:
    """Ms from just before starting a child to the moment it reported painting."""
    started = time.monotonic()
    result = run_child(module, *args, env=env, log=log)
    return (float(result["painted"]) - started) * 1000


def median(values: list[float]) -> float:
    """The median of some measurements."""
    return float(statistics.median(values))


def print_table(figures: list[Figure]) -> None:
    """Print the figures as a Markdown table, then the notes."""
    rows = [("figure", "measured", "baseline", "ratio", "goal", "met?")]
    for figure in figures:
        met = {True: "yes", False: "NO", None: "-"}[figure.met]
        rows.append(
            (
                figure.label,
                f"{_number(figure.measured)} {figure.unit}",
                f"{_number(figure.baseline)} {figure.unit}",
                f"{figure.ratio:.2f}x",
                figure.goal,
                met,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("| " + " | ".join(cells) + " |")
        if number == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print()
    for figure in figures:
        if figure.note:
            print(f"- {figure.label}: {figure.note}")


def _number(value: float) -> str:
    """A figure with two decimals below 10, one above, grouped by thousands."""
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
