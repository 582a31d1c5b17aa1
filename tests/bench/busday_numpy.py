#!/usr/bin/env python3
"""Compare `qujat-rules bench` with numpy.busday_offset on the same queries.

Both sides answer N queries "the n-th working day after date d" with dates
in 2016-01-01..2029-12-31 and n in 1..=30, drawn from the same xorshift64*
generator and seed as the Rust bench, so the query sets are identical.
numpy gets the calendar's non-working weekdays, exported from
`qujat-rules calendar`, as its holidays. See README.md in this directory.

Usage: python3 tests/bench/busday_numpy.py [--queries N] [--bin PATH] [--repeat R]
"""

import argparse
import csv
import datetime as dt
import io
import os
import subprocess
import sys
import time

try:
    import numpy as np
except ImportError:  # the bench is optional tooling, so install on demand
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "numpy"])
    import numpy as np

MASK = (1 << 64) - 1
SEED = 0x9E3779B97F4A7C15
FIRST = dt.date(2016, 1, 1)
LAST = dt.date(2029, 12, 31)


def xorshift_queries(n):
    """The Rust bench's generator (xorshift64*), step for step."""
    x = SEED
    span = (LAST - FIRST).days + 1
    offsets = np.empty(n, dtype=np.int64)
    counts = np.empty(n, dtype=np.int64)
    for i in range(n):
        for j in range(2):
            x ^= x >> 12
            x ^= (x << 25) & MASK
            x ^= x >> 27
            r = (x * 0x2545F4914F6CDD1D) & MASK
            if j == 0:
                offsets[i] = r % span
            else:
                counts[i] = r % 30 + 1
    dates = np.datetime64(FIRST.isoformat(), "D") + offsets
    return dates, counts


def default_bin():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
    return os.path.join(target, "speed", "qujat-rules")


def export_calendar(binary):
    out = subprocess.run(
        [binary, "calendar", "--from", "2016-01-01", "--to", "2030-12-31"],
        check=True, capture_output=True, text=True,
    ).stdout
    holidays, working_weekends = [], []
    for row in csv.DictReader(io.StringIO(out)):
        day = dt.date.fromisoformat(row["date"])
        working = row["is_working"] == "true"
        if not working and day.weekday() < 5:
            holidays.append(row["date"])
        if working and day.weekday() >= 5:
            working_weekends.append(day)
    return np.array(holidays, dtype="datetime64[D]"), working_weekends


def rust_bench(binary, n):
    out = subprocess.run(
        [binary, "bench", "--queries", str(n)], check=True, capture_output=True, text=True
    ).stdout
    last = out.strip().splitlines()[-1]  # "<N> queries in <S> s: <X> ns/query"
    return float(last.split(": ")[1].split(" ")[0]), last


def check_sample(binary, dates, counts, holidays, working_weekends, k=200):
    """numpy (roll='backward', see README) against the CLI on k queries.
    Disagreements are allowed only where a decreed working Saturday lies in
    the counted range: numpy's weekmask cannot express one."""
    got = np.busday_offset(dates[:k], counts[:k], roll="backward",
                           weekmask="1111100", holidays=holidays)
    agree, explained = 0, 0
    for d, n, g in zip(dates[:k], counts[:k], got):
        ours = subprocess.run([binary, "add-working-days", str(d), str(n)],
                              check=True, capture_output=True, text=True).stdout.strip()
        if ours == str(g):
            agree += 1
            continue
        lo, hi = dt.date.fromisoformat(str(d)), dt.date.fromisoformat(str(g))
        if any(lo < w <= hi for w in working_weekends):
            explained += 1
        else:
            raise SystemExit(f"mismatch: {d} + {n}: qujat {ours}, numpy {g}")
    return agree, explained


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=1_000_000)
    ap.add_argument("--bin", default=default_bin())
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        raise SystemExit(f"{args.bin} not found: run `cargo build --profile speed --bin qujat-rules`")

    holidays, working_weekends = export_calendar(args.bin)
    print(f"calendar: {len(holidays)} non-working weekdays, "
          f"{len(working_weekends)} working weekend days (numpy cannot model these)")
    t0 = time.perf_counter()
    dates, counts = xorshift_queries(args.queries)
    print(f"generated {args.queries} queries in {time.perf_counter() - t0:.1f} s")

    agree, explained = check_sample(args.bin, dates, counts, holidays, working_weekends)
    print(f"check: {agree} identical, {explained} differ only by a working Saturday")

    best_np = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        res = np.busday_offset(dates, counts, roll="forward",
                               weekmask="1111100", holidays=holidays)
        best_np = min(best_np, time.perf_counter() - t0)
    np_ns = best_np * 1e9 / args.queries
    print(f"numpy {np.__version__} busday_offset (vectorised, one call): "
          f"{args.queries} queries in {best_np:.6f} s: {np_ns:.2f} ns/query "
          f"(checksum {int(res.astype(np.int64).sum())})")

    runs = [rust_bench(args.bin, args.queries) for _ in range(args.repeat)]
    rust_ns, line = min(runs)
    print(f"qujat-rules bench (best of {args.repeat}): {line}")
    print(f"ratio numpy/qujat: {np_ns / rust_ns:.2f}x")


if __name__ == "__main__":
    main()
