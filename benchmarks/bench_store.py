"""How fast the offline store lists, searches and opens 100,000 cached orders.

Fills a store with orders made from the seed's example (tests/fixtures/
order-example.json) with varied Persian names, mobile numbers, national codes
and keys, then times searches and opening one order. Each figure is set
against a baseline measured in the same run: a bare SQLite query on an
equivalent plaintext table (a substring LIKE over the same searchable text,
the order documents as plain JSON).

Budgets, on the project's 2-core machine: a search within 30 ms, opening an
order within 10 ms (median). Exits 1 when a median is over budget.

    uv run python benchmarks/bench_store.py [--orders 100000] [--repeat 30]
"""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from orderdesk.models import Customer, Order
from orderdesk.store import OrderStore
from orderdesk.store.crypto import new_key

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "order-example.json"

SEARCH_BUDGET_MS = 30.0
OPEN_BUDGET_MS = 10.0
BATCH = 1000

FIRST_NAMES = [
    "علی",
    "محمد",
    "حسین",
    "رضا",
    "مهدی",
    "امیر",
    "حمید",
    "سعید",
    "مجید",
    "بهروز",
    "پدرام",
    "کاوه",
    "آرش",
    "سیاوش",
    "بابک",
    "داریوش",
    "فرهاد",
    "کامران",
    "نوید",
    "پویا",
    "مریم",
    "زهرا",
    "فاطمه",
    "سارا",
    "نرگس",
    "لیلا",
    "شیرین",
    "مینا",
    "الهام",
    "نازنین",
    "پریسا",
    "یاسمن",
    "ترانه",
    "شیوا",
    "آزاده",
    "مهسا",
    "نیلوفر",
    "رویا",
    "ژاله",
]
LAST_NAMES = [
    "محمدی",
    "احمدی",
    "حسینی",
    "رضایی",
    "کریمی",
    "موسوی",
    "جعفری",
    "قربانی",
    "زمانی",
    "رحیمی",
    "صادقی",
    "هاشمی",
    "نوری",
    "کاظمی",
    "یوسفی",
    "عباسی",
    "طاهری",
    "شریفی",
    "اکبری",
    "مرادی",
    "سلطانی",
    "بهرامی",
    "نجفی",
    "فرهادی",
    "کیانی",
    "توکلی",
    "امینی",
    "باقری",
    "ملکی",
    "شجاعی",
    "اسدی",
    "خلیلی",
]
STATUSES = ("pending", "processing", "shipped", "delivered", "cancelled")


