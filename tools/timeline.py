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

With --net (`make timeline-net`) the scenario is one packet instead: two
e1000 cards on QEMU's in-process hub, the `net_timeline` suite
(tests/kernel/net_timeline.c) pings from eth0 to pingd on eth1 with the
tracer on, and the picture follows the echo request from the card's
interrupt through the NET_RX softirq's poll to pingd's recvfrom() and back:
build/trace-net.txt, trace-net.json, timeline-net.svg.

    tools/timeline.py [--net] [--build build] [--timeout 120]
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
HUB = ["-netdev", "hubport,id=a,hubid=0", "-device", "e1000,netdev=a,romfile=",
       "-netdev", "hubport,id=b,hubid=0", "-device", "e1000,netdev=b,romfile="]
# The two scenarios: the QEMU arguments, the command line, the trace's markers,
# the files, and where the picture starts and zooms.
SCENARIOS = {
    "demo": {"qemu": ["-nic", "none"], "cmdline": CMDLINE, "marker": "trace_demo",
             "files": ("trace.txt", "trace.json", "timeline.svg"), "need": " irq_handler_entry: irq=1 ",
             "from": r"^seed003-\d+ .* sys_enter: NR 3 ", "focus": r"irq_handler_entry: irq=1 name=",
             "window": "4000"},
    "net": {"qemu": HUB, "marker": "net_timeline",
            "cmdline": "trace=irq:,irq_vectors:,ipi:,sched:,raw_syscalls:,napi:,net: trace_buf_size=1M "
                       "selftest=net_timeline irq_warn_us=500000",
            "files": ("trace-net.txt", "trace-net.json", "timeline-net.svg"),
            "need": " napi_poll: ", "from": r"net_dev_xmit: dev=eth0 skbaddr=\S+ len=98 ",
            "focus": r"net_dev_xmit: dev=eth1 skbaddr=\S+ len=98 ", "window": "2000"},
}


def trace_lines(log, marker="trace_demo"):
    """The trace the kernel printed between its begin and end markers (printk stamps cut)."""
    out, inside = [], False
    for raw in log:
        line = PRINTK.sub("", raw)
        if marker + ": begin trace" in line:
            inside = True
        elif marker + ": end trace" in line:
            break
        elif inside:
            out.append(line)
    return out


def convert(build, trace, sc=None):
    """Writes the trace text and, through tools/trace2perfetto.py, the JSON and the SVG.
    Returns (exit status, the converter's output)."""
    sc = sc or SCENARIOS["demo"]
    txt, js, svg = (os.path.join(build, f) for f in sc["files"])
    with open(txt, "w") as f:
        f.write("\n".join(trace) + "\n")
    conv = [sys.executable, os.path.join(ROOT, "tools", "trace2perfetto.py"), txt,
            "--json", js, "--svg", svg, "--from", sc["from"], "--focus", sc["focus"],
            "--window-us", sc["window"]]
    proc = subprocess.run(conv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.returncode, proc.stdout


def record(build, timeout, sc=None):
    """Boots the scenario; returns the whole serial log."""
    sc = sc or SCENARIOS["demo"]
    tmp = tempfile.mkdtemp(prefix="janus-timeline-")
    monitor = os.path.join(tmp, "monitor.sock")
    argv = ["qemu-system-i386", "-accel", "tcg", "-smp", "2", "-m", "128M", "-display", "none",
            "-serial", "stdio", "-no-reboot", "-monitor", "unix:%s,server,nowait" % monitor,
            "-kernel", os.path.join(build, "janus.elf"), "-initrd", os.path.join(build, "initrd.tar"),
            "-append", sc["cmdline"]] + sc["qemu"]
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
            elif sc["marker"] + ": end trace" in line:
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
    ap.add_argument("--net", action="store_true", help="one packet's path instead of the demo")
    args = ap.parse_args(argv)
    sc = SCENARIOS["net" if args.net else "demo"]
    log = record(args.build, args.timeout, sc)
    with open(os.path.join(args.build, "timeline-serial.log"), "w") as f:
        f.write("\n".join(log) + "\n")
    trace = trace_lines(log, sc["marker"])
    if not any(sc["need"] in l for l in trace):
        print("timeline: no%sin the trace (serial log: %s/timeline-serial.log)" % (sc["need"], args.build))
        return 1
    rc, out = convert(args.build, trace, sc)
    print(out.strip())
    if rc == 0:
        print("wrote %s/%s, %s and %s" % ((args.build,) + sc["files"]))
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
