"""The Python half of `cargo xtask bench`, as a server that the Rust runner
(crates/bench/src/python.rs) drives one round at a time, so that Rust and
every interpreter take their turns in the same rounds: A B C D A B C D.

One command per line on stdin, one JSON object per line on stdout:
  setup GROUP [ARG]  build the group's variants (pools started here, before
                     any timing) -> {"variants": [{name, threads, size, unit}]}
  round              run each variant once -> {"samples": [per unit, ...]}
  end                close the group's pools -> {"ended": true}
An error in a command answers {"error": "..."}; end of input ends the server."""

from __future__ import annotations

import argparse
import json
import sys
import traceback

import groups


def build(words: list[str], cores: int, smoke: bool) -> groups.Group:
    name, args = words[0], words[1:]
    match name, args:
        case "cpu", []:
            return groups.cpu(cores, smoke, threads_only=False)
        case "cpu", ["threads"]:
            return groups.cpu(cores, smoke, threads_only=True)
        case "channel", []:
            return groups.channels(smoke)
        case "spawn", []:
            return groups.spawn(smoke)
        case "counter", [threads]:
            return groups.counter(smoke, int(threads))
        case "echo", []:
            return groups.echo(smoke)
        case "sizes", [size]:
            return groups.sizes(smoke, cores, int(size))
        case "startup", []:
            return groups.startup(smoke, cores)
        case "oversubscribed", []:
            return groups.oversubscribed(smoke, cores)
        case "initializer", [("time" | "bytes" | "pickles") as report]:
            return groups.initializer(smoke, cores, report)
    raise ValueError(f"no such group: {' '.join(words)}")


def sample(variant: groups.Variant) -> float:
    amount, units = variant.run()
    scale = 1e9 if variant.unit.startswith("ns/") else 1.0
    return amount * scale / units


def answer(value: dict) -> None:
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def serve(cores: int, smoke: bool) -> None:
    group: groups.Group | None = None
    for line in sys.stdin:
        words = line.split()
        try:
            match words:
                case ["setup", *what]:
                    if group is not None:
                        group.close()
                        group = None
                    group = build(what, cores, smoke)
                    answer(
                        {
                            "variants": [
                                {
                                    "name": v.name,
                                    "threads": v.threads,
                                    "size": v.size,
                                    "unit": v.unit,
                                }
                                for v in group.variants
                            ]
                        }
                    )
                case ["round"] if group is not None:
                    answer({"samples": [sample(v) for v in group.variants]})
                case ["end"] if group is not None:
                    group.close()
                    group = None
                    answer({"ended": True})
                case _:
                    raise ValueError(f"unexpected command {line.strip()!r}")
        except Exception as error:  # the runner shows it and stops
            answer({"error": "".join(traceback.format_exception(error)).strip()})
    if group is not None:
        group.close()
    groups.Shared.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cores", type=int, required=True)
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    serve(args.cores, args.smoke)


if __name__ == "__main__":
    main()
