#!/usr/bin/env python3
"""Janus host test runner (Python 3 standard library only).

Builds the kernel if needed, boots every configuration in tests/configs under
QEMU (in parallel, up to the number of cores), keeps each serial log in
build/test-results/, parses the KTAP the kernel prints, and fails on any
`not ok`, a plan that does not match the cases seen, a panic or oops, a
machine reset (triple fault), or a timeout. It also checks that gdb can still
debug the kernel. The last line is always
    selftest: N passed, N failed, N skipped

    tests/run.py                 run every configuration
    tests/run.py tcg-up iso      run only these
    tests/run.py --bench         boot the benchmarks, write build/bench.json
"""
import concurrent.futures
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
ELF = os.path.join(BUILD, "janus.elf")
ISO = os.path.join(BUILD, "janus.iso")
INITRD = os.path.join(BUILD, "initrd.tar")
RESULTS = os.path.join(BUILD, "test-results")
QEMU = "qemu-system-i386"
QEMU_COMMON = ["-m", "128M", "-display", "none", "-monitor", "none", "-serial", "stdio",
               "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 0x10 * 2 + 1, 0x11 * 2 + 1, 0x12 * 2 + 1
TAIL_LINES = 40

TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")
RESULT = re.compile(r"^(ok|not ok) (\d+) (.*?)(?:\s+#\s*(SKIP)\b\s*(.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)$")
PANIC = re.compile(r"Kernel panic - not syncing: (.*)")
OOPS = re.compile(r"^Oops: .*")  # die() prints it first in every oops (arch/x86/traps.c)
HUNG = re.compile(r"^INFO: task .* blocked for more than")  # kernel/hung_task.c


def qemu_argv(args):
    """The QEMU command for args; a -kernel boot also gets the initrd, as a Multiboot module."""
    if "-kernel" in args:
        args = args + ["-initrd", INITRD]
    return [QEMU] + QEMU_COMMON + args


class Config:
    def __init__(self, name, timeout, expect, qemu_args, cmdline):
        self.name, self.timeout, self.cmdline = name, timeout, cmdline
        self.expect = [e.strip() for e in expect.split(";") if e.strip()]
        # stop:TEXT: a boot that runs on (no self-test), stopped once TEXT is seen
        self.stop_at = next((e.split(":", 1)[1] for e in self.expect if e.startswith("stop:")),
                            None)
        self.qemu_args = qemu_args

    def argv(self):
        args = [a.format(elf=ELF, iso=ISO) for a in shlex.split(self.qemu_args)]
        if self.cmdline:
            args += ["-append", self.cmdline]
        return qemu_argv(args)


def read_configs(path):
    configs = []
    for lineno, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != 5:
            sys.exit("%s:%d: want 5 columns separated by '|', got %d" % (path, lineno, len(cols)))
        configs.append(Config(cols[0], int(cols[1]), cols[2], cols[3], cols[4]))
    return configs


# ---------------------------------------------------------------- booting

class Boot:
    """One QEMU run: its serial lines, how it ended and when KTAP started."""

    def __init__(self, argv, timeout, log_path, stop_at=None):
        self.lines, self.timed_out, self.stopped, self.exit_status = [], False, False, None
        self.first_ktap = None
        start = time.monotonic()
        with open(log_path, "w") as log:
            proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)
            timer = threading.Timer(timeout, self._kill, [proc])
            timer.start()
            for raw in proc.stdout:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                log.write(line + "\n")
                self.lines.append(line)
                if self.first_ktap is None and line.endswith("KTAP version 1"):
                    self.first_ktap = time.monotonic() - start
                if stop_at and stop_at in line and not self.stopped:
                    self.stopped = True
                    proc.kill()
            self.exit_status = proc.wait()
            timer.cancel()
        self.seconds = time.monotonic() - start

    def _kill(self, proc):
        self.timed_out = True
        proc.kill()


# ---------------------------------------------------------------- KTAP

