#!/usr/bin/env python3
"""Grade a lab (labs/NN-name/, docs/labs.md): build the student's module, boot
Janus in QEMU with it, run the lab's test program in the guest, and score
each check in the style of MIT 6.1810's grade scripts:

    tools/grade.py 02                  grade labs/02-*/ (what `make grade LAB=02` runs)
    tools/grade.py 02 --dir DIR        grade the module in DIR instead (the lab's solution/...)
    tools/grade.py 02 --json FILE      also write Gradescope's results.json
    tools/grade.py --selftest          for every lab: the untouched skeleton must NOT get
                                       full marks and the reference solution must (make test)

The guest side is the lab's program /bin/labNN (user/bin/labNN.c, with
user/lib/lab.c), which prints

    lab: check NAME          a check starts
    lab: ok NAME             it passed (as far as the program can tell)
    lab: fail NAME: WHY      it failed
    lab: done                every check has run

A check fails on wrong behaviour (the program says so, or a console line the
lab's grade.py requires does not appear while it runs) and on any report of
the kernel's checkers while it runs: the runner's own report detection
(tests/run.py: BUG:, WARNING:, the lock checker, slow handlers, leftovers at
rmmod, hung tasks), a panic or an oops. So "it works but sleeps in the
handler" fails.

How the program is started (the driving layer): with the interactive shell
in the initrd (build/user/bin/sh), the grader boots normally and types the
command at the shell on the serial line, as a student would; without it,
the program is the initrd's /bin/init and runs as pid 1.

A lab's grade.py gives: MODULE (the .ko it builds), PROGRAM (the guest
command), CHECKS [(name, points, [regexes its console lines must show])],
and optionally SMP, QEMU (more QEMU arguments), CMDLINE, TIMEOUT, IRQ_WARN_US
(the slow-handler limit on an idle host; the runner's otherwise).
"""
import argparse
import concurrent.futures
import filecmp
import glob
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import run  # noqa: E402  the test runner: QEMU's command, report detection

LABS = os.path.join(ROOT, "labs")
GRADE_DIR = os.path.join(run.BUILD, "grade")
SHELL_SOURCE = os.path.join(ROOT, "user", "bin", "sh.c")
SHELL_BANNER = r"Janus shell on ttyS0"
LAB_LINE = re.compile(r"^lab: (check|ok|fail) ([\w-]+)(?::\s*(.*))?$")
LAB_DONE = "lab: done"


def find_lab(number):
    dirs = sorted(glob.glob(os.path.join(LABS, "%02d-*" % int(number))))
    if not dirs:
        sys.exit("grade: no lab %s in labs/ (labs: %s)" % (number, ", ".join(
            os.path.basename(d) for d in all_labs())))
    return dirs[0]


def all_labs():
    return sorted(d for d in glob.glob(os.path.join(LABS, "[0-9][0-9]-*")) if os.path.isdir(d))


def load_spec(lab_dir):
    spec = importlib.util.spec_from_file_location("janus_lab_" + os.path.basename(lab_dir)[:2],
                                                  os.path.join(lab_dir, "grade.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Check:
    def __init__(self, name, points, logs):
        self.name, self.points, self.logs = name, points, logs
        self.start = self.end = None  # line indices
        self.t0 = self.t1 = None      # host seconds
        self.verdict = None           # "ok" or "fail" from the guest
        self.why = []

    @property
    def ok(self):
        return self.verdict == "ok" and not self.why

    def seconds(self):
        return (self.t1 or self.t0 or 0) - (self.t0 or 0)


def build_module(spec, module_dir):
    """make -C <janus> M=DIR, as a student builds it: (ok, output, .ko path)."""
    ko = os.path.join(module_dir, spec.MODULE + ".ko")
    if os.path.exists(ko):
        os.unlink(ko)
    p = subprocess.run(["make", "-s", "--no-print-directory", "-C", ROOT, "M=" + module_dir],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode == 0 and os.path.exists(ko), p.stdout, ko


def make_initrd(spec, ko, work, shell):
    """The boot's initrd: every user program, the student's module and, without
    a shell, the lab's program as /bin/init."""
    # The programs this tree builds (user/bin/NAME.c), never a stale binary
    # another checkout's build left behind.
    programs = [os.path.join(run.BUILD, "user", "bin", os.path.basename(c)[:-2])
                for c in sorted(glob.glob(os.path.join(ROOT, "user", "bin", "*.c")))]
    files = [p for p in programs if shell or os.path.basename(p) != "init"]
    if not shell:
        init = os.path.join(work, "init")
        shutil.copy(os.path.join(run.BUILD, "user", "bin", os.path.basename(spec.PROGRAM[0])), init)
        files.append(init)
    files.append(ko)
    initrd = os.path.join(work, "initrd.tar")
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "mkinitrd.py"), initrd] + files,
                   check=True)
    return initrd


