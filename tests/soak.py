#!/usr/bin/env python3
"""make soak DURATION=600: the long runs of the torture suite and the system-call
fuzzer (tests/kernel/torture.c, tests/kernel/syscall_fuzz.c) on -smp 4, judged
by the same runner as make test (tests/run.py): every case ok, no undeclared
report, no crash. Half the time goes to the six torture cases, the rest to the
fuzzer: at least a million calls, and more until its half of the time has
passed (about 15,000 calls a second on an idle host under TCG; a loaded host
takes longer for its million, and the timeout grows with the load).

    tests/soak.py [SECONDS] [SMP]
"""
import argparse
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tests/run.py: the runner)


# The soak looks for crashes, broken invariants and lost wake-ups, not for
# handler latency: with 4 virtual CPUs on a loaded host, a torture handler
# spinning on a lock whose holder's virtual CPU the host has descheduled
# waits as long as the host likes (0.5-1 s was seen at load 18). make bench
# measures handler times; here only a handler stuck for 10 s is reported.
IRQ_WARN_US = 10000000


def parse(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seconds", nargs="?", type=int, default=600, help="length of the soak (default 600)")
    ap.add_argument("smp", nargs="?", type=int, default=4, help="virtual CPUs (default 4)")
    args = ap.parse_args(argv)
    if args.seconds < 1 or args.smp < 1:
        ap.error("SECONDS and SMP must be positive")
    return args.seconds, args.smp


def main(argv):
    seconds, cpus = parse(argv)
    run.kill_qemu_on_signals((signal.SIGTERM, signal.SIGINT, signal.SIGHUP))  # no QEMU outlives it
    torture_ms = max(400, seconds * 1000 // 2 // 6)
    calls, fuzz_secs = 1000000, max(1, seconds // 2)
    cmdline = ("selftest=torture,syscall_fuzz torture_ms=%d fuzz_calls=%d fuzz_secs=%d "
               "fuzz_seed=%d hung_task_timeout_secs=120 irq_warn_us=%d" %
               (torture_ms, calls, fuzz_secs, seconds, IRQ_WARN_US))
    config = run.Config("soak", seconds * 3 + 300, "pass", "-accel tcg -smp %d -kernel {elf}" % cpus,
                        cmdline)
    os.makedirs(run.RESULTS, exist_ok=True)
    if not run.build():
        return 1
    run.log("soak: %d s on %d CPUs: torture %d ms per case, at least %d fuzzed system calls "
            "and %d s of them" % (seconds, cpus, torture_ms, calls, fuzz_secs))
    # A loaded host makes the same work take longer: scale the timeout like make test does.
    out = run.run_config(config, run.known_suites(), run.timeout_scale(1))
    run.log(out.report)
    return 0 if out.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
