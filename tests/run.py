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
import collections
import concurrent.futures
import glob as globmod
import importlib.util
import json
import math
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
ELF = os.path.join(BUILD, "janus.elf")
ISO = os.path.join(BUILD, "janus.iso")
INITRD = os.path.join(BUILD, "initrd.tar")
RESULTS = os.path.join(BUILD, "test-results")
DRIVERS = os.path.join(ROOT, "tests", "drivers")
QEMU = "qemu-system-i386"
# -nic none: without it QEMU adds an e1000 on user-mode networking (the host's
# network) to every PC; the network configurations bring their own cards on
# an in-process hub instead.
QEMU_COMMON = ["-display", "none", "-monitor", "none", "-serial", "stdio", "-nic", "none",
               "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
DEFAULT_MEM = "128M"
# Handler times under TCG are host times: a host that pauses a virtual CPU
# stretches any handler (and a handler spinning on a lock whose holder's
# virtual CPU the host paused). Test boots report only handlers slower than
# half a second on an idle host (the GRUB self-test entry says the same),
# that times the run's timeout scale on a busy one; a configuration that sets
# irq_warn_us itself keeps its value, and seed_restrictions lowers it to show
# the report.
TEST_IRQ_WARN_US = 500000


def test_irq_warn(scale):
    return "irq_warn_us=%d" % int(TEST_IRQ_WARN_US * scale)
EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 0x10 * 2 + 1, 0x11 * 2 + 1, 0x12 * 2 + 1
TAIL_LINES = 40

TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")
RESULT = re.compile(r"^(ok|not ok) (\d+) (.*?)(?:\s+#\s*(SKIP)\b\s*(.*))?$")
PLAN = re.compile(r"^1\.\.(\d+)$")
PANIC = re.compile(r"Kernel panic - not syncing: (.*)")
# panic() repeats its message last, once the other CPUs are stopped: that line is
# whole, where the first may be cut by another CPU's output (kernel/panic.c).
PANIC_END = re.compile(r"---\[ end Kernel panic - not syncing: (.*) \]---")
OOPS = re.compile(r"^Oops: .*")  # die() prints it first in every oops (arch/x86/traps.c)
HUNG = re.compile(r"^INFO: task .* (blocked|runnable but not run) for more than")  # kernel/hung_task.c
# A kernel report: what a case must declare (kunit_expect_report) if it provokes it.
REPORT = re.compile(r"(?:^|: )(?:BUG|WARNING): |^kernel BUG at "
                    r"|^INFO: task .* (?:blocked|runnable but not run) for more than"
                    r"|^irq \d+ handler .* took \d+ us|inconsistent lock state|hard LOCKUP"
                    r"|^irq \d+: nobody cared")
EXPECT = re.compile(r"^# expect: (.*)$")
LISTED = re.compile(r"^selftest: suite (\S+) \d+")
NO_SUITE = re.compile(r"^selftest: no suite (?:matches|selected by) '(.*)'")
# Lines before a report line that belong to it (a WARN prints its message above "WARNING:").
REPORT_CONTEXT = 3


def log(msg=""):
    print(msg, flush=True)


# ---------------------------------------------------------------- configurations

class Config:
    """One line of tests/configs: name | timeout | expectation | QEMU arguments | command line."""

    def __init__(self, name, timeout, expect, qemu_args, cmdline):
        self.name, self.timeout, self.cmdline = name, timeout, cmdline
        self.expect = [e.strip() for e in expect.split(";") if e.strip()]
        self.qemu_args = qemu_args
        self.stop_at = self.value("stop")
        self.driver = self.value("drive")
        self.suites = [s for s in (self.value("suites") or "").split(",") if s]
        self.min_cases = int(self.value("min") or 0)
        self.passes = not self.outcomes()  # no failure expected: everything must pass
        m = re.search(r"(?:^|\s)selftest(?:=(\S*))?(?:\s|$)", cmdline)
        self.globs = None if not m else [g for g in (m.group(1) or "*").split(",")]

    def value(self, kind):
        return next((e.split(":", 1)[1] for e in self.expect if e.startswith(kind + ":")), None)

    def outcomes(self):
        """Expected problems of a configuration that must fail (fail:, panic:, ...)."""
        return [tuple(e.split(":", 1)) for e in self.expect
                if ":" in e and e.split(":", 1)[0] not in NOT_OUTCOMES]

    def argv(self, scale=1.0):
        """The QEMU command. The guest's own timeout on the command line
        (hung_task_timeout_secs=N) is scaled like the runner's."""
        args = [a.format(elf=ELF, iso=ISO) for a in shlex.split(self.qemu_args)]
        cmdline = re.sub(r"\bhung_task_timeout_secs=(\d+)",
                         lambda m: "hung_task_timeout_secs=%d" % math.ceil(int(m.group(1)) * scale),
                         self.cmdline)
        cmdline = re.sub(r"\{pad:(\d+)\}", lambda m: "x" * int(m.group(1)), cmdline)
        if "-kernel" in args and "irq_warn_us=" not in cmdline:
            cmdline = (test_irq_warn(scale) + " " + cmdline).strip()  # first: a cut keeps it
        if cmdline:
            args += ["-append", cmdline]
        return qemu_argv(args)


# Expectation items that are not problems the analysis must report.
NOT_OUTCOMES = {"log", "nolog", "stop", "drive", "suites", "min"}


def qemu_argv(args):
    """The QEMU command for args: a -kernel boot also gets the initrd, as a Multiboot
    module; -m 128M unless the configuration says otherwise."""
    if "-kernel" in args:
        args = args + ["-initrd", INITRD]
    if "-m" not in args:
        args = ["-m", DEFAULT_MEM] + args
    return [QEMU] + QEMU_COMMON + args


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


SUITE_DEF = re.compile(r"struct kunit_suite\s+\w+\s*=\s*\{(.*?)\};", re.S)


def known_suites():
    """Every suite in the source: {name: explicit_only}."""
    suites = {}
    for path in globmod.glob(os.path.join(ROOT, "**", "*.c"), recursive=True):
        if "/build/" in path:
            continue
        text = open(path, errors="replace").read()
        if "kunit_test_suite(" not in text:
            continue
        for body in SUITE_DEF.findall(text):
            m = re.search(r'\.name\s*=\s*"([^"]+)"', body)
            if m:
                suites[m.group(1)] = bool(re.search(r"\.explicit_only\s*=\s*true", body))
    return suites


def glob_match(pattern, name):
    """The kernel's glob (kernel/lib/glob.c): * and ? and [...]."""
    rx = ""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            rx += ".*"
        elif c == "?":
            rx += "."
        elif c == "[" and "]" in pattern[i + 1:]:
            j = pattern.index("]", i + 1)
            rx += "[" + pattern[i + 1:j].replace("!", "^", 1) + "]"
            i = j
        else:
            rx += re.escape(c)
        i += 1
    return re.fullmatch(rx, name) is not None


def selected_suites(globs, suites):
    """The suites selftest=GLOBS runs, and the globs that select none."""
    chosen, unmatched = set(), []
    for g in globs:
        hits = {n for n, explicit in suites.items() if (n == g if explicit else glob_match(g, n))}
        if not hits and g != "list":
            unmatched.append(g)
        chosen |= hits
    return chosen, unmatched


# ---------------------------------------------------------------- booting

class Boot:
    """One QEMU run: its serial lines, how it ended and when KTAP started. With a
    driver, stdin is the guest's serial input and QMP and gdb are reachable."""

    def __init__(self, argv, timeout, log_path, stop_at=None, interactive=False):
        self.lines, self.timed_out, self.stopped, self.exit_status = [], False, False, None
        self.first_ktap = None
        self.timeout, self.stop_at = timeout, stop_at
        self.cond = threading.Condition()
        self.start = time.monotonic()
        self.qmp_path, self.postmortem = None, ""
        # Every boot has a gdb stub, so that a hang can be examined before QEMU is killed.
        self.gdb_port = free_port()
        argv = argv + ["-gdb", "tcp:127.0.0.1:%d" % self.gdb_port]
        if interactive:
            self.qmp_path = os.path.join(tempfile.mkdtemp(prefix="janus-qmp-"), "qmp.sock")
            argv = argv + ["-qmp", "unix:%s,server=on,wait=off" % self.qmp_path]
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.PIPE if interactive else subprocess.DEVNULL)
        self.timer = threading.Timer(timeout, self._time_out)
        self.timer.start()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self.log.write(line + "\n")
            with self.cond:
                self.lines.append(line)
                if self.first_ktap is None and line.endswith("KTAP version 1"):
                    self.first_ktap = time.monotonic() - self.start
                if self.stop_at and self.stop_at in line and not self.stopped:
                    self.stop()
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def _time_out(self):
        self.timed_out = True
        if self.proc.poll() is None:
            self.postmortem = postmortem(self.gdb_port)
        self.proc.kill()

    def stop(self):
        """Ends QEMU on purpose: the run is judged on what it printed so far."""
        if self.proc.poll() is None:
            self.stopped = True
            self.proc.kill()

    def running(self):
        return self.proc.poll() is None

    def wait(self):
        self.exit_status = self.proc.wait()
        self.reader.join()
        self.timer.cancel()
        self.timer.join()  # a post-mortem in progress finishes first
        if self.postmortem:
            self.log.write("\n=== post-mortem (gdb jx-hang, tools/gdb/janus.py) ===\n" + self.postmortem)
        self.log.close()
        self.seconds = time.monotonic() - self.start
        if self.qmp_path:
            try:
                os.unlink(self.qmp_path)
                os.rmdir(os.path.dirname(self.qmp_path))
            except OSError:
                pass
        return self