class Ktap:
    """The KTAP stream of one boot: suites with their cases, plans and diagnostics."""

    def __init__(self, lines):
        self.started, self.plan, self.suites = False, None, []
        suite, diag = None, []
        for raw in lines:
            line = TIMESTAMP.sub("", raw)
            body = line.strip()
            indent = len(line) - len(line.lstrip(" "))
            if body == "KTAP version 1" and indent == 0:
                self.started = True
                continue
            if not self.started:
                continue
            if indent == 0:
                m = PLAN.match(body)
                if m and self.plan is None:
                    self.plan = int(m.group(1))
                m = RESULT.match(body)
                if m and suite is not None:
                    suite["result"] = m.group(1)
                    self.suites.append(suite)
                    suite = None
            elif indent == 4:
                if body.startswith("# Subtest:"):
                    suite = {"name": body.split(":", 1)[1].strip(), "plan": None,
                             "cases": [], "result": None}
                    diag = []
                elif suite is None:
                    continue
                elif PLAN.match(body) and suite["plan"] is None:
                    suite["plan"] = int(PLAN.match(body).group(1))
                elif RESULT.match(body):
                    m = RESULT.match(body)
                    suite["cases"].append({"name": m.group(3), "ok": m.group(1) == "ok",
                                           "skip": m.group(4) is not None,
                                           "number": int(m.group(2)), "diag": diag})
                    diag = []
                elif body.startswith("#"):
                    diag.append(body)
        self.unfinished = suite

    def counts(self):
        cases = [c for s in self.suites for c in s["cases"]]
        if self.unfinished:
            cases += self.unfinished["cases"]
        skipped = sum(1 for c in cases if c["skip"])
        failed = sum(1 for c in cases if not c["ok"])
        return len(cases) - skipped - failed, failed, skipped


def analyse(boot, ktap):
    """Every reason this boot failed, as (kind, text) pairs; [] means a clean pass."""
    problems = []
    for suite in ktap.suites + ([ktap.unfinished] if ktap.unfinished else []):
        for c in suite["cases"]:
            if not c["ok"]:
                problems.append(("fail", "%s.%s" % (suite["name"], c["name"]),
                                 "\n".join(c["diag"])))
        numbers = [c["number"] for c in suite["cases"]]
        if numbers != list(range(1, len(numbers) + 1)):
            problems.append(("ktap", "suite %s numbers its cases %s" % (suite["name"], numbers), ""))
        if suite is not ktap.unfinished and suite["plan"] != len(suite["cases"]):
            problems.append(("plan", "suite %s planned %s cases but ran %d" %
                             (suite["name"], suite["plan"], len(suite["cases"])), ""))
    for line in boot.lines:
        text = TIMESTAMP.sub("", line)
        m = PANIC.search(text)
        if m:
            problems.append(("panic", m.group(1).strip(), ""))
        elif OOPS.match(text):
            problems.append(("oops", text.strip(), ""))
    if boot.stopped:
        return problems  # stopped on purpose: no KTAP result and no exit status to judge
    if boot.timed_out:
        problems.append(("timeout", "no result after the timeout", ""))
    elif not ktap.started:
        problems.append(("ktap", "no KTAP output at all", ""))
    elif ktap.unfinished or ktap.plan != len(ktap.suites):
        problems.append(("incomplete", "KTAP planned %s suites, %d finished" %
                         (ktap.plan, len(ktap.suites)), ""))
    if not boot.timed_out:
        if boot.exit_status == 0:
            problems.append(("reset", "QEMU stopped without a result: a triple fault or "
                             "reboot (-no-reboot)", ""))
        elif boot.exit_status == EXIT_PANIC:
            problems.append(("exit", "the kernel panicked (QEMU exit status %d)"
                             % boot.exit_status, ""))
        elif boot.exit_status != EXIT_PASS:
            problems.append(("exit", "QEMU exit status %d, want %d" %
                             (boot.exit_status, EXIT_PASS), ""))
    return problems


