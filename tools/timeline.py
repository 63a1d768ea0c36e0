#!/usr/bin/env python3
"""make timeline: boot the demo scenario on two CPUs, record it, draw it.

Boots Janus under QEMU (-smp 2) with the tracer on and `trace_demo`
(drivers/trace_demo.c). When the kernel says seed003 sleeps in read(), this
script presses a key through QEMU's monitor (sendkey: a real IRQ 1 from the
emulated keyboard controller), waits for the kernel to print its trace, and
writes:

    build/trace.txt      the trace, as /proc/trace prints it
    build/trace.json     Chrome/Perfetto Trace Event JSON (ui.perfetto.dev)
    build/timeline.svg   the picture: a lane per CPU, colour by context

    tools/timeline.py [--build build] [--timeout 120]
Python 3 standard library only.
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = "irq:,irq_vectors:,ipi:,sched:,workqueue:,raw_syscalls:,exceptions:,janus:"
PRINTK = re.compile(r"^\[\s*\d+\.\d+\] ")


def send_key(monitor_path, key="a"):
    """Types one key through QEMU's human monitor (the keyboard raises IRQ 1)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(5)
        s.connect(monitor_path)
        s.sendall(("sendkey %s\n" % key).encode())
        time.sleep(0.2)  # let the monitor take it before the socket closes


# irq_warn_us: seed003's handler printks; under a loaded host that can take over 1 ms.
CMDLINE = "trace=%s trace_buf_size=2M trace_demo ignore_loglevel irq_warn_us=500000" % EVENTS
ASK = "trace_demo: seed003 sleeps in read(): press a key"


def trace_lines(log):
    """The trace the kernel printed between its begin and end markers (printk stamps cut)."""
    out, inside = [], False
    for raw in log:
        line = PRINTK.sub("", raw)
        if "trace_demo: begin trace" in line:
            inside = True
        elif "trace_demo: end trace" in line:
            break
        elif inside:
            out.append(line)
    return out


def convert(build, trace):
    """Writes build/trace.txt and, through tools/trace2perfetto.py, trace.json and timeline.svg.
    Returns (exit status, the converter's output)."""
    txt = os.path.join(build, "trace.txt")
    with open(txt, "w") as f:
        f.write("\n".join(trace) + "\n")
    conv = [sys.executable, os.path.join(ROOT, "tools", "trace2perfetto.py"), txt,
            "--json", os.path.join(build, "trace.json"),
            "--svg", os.path.join(build, "timeline.svg"),
            "--from", r"^seed003-\d+ .* sys_enter: NR 3 ", "--focus", r"irq_handler_entry: irq=1 name=",
            "--window-us", "4000"]
    proc = subprocess.run(conv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def record(build, timeout):
    """Boots the demo; returns the whole serial log."""
    tmp = tempfile.mkdtemp(prefix="janus-timeline-")
    monitor = os.path.join(tmp, "monitor.sock")
    argv = ["qemu-system-i386", "-accel", "tcg", "-smp", "2", "-m", "128M", "-display", "none",
            "-nic", "none", "-serial", "stdio", "-no-reboot", "-monitor", "unix:%s,server,nowait" % monitor,
            "-kernel", os.path.join(build, "janus.elf"), "-initrd", os.path.join(build, "initrd.tar"),
            "-append", CMDLINE]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    log = []
    try:
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            log.append(line)
            if ASK in line:
                send_key(monitor)
            elif "trace_demo: end trace" in line:
                break
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
    return log


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args(argv)
    log = record(args.build, args.timeout)
    with open(os.path.join(args.build, "timeline-serial.log"), "w") as f:
        f.write("\n".join(log) + "\n")
    trace = trace_lines(log)
    if not any(" irq_handler_entry: irq=1 " in l for l in trace):
        print("timeline: no IRQ 1 in the trace (serial log: %s/timeline-serial.log)" % args.build)
        return 1
    rc, out = convert(args.build, trace)
    print(out.strip())
    if rc == 0:
        print("wrote %s/trace.txt, trace.json and timeline.svg" % args.build)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
