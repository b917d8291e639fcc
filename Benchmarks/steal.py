#!/usr/bin/env python3
"""Given two first lines of /proc/stat (before, after), prints the share of
CPU time the host gave to other machines meanwhile (steal), in percent."""
import sys

before, after = ([int(x) for x in line.split()[1:]] for line in sys.argv[1:3])
delta = [b - a for a, b in zip(before, after)]
print(f"{100 * delta[7] / max(1, sum(delta)):.0f}")
