"""Sums up a table of Benchmarks/compare: per page the mean server CPU time
per request on each side, and how much more or less the new side took,
as measured and relative to /health in the same turns.

    python3 Benchmarks/summarize.py results/….md
"""
import statistics
import sys

cpu = {}
for line in open(sys.argv[1]):
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) != 8 or not cells[0].isdigit():
        continue
    side, page, per_request = cells[1], cells[2], float(cells[6])
    cpu.setdefault(page, {}).setdefault(side, []).append(per_request)

health = {side: statistics.mean(values) for side, values in cpu.get("/health", {}).items()}
print("| page | old: CPU ms per request | new | change | change relative to /health |")
print("|---|---|---|---|---|")
for page, sides in cpu.items():
    old, new = statistics.mean(sides.get("old", [0])), statistics.mean(sides.get("new", [0]))
    change = new / old - 1 if old else 0
    relative = (new / health["new"]) / (old / health["old"]) - 1 if old and health.get("old") and health.get("new") else 0
    print(f"| {page} | {old:.2f} | {new:.2f} | {change:+.0%} | {relative:+.0%} |")
