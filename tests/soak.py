#!/usr/bin/env python3
"""make soak DURATION=600: the long runs of the torture suite and the system-call
fuzzer (tests/kernel/torture.c, tests/kernel/syscall_fuzz.c) on -smp 4, judged
by the same runner as make test (tests/run.py): every case ok, no undeclared
report, no crash. Half the time goes to the six torture cases, the rest to at
least a million fuzzed system calls (about 15,000 a second under TCG).

    tests/soak.py [SECONDS] [SMP]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (tests/run.py: the runner)


def main(argv):
    seconds = int(argv[0]) if argv else 600
    cpus = int(argv[1]) if len(argv) > 1 else 4
    torture_ms = max(400, seconds * 1000 // 2 // 6)
    calls = max(1000000, seconds // 2 * 15000)
    cmdline = ("selftest=torture,syscall_fuzz torture_ms=%d fuzz_calls=%d fuzz_seed=%d "
               "hung_task_timeout_secs=120 irq_warn_us=500000" % (torture_ms, calls, seconds))
    config = run.Config("soak", seconds * 3 + 300, "pass", "-accel tcg -smp %d -kernel {elf}" % cpus,
                        cmdline)
    os.makedirs(run.RESULTS, exist_ok=True)
    if not run.build():
        return 1
    run.log("soak: %d s on %d CPUs: torture %d ms per case, %d fuzzed system calls" %
            (seconds, cpus, torture_ms, calls))
    out = run.run_config(config, run.known_suites(), 1.0)
    run.log(out.report)
    return 0 if out.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
