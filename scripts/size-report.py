#!/usr/bin/env python3
"""Size of the deployable widget: raw and gzip -9 bytes per file and in total.

Fails (exit 1) when the gzip total of dist/widget exceeds --limit-kb, or a
budget measured in a real browser run (target/size-budget.json, written by
tests/e2e/budget.test.mjs) is exceeded, so a size regression fails
`make test`. Names the toolchain that built the widget
(target/widget-build/toolchain.txt, written by scripts/build-widget.sh).
Also writes target/size-report.json.
"""

import argparse
import gzip
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The build's target folder: CARGO_TARGET_DIR when set, as for cargo.
TARGET = ROOT / os.environ.get("CARGO_TARGET_DIR", "target")


def gzip_size(data: bytes) -> int:
    # mtime=0: the same bytes give the same size on every run.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def read_toolchain(path: Path):
    """The `key: value` lines of toolchain.txt, or None without one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def read_budget(path: Path):
    """What tests/e2e/budget.test.mjs measured, or None before it ran."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(ROOT / "dist" / "widget"))
    parser.add_argument("--limit-kb", type=float, default=60, help="gzip total limit, KB of 1000 bytes")
    parser.add_argument("--json", default=str(TARGET / "size-report.json"))
    parser.add_argument("--budget", default=str(TARGET / "size-budget.json"))
    parser.add_argument("--toolchain", default=str(TARGET / "widget-build" / "toolchain.txt"))
    args = parser.parse_args()

    widget = Path(args.dir)
    files = sorted(p for p in widget.rglob("*") if p.is_file())
    if not files:
        sys.exit(f"size-report: no files in {widget}; run `make dist` first")

    rows = []
    for path in files:
        data = path.read_bytes()
        rows.append({"file": path.relative_to(widget).as_posix(), "raw": len(data), "gzip": gzip_size(data)})

    total = {"raw": sum(r["raw"] for r in rows), "gzip": sum(r["gzip"] for r in rows)}
    # One visitor of the built-in questionnaire, in Indonesian: every file
    # but the other language's pack and the validator (only `src` pages
    # load it). The browser-measured figure (below) is the one gated.
    visitor_rows = [r for r in rows if not r["file"].endswith(".en.txt") and "validate" not in r["file"]]
    visitor = {"raw": sum(r["raw"] for r in visitor_rows), "gzip": sum(r["gzip"] for r in visitor_rows)}
    limit = round(args.limit_kb * 1000)

    width = max(len(r["file"]) for r in rows + [{"file": "one visitor (script embed, id)"}])
    line = "-" * (width + 24)
    print(f"{'dist/widget':<{width}} {'raw':>10} {'gzip -9':>10}")
    print(line)
    for r in rows:
        print(f"{r['file']:<{width}} {r['raw']:>10,} {r['gzip']:>10,}")
    print(line)
    print(f"{'total (every file)':<{width}} {total['raw']:>10,} {total['gzip']:>10,}")
    print(f"{'one visitor (script embed, id)':<{width}} {visitor['raw']:>10,} {visitor['gzip']:>10,}")
    print("  one visitor = every file except *.en.txt and the validator (loaded only for `src`)")
    budget = read_budget(Path(args.budget))
    budget_ok = True
    if budget is None:
        print(f"measured in a browser: not yet ({args.budget} is missing; tests/e2e/budget.test.mjs writes it)")
    else:
        print("measured in a browser (every response for the widget, load to results, gzip -9):")
        for name, result in sorted(budget["measured"].items()):
            limit_bytes = budget["budgets"]["src" if name == "src" else "builtin"]
            fits = result["total"] <= limit_bytes
            budget_ok &= fits
            what = "a src visitor, the file aside" if name == "src" else f"a visitor of the built-in, {name[-2:]}"
            print(f"  {'ok  ' if fits else 'FAIL'} {what:<34} {result['total']:>8,} B of {limit_bytes:,} B")
    toolchain = read_toolchain(Path(args.toolchain))
    if toolchain is None:
        print(f"built with: unknown ({args.toolchain} is missing; run `make dist`)")
    else:
        print(f"built with: {toolchain.get('rustc', '?')} ({toolchain.get('build', '?')})")
        tools = [f"{name} {toolchain[name]}" for name in ("wasm-bindgen", "wasm-opt", "terser") if name in toolchain]
        print(f"            {', '.join(tools)}")
    ok = total["gzip"] <= limit
    verdict = "ok" if ok else "FAIL"
    print(f"{verdict}: gzip total {total['gzip'] / 1000:.1f} KB, limit {limit / 1000:.1f} KB")
    ok &= budget_ok

    report = {
        "files": rows,
        "total": total,
        "visitor": visitor,
        "limit_gzip": limit,
        "ok": ok,
        "toolchain": toolchain,
        "browser": budget,
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