def gdb_batch(port, commands, timeout):
    """gdb -batch with tools/gdbinit against the stub on port: its output."""
    argv = ["gdb", "-batch", "-nx", "-x", os.path.join(ROOT, "tools/gdbinit"),
            "-ex", "file " + ELF, "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        argv += ["-ex", c]
    try:
        return subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, cwd=ROOT, text=True,
                              timeout=timeout).stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or ""
        return (out.decode("utf-8", "replace") if isinstance(out, bytes) else out) + "\n(gdb timed out)"
    except OSError as e:
        return "gdb did not run: %s" % e


def postmortem(port):
    """What a hung guest is doing, read through its gdb stub before it is killed:
    every CPU's place, context, runqueue and backtrace, the tasks, and the log
    lines no console printed (jx-hang in tools/gdb/janus.py)."""
    return gdb_batch(port, ["jx-hang"], 120)


# ---------------------------------------------------------------- drivers

class Session:
    """What a driver (tests/drivers/NAME.py, run(session)) gets: the running guest.

    write(data)                 bytes or str to the guest's serial line (COM1)
    expect(regex, timeout=10)   waits for a serial line (from the read position on) to
                                match; returns the match and moves the read position
                                past that line, or None on timeout
    lines                       every serial line so far (timestamps included)
    qmp(command, **arguments)   a QMP command; returns its "return" value (raises on error)
    sendkey(keys)               types on the guest's PS/2 keyboard: "a", "shift-a", "ret"
                                (QEMU's key names, as the monitor's sendkey)
    gdb(*commands, timeout=60)  gdb -batch with tools/gdbinit, connected to the guest's
                                stub: its output
    gdb_port, elf, log_path, config
    check(name, ok, diag="")    records one named result; the runner counts it like a
                                KTAP case and prints diag (str, may be multi-line) on failure
    wait_exit(timeout)          waits for the kernel to exit QEMU; True if it did
    Timeouts are in seconds and scaled like the configuration's (--jobs, JANUS_TIMEOUT_SCALE).
    """

    def __init__(self, boot, config, log_path, scale):
        self.boot, self.config, self.log_path, self.scale = boot, config, log_path, scale
        self.gdb_port, self.elf = boot.gdb_port, ELF
        self.results = []
        self.pos = 0
        self._qmp = None

    @property
    def lines(self):
        with self.boot.cond:
            return list(self.boot.lines)

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.boot.proc.stdin.write(data)
        self.boot.proc.stdin.flush()

    def expect(self, regex, timeout=10):
        rx = re.compile(regex)
        end = time.monotonic() + timeout * self.scale
        with self.boot.cond:
            while True:
                while self.pos < len(self.boot.lines):
                    m = rx.search(self.boot.lines[self.pos])
                    self.pos += 1
                    if m:
                        return m
                left = end - time.monotonic()
                if left <= 0 or (not self.boot.running() and not self.boot.reader.is_alive()):
                    return None
                self.boot.cond.wait(min(left, 0.5))

    def qmp(self, command, **arguments):
        if self._qmp is None:
            self._qmp = Qmp(self.boot.qmp_path, 10 * self.scale)
        return self._qmp.command(command, arguments)

    def sendkey(self, keys):
        return self.qmp("human-monitor-command", **{"command-line": "sendkey " + keys})

    def gdb(self, *commands, timeout=60):
        return gdb_batch(self.gdb_port, commands, timeout * self.scale)

    def check(self, name, ok, diag=""):
        self.results.append({"name": name, "ok": bool(ok), "diag": str(diag) if not ok else ""})
        return bool(ok)

    def wait_exit(self, timeout):
        try:
            self.boot.proc.wait(timeout * self.scale)
            return True
        except subprocess.TimeoutExpired:
            return False

    def close(self):
        if self._qmp:
            self._qmp.close()


