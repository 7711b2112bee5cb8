#!/usr/bin/env python3
"""Compile-time benchmark: `cargo check` of a consumer crate through `catalogue!`, against the
same generated code written by hand, and against a naive generator's output.

Usage: python3 bench/compile_time.py [--runs N] [--sizes 100,1000,10000] [--dir DIR]
                                     [--optimize-macros] [--build] [--incremental]
       python3 bench/compile_time.py --clean-build [--runs N]

Needs only the Rust toolchain and python3. For each crate it takes the exact rustc command cargo
runs (`cargo check -v`), then runs that command N times, interleaving the three crates of a size,
so the numbers are rustc's own CPU time and peak memory (from wait4), without cargo's start-up.
It prints medians and the ratios the performance targets are stated in.

--clean-build instead times a clean `cargo build` (debug) of a small service with unkey-errors
against the same service with only thiserror and serde_json.

Each run is a whole check of the crate, without incremental compilation (what a first build or
CI pays). --incremental keeps cargo's incremental cache, so every run after the first re-checks
an unchanged crate: what each rebuild costs while only other crates change (the macro runs
again every time; rustc reuses what it can of the rest).

--build times `cargo build` (debug: code generation too) instead of `cargo check`.

--optimize-macros compiles the YAML parser and the macro's own crates with opt-level 3
(`[profile.dev.package.…]`), as README suggests for large catalogues.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# What README recommends: the YAML parser and our macro's crates at opt-level 3, the rest of the
# proc-macro world (syn, serde_derive…) left unoptimized so clean builds stay fast.
OPTIMIZED_MACROS = "".join(
    f"\n[profile.dev.package.{package}]\nopt-level = 3\n"
    for package in ["unsafe-libyaml", "serde_yaml", "unkey-errors-catalogue", "unkey-errors-codegen"]
)


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def rustc_command(workspace, crate, cargo_command, incremental):
    """The rustc invocation `cargo <cargo_command>` uses for `crate`, as a shell command line."""
    lib = os.path.join(workspace, crate, "src", "lib.rs")
    os.utime(lib)
    env = dict(os.environ, CARGO_INCREMENTAL="1" if incremental else "0")
    out = run(["cargo", cargo_command, "-v", "--offline", "-p", f"bench-{crate}"], cwd=workspace, env=env).stderr
    for line in out.splitlines():
        match = re.match(r"\s*Running `(.*)`$", line)
        if match and f"--crate-name bench_{crate.replace('-', '_')}" in match.group(1):
            return match.group(1)
    sys.exit(f"no rustc command found for {crate}:\n{out}")


def measure(command, cwd, manifest_dir):
    """CPU seconds (user + system), peak resident memory (MiB) and wall seconds of one run.

    Compare CPU time, not wall time: on a shared virtual machine, wall time also counts the moments
    another tenant holds the core (the same check varied by ±20% in wall time here)."""
    # cargo -v does not print the environment it gives rustc; the macro needs this part of it.
    env = dict(os.environ, CARGO_MANIFEST_DIR=manifest_dir)
    start = time.perf_counter()
    with subprocess.Popen(["sh", "-c", command], cwd=cwd, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        stderr = process.stderr.read()
        # wait4 reports this child's own resource use (rustc, which sh waited for, included).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"`{command}` failed:\n{stderr}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--dir", default=os.path.join(ROOT, "target", "compile-time"))
    parser.add_argument("--optimize-macros", action="store_true")
    parser.add_argument("--clean-build", action="store_true")
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--incremental", action="store_true")
    args = parser.parse_args()
    if args.clean_build:
        return clean_build(args)
    sizes = [int(s) for s in args.sizes.split(",")]

    run(["cargo", "run", "--quiet", "--release", "-p", "unkey-errors-bench", "--bin",
         "compile-time-crates", "--", args.dir, *map(str, sizes)], cwd=ROOT)
    if args.optimize_macros:
        with open(os.path.join(args.dir, "Cargo.toml"), "a") as manifest:
            manifest.write(OPTIMIZED_MACROS)
    # Dependencies once, so each measurement is the consumer crate alone.
    cargo_command = "build" if args.build else "check"
    # The same environment as the measured commands, so cargo does not rebuild the dependencies.
    env = dict(os.environ, CARGO_INCREMENTAL="1" if args.incremental else "0")
    subprocess.run(["cargo", cargo_command, "--quiet", "--offline", "--workspace"], cwd=args.dir, env=env, check=True)

    macros = "YAML parser and macro crates at opt-level 3" if args.optimize_macros else "unoptimized (the default)"
    cache = "incremental, warm" if args.incremental else "no incremental cache"
    print(f"rustc ({cargo_command}, dev profile, {cache}; proc macros {macros}), median of {args.runs} runs; "
          "CPU time (user + system) and peak RSS\n")
    print("| codes | catalogue! | written out | naive | catalogue! / written out | catalogue! / naive | memory catalogue! / naive |")
    print("|---|---|---|---|---|---|---|")
    kinds = ["ours", "expanded", "naive"]
    for n in sizes:
        commands = {kind: rustc_command(args.dir, f"{kind}-{n}", cargo_command, args.incremental)
                    for kind in kinds}
        runs = {kind: [] for kind in kinds}
        # Interleaved, so that the machine's drift during the runs touches all three alike.
        for _ in range(args.runs):
            for kind in kinds:
                runs[kind].append(measure(commands[kind], args.dir, os.path.join(args.dir, f"{kind}-{n}")))
        results = {kind: (statistics.median(r[0] for r in runs[kind]), statistics.median(r[1] for r in runs[kind]))
                   for kind in kinds}
        ours, expanded, naive = results["ours"], results["expanded"], results["naive"]
        print(f"| {n:,} | {ours[0]:.3f} s, {ours[1]:.0f} MiB | {expanded[0]:.3f} s, {expanded[1]:.0f} MiB "
              f"| {naive[0]:.3f} s, {naive[1]:.0f} MiB | {ours[0] / expanded[0]:.2f}x "
              f"| {ours[0] / naive[0]:.2f}x | {ours[1] / naive[1]:.2f}x |", flush=True)


def clean_build(args):
    directory = os.path.join(args.dir, "clean-build")
    run(["cargo", "run", "--quiet", "--release", "-p", "unkey-errors-bench", "--bin",
         "clean-build-crates", "--", directory], cwd=ROOT)
    print(f"clean `cargo build` (debug, default features), median of {args.runs} runs\n")
    print("| service | wall time | packages compiled (dependencies) |")
    print("|---|---|---|")
    times = {}
    for name in ["with-thiserror-only", "with-unkey-errors"]:
        crate = os.path.join(directory, name)
        runs = []
        for _ in range(args.runs):
            subprocess.run(["cargo", "clean", "--quiet"], cwd=crate, check=True)
            _, _, seconds = measure("cargo build --quiet --offline", crate, crate)
            runs.append(seconds)
        tree = run(["cargo", "tree", "--offline", "--prefix", "none", "-e", "normal,build"], cwd=crate).stdout
        times[name] = statistics.median(runs)
        # Each package once (`(*)` marks a repeat), without the service itself.
        packages = {line.removesuffix(" (*)") for line in tree.splitlines() if line} - {tree.splitlines()[0]}
        print(f"| {name} | {times[name]:.1f} s | {len(packages)} |", flush=True)
    ratio = times["with-unkey-errors"] / times["with-thiserror-only"]
    print(f"\nunkey-errors / thiserror only: {ratio:.2f}x")


if __name__ == "__main__":
    main()