def qemu_command(spec, initrd):
    # The slow-handler limit: the lab's IRQ_WARN_US, or the runner's, times the
    # timeout scale (on a busy host a paused vCPU stretches any handler).
    scale = run.timeout_scale(1)
    limit = getattr(spec, "IRQ_WARN_US", None)
    cmdline = ("irq_warn_us=%d" % int(limit * scale) if limit else run.test_irq_warn(scale))
    cmdline = (cmdline + " " + getattr(spec, "CMDLINE", "")).strip()
    args = ["-m", run.DEFAULT_MEM, "-accel", "tcg", "-smp", str(getattr(spec, "SMP", 1)),
            "-kernel", run.ELF, "-initrd", initrd, "-append", cmdline] + list(getattr(spec, "QEMU", []))
    return [run.QEMU] + run.QEMU_COMMON + args


class Stamper(threading.Thread):
    """Notes when each serial line arrived (for the check times) and stops QEMU
    once the program said it is done."""

    def __init__(self, boot):
        super().__init__(daemon=True)
        self.boot, self.times, self.done = boot, [], False

    def run(self):
        with self.boot.cond:
            while True:
                while len(self.times) < len(self.boot.lines):
                    line = self.boot.lines[len(self.times)]
                    self.times.append(time.monotonic())
                    if line.strip() == LAB_DONE:
                        self.done = True
                if self.done or (not self.boot.running() and not self.boot.reader.is_alive()):
                    break
                self.boot.cond.wait(0.5)
        self.boot.stop()


def type_command(boot, command, timeout):
    """The shell driving layer: wait for the shell's banner, type the command."""
    session = run.Session(boot, None, None, 1.0)
    if not session.expect(SHELL_BANNER, timeout):
        return False
    time.sleep(0.5)  # the prompt follows the banner
    # init lowers the console's log level; the checks read the module's messages
    for line in ("dmesg -n 8", " ".join(command)):
        for ch in line + "\r":
            session.write(ch)
            time.sleep(0.01)
        time.sleep(0.3)
    return True


def boot_and_run(spec, ko, work, log_path):
    shell = os.path.exists(SHELL_SOURCE)
    initrd = make_initrd(spec, ko, work, shell)
    timeout = getattr(spec, "TIMEOUT", 60) * run.timeout_scale(1)
    boot = run.Boot(qemu_command(spec, initrd), timeout, log_path, interactive=shell)
    stamper = Stamper(boot)
    stamper.start()
    if shell and not type_command(boot, spec.PROGRAM, timeout / 2):
        boot.stop()
    stamper.join()
    boot.wait()
    with boot.cond:
        while len(stamper.times) < len(boot.lines):
            stamper.times.append(time.monotonic())
    return boot, stamper


def warn_message(text, i):
    """A WARN prints its message between "cut here" and the WARNING line
    (kernel/panic.c): that line, to show with the report at text[i]."""
    if text[i].strip().startswith("WARNING:") and i >= 2 and "cut here" in text[i - 2]:
        return ": " + text[i - 1].strip()
    return ""


