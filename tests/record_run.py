"""Records real runs of one example for its page, with the facts of the
machine they ran on: `python3 tests/record_run.py NAME [--python PATH]...`
writes examples/recorded/NAME.txt. Used where a page shows counts that
differ from run to run (the expectation only says their shape), as the
timelines record theirs; tests/test_recorded_runs.py keeps each recorded
output matching the example's expectation."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECS = 300  # one command, building included: a guard against hangs


def run(command: list[str]) -> str:
    """One command's output; any failure, or the limit, names the command."""
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=LIMIT_SECS, check=False
        )
    except subprocess.TimeoutExpired:
        sys.exit(f"record_run: `{' '.join(command)}` ran past {LIMIT_SECS} s and was stopped")
    if done.returncode != 0:
        sys.exit(f"record_run: `{' '.join(command)}` failed:\n{done.stderr}")
    return done.stdout


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def facts(pythons: list[str]) -> list[str]:
    virtual = "hypervisor" in Path("/proc/cpuinfo").read_text().split()
    lines = [
        f"machine: {cpu_model()}, {os.cpu_count()} logical CPUs"
        + (", a virtual machine" if virtual else ""),
        f"rustc: {run(['rustc', '--version']).strip()}",
    ]
    for python in pythons:
        version = run([python, "-c", "import sys; print(sys.version.split()[0])"]).strip()
        lines.append(f"python: {Path(python).name} (CPython {version})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("--python", action="append", default=[], metavar="PATH")
    args = parser.parse_args()
    name = args.name
    if not (ROOT / "examples" / f"{name}.rs").exists():
        sys.exit(f"record_run: no example examples/{name}.rs")
    commands = [
        ["cargo", "run", "--quiet", "--release", "--example", name],
        ["cargo", "run", "--quiet", "--example", name],
    ] + [[python, f"examples/{name}.py"] for python in args.python]
    text = [
        f"# Recorded by `python3 tests/record_run.py {name}"
        + "".join(f" --python {Path(p).name}" for p in args.python)
        + "`: one run of each command.",
        *facts(args.python),
    ]
    for command in commands:
        # Interpreters by name only: the page is read on other machines.
        shown = [Path(command[0]).name, *command[1:]]
        text += ["", "$ " + " ".join(shown), run(command).rstrip("\n")]
    out = ROOT / "examples" / "recorded" / f"{name}.txt"
    out.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