def expected(expect, problems, lines):
    """For a configuration that must fail: (expected events not found, unexpected failures).

    Expected events: fail:SUITE.CASE, panic:TEXT, oops:TEXT (failures the analysis must
    report), log:TEXT (a line of the serial log must contain TEXT) and nolog:TEXT
    (no line may contain TEXT)."""
    wants = [tuple(w.split(":", 1)) for w in expect]
    text = [TIMESTAMP.sub("", l) for l in lines]

    def found(kind, want):
        if kind in ("log", "stop"):
            return any(want in l for l in text)
        if kind == "nolog":
            return not any(want in l for l in text)
        return any(p[0] == kind and want in p[1] for p in problems)

    def wanted(p):
        return any(p[0] == kind and want in p[1] for kind, want in wants)

    missing = ["%s:%s" % w for w in wants if not found(*w)]
    # A panic ends the KTAP stream early and exits with the panic status: part of the same event.
    panics = any(kind == "panic" for kind, _ in wants)
    extra = [p for p in problems if not wanted(p) and not (panics and p[0] in ("incomplete", "exit"))]
    return missing, extra


# ---------------------------------------------------------------- running

def tail(lines, n=TAIL_LINES):
    return "\n".join("    | " + l for l in lines[-n:])


def first_report(lines, timed_out):
    """What went wrong first, where the tail only shows how it ended: the start of the
    first oops or panic or, for a boot that timed out, of the last hung-task report
    (the hung_task suite provokes one on purpose early on). "" if the tail holds it."""
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