def judge(spec, boot, times, done):
    """The checks with their verdicts, from the serial lines of one boot."""
    checks = [Check(n, p, logs) for n, p, logs in spec.CHECKS]
    by_name = {c.name: c for c in checks}
    text = [run.TIMESTAMP.sub("", l) for l in boot.lines]
    current, last = None, None
    for i, line in enumerate(text):
        body = line.strip()
        m = LAB_LINE.match(body)
        if m and m.group(2) in by_name:
            c = by_name[m.group(2)]
            if m.group(1) == "check":
                current, c.start, c.t0 = c, i, times[i]
            else:
                c.verdict, c.end, c.t1 = m.group(1), i, times[i]
                if m.group(1) == "fail":
                    c.why.append("the test program: " + (m.group(3) or "failed"))
                current, last = None, c
            continue
        target = current or last or (checks[0] if checks else None)
        if target is None:
            continue
        if run.PANIC.search(line) or run.OOPS.match(body):
            target.why.append("the kernel: " + body)
        elif run.REPORT.search(body):
            target.why.append("kernel report: " + body + warn_message(text, i))
    for c in checks:
        if c.verdict is None:
            c.why.append("did not finish (%s)" % ("the boot timed out" if boot.timed_out else
                                                  "never started" if c.start is None else
                                                  "the guest stopped"))
            continue
        window = text[c.start:c.end + 1]
        for rx in c.logs:
            if not any(re.search(rx, l) for l in window):
                c.why.append("no console line matching /%s/" % rx)
    if not done:
        checks[-1].why.append("the test program never said 'lab: done'")
    return checks


def work_dir(lab_dir, module_dir):
    lab = os.path.basename(lab_dir)
    work = os.path.join(GRADE_DIR, lab + "-" + re.sub(r"\W+", "_", os.path.relpath(module_dir, ROOT)).strip("_"))
    os.makedirs(work, exist_ok=True)
    return work


def run_checks(spec, lab_dir, module_dir, built, ko):
    """Boots and judges a built module (or fails every check if it did not build)."""
    log_path = os.path.join(work_dir(lab_dir, module_dir), "serial.log")
    if not built:
        checks = [Check(n, p, logs) for n, p, logs in spec.CHECKS]
        for c in checks:
            c.why.append("the module did not build")
        return checks, None
    boot, stamper = boot_and_run(spec, ko, work_dir(lab_dir, module_dir), log_path)
    return judge(spec, boot, stamper.times, stamper.done), log_path


def grade(lab_dir, module_dir):
    """Builds, boots, judges and prints one lab: (checks, score, max)."""
    spec = load_spec(lab_dir)
    print("== lab %s: %s.ko from %s ==" % (os.path.basename(lab_dir), spec.MODULE,
                                          os.path.relpath(module_dir, os.getcwd())))
    built, output, ko = build_module(spec, module_dir)
    if not built:
        print(output.rstrip())
    checks, log_path = run_checks(spec, lab_dir, module_dir, built, ko)
    score = sum(c.points for c in checks if c.ok)
    total = sum(c.points for c in checks)
    for c in checks:
        print("%s: %s (%.1fs)" % (c.name, "OK" if c.ok else "FAIL", c.seconds()))
        for why in c.why[:6]:
            print("    " + why)
    print("Score: %d/%d" % (score, total))
    if log_path:
        print("(serial log: %s)" % os.path.relpath(log_path, os.getcwd()))
    return checks, score, total


def write_gradescope(path, checks, score, seconds):
    """Gradescope's autograder results.json."""
    results = {
        "score": score,
        "execution_time": round(seconds, 1),
        "tests": [{"name": c.name, "score": c.points if c.ok else 0, "max_score": c.points,
                   "status": "passed" if c.ok else "failed",
                   "output": "\n".join(c.why) if c.why else "OK (%.1fs)" % c.seconds()}
                  for c in checks],
    }
    with open(path, "w") as f:
        json.dump(results, f, indent=2)


def json_consistent(checks, score, directory):
    """Writes GRADE_JSON's results.json for these checks and reads it back, as
    Gradescope would: the same score, one test per check, each passed or not."""
    path = os.path.join(directory, "results.json")
    write_gradescope(path, checks, score, 0.0)
    with open(path) as f:
        results = json.load(f)
    tests = results.get("tests", [])
    return (results.get("score") == score and len(tests) == len(checks) and
            sum(t["score"] for t in tests) == score and
            all(t["name"] == c.name and t["max_score"] == c.points and
                t["status"] == ("passed" if c.ok else "failed") for t, c in zip(tests, checks)))