class Qmp:
    """A minimal QMP client on QEMU's unix socket."""

    def __init__(self, path, timeout):
        end = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.settimeout(timeout)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > end:
                    raise
                time.sleep(0.05)
        self.file = self.sock.makefile("rwb")
        self._reply()  # the greeting
        self.command("qmp_capabilities", {})

    def _reply(self):
        while True:
            msg = json.loads(self.file.readline())
            if "event" not in msg:
                return msg

    def command(self, command, arguments):
        msg = {"execute": command}
        if arguments:
            msg["arguments"] = arguments
        self.file.write(json.dumps(msg).encode() + b"\n")
        self.file.flush()
        reply = self._reply()
        if "error" in reply:
            raise RuntimeError("QMP %s: %s" % (command, reply["error"].get("desc")))
        return reply.get("return")

    def close(self):
        self.sock.close()


def load_driver(name):
    path = os.path.join(DRIVERS, name + ".py")
    spec = importlib.util.spec_from_file_location("janus_driver_" + name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def run_driver(boot, config, log_path, scale):
    session = Session(boot, config, log_path, scale)
    try:
        load_driver(config.driver)(session)
    except Exception as e:  # a driver's bug or a dead guest: one failed check, never a crash
        session.check("driver %s" % config.driver, False, "%s: %s" % (type(e).__name__, e))
    finally:
        session.close()
    return session.results


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

    def all_suites(self):
        return self.suites + ([self.unfinished] if self.unfinished else [])

    def cases(self):
        return [("%s.%s" % (s["name"], c["name"]), c) for s in self.all_suites() for c in s["cases"]]


def reports(lines):
    """(declared, undeclared, unseen) kernel reports of a serial log.

    A case declares a report with a "# expect: TEXT" line (kunit_expect_report) before it
    provokes it; the declaration holds until its suite ends. A report line (REPORT) is
    declared if an open declaration's TEXT is in it or in the REPORT_CONTEXT lines above.
    A declaration that no report matched is "unseen", unless its case was skipped (it
    found it could not provoke the report here)."""
    text = [TIMESTAMP.sub("", l) for l in lines]
    open_decls, seen, declared, undeclared, unseen = [], set(), [], [], []
    case_start = 0  # the line after the last case's result: where the current case began
    for i, line in enumerate(text):
        body = line.strip()
        m = EXPECT.match(body)
        if m:
            open_decls.append((i, m.group(1).strip()))
            continue
        result = RESULT.match(body)
        if line and not line.startswith(" ") and result:  # a suite ended
            unseen += [d for d in open_decls if d[0] not in seen]
            open_decls, case_start = [], i + 1
            continue
        if result:  # a case ended
            if result.group(4):  # skipped: what it declared is void
                open_decls = [d for d in open_decls if d[0] < case_start or d[0] in seen]
            case_start = i + 1
            continue
        if body.startswith("#") or not REPORT.search(body):
            continue
        window = "\n".join(text[max(0, i - REPORT_CONTEXT):i + 1])
        hit = [d for d in open_decls if d[1] in window]
        if hit:
            seen.update(d[0] for d in hit)
            declared.append(body)
        else:
            undeclared.append((i + 1, body))
    unseen += [d for d in open_decls if d[0] not in seen]
    return declared, undeclared, [t for _, t in unseen]


def analyse(config, boot, ktap, suites):
    """Every reason this boot failed, as (kind, text, details) triples; [] is a clean pass."""
    problems = []
    for suite in ktap.all_suites():
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
    text = [TIMESTAMP.sub("", l) for l in boot.lines]
    ends = [m.group(1).strip() for m in map(PANIC_END.search, text) if m]
    problems += [("panic", t, "") for t in ends]
    for line in text:
        m = PANIC.search(line)
        if m:
            if not ends:
                problems.append(("panic", m.group(1).strip(), ""))
        elif OOPS.match(line):
            problems.append(("oops", line.strip(), ""))
        m = NO_SUITE.match(line)
        if m:
            problems.append(("nosuite", "the kernel says: %s" % line.strip(), ""))
    _, undeclared, unseen = reports(boot.lines)
    declared_by_config = [w for k, w in config.outcomes() + [tuple(e.split(":", 1)) for e in
                          config.expect if e.startswith("log:")] if k in ("log", "panic", "oops")]
    for lineno, line in undeclared:
        if not any(w in line for w in declared_by_config):
            problems.append(("undeclared", line, "serial log line %d: a report no case declared "
                             "(kunit_expect_report) and the configuration does not expect; it goes on:\n"
                             % lineno + "\n".join(text[lineno:lineno + 12])))
    for t in unseen:
        problems.append(("unseen", t, "declared with kunit_expect_report, never reported"))
    if config.globs is not None:
        chosen, unmatched = selected_suites(config.globs, suites)
        for g in unmatched:
            problems.append(("nosuite", "selftest= glob '%s' matches no suite in the source" % g, ""))
        ran = {s["name"] for s in ktap.suites}
        if config.globs == ["list"]:  # the kernel's list must be the source's
            listed = {m.group(1) for m in (LISTED.match(l) for l in text) if m}
            for name in sorted(set(suites) - listed):
                problems.append(("missing", "suite %s is in the source, not in selftest=list" % name, ""))
            for name in sorted(listed - set(suites)):
                problems.append(("unknown", "selftest=list shows suite %s, which the runner did not "
                                 "find in the source" % name, ""))
        elif config.passes:
            for name in sorted((chosen | set(config.suites)) - ran):
                problems.append(("missing", "suite %s did not run" % name, ""))
            if ktap.started and ktap.plan == 0:
                problems.append(("empty", "the KTAP plan is 1..0: nothing ran", ""))
    ncases = len(ktap.cases())
    if config.min_cases and ncases < config.min_cases:
        problems.append(("few", "%d cases ran, the configuration wants at least %d" %
                         (ncases, config.min_cases), ""))
    if boot.stopped or config.driver:
        if boot.timed_out:
            problems.append(("timeout", "no result after %.0f s" % boot.timeout, ""))
        return problems  # stopped on purpose: no exit status to judge
    if boot.timed_out:
        problems.append(("timeout", "no result after %.0f s" % boot.timeout, ""))
    elif not ktap.started and config.globs != ["list"]:
        problems.append(("ktap", "no KTAP output at all", ""))
    elif ktap.started and (ktap.unfinished or ktap.plan != len(ktap.suites)):
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


def check_log(expect, lines):
    """log:TEXT items not found and nolog:TEXT items found."""
    text = [TIMESTAMP.sub("", l) for l in lines]
    bad = []
    for e in expect:
        kind, _, want = e.partition(":")
        if kind in ("log", "stop") and not any(want in l for l in text):
            bad.append("not seen: %s" % e)
        elif kind == "nolog" and any(want in l for l in text):
            bad.append("seen: %s" % e)
    return bad


def judge_expected_failure(config, problems):
    """For a configuration that must fail: (expected outcomes not found, unexpected problems)."""
    wants = config.outcomes()

    def wanted(p):
        return any(p[0] == kind and want in p[1] for kind, want in wants)

    missing = ["%s:%s" % w for w in wants if not any(p[0] == w[0] and w[1] in p[1] for p in problems)]
    # A panic ends the KTAP stream early and exits with the panic status, a failure exits
    # with the failure status: consequences of the expected event, not extra problems.
    consequences = {"exit"} | ({"incomplete"} if any(k == "panic" for k, _ in wants) else set())
    extra = [p for p in problems if not wanted(p) and p[0] not in consequences]
    return missing, extra


# ---------------------------------------------------------------- running one configuration

def timeout_scale(jobs):
    """How much slower than an idle machine to expect this run to be: JANUS_TIMEOUT_SCALE
    if set, else the parallel boots per core times the load already on the machine
    (1-minute load average per core), at least 1, at most 6. Timeouts grow with it, so a
    busy host does not turn a slow pass into a failure; a real hang still fails."""
    env = os.environ.get("JANUS_TIMEOUT_SCALE")
    if env:
        return max(1.0, float(env))
    cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
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
    timing = "boot to KTAP %s, total %.1f s" % (
        "%.2f s" % boot.first_ktap if boot.first_ktap is not None else "-", boot.seconds)
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_gdb_check(scale):
    """QEMU paused with its gdb stub; gdb must stop in kmain and show it in the backtrace."""
    port = free_port()
    qemu = subprocess.Popen(qemu_argv(["-kernel", ELF, "-S", "-gdb", "tcp:127.0.0.1:%d" % port]),
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
        qemu.kill()
        qemu.wait()
    ok = re.search(r"^#0\s+(0x[0-9a-f]+ in )?kmain \(", out, re.M) is not None and "swapper/0" in out
    report = "%-12s %s" % ("gdb", "hbreak kmain, continue, bt shows kmain; `current` is swapper/0"
                           if ok else "gdb could not stop in kmain")
    if not ok:
        report += "\n" + "\n".join("    | " + l for l in out.splitlines()[-TAIL_LINES:])
        report += "\n  rerun: tests/run.py gdb"
    return Outcome("gdb", ok, [1, 0, 0] if ok else [0, 1, 0],
                   [("gdb:kmain-backtrace", "pass" if ok else "fail")], report,
                   seconds=time.monotonic() - start)


def build():
    proc = subprocess.run(["make", "-s", "-C", ROOT, "all", "iso"], capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout + proc.stderr)
    return proc.returncode == 0


# ---------------------------------------------------------------- the whole run

def paint(ok, text):
    if not sys.stdout.isatty() or os.environ.get("NO_COLOR"):
        return text
    return "\033[%dm%s\033[0m" % (32 if ok else 31, text)


def run_tests(names, repeat=1, jobs=None, json_path=None, config_file=None):
    configs = read_configs(config_file or os.path.join(ROOT, "tests", "configs"))
    unknown = [n for n in names if n != "gdb" and n not in {c.name for c in configs}]
    if unknown:
        log("unknown configuration(s): %s (tests/run.py --list)" % ", ".join(unknown))
        log("selftest: 0 passed, 1 failed, 0 skipped")
        return 1
    if names:
        configs = [c for c in configs if c.name in names]
    jobs = jobs or os.cpu_count() or 1
    scale = timeout_scale(jobs)
    suites = known_suites()
    work = []
    for r in range(repeat):
        for c in configs:
            log_name = c.name if repeat == 1 else "%s.%d" % (c.name, r + 1)
            work.append((c.name, lambda c=c, n=log_name: run_config(c, suites, scale, n)))
        if ((not names and not config_file) or "gdb" in names) and r == 0:
            work.append(("gdb", lambda: run_gdb_check(scale)))
    total = len(work)
    log("booting %d configuration%s%s, %d at a time (timeouts x%.1f%s)" % (
        total, "" if total == 1 else "s", "" if repeat == 1 else " (%d rounds)" % repeat, jobs,
        scale, ", JANUS_TIMEOUT_SCALE" if os.environ.get("JANUS_TIMEOUT_SCALE") else ""))
    outcomes, totals, done = [], [0, 0, 0], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(fn) for _, fn in work]
        for fut in concurrent.futures.as_completed(futures):
            out = fut.result()
            done += 1
            outcomes.append(out)
            totals = [a + b for a, b in zip(totals, out.counts)]
            log("[%d/%d] %s %s" % (done, total, paint(out.ok, "PASS" if out.ok else "FAIL"), out.report))
    ktap_times = [o.first_ktap for o in outcomes if o.first_ktap is not None]
    if ktap_times:
        log("boot to first KTAP line: fastest %.2f s, slowest %.2f s" % (min(ktap_times), max(ktap_times)))
    distinct = {name for o in outcomes for name, _ in o.cases}
    failed = sorted({o.name for o in outcomes if not o.ok})
    if repeat > 1:
        flake_table(outcomes)
    log("%d configuration boots, %d failed%s; %d distinct cases; the total counts each case "
        "once per configuration (and round) that runs it" % (
            len(outcomes), len([o for o in outcomes if not o.ok]),
            " (rerun: tests/run.py %s)" % " ".join(failed) if failed else "", len(distinct)))
    if json_path:
        write_json(json_path, outcomes, totals, distinct, scale)
    all_ok = all(o.ok for o in outcomes) and totals[1] == 0
    log("selftest: %d passed, %d failed, %d skipped" % tuple(totals))
    return 0 if all_ok else 1


def flake_table(outcomes):
    """Per configuration: boots, failures, and which problems how often."""
    by_config = collections.OrderedDict()
    for o in sorted(outcomes, key=lambda o: o.name):
        by_config.setdefault(o.name, []).append(o)
    log("flake table:")
    log("  %-12s %5s %5s %8s %8s  %s" % ("config", "boots", "fails", "median s", "max s", "problems"))
    for name, runs in by_config.items():
        secs = sorted(o.seconds for o in runs)
        problems = collections.Counter("%s: %s" % p for o in runs for p in o.problems)
        log("  %-12s %5d %5d %8.1f %8.1f  %s" % (
            name, len(runs), len([o for o in runs if not o.ok]), secs[len(secs) // 2], secs[-1],
            "; ".join("%dx %s" % (n, p[:100]) for p, n in problems.most_common(5)) or "-"))


def write_json(path, outcomes, totals, distinct, scale):
    data = {"passed": totals[0], "failed": totals[1], "skipped": totals[2],
            "distinct_cases": len(distinct), "timeout_scale": scale,
            "configurations": [{"name": o.name, "ok": o.ok, "seconds": round(o.seconds, 2),
                                "passed": o.counts[0], "failed": o.counts[1], "skipped": o.counts[2],
                                "problems": [{"kind": k, "text": t} for k, t in o.problems],
                                "cases": [{"name": n, "result": r} for n, r in o.cases]}
                               for o in outcomes]}
    with open(path, "w") as f:
        json.dump(data, f, indent=1)


# ---------------------------------------------------------------- benchmarks

# Two legs, each a full boot with `bench`: time (plain TCG; TSC ticks -> ns
# at the host's known TSC rate, which is the guest's, else the kernel's calibrated tsc_khz) and path length (-icount shift=0: one
# TSC tick per guest instruction). No KVM leg: /dev/kvm on these machines is a
# software KVM that never finishes a boot. A leg that does not finish fails.
# Both again with the lock checker off (BENCH_NOCHECKS), for the paths it
# guards: what the debug checks cost.
BENCH_LEGS = [
    # The time leg also has two e1000 cards on an in-process hub, for the network
    # benchmarks (tests/kernel/bench_net.c); a flood under -icount is too slow.
    ("time", "plain TCG, 2 CPUs: TSC ticks converted to ns (the guest TSC is the host's)",
     ["-accel", "tcg", "-smp", "2", "-netdev", "hubport,id=a,hubid=0", "-device",
      "e1000,netdev=a,romfile=", "-netdev", "hubport,id=b,hubid=0", "-device",
      "e1000,netdev=b,romfile="]),
    ("icount", "TCG -icount shift=0, 2 CPUs: the TSC counts guest instructions",
     ["-accel", "tcg", "-icount", "shift=0", "-smp", "2"]),
]
BENCH_NOCHECKS = "nolockcheck"
NOCHECKS_FIGURES = {"int_iret", "vector_roundtrip", "irq_roundtrip", "wakeup_latency",
                    "yield_switch_2", "kthread_switch", "sysenter_sysexit", "null_syscall"}
BENCH_TIMEOUT = 600
BENCH_LINE = re.compile(r"bench: (\S+) batch=(\d+) n=(\d+) missed=(\d+) min=(\d+) p10=(\d+) "
                        r"median=(\d+) p90=(\d+) floor=(\S+)$")
BENCH_VALUE = re.compile(r"bench: (\S+) value=(\d+) unit=(\S+)$")
BENCH_FAILED = re.compile(r"bench: (.*failed.*)$")
TSC_KHZ = re.compile(r"bench: tsc_khz (\d+) kHz")
# Under -icount the CPUs take turns on one host thread and the TSC is the
# instructions of both: a cross-CPU latency in it is a sum, not a path length.
TIME_ONLY = {"ipi_oneway", "remote_wakeup_latency"}


def host_tsc_khz():
    """The host's TSC rate, if the host says it is constant and known (/proc/cpuinfo). Under
    plain TCG a guest rdtsc reads the host's TSC, so this converts the guest's ticks to time
    more exactly than the guest's own calibration against the emulated PIT, which a loaded
    host skews (by 40% in one run of 2026-11-30)."""
    try:
        text = open("/proc/cpuinfo").read()
    except OSError:
        return None
    flags = re.search(r"^flags\s*:(.*)$", text, re.M)
    mhz = re.search(r"^cpu MHz\s*:\s*([0-9.]+)", text, re.M)
    if not flags or not mhz or not {"constant_tsc", "nonstop_tsc", "tsc_known_freq"} <= set(
            flags.group(1).split()):
        return None
    return round(float(mhz.group(1)) * 1000)


def bench_leg(name, label, args, argv=None, cmdline="bench"):
    """One boot: {figure: stats per operation, in TSC ticks}, tsc_khz, and the errors seen."""
    argv = argv or qemu_argv(args + ["-kernel", ELF, "-append", cmdline])
    boot = Boot(argv, BENCH_TIMEOUT, os.path.join(RESULTS, "bench-%s.log" % name)).wait()
    figures, values, errors, khz = {}, {}, [], None
    for line in boot.lines:
        text = TIMESTAMP.sub("", line)
        m = BENCH_LINE.search(text)
        v = BENCH_VALUE.search(text)
        if v:
            values[v.group(1)] = {"value": int(v.group(2)), "unit": v.group(3)}
        elif m:
            batch = int(m.group(2))
            figures[m.group(1)] = dict(
                n=int(m.group(3)), missed=int(m.group(4)), floor=m.group(9),
                **{k: int(m.group(i)) / batch for i, k in
                   ((5, "min"), (6, "p10"), (7, "median"), (8, "p90"))})
        elif BENCH_FAILED.search(text):
            errors.append(BENCH_FAILED.search(text).group(1))
        elif TSC_KHZ.search(text):
            khz = int(TSC_KHZ.search(text).group(1))
    if boot.timed_out:
        errors.append("no result after %d s" % BENCH_TIMEOUT)
    elif not any("bench: done" in l for l in boot.lines) or boot.exit_status != EXIT_PASS:
        errors.append("did not finish (QEMU exit status %s)" % boot.exit_status)
    if not khz:
        errors.append("no tsc_khz line")
    guest_khz = khz
    if khz and "-icount" not in args and host_tsc_khz():
        khz = host_tsc_khz()  # the guest's TSC is the host's: its known rate, not a calibration
    return {"label": label, "qemu_args": args, "tsc_khz": khz, "guest_tsc_khz": guest_khz,
            "figures": figures,
            "values": values, "errors": errors, "seconds": round(boot.seconds, 1)}


def bench_table(legs):
    """Rows: figure, ns (median, p10-p90, min), instructions (median), floor, both ratios."""
    time, icount = legs["time"], legs["icount"]
    ns = lambda v: v * 1e6 / time["tsc_khz"]
    rows = []
    for fig in sorted(set(time["figures"]) | set(icount["figures"]),
                      key=lambda f: list(time["figures"]).index(f) if f in time["figures"] else 999):
        t, i = time["figures"].get(fig), icount["figures"].get(fig)
        if fig in TIME_ONLY:
            i = None
        floor = (t or i)["floor"]
        ft, fi = time["figures"].get(floor), icount["figures"].get(floor)
        row = {"figure": fig, "floor": floor,
               "ns": {k: round(ns(t[k]), 1) for k in ("median", "p10", "p90", "min")} if t else None,
               "instructions": round(i["median"], 1) if i else None,
               "missed": (t or i)["missed"],
               "ratio_ns": round(t["median"] / ft["median"], 2) if t and ft and ft["median"] else None,
               "ratio_instructions": round(i["median"] / fi["median"], 2)
               if i and fi and fi["median"] else None}
        rows.append(row)
    return rows


def print_bench_table(rows):
    head = "%-30s %10s %21s %10s %12s  %-20s %8s %8s" % (
        "figure", "ns median", "ns p10..p90", "ns min", "instructions", "floor", "x ns", "x instr")
    print(head)
    print("-" * len(head))
    fmt = lambda v, f="%.0f": "-" if v is None else f % v
    for r in rows:
        n = r["ns"] or {}
        print("%-30s %10s %21s %10s %12s  %-20s %8s %8s%s" % (
            r["figure"], fmt(n.get("median")),
            "%s..%s" % (fmt(n.get("p10")), fmt(n.get("p90"))) if n else "-", fmt(n.get("min")),
            fmt(r["instructions"]), r["floor"], fmt(r["ratio_ns"], "%.2f"),
            fmt(r["ratio_instructions"], "%.2f"),
            "  (%d missed)" % r["missed"] if r["missed"] else ""))


BOOT_FLOOR = os.path.join(BUILD, "bootfloor.elf")
BOOT_ROUNDS = 5


def bench_boot():
    """Seconds from starting QEMU to the first KTAP line, median of BOOT_ROUNDS, for Janus
    (selftest=boot) and the boot floor (tools/bootfloor/: a Multiboot kernel that only
    prints that line), booted alternately the same way in the same QEMU."""
    kernels = {"janus": ["-kernel", ELF, "-append", "selftest=boot"],
               "floor": ["-kernel", BOOT_FLOOR]}
    times, errors = {k: [] for k in kernels}, []
    for i in range(BOOT_ROUNDS):
        for name, args in kernels.items():
            boot = Boot(qemu_argv(["-accel", "tcg", "-smp", "2"] + args), 60,
                        os.path.join(RESULTS, "bench-boot-%s.log" % name),
                        stop_at="KTAP version 1").wait()
            if boot.first_ktap is None:
                errors.append("boot %s round %d: no KTAP line" % (name, i + 1))
            else:
                times[name].append(boot.first_ktap)
    result = {"rounds": BOOT_ROUNDS, "errors": errors}
    for name, t in times.items():
        result[name + "_s"] = sorted(t)[len(t) // 2] if t else None
    if result["janus_s"] and result["floor_s"]:
        result["ratio"] = round(result["janus_s"] / result["floor_s"], 2)
    return result


SERIAL_BYTES = 65536
SERIAL_ROUNDS = 5


def bench_serial():
    """Serial receive throughput, bytes/s, timed by the host: SERIAL_BYTES sent at
    full speed into the shell's `wc -c` (canonical mode, echo: what a paste does),
    next to the same bytes in the same boot into `rxcount` (raw mode, no echo: the
    UART, IRQ 4, the flip buffer and read(), without line editing or echo), the
    line discipline's share. Median of SERIAL_ROUNDS each, alternately. QEMU's
    16550 does not pace received bytes to the baud rate: a real one at 115200
    8N1 carries at most 11520 bytes/s."""
    boot = Boot(qemu_argv(["-accel", "tcg", "-smp", "2", "-kernel", ELF]), BENCH_TIMEOUT,
                os.path.join(RESULTS, "bench-serial.log"), interactive=True)
    s = Session(boot, None, boot.log.name, 1.0)
    data = (b"a" * 63 + b"\n") * (SERIAL_BYTES // 64)
    rates, errors = {"canonical": [], "raw": []}, []

    def command(text, ready):
        s.write(text + "\r")
        return s.expect(ready, 30)

    def paste(name, text, ready, done, eof=b""):
        if not command(text, ready):
            errors.append("%s: %r did not start" % (name, text))
            return
        start = time.monotonic()
        s.write(data + eof)
        m = s.expect(done, 120)
        if not m or int(m.group(1)) != len(data):
            errors.append("%s: %s of %d bytes arrived" % (name, m.group(1) if m else "none",
                                                          len(data)))
            return
        rates[name].append(len(data) / (time.monotonic() - start))

    if not s.expect(r"^Janus shell on ttyS0", 120):
        errors.append("no shell banner")
    else:
        s.write("dmesg -n 1\r")  # nothing but the shell on the line meanwhile
        for _ in range(SERIAL_ROUNDS):
            # wc prints nothing before the data: its own echo of the command is the cue.
            paste("canonical", "wc -c", r"^(?:\$ )?wc -c$", r"^\s*(\d+)$", b"\x04")
            paste("raw", "rxcount %d" % len(data), r"rxcount: ready", r"rxcount: (\d+) bytes")
    boot.stop()
    boot.wait()
    result = {"bytes": len(data), "rounds": SERIAL_ROUNDS, "errors": errors}
    for name, r in rates.items():
        r.sort()
        if r:
            result[name] = {"median": round(r[len(r) // 2]), "min": round(r[0]),
                            "max": round(r[-1])}
    return result


def print_serial(serial):
    c, r = serial.get("canonical"), serial.get("raw")
    if c and r:
        print("%-26s %10d bytes/s  (%d KiB pasted into wc -c over ttyS0, canonical mode with "
              "echo, median of %d, min %d, max %d)" % ("serial_rx", c["median"],
                                                       serial["bytes"] // 1024, serial["rounds"],
                                                       c["min"], c["max"]))
        print("%-26s %10d bytes/s  (the same bytes into rxcount: raw mode, no echo, same boot, "
              "min %d, max %d; raw over canonical x %.2f; a real 16550 at 115200 8N1: 11520)" % (
                  "serial_rx_raw", r["median"], r["min"], r["max"], r["median"] / c["median"]))
    for e in serial["errors"]:
        print("    FAILED: serial_rx: " + e)


def host_facts():
    qemu = subprocess.run([QEMU, "--version"], capture_output=True, text=True).stdout
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), "unknown")
    return {"qemu_version": qemu.splitlines()[0] if qemu else "unknown", "host_cpu": cpu,
            "host_cpus": os.cpu_count()}


def run_bench():
    legs = {name: bench_leg(name, label, args) for name, label, args in BENCH_LEGS}
    legs.update({name + "-nochecks": bench_leg(name + "-nochecks", label + ", " + BENCH_NOCHECKS,
                                               args, cmdline="bench " + BENCH_NOCHECKS)
                 for name, label, args in BENCH_LEGS})
    boot = bench_boot()
    serial = bench_serial()
    ok = all(not leg["errors"] for leg in legs.values()) and not boot["errors"] and \
        not serial["errors"]
    result = dict(host_facts(), legs=legs, boot=boot, serial=serial)
    print("Janus benchmarks: %s, host %s" % (result["qemu_version"], result["host_cpu"]))
    for name, leg in legs.items():
        print("  leg %-7s %s (tsc_khz %s%s, %.0f s)%s" % (
            name, leg["label"], leg["tsc_khz"],
            "" if leg["tsc_khz"] == leg["guest_tsc_khz"] else
            ": the host's TSC rate; the guest calibrated %s" % leg["guest_tsc_khz"], leg["seconds"],
            "".join("\n    FAILED: " + e for e in leg["errors"])))
    if all(leg["tsc_khz"] for leg in legs.values()):
        nochecks = [dict(r, figure=r["figure"] + " (%s)" % BENCH_NOCHECKS) for r in bench_table(
            {"time": legs["time-nochecks"], "icount": legs["icount-nochecks"]})
            if r["figure"] in NOCHECKS_FIGURES]
        result["table"] = bench_table(legs) + nochecks
        print_bench_table(result["table"])
        for name, v in legs["time"]["values"].items():
            print("%-26s %10d %s" % (name, v["value"], v["unit"]))
    if boot.get("ratio"):
        print("%-26s %10.0f ms  (QEMU start to the first KTAP line, median of %d; floor: a "
              "Multiboot kernel that only prints it, %.0f ms; x %.2f)" % (
                  "boot_to_ktap", boot["janus_s"] * 1000, boot["rounds"], boot["floor_s"] * 1000,
                  boot["ratio"]))
    print_serial(serial)
    for e in boot["errors"]:
        print("    FAILED: " + e)
        print("ns: plain TCG, median of %d samples (p10..p90, min); instructions: -icount "
              "shift=0, median;\nx ns / x instr: the figure over its floor, same boot; "
              "\"-\" under instructions: a cross-CPU figure, meaningless under icount"
              % BENCH_SAMPLES_EXPECTED)
    with open(os.path.join(BUILD, "bench.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("wrote build/bench.json%s" % ("" if ok else "; FAILED: a leg did not finish cleanly"))
    return 0 if ok else 1


BENCH_SAMPLES_EXPECTED = 1000


# ---------------------------------------------------------------- Linux beside Janus

LINUX_DIR = os.path.join(BUILD, "linux")
LINUX_PACKAGE = "linux-image-686:i386"  # Debian's i386 kernel (the metapackage's current one)
LINUX_FIGURES = ["null_syscall", "null_syscall_int80", "process_switch", "pipe_roundtrip"]


def sh(cmd, **kw):
    print("  $ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def linux_kernel():
    """build/linux/vmlinuz: Debian's i386 kernel, fetched with apt-get download once."""
    vmlinuz = os.path.join(LINUX_DIR, "vmlinuz")
    if os.path.exists(vmlinuz):
        return vmlinuz
    os.makedirs(LINUX_DIR, exist_ok=True)
    if "i386" not in subprocess.run(["dpkg", "--print-foreign-architectures"],
                                    capture_output=True, text=True).stdout.split():
        sh(["dpkg", "--add-architecture", "i386"])
        sh(["apt-get", "update", "-qq"])
    depends = subprocess.run(["apt-cache", "depends", LINUX_PACKAGE], capture_output=True,
                             text=True).stdout
    image = re.search(r"Depends: (linux-image-\S+)", depends)
    if not image:
        sys.exit("bench-linux: apt-cache knows no %s" % LINUX_PACKAGE)
    sh(["apt-get", "download", image.group(1)], cwd=LINUX_DIR)
    deb = next(f for f in os.listdir(LINUX_DIR) if f.endswith(".deb"))
    sh(["dpkg-deb", "-x", deb, "pkg"], cwd=LINUX_DIR)
    boot = os.path.join(LINUX_DIR, "pkg", "boot")
    os.rename(os.path.join(boot, next(f for f in os.listdir(boot) if f.startswith("vmlinuz"))),
              vmlinuz)
    return vmlinuz


def cpio_newc(entries):
    """A cpio archive in the kernel's initramfs format (newc) of (name, mode, data)."""
    out = b""
    for name, mode, data in entries + [("TRAILER!!!", 0, b"")]:
        fields = (0, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0)
        out += ("070701" + "".join("%08x" % f for f in fields)).encode() + name.encode() + b"\0"
        out += b"\0" * (-len(out) % 4) + data + b"\0" * (-len(data) % 4)
    return out


def linux_initramfs():
    """build/linux/initramfs.cpio: tools/bench-linux/linux_init.c as a static /init."""
    init = os.path.join(LINUX_DIR, "init")
    sh(["gcc", "-m32", "-static", "-O2", "-Wall", "-Wextra", "-Werror", "-o", init,
        os.path.join(ROOT, "tools", "bench-linux", "linux_init.c")])
    path = os.path.join(LINUX_DIR, "initramfs.cpio")
    with open(path, "wb") as f:
        f.write(cpio_newc([("dev", 0o40755, b""), ("sys", 0o40755, b""),
                           ("init", 0o100755, open(init, "rb").read())]))
    return path


def run_bench_linux():
    """Janus's time leg and Linux's, one after the other in the same QEMU, side by side."""
    os.makedirs(LINUX_DIR, exist_ok=True)
    vmlinuz, initramfs = linux_kernel(), linux_initramfs()
    name, label, args = BENCH_LEGS[0]
    janus = bench_leg("time", label, args)
    linux = bench_leg("linux", "Debian %s, plain TCG" % LINUX_PACKAGE, args, [QEMU] + QEMU_COMMON + args + [
        "-kernel", vmlinuz, "-initrd", initramfs, "-append", "console=ttyS0 quiet"])
    rows = []
    print("%-22s %12s %12s %10s" % ("figure (ns, median)", "Janus", "Linux", "Janus/Linux"))
    for fig in LINUX_FIGURES:
        j, l = janus["figures"].get(fig), linux["figures"].get(fig)
        jn = j["median"] * 1e6 / janus["tsc_khz"] if j and janus["tsc_khz"] else None
        ln = l["median"] * 1e6 / linux["tsc_khz"] if l and linux["tsc_khz"] else None
        rows.append({"figure": fig, "janus_ns": jn, "linux_ns": ln,
                     "ratio": round(jn / ln, 2) if jn and ln else None})
        print("%-22s %12s %12s %10s" % (fig, "%.0f" % jn if jn else "- (no such path)",
                                        "%.0f" % ln if ln else "-",
                                        "%.2f" % (jn / ln) if jn and ln else "-"))
    errors = janus["errors"] + ["linux: " + e for e in linux["errors"]]
    for e in errors:
        print("  FAILED: " + e)
    notes = [l.split("bench: ", 1)[1] for l in open(os.path.join(RESULTS, "bench-linux.log"),
                                                       errors="replace") if "not comparable" in l]
    for n in notes:
        print("  Linux: " + n.strip())
    with open(os.path.join(BUILD, "bench-linux.json"), "w") as f:
        json.dump(dict(host_facts(), janus=janus, linux=linux, table=rows, notes=notes), f,
                  indent=2)
    print("wrote build/bench-linux.json")
    return 0 if not errors else 1


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
