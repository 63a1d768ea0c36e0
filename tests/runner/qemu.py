# Booting Janus under QEMU: the paths, the QEMU command line, one boot (its serial
# lines, timeout and gdb stub), the gdb post-mortem of a hung guest, and the build.
import math
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
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
# virtual CPU the host paused). Stress runs at host load 15 saw 0.77 and 2.09 s
# in the ttyS0 handler while lspci printed, and 1.24 s in the torture suite's
# rwlock handler: pauses, not slow code. So test boots report only handlers
# slower than 2 s (times the boot's timeout scale): a gross error, such as a
# handler that waits for the device in a loop. A configuration that sets
# irq_warn_us itself keeps its value, and the cases that show the report
# (seed_restrictions, bug modules) lower it for themselves.
TEST_IRQ_WARN_US = 2000000


def test_irq_warn(scale):
    return "irq_warn_us=%d" % int(TEST_IRQ_WARN_US * scale)


# The lock-up detectors' threshold (10 s by default: a hard lock-up, a spinlock
# waited for; twice that a soft lock-up) grows with the timeout scale too. A
# CPU with interrupts off has no ticks of its own to count in, so the hard
# lock-up detector counts its buddy's time: on a host at load 16, four virtual
# CPUs taking turns at one ticket spinlock with interrupts off once waited 10 s
# in that time. The kernel takes at most 60 (s).
def test_watchdog_thresh(scale):
    return "watchdog_thresh=%d" % min(60, math.ceil(10 * scale))
EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 0x10 * 2 + 1, 0x11 * 2 + 1, 0x12 * 2 + 1
TAIL_LINES = 40


def log(msg=""):
    print(msg, flush=True)


# Every QEMU the runner started and that still runs: a signal to the runner
# (SIGTERM, SIGINT: Ctrl-C, SIGHUP) kills them before it exits.
# The lock is held from the fork to the set: the killer waits for a QEMU
# being started, or a Ctrl-C between the two left that QEMU running (seen by
# runner-check). The killer then holds it until the runner exits, so no QEMU
# starts after it counted them.
_running = set()
_running_lock = threading.Lock()


def start_qemu(argv, **popen_args):
    """subprocess.Popen(argv), remembered until stop_qemu()."""
    with _running_lock:
        proc = subprocess.Popen(argv, **popen_args)
        _running.add(proc)
    return proc


def stop_qemu(proc):
    """Kills proc if it still runs, reaps it, forgets it; its exit status."""
    if proc.poll() is None:
        proc.kill()
    status = proc.wait()
    with _running_lock:
        _running.discard(proc)
    return status


def kill_all_qemu(signum):
    """Kill every QEMU the runner started, say so, and exit with 128 + signum at
    once (the boot threads are left behind)."""
    _running_lock.acquire()  # never released: the runner ends here
    for proc in _running:
        if proc.poll() is None:
            proc.kill()
    for proc in _running:
        proc.wait()
    print("\n%s: killed %d QEMU process%s; no result" % (
        signal.Signals(signum).name, len(_running), "" if len(_running) == 1 else "es"), flush=True)
    os._exit(128 + signum)


def _kill_on_signal(wakeup):
    signum = os.read(wakeup, 1)[0]
    kill_all_qemu(signum)


# A signal to a process goes to any of its threads that does not block it:
# usually the main thread, but a thread that unblocks signals while one is
# pending takes it first (each new thread does as it starts, and so does the
# thread that starts a subprocess, and a Boot starts two threads right after its
# QEMU). CPython runs a Python handler only in the main thread, and only when
# that thread next runs Python code: a main thread blocked in a wait (for the
# boots' futures, for a QEMU) never ran it, and the runner did not exit
# (runner-check, once: "SIGINT: the runner did not exit within 30 s"). And a
# handler that did run in the main thread interrupted whatever it was doing:
# waiting for make bench's QEMU, with that Popen's wait lock held, which the
# handler then waited for itself. So the handler does nothing but have CPython
# write the signal's number to a pipe (its wakeup fd, written by whichever
# thread took the signal), and a thread of its own reads it and kills.
def kill_qemu_on_signals(signals):
    """Call from the main thread: any of signals kills every QEMU and ends the
    runner (kill_all_qemu()), whichever thread the kernel gives it to and
    whatever the main thread is doing."""
    wakeup, notify = os.pipe()
    os.set_blocking(notify, False)  # CPython's wakeup fd must not block
    threading.Thread(target=_kill_on_signal, args=(wakeup,), name="signals", daemon=True).start()
    signal.set_wakeup_fd(notify)
    for sig in signals:
        signal.signal(sig, lambda signum, frame: None)  # the wakeup fd is the handler


def qemu_argv(args):
    """The QEMU command for args: a -kernel boot also gets the initrd, as a Multiboot
    module; -m 128M unless the configuration says otherwise."""
    if "-kernel" in args:
        args = args + ["-initrd", INITRD]
    if "-m" not in args:
        args = ["-m", DEFAULT_MEM] + args
    return [QEMU] + QEMU_COMMON + args


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
        self.proc = start_qemu(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
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
        stop_qemu(self.proc)
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build():
    proc = subprocess.run(["make", "-s", "-C", ROOT, "all", "iso"], capture_output=True, text=True)
    if proc.returncode:
        print(proc.stdout + proc.stderr)
    return proc.returncode == 0
