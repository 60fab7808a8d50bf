#!/usr/bin/python3
"""Python feedparser on the same sample feeds as ParseBenchmark, one core: MB/s and items/s, and documents per
CPU-second of the parsing thread (time.thread_time), the figure to set beside benchmarks/run-parse-cpu's on a busy machine.

The yardstick of issue 9 ("at least 20x feedparser per core"). Needs Debian's python3-feedparser
(apt-get install python3-feedparser); run it as benchmarks/feedparser-baseline.py [seconds per feed].
"""
import pathlib
import sys
import time

import feedparser

SAMPLES = pathlib.Path(__file__).resolve().parent.parent / "samples"
FEEDS = ["feed-ar.rss", "feed-en.atom", "feed.json"]


def measure(payload, seconds):
    # Warm up first, so the figure is of the steady state as JMH's is.
    deadline = time.perf_counter() + seconds / 3
    while time.perf_counter() < deadline:
        feedparser.parse(payload)
    runs = items = 0
    began = time.perf_counter()
    cpu = time.thread_time()
    while time.perf_counter() - began < seconds:
        items += len(feedparser.parse(payload).entries)
        runs += 1
    elapsed = time.perf_counter() - began
    cpu = time.thread_time() - cpu
    return runs / elapsed, runs * len(payload) / elapsed / 1e6, items / elapsed, runs / cpu


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    print(f"feedparser {feedparser.__version__}, Python {sys.version.split()[0]}, {seconds:.0f} s per feed")
    print(f"{'sample':<16}{'bytes':>8}{'docs/s':>10}{'MB/s':>8}{'items/s':>10}{'docs/CPU-s':>12}")
    for name in FEEDS:
        payload = (SAMPLES / name).read_bytes()
        docs, megabytes, items, per_cpu = measure(payload, seconds)
        print(f"{name:<16}{len(payload):>8}{docs:>10.1f}{megabytes:>8.2f}{items:>10.0f}{per_cpu:>12.1f}")


if __name__ == "__main__":
    main()
