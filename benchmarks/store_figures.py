"""Figure 5, offline: `bench_store.py` run as it is, its lines read back.

`bench_store.py` fills an offline store of 100,000 orders and a plaintext
twin, then times searches and opening one order against bare SQLite
queries; see its docstring. Its own output is kept in the run's log.
"""

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.runner import ROOT, ChildFailed, Figure

SCRIPT = ROOT / "benchmarks" / "bench_store.py"
SEARCH_GOAL_MS = 30.0
OPEN_GOAL_MS = 10.0

# One result line of bench_store.py: the case's name in 34 columns, then
# median, 95th percentile and baseline in ms, the ratio, rows, and verdict.
_LINE = re.compile(
    r"^(?P<name>.{34}) +(?P<median>[\d.]+) +(?P<p95>[\d.]+) +(?P<base>[\d.]+)"
    r" +(?P<ratio>[\d.]+|inf)x +(?P<rows>\S+) +(?:ok|OVER BUDGET)$"
)


@dataclass(frozen=True)
class _Case:
    name: str
    median: float
    base: float


def store_figures(
    orders: int, repeat: int, env: dict[str, str], log: Path
) -> list[Figure]:
    """Run bench_store.py and make figures 5a (search) and 5b (open).

    Raises:
        ChildFailed: It printed none of the cases.
    """
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--orders", str(orders), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    with log.open("a", encoding="utf-8") as kept:
        kept.write(f"\n== bench_store.py\n{finished.stdout}\n{finished.stderr}\n")
    cases = [
        _Case(m["name"].strip(), float(m["median"]), float(m["base"]))
        for line in finished.stdout.splitlines()
        if (m := _LINE.match(line))
    ]
    searches = [c for c in cases if not c.name.startswith("get_order")]
    opens = {c.name: c for c in cases if c.name.startswith("get_order")}
    if not searches or "get_order vs bare query" not in opens:
        raise ChildFailed(f"bench_store.py printed no figures:\n{finished.stderr}")

    slowest = max(searches, key=lambda c: c.median)
    opened = opens["get_order vs bare query"]
    parsed = opens.get("get_order vs query + parse")
    return [
        Figure(
            f"5a. search {orders:,} cached orders",
            slowest.median,
            slowest.base,
            "ms",
            f"<= {SEARCH_GOAL_MS:g} ms",
            all(c.median <= SEARCH_GOAL_MS for c in searches),
            f"slowest median of {len(searches)} searches ('{slowest.name}'),"
            " against a bare SQLite LIKE query on a plaintext twin",
        ),
        Figure(
            "5b. open one cached order",
            opened.median,
            opened.base,
            "ms",
            f"<= {OPEN_GOAL_MS:g} ms",
            opened.median <= OPEN_GOAL_MS,
            "decrypt, decompress and parse, against the bare SQLite query of the"
            " plain JSON" + (f" ({parsed.base:.2f} ms with parsing)" if parsed else ""),
        ),
    ]
