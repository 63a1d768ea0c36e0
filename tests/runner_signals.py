#!/usr/bin/env python3
"""A check of the test runner itself: SIGTERM, SIGINT (Ctrl-C) and SIGHUP to
tests/run.py kill every QEMU it started before it exits, so that an
interrupted `make test` or `make stress` leaves no guest running.

For SIGTERM and SIGINT (SIGHUP has the same handler) it starts `tests/run.py --jobs 2 smp2 smp4`, waits until both
QEMUs run (children of the runner, found in /proc), sends the signal, and
checks that the runner exits with 128 + the signal's number, says so, and
that neither QEMU is left. The kernel gives a process's signal to any of its
threads that does not block it, not always the main one (a thread that
unblocks signals, as each new thread and each subprocess start does, takes
a pending one first), so SIGINT is also sent to one of the runner's other
threads on purpose. And once to `tests/run.py --bench`, whose main thread
itself waits for its QEMU; and SIGTERM to tests/soak.py and SIGINT to
tools/grade.py, which start theirs through the runner. It also checks that tests/run.py and tests/soak.py
answer --help and refuse a bad argument with a usage error. Part of `make test`
(runner-check).
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QEMU_COMM = "qemu-system-i38"  # /proc/PID/stat's comm: 15 characters


def children(pid):
    """{pid: start time} of the QEMU processes whose parent is pid."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = open("/proc/%s/stat" % entry).read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if comm == QEMU_COMM and int(fields[1]) == pid:
            found[int(entry)] = fields[19]
    return found


def alive(pid, start):
    """Whether the process pid that started at start still exists (not a zombie)."""
    try:
        stat = open("/proc/%d/stat" % pid).read()
    except OSError:
        return False
    fields = stat[stat.rindex(")") + 2:].split()
    return fields[19] == start and fields[0] != "Z"


def send_to_a_thread(pid, sig):
    """sig to the newest thread of process pid that is not its main thread (tgkill):
    that thread's id, or None if there is none."""
    tids = [int(t) for t in os.listdir("/proc/%d/task" % pid) if int(t) != pid]
    if not tids or ctypes.CDLL(None, use_errno=True).tgkill(pid, max(tids), int(sig)) != 0:
        return None
    return max(tids)


def check(sig, to_thread=False, args=("--jobs", "2", "smp2", "smp4"), want=2, wait_s=600,
          script="tests/run.py"):
    """One signal: an error message, or None if the runner (or script, which uses its
    QEMU handling) behaved."""
    runner = subprocess.Popen([sys.executable, os.path.join(ROOT, script)] + list(args),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    end = time.monotonic() + wait_s  # the runner builds the kernel first if it must
    qemus = {}
    while len(qemus) < want and time.monotonic() < end and runner.poll() is None:
        time.sleep(0.2)
        qemus = children(runner.pid)
    name = "%s to %s %s" % (sig.name, os.path.basename(script), " ".join(args))
    if len(qemus) < want:
        runner.kill()
        return "%s: the runner did not start %d QEMUs (%s)" % (name, want, runner.communicate()[0][-500:])
    if to_thread:
        tid = send_to_a_thread(runner.pid, sig)
        if tid is None:
            runner.kill()
            return "%s: no thread besides the main one took the signal" % name
        name += " (to its thread %d, not the main one)" % tid
    else:
        runner.send_signal(sig)
    try:
        out = runner.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        runner.send_signal(signal.SIGUSR1)  # every thread's Python stack, to its stderr
        time.sleep(2)
        runner.kill()
        for pid in qemus:
            if alive(pid, qemus[pid]):
                os.kill(pid, signal.SIGKILL)
        out = runner.communicate()[0]
        return "%s: the runner did not exit within 30 s; its threads:\n%s" % (name, out[-6000:])
    left = [pid for pid, start in qemus.items() if alive(pid, start)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    if left:
        return "%s: QEMU %s still running after the runner exited" % (name, left)
    if runner.returncode != 128 + sig:
        return "%s: the runner's exit status is %s, want %d" % (name, runner.returncode, 128 + sig)
    if "%s: killed %d QEMU process" % (sig.name, want) not in out:
        return "%s: the runner did not say what it killed:\n%s" % (name, out[-500:])
    return None


def check_usage(script, bad):
    """--help exits 0 with a usage line; a bad argument exits 2 with an error, not a traceback."""
    path = os.path.join(ROOT, "tests", script)
    helped = subprocess.run([sys.executable, path, "--help"], capture_output=True, text=True)
    if helped.returncode != 0 or "usage:" not in helped.stdout:
        return "%s --help: status %d, %r" % (script, helped.returncode, helped.stdout[-300:])
    wrong = subprocess.run([sys.executable, path] + bad, capture_output=True, text=True)
    if wrong.returncode != 2 or "error:" not in wrong.stderr or "Traceback" in wrong.stderr:
        return "%s %s: status %d, %r" % (script, " ".join(bad), wrong.returncode, wrong.stderr[-300:])
    return None


def main():
    errors = [e for e in (check(signal.SIGTERM), check(signal.SIGINT), check(signal.SIGINT, to_thread=True),
                          check(signal.SIGINT, args=("--bench",), want=1),
                          check(signal.SIGTERM, args=("30", "2"), want=1, script="tests/soak.py"),
                          check(signal.SIGINT, args=("01",), want=1, script="tools/grade.py")) if e]
    errors += [e for e in (check_usage("run.py", ["--repeat", "x"]), check_usage("soak.py", ["ten"])) if e]
    for e in errors:
        print("runner-check: FAILED: " + e)
    if not errors:
        print("runner-check: SIGTERM and SIGINT to tests/run.py (to any of its threads, during a run "
              "or --bench), tests/soak.py and tools/grade.py kill the QEMUs they started; run.py and "
              "soak.py answer --help and refuse a bad argument")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