def made_orders(count: int, seed: int = 2026) -> Iterator[Order]:
    """Orders like the example, each with its own identity and customer."""
    base = Order.model_validate_json(EXAMPLE.read_bytes())
    rng = random.Random(seed)
    placed = datetime(2025, 1, 1, tzinfo=UTC)
    for order_id in range(1, count + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        mobile = "09" + "".join(rng.choices("0123456789", k=9))
        customer = Customer(
            id=order_id,
            username=f"user{order_id}",
            mobile_number=mobile,
            first_name=first,
            last_name=last,
            full_name=f"{first} {last}",
        )
        yield base.model_copy(
            update={
                "id": order_id,
                "key": f"{rng.getrandbits(80):020x}",
                "status": rng.choice(STATUSES),
                "is_paid": rng.random() < 0.6,
                "customer_data": customer,
                "billing_first_name": first,
                "billing_last_name": last,
                "billing_mobile_number": mobile,
                "billing_national_code": "".join(rng.choices("0123456789", k=10)),
                "created_at": placed + timedelta(minutes=order_id),
            }
        )


def searchable_text(order: Order) -> str:
    """What the plaintext baseline searches: key, names, mobile, national code."""
    return " ".join(
        [
            order.key,
            order.billing_first_name,
            order.billing_last_name,
            order.billing_mobile_number,
            order.billing_national_code or "",
        ]
    )


PLAIN_SCHEMA = """
CREATE TABLE plain (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    status TEXT NOT NULL,
    is_paid INTEGER,
    search_text TEXT NOT NULL,
    document TEXT NOT NULL
)
"""


class Bench:
    """The store under test and its plaintext twin, filled alike."""

    def __init__(self, folder: Path, count: int) -> None:
        self.folder = folder
        self.count = count
        self.key = new_key()
        self.store = self._open()
        self.plain = sqlite3.connect(folder / "plain.sqlite3", isolation_level=None)
        self.plain.execute("PRAGMA journal_mode = WAL")
        self.plain.execute(PLAIN_SCHEMA)
        self.samples: list[Order] = []

    def _open(self) -> OrderStore:
        return OrderStore.open(
            self.folder, "https://shop.example.com", "bench", self.key, max_bytes=2**40
        )

    def fill(self) -> None:
        fetched = datetime(2026, 12, 1, tzinfo=UTC)
        started = time.perf_counter()
        batch: list[Order] = []
        for order in made_orders(self.count):
            batch.append(order)
            if len(batch) == BATCH:
                self._save(batch, fetched)
                batch = []
        if batch:
            self._save(batch, fetched)
        elapsed = time.perf_counter() - started
        print(f"filled {self.count:,} orders in {elapsed:.1f} s (both stores)")

        # Reopen: searches start from a fresh connection, as after sign-in.
        self.store.close()
        started = time.perf_counter()
        self.store = self._open()
        print(f"reopened the store in {(time.perf_counter() - started) * 1000:.1f} ms")

    def _save(self, batch: list[Order], fetched: datetime) -> None:
        self.store.save_orders(batch, fetched)
        rows = [
            (
                o.id,
                o.id,
                o.status,
                int(o.is_paid),
                searchable_text(o),
                o.model_dump_json(),
            )
            for o in batch
        ]
        self.plain.execute("BEGIN")
        self.plain.executemany("INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.plain.execute("COMMIT")
        self.samples.append(batch[len(batch) // 2])

    def plain_search(self, words: list[str], where: str = "", *args: object) -> int:
        conditions = ["search_text LIKE ?"] * len(words)
        if where:
            conditions.append(where)
        # Only this module's constant conditions are joined in; values are bound.
        sql = (
            "SELECT id, status, is_paid, search_text FROM plain"  # noqa: S608
            f" WHERE {' AND '.join(conditions) or '1'} ORDER BY seq DESC LIMIT 50"
        )
        found = self.plain.execute(sql, [f"%{w}%" for w in words] + list(args))
        return len(found.fetchall())


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median and 95th percentile in ms of an action, after two warm-ups."""
    result = action()
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times), p95, result


def report(
    name: str, ours: tuple[float, float, object], base: float, budget: float
) -> bool:
    median, p95, result = ours
    rows = len(result) if isinstance(result, list) else "-"
    ratio = median / base if base > 0 else float("inf")
    verdict = "ok" if median <= budget else "OVER BUDGET"
    print(
        f"{name:<34} {median:8.2f} {p95:8.2f} {base:9.2f} {ratio:7.1f}x"
        f" {rows!s:>5}  {verdict}"
    )
    return median <= budget


def run_searches(bench: Bench, repeat: int) -> bool:
    sample = bench.samples[len(bench.samples) // 3]
    mobile = sample.billing_mobile_number
    persian_last4 = mobile[-4:].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    code = sample.billing_national_code or ""
    store = bench.store

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("list, newest first", lambda: store.search(), lambda: bench.plain_search([])),
        (
            "one letter 'م'",
            lambda: store.search("م"),
            lambda: bench.plain_search(["م"]),
        ),
        (
            "first name 'علي' (arabic yeh)",
            lambda: store.search("علي"),
            lambda: bench.plain_search(["علی"]),
        ),
        (
            "full name 'علی محمدی'",
            lambda: store.search("علی محمدی"),
            lambda: bench.plain_search(["علی", "محمدی"]),
        ),
        (
            "name pair 'ژاله شجاعی'",
            lambda: store.search("ژاله شجاعی"),
            lambda: bench.plain_search(["ژاله", "شجاعی"]),
        ),
        (
            "two one-letter words 'م ژ'",
            lambda: store.search("م ژ"),
            lambda: bench.plain_search(["م", "ژ"]),
        ),
        (
            "common name + mobile last 4",
            lambda: store.search(f"{sample.billing_last_name} {mobile[-4:]}"),
            lambda: bench.plain_search([sample.billing_last_name, mobile[-4:]]),
        ),
        (
            "mobile last 4, persian digits",
            lambda: store.search(persian_last4),
            lambda: bench.plain_search([mobile[-4:]]),
        ),
        (
            "whole mobile",
            lambda: store.search(mobile),
            lambda: bench.plain_search([mobile]),
        ),
        (
            "key prefix (8)",
            lambda: store.search(sample.key[:8]),
            lambda: bench.plain_search([sample.key[:8]]),
        ),
        (
            "national code",
            lambda: store.search(code),
            lambda: bench.plain_search([code]),
        ),
        (
            "no match 'ناموجود'",
            lambda: store.search("ناموجود"),
            lambda: bench.plain_search(["ناموجود"]),
        ),
        (
            "'رضا' + unpaid + shipped",
            lambda: store.search("رضا", status="shipped", is_paid=False),
            lambda: bench.plain_search(
                ["رضا"], "status = ? AND is_paid = ?", "shipped", 0
            ),
        ),
        (
            "page 20 of the list",
            lambda: store.search(offset=950),
            lambda: bench.plain.execute(
                "SELECT id, search_text FROM plain"
                " ORDER BY seq DESC LIMIT 50 OFFSET 950"
            ).fetchall(),
        ),
    ]

    print(
        f"\n{'search (limit 50)':<34} {'median':>8} {'p95':>8} {'baseline':>9}"
        f" {'ratio':>8} {'rows':>5}"
    )
    within = True
    for name, ours, baseline in cases:
        base_median = timed(baseline, repeat)[0]
        within &= report(name, timed(ours, repeat), base_median, SEARCH_BUDGET_MS)
    return within


def run_open(bench: Bench, repeat: int) -> bool:
    rng = random.Random(7)
    ids = [rng.randint(1, bench.count) for _ in range(repeat * 4)]
    cycle = iter(ids * 10)

    def ours() -> object:
        return bench.store.get_order(next(cycle))

    def bare() -> object:
        row = bench.plain.execute(
            "SELECT document FROM plain WHERE id = ?", (next(cycle),)
        ).fetchone()
        return row[0]

    def bare_parsed() -> object:
        return Order.model_validate_json(bare())  # type: ignore[arg-type]

    base = timed(bare, repeat * 4)[0]
    base_parsed = timed(bare_parsed, repeat * 4)[0]
    result = timed(ours, repeat * 4)
    assert result[2] is not None
    print(f"\n{'open one order':<34} {'median':>8} {'p95':>8} {'baseline':>9}", end="")
    print(f" {'ratio':>8}")
    within = report("get_order vs bare query", result, base, OPEN_BUDGET_MS)
    report("get_order vs query + parse", result, base_parsed, OPEN_BUDGET_MS)
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="orderdesk-bench-") as temporary:
        bench = Bench(Path(temporary), options.orders)
        bench.fill()
        size = bench.store.path.stat().st_size
        plain_size = (Path(temporary) / "plain.sqlite3").stat().st_size
        print(
            f"store file {size / 2**20:.0f} MiB ({size / options.orders:.0f} B/order),"
            f" tracked {bench.store.size_bytes / 2**20:.0f} MiB;"
            f" plaintext twin {plain_size / 2**20:.0f} MiB"
        )
        within = run_searches(bench, options.repeat)
        within &= run_open(bench, options.repeat)
        bench.store.close()
        bench.plain.close()

    print("\nall medians within budget" if within else "\nSOME MEDIANS OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