def sync_sources(src, copy):
    """Makes COPY hold SRC's sources (*.c, *.h, Kbuild), touching only what changed,
    so that make rebuilds only that."""
    os.makedirs(copy, exist_ok=True)
    pattern = ("*.[ch]", "Kbuild")
    want = {os.path.basename(f) for p in pattern for f in glob.glob(os.path.join(src, p))}
    for f in [f for p in pattern for f in glob.glob(os.path.join(copy, p))]:
        if os.path.basename(f) not in want:
            os.unlink(f)
    for name in want:
        dst = os.path.join(copy, name)
        if not os.path.exists(dst) or not filecmp.cmp(os.path.join(src, name), dst, shallow=False):
            shutil.copy(os.path.join(src, name), dst)


def selftest(jobs):
    """make test's check: for every lab the skeleton does not get full marks, the
    solution does. Each is built in a copy under build/grade/copies/, as a student
    would (one at a time: the out-of-tree build shares a file in build/), then the
    boots run JOBS at a time."""
    runs = []
    for lab_dir in all_labs():
        lab = os.path.basename(lab_dir)
        if not os.path.isdir(os.path.join(lab_dir, "solution")):
            print("lab %s: no solution/ (a handout tree): skipped" % lab)
            continue
        spec = load_spec(lab_dir)
        for kind, src in (("skeleton", lab_dir), ("solution", os.path.join(lab_dir, "solution"))):
            copy = os.path.join(GRADE_DIR, "copies", lab, kind)
            sync_sources(src, copy)
            built, output, ko = build_module(spec, copy)
            if not built:
                print("lab %s %s: does not build:\n%s" % (lab, kind, output.rstrip()))
            runs.append((lab_dir, kind, spec, copy, built, ko))

    def one(run_args):
        lab_dir, kind, spec, copy, built, ko = run_args
        start = time.monotonic()
        checks, log_path = run_checks(spec, lab_dir, copy, built, ko)
        return checks, log_path, time.monotonic() - start

    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (lab_dir, kind, *_), (checks, log_path, seconds) in zip(runs, pool.map(one, runs)):
            score = sum(c.points for c in checks if c.ok)
            total = sum(c.points for c in checks)
            good = score < total if kind == "skeleton" else score == total
            if not json_consistent(checks, score, os.path.join(GRADE_DIR, "copies", os.path.basename(lab_dir), kind)):
                print("lab %s %s: results.json does not say what the checks say" % (
                    os.path.basename(lab_dir), kind))
                good = False
            failures += not good
            print("lab %s %s: %d/%d, %s (%.1f s)" % (
                os.path.basename(lab_dir), kind, score, total, "as it should" if good else
                ("FAILED: the untouched skeleton gets full marks" if kind == "skeleton" else
                 "FAILED: the solution does not get full marks"), seconds))
            if not good and kind == "solution":
                for c in checks:
                    if not c.ok:
                        print("    %s: %s" % (c.name, "; ".join(c.why[:3])))
                print("    serial log: %s" % log_path)
    print("labs: %s" % ("every skeleton fails and every solution passes" if not failures else
                        "%d problem(s)" % failures))
    return 1 if failures else 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lab", nargs="?", help="the lab's number, e.g. 02")
    ap.add_argument("--dir", help="the module's directory (default: the lab's own)")
    ap.add_argument("--json", metavar="FILE", help="also write Gradescope's results.json")
    ap.add_argument("--selftest", action="store_true",
                    help="every lab: the skeleton must fail and the solution pass")
    ap.add_argument("--jobs", type=int, default=2, help="boots at a time for --selftest (default 2)")
    args = ap.parse_args(argv)
    run.kill_qemu_on_signals((signal.SIGTERM, signal.SIGINT, signal.SIGHUP))  # no QEMU outlives it
    if args.selftest:
        return selftest(max(1, args.jobs))
    if not args.lab:
        ap.error("which lab? (e.g. tools/grade.py 01; labs: %s)" %
                 ", ".join(os.path.basename(d) for d in all_labs()))
    lab_dir = find_lab(args.lab)
    start = time.monotonic()
    checks, score, total = grade(lab_dir, os.path.abspath(args.dir or lab_dir))
    if args.json:
        write_gradescope(args.json, checks, score, time.monotonic() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
