#!/usr/bin/env python3
"""Where the wasm's bytes go: `twiggy top` of a name-keeping optimized build, summed by crate
(and by module for Pressline itself). Usage: wasm-breakdown.py NAMED.wasm [--items N]"""
import csv
import io
import re
import subprocess
import sys
from collections import Counter

path = sys.argv[1]
items = int(sys.argv[sys.argv.index("--items") + 1]) if "--items" in sys.argv else 0
rows = list(csv.DictReader(io.StringIO(subprocess.run(
    ["twiggy", "top", "-n", "1000000", "--format", "csv", path],
    check=True, capture_output=True, text=True).stdout)))

CRATE = re.compile(r"\b(pressline::(?:ui|core)::\w+|pressline_app|[a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::")
by_crate, total = Counter(), 0
for row in rows:
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith("custom section") or "function names" in name or "data names" in name:
        continue
    total += size
    if name.startswith("data segment"):
        key = "(data: strings, tables, vtables)"
    elif name.startswith("import ") or name.startswith("export ") or name.startswith("elem"):
        key = "(imports, exports, tables)"
    else:
        # The innermost named crate of a generic's type arguments is usually who asked for it.
        crates = [c for c in CRATE.findall(name) if c not in ("core", "alloc", "std", "impl")]
        key = crates[0] if crates else (CRATE.findall(name) or ["(other)"])[0]
    by_crate[key] += size
print(f"{'bytes':>9} {'share':>6}  crate (by the innermost crate named in each function)")
for key, size in by_crate.most_common(25):
    print(f"{size:9d} {100 * size / total:5.1f}%  {key}")
print(f"{total:9d} 100.0%  code and data, optimized, before compression")
if items:
    print(f"\nLargest {items} items:")
    for row in sorted(rows, key=lambda r: -int(r["ShallowSize"]))[:items]:
        if "custom section" not in row["Name"] and "names" not in row["Name"]:
            print(f"{int(row['ShallowSize']):9d}  {row['Name'][:110]}")
