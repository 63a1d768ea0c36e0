#!/usr/bin/env python3
"""Janus host test runner (Python 3 standard library only).

Builds the kernel if needed, boots the configurations of tests/configs under
QEMU (in parallel, one per core), keeps each serial log in build/test-results/,
parses the KTAP the kernel prints, and fails a configuration on any `not ok`, a
plan that does not match the cases seen, a suite that should have run and did
not, a selftest= glob that matches no suite, too few cases, a panic or oops, an
undeclared kernel report (BUG:, WARNING:, lock checker, hung task, slow
handler) or a declared one that never came, a machine reset, or a timeout.
Configurations with drive:NAME also run tests/drivers/NAME.py against the
running QEMU (serial input, QMP, gdb). docs/testing.md describes it all.
The last line is always
    selftest: N passed, N failed, N skipped

    tests/run.py                        run every configuration (and the gdb check)
    tests/run.py smp2 iso               run only these
    tests/run.py --repeat 30 --jobs 2 smp2 smp4   stress: boot them again and again
    tests/run.py --json FILE ...        also write the results as JSON
    tests/run.py --list                 list the configurations
    tests/run.py --bench                boot the benchmarks, write build/bench.json
"""
import argparse
import faulthandler
import os
import signal
import sys

# The runner's modules; other scripts (tools/grade.py, tests/bochs.py,
# tests/soak.py) import this file and use these names as run.NAME.
from runner.bench import run_bench
from runner.bench_linux import run_bench_linux
from runner.configs import Config, known_suites, read_configs, selected_suites  # noqa: F401
from runner.drivers import Session  # noqa: F401
from runner.ktap import OOPS, PANIC, REPORT, TIMESTAMP, Ktap, reports  # noqa: F401
from runner.qemu import (BUILD, DEFAULT_MEM, ELF, INITRD, QEMU, QEMU_COMMON, RESULTS,  # noqa: F401
                         ROOT, Boot, build, kill_qemu_on_signals, log, test_irq_warn)
from runner.runall import run_tests
from runner.runconfig import run_config, timeout_scale  # noqa: F401


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="docs/testing.md describes configurations and drivers.")
    ap.add_argument("configs", nargs="*", help="configuration names (default: all, and gdb)")
    ap.add_argument("--repeat", type=int, default=1, help="boot each configuration N times")
    ap.add_argument("--jobs", type=int, default=None, help="boots at a time (default: cores)")
    ap.add_argument("--json", metavar="FILE", help="write the results as JSON")
    ap.add_argument("--configs", dest="configs_file", metavar="FILE", help="the configurations (default: tests/configs; "
                    "tests/configs.bigsmp: -smp 16 and 32, `make bigsmp`)")
    ap.add_argument("--list", action="store_true", help="list the configurations")
    ap.add_argument("--bench", action="store_true", help="run the benchmarks")
    ap.add_argument("--bench-linux", action="store_true",
                    help="the user-mode benchmarks on Janus and on Debian's Linux, same QEMU")
    args = ap.parse_args(argv)
    kill_qemu_on_signals((signal.SIGTERM, signal.SIGINT, signal.SIGHUP))  # no QEMU outlives the runner
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # where is it stuck? (runner-check asks)
    if args.list:
        for c in read_configs(os.path.join(ROOT, "tests", "configs")):
            print("%-12s %s" % (c.name, c.cmdline or "(no command line)"))
        return 0
    os.makedirs(RESULTS, exist_ok=True)
    if not build():
        print("selftest: 0 passed, 1 failed, 0 skipped")
        return 1
    if args.bench:
        return run_bench()
    if args.bench_linux:
        return run_bench_linux()
    return run_tests(args.configs, max(1, args.repeat), args.jobs, args.json, args.configs_file)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