def run_config(config):
    log_path = os.path.join(RESULTS, config.name + ".log")
    boot = Boot(config.argv(), config.timeout, log_path, config.stop_at)
    ktap = Ktap(boot.lines)
    problems = analyse(boot, ktap)
    passed, failed, skipped = ktap.counts()
    timing = "boot to KTAP %s, total %.1f s" % (
        "%.2f s" % boot.first_ktap if boot.first_ktap is not None else "-", boot.seconds)
    if "pass" in config.expect:
        # Everything passes, and the log lines asked for alongside are there.
        missing, _ = expected([e for e in config.expect if e != "pass"], [], boot.lines)
        ok = not problems and not missing
        details = "\n".join(["  %s: %s" % (k, t) + "".join("\n      " + l for l in d.splitlines())
                             for k, t, d in problems] + ["  not seen: %s" % m for m in missing])
        summary = "%d passed, %d failed, %d skipped" % (passed, failed, skipped)
        if not ok and not failed:
            failed = 1  # the boot itself failed (panic, timeout, reset...): count it
    else:
        missing, extra = expected(config.expect, problems, boot.lines)
        ok = not missing and not extra
        passed, failed, skipped = (1, 0, 0) if ok else (0, 1, 0)
        summary = ("expected outcome seen: %s" % "; ".join(config.expect)
                   if ok else "expected outcome NOT seen")
        details = "\n".join(["  not detected: %s" % m for m in missing] +
                            ["  unexpected %s: %s" % (k, t) for k, t, _ in extra])
    report = "[%s] %-10s %s (%s)" % ("PASS" if ok else "FAIL", config.name, summary, timing)
    if not ok:
        report += "\n" + details + first_report(boot.lines, boot.timed_out)
        report += "\n  serial log tail (%s):\n%s" % (log_path, tail(boot.lines))
    return ok, (passed, failed, skipped), report, boot.first_ktap


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_gdb_check():
    """QEMU paused with its gdb stub; gdb must stop in kmain and show it in the backtrace."""
    port = free_port()
    qemu = subprocess.Popen(qemu_argv(["-kernel", ELF, "-S", "-gdb", "tcp:127.0.0.1:%d" % port]),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    try:
        out = subprocess.run(
            # gdb retries a refused connection (tcp auto-retry) while QEMU starts up.
            ["gdb", "-batch", "-nx", "-x", os.path.join(ROOT, "tools/gdbinit"),
             "-ex", "file " + ELF, "-ex", "target remote 127.0.0.1:%d" % port, "-ex", "hbreak kmain",
             "-ex", "continue", "-ex", "bt", "-ex", "current"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60).stdout
    except (subprocess.TimeoutExpired, FileNotFoundError) as e:
        out = "gdb did not run: %s" % e
    finally:
        qemu.kill()
        qemu.wait()
    ok = re.search(r"^#0\s+(0x[0-9a-f]+ in )?kmain \(", out, re.M) is not None and "swapper/0" in out
    report = "[%s] %-10s %s" % ("PASS" if ok else "FAIL", "gdb",
                                 "hbreak kmain, continue, bt shows kmain; `current` is swapper/0"
                                 if ok else "gdb could not stop in kmain")
    if not ok:
        report += "\n" + "\n".join("    | " + l for l in out.splitlines()[-TAIL_LINES:])
    return ok, ((1, 0, 0) if ok else (0, 1, 0)), report, None


def build():
    proc = subprocess.run(["make", "-s", "-C", ROOT, "all", "iso"], capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout + proc.stderr)
    return proc.returncode == 0


def run_tests(names):
    configs = read_configs(os.path.join(ROOT, "tests", "configs"))
    if names:
        configs = [c for c in configs if c.name in names]
    jobs = [(lambda c=c: run_config(c)) for c in configs]
    if not names or "gdb" in names:
        jobs.append(run_gdb_check)
    totals, all_ok, ktap_times = [0, 0, 0], True, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for fut in concurrent.futures.as_completed([pool.submit(j) for j in jobs]):
            ok, counts, report, first_ktap = fut.result()
            print(report, flush=True)
            all_ok &= ok
            totals = [a + b for a, b in zip(totals, counts)]
            if first_ktap is not None:
                ktap_times.append(first_ktap)
    if ktap_times:
        print("boot to first KTAP line: fastest %.2f s, slowest %.2f s" %
              (min(ktap_times), max(ktap_times)))
    print("selftest: %d passed, %d failed, %d skipped" % tuple(totals))
    return 0 if all_ok and totals[1] == 0 else 1


# ---------------------------------------------------------------- benchmarks

BENCH_CONFIGS = [
    ("tcg-icount", "TCG, -icount shift=0, 2 CPUs: the TSC counts guest instructions",
     ["-accel", "tcg", "-icount", "shift=0", "-smp", "2"]),
    ("kvm", "KVM (software kvm-pvm here), 2 CPUs: real cycles, noisy",
     ["-accel", "kvm", "-smp", "2"]),
]
BENCH_LINE = re.compile(r"bench: (\S+) (\d+) (.+)$")


def run_bench():
    results = {}
    for name, label, args in BENCH_CONFIGS:
        if name == "kvm" and not os.access("/dev/kvm", os.R_OK | os.W_OK):
            results[name] = {"label": label, "error": "/dev/kvm is not usable"}
            continue
        boot = Boot(qemu_argv(args + ["-kernel", ELF, "-append", "bench"]), 300,
                    os.path.join(RESULTS, "bench-%s.log" % name))
        values = {}
        for line in boot.lines:
            m = BENCH_LINE.search(TIMESTAMP.sub("", line))
            if m:
                values[m.group(1)] = {"value": int(m.group(2)), "unit": m.group(3)}
        done = any("bench: done" in l for l in boot.lines) and boot.exit_status == EXIT_PASS
        results[name] = {"label": label, "results": values}
        if not done:
            results[name]["error"] = "did not finish (exit status %s)" % boot.exit_status
        print("%s (%s)%s" % (name, label, ": " + results[name]["error"] if not done else ""))
        for key, v in values.items():
            print("  %-28s %12d %s" % (key, v["value"], v["unit"]))
    with open(os.path.join(BUILD, "bench.json"), "w") as f:
        json.dump(results, f, indent=2)
    print("wrote build/bench.json")
    return 0 if "error" not in results["tcg-icount"] else 1


def main(argv):
    os.makedirs(RESULTS, exist_ok=True)
    if not build():
        print("selftest: 0 passed, 1 failed, 0 skipped")
        return 1
    if argv[:1] == ["--bench"]:
        return run_bench()
    return run_tests(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
