# Running one configuration: the timeout scale of a busy host, the boot, its
# verdict, and the report line (with the first oops, the post-mortem and the log's
# tail when it failed); the gdb check.
import os
import re
import subprocess
import time

from .drivers import run_driver
from .ktap import HUNG, OOPS, PANIC, TIMESTAMP, Ktap
from .qemu import (ELF, RESULTS, ROOT, TAIL_LINES, Boot, free_port, qemu_argv, start_qemu,
                   stop_qemu)
from .verdict import analyse, check_log, judge_expected_failure


def timeout_scale(jobs):
    """How much slower than an idle machine to expect this run to be: JANUS_TIMEOUT_SCALE
    if set, else the parallel boots per core times the load already on the machine
    (the higher of the 1- and 5-minute load averages, per core), at least 1, at most 6.
    Timeouts grow with it, so a busy host does not turn a slow pass into a failure; a real
    hang still fails. The 5-minute average keeps the scale up through a lull of a minute
    in a busy stretch: a boot lasts about one, and the lock-up detectors' thresholds are
    host time (four vCPUs queued on one ticket spinlock with interrupts off, at host load
    10, left one of them without a tick for 10 s)."""
    env = os.environ.get("JANUS_TIMEOUT_SCALE")
    if env:
        return max(1.0, float(env))
    cores = os.cpu_count() or 1
    try:
        load = max(os.getloadavg()[:2])
    except OSError:
        load = 0.0
    return min(6.0, max(1.0, jobs / cores) * max(1.0, load / cores))


class Outcome:
    def __init__(self, name, ok, counts, cases, report, first_ktap=None, seconds=0.0, problems=()):
        self.name, self.ok, self.counts, self.cases = name, ok, counts, cases
        self.report, self.first_ktap, self.seconds = report, first_ktap, seconds
        self.problems = list(problems)


def tail(lines, n=TAIL_LINES):
    return "\n".join("    | " + l for l in lines[-n:])


def first_report(lines, timed_out):
    """What went wrong first, where the tail only shows how it ended: the start of the
    first oops or panic or, for a boot that timed out, of the last hung-task report.
    "" if the tail holds it."""
    body = lines[:-TAIL_LINES]
    found = [i for i, l in enumerate(body)
             if OOPS.match(TIMESTAMP.sub("", l)) or PANIC.search(l)][:1]
    if not found and timed_out:
        found = [i for i, l in enumerate(body) if HUNG.match(TIMESTAMP.sub("", l))][-1:]
    if not found:
        return ""
    i = found[0]
    part = lines[max(0, i - 5):min(i + TAIL_LINES, len(body))]
    return "\n  first report (line %d):\n%s" % (i + 1, tail(part, len(part)))


def run_config(config, suites, scale, log_name=None):
    log_path = os.path.join(RESULTS, (log_name or config.name) + ".log")
    timeout = config.timeout * scale
    boot = Boot(config.argv(scale), timeout, log_path, config.stop_at, interactive=bool(config.driver))
    checks = run_driver(boot, config, log_path, scale) if config.driver else []
    if config.driver:
        boot.stop()
    boot.wait()
    ktap = Ktap(boot.lines)
    problems = analyse(config, boot, ktap, suites)
    cases = [(name, "skip" if c["skip"] else "pass" if c["ok"] else "fail")
             for name, c in ktap.cases()]
    cases += [("%s:%s" % (config.driver, r["name"]), "pass" if r["ok"] else "fail") for r in checks]
    problems += [("check", "%s:%s" % (config.driver, r["name"]), r["diag"])
                 for r in checks if not r["ok"]]
    timing = "boot to KTAP %s, total %.1f s, timeouts x%.1f" % (
        "%.2f s" % boot.first_ktap if boot.first_ktap is not None else "-", boot.seconds, scale)
    if config.passes or not config.outcomes():
        problems += [("log", b, "") for b in check_log(config.expect, boot.lines)]
        ok = not problems
        if not cases:  # a boot without self-tests or checks (stop:): the boot is the case
            cases = [(config.name + ":boot", "pass" if not problems else "fail")]
        counts = [sum(1 for _, r in cases if r == k) for k in ("pass", "fail", "skip")]
        if not ok and not counts[1]:
            counts[1] = 1  # the boot itself failed (panic, timeout, missing suite...): count it
        summary = "%d passed, %d failed, %d skipped" % tuple(counts)
        details = problems
    else:
        missing, extra = judge_expected_failure(config, problems)
        log_bad = check_log(config.expect, boot.lines)
        ok = not missing and not extra and not log_bad
        counts = [1, 0, 0] if ok else [0, 1, 0]
        cases = [(config.name + ":expected-outcome", "pass" if ok else "fail")]
        summary = ("expected outcome seen: %s" % "; ".join(config.expect)
                   if ok else "expected outcome NOT seen")
        details = ([("not detected", m, "") for m in missing] +
                   [("unexpected " + k, t, d) for k, t, d in extra] + [("log", b, "") for b in log_bad])
    report = "%-12s %s (%s)" % (config.name, summary, timing)
    if not ok:
        report += "\n" + "\n".join("  %s: %s" % (k, t) + "".join("\n      " + l for l in d.splitlines())
                                   for k, t, d in details)
        report += first_report(boot.lines, boot.timed_out)
        if boot.postmortem:
            report += "\n  post-mortem of the hung guest (gdb jx-hang):\n" + "\n".join(
                "    # " + l for l in boot.postmortem.splitlines() if not l.startswith("Janus gdb helpers"))
        report += "\n  serial log tail (%s):\n%s" % (log_path, tail(boot.lines))
        report += "\n  rerun: tests/run.py %s" % config.name
    return Outcome(config.name, ok, counts, cases, report, boot.first_ktap, boot.seconds,
                   [(k, t) for k, t, _ in details])


def run_gdb_check(scale):
    """QEMU paused with its gdb stub; gdb must stop in kmain and show it in the backtrace."""
    port = free_port()
    qemu = start_qemu(qemu_argv(["-kernel", ELF, "-S", "-gdb", "tcp:127.0.0.1:%d" % port]),
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                      stdin=subprocess.DEVNULL)
    start = time.monotonic()
    try:
        # gdb retries a refused connection (tcp auto-retry) while QEMU starts up.
        out = subprocess.run(
            ["gdb", "-batch", "-nx", "-x", os.path.join(ROOT, "tools/gdbinit"),
             "-ex", "file " + ELF, "-ex", "target remote 127.0.0.1:%d" % port, "-ex", "hbreak kmain",
             "-ex", "continue", "-ex", "bt", "-ex", "current"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60 * scale).stdout
    except (subprocess.TimeoutExpired, FileNotFoundError) as e:
        out = "gdb did not run: %s" % e
    finally:
        stop_qemu(qemu)
    ok = re.search(r"^#0\s+(0x[0-9a-f]+ in )?kmain \(", out, re.M) is not None and "swapper/0" in out
    report = "%-12s %s" % ("gdb", "hbreak kmain, continue, bt shows kmain; `current` is swapper/0"
                           if ok else "gdb could not stop in kmain")
    if not ok:
        report += "\n" + "\n".join("    | " + l for l in out.splitlines()[-TAIL_LINES:])
        report += "\n  rerun: tests/run.py gdb"
    return Outcome("gdb", ok, [1, 0, 0] if ok else [0, 1, 0],
                   [("gdb:kmain-backtrace", "pass" if ok else "fail")], report,
                   seconds=time.monotonic() - start)
