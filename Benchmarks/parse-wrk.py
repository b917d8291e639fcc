#!/usr/bin/env python3
"""Reads wrk --latency output; prints "median_ms p99_ms requests_per_second requests"."""
import re, sys

text = sys.stdin.read()


def ms(label):
    match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
requests = re.search(r"(\d+) requests in", text)
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
if non2xx:
    print(f"wrk saw {non2xx.group(1)} non-2xx/3xx responses", file=sys.stderr)
print(f"{ms('50%'):.2f} {ms('99%'):.2f} {float(rps.group(1)) if rps else 0:.0f} {requests.group(1) if requests else 0}")
