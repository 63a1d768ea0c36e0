#!/usr/bin/env python3
"""The `gdb` check of `make test`: gdb in batch mode through every Janus helper.

Boots the kernel on two CPUs, paused, with QEMU's gdb stub and the tracer on,
running the cputime and tasklet suites (so there is user mode, kernel tasks,
softirqs and idle to interrupt), and drives gdb the way a student would
(tools/gdbinit loads tools/gdb/janus.py):

  hbreak kmain; bt                       gdb stops in the kernel at all
  bt from the timer handler              interrupting a task, the idle loop and user mode:
                                         <IRQ> ... </IRQ> and on into the interrupted frames
  bt from a tasklet                      <SOFTIRQ> ... </SOFTIRQ> <IRQ> ... </IRQ> then the task
  jx-context, lx-cpus, lx-ps, lx-dmesg, lx-lsmod, lx-symbols, lx-interruptlist,
  $lx_current(), $lx_per_cpu(), jx-trace, jx-stacks

    tests/gdb_check.py         run it alone (after `make`); tests/run.py calls check()
Python 3 standard library only.
"""
import os
import re
import socket
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
CMDLINE = "trace=irq:,irq_vectors:,sched_switch selftest=cputime,tasklet"

# (section, gdb commands). Each section's output is checked below.
SCRIPT = [
    ("kmain", ["hbreak kmain", "continue", "bt", "current"]),
    ("bt-task", ["delete", "hbreak lapic_timer_interrupt if $lx_current()->pid != 0 && (regs->cs & 3) == 0",
                 "continue", "bt", "jx-context"]),
    ("bt-idle", ["delete", "hbreak lapic_timer_interrupt if $lx_current()->pid == 0", "continue", "bt"]),
    ("bt-user", ["delete", "hbreak lapic_timer_interrupt if (regs->cs & 3) == 3", "continue", "bt"]),
    ("bt-softirq", ["delete", "hbreak tasklet_action if $lx_current()->pid != 0", "continue", "bt"]),
    ("helpers", ["delete", "lx-cpus", "lx-ps", "lx-dmesg", "lx-lsmod", "lx-symbols", "lx-interruptlist",
                 "echo cpu_number=", "output $lx_per_cpu(\"cpu_number\", 1)", "echo \\n",
                 "echo current_pid=", "output $lx_current(0)->pid", "echo \\n", "jx-trace 20",
                 "jx-stacks"]),
]

TASK_BOTTOM = r"ret_from_kernel_thread|kernel_init|kthread_entry"
CHECKS = {
    "kmain": [(r"^#0\s+(0x[0-9a-f]+ in )?kmain \(", "bt stops in kmain"),
              (r"swapper/0", "`current` is swapper/0")],
    "bt-task": [(r"#0\s+<IRQ> lapic_timer_interrupt", "the handler is marked <IRQ>"),
                (r"common_entry\.on_irq_stack\+\d+ </IRQ>", "the entry frame closes </IRQ>"),
                (r"</IRQ>(.|\n)*(%s)" % TASK_BOTTOM, "bt goes on into the interrupted task, to its bottom"),
                (r"hardirq depth\s+1", "jx-context: hardirq depth 1"),
                (r"in_interrupt\(\)\s+yes", "jx-context: in_interrupt()"),
                (r"irqs disabled\s+yes", "jx-context: interrupts off in the handler"),
                (r"on this CPU's hardirq stack", "jx-context: esp on the hardirq stack"),
                (r"the interrupted task, not the handler's", "jx-context: current is the interrupted task")],
    "bt-idle": [(r"</IRQ>(.|\n)*cpu_idle", "bt from a timer in the idle loop reaches cpu_idle")],
    "bt-user": [(r"</IRQ>.*\n#\d+\s+0x0?8[0-9a-f]+ in <user mode>", "bt from a timer in user mode ends at <user mode>")],
    "bt-softirq": [(r"#0\s+<SOFTIRQ> tasklet_action", "the tasklet runs on the softirq stack"),
                   (r"call_on_stack\+\d+ </SOFTIRQ>", "the softirq stack closes </SOFTIRQ>"),
                   (r"</SOFTIRQ>.*\n#\d+\s+.*<IRQ> .*do_softirq_own_stack", "then the hardirq stack: <IRQ>"),
                   (r"irq_exit(.|\n)*do_IRQ(.|\n)*</IRQ>(.|\n)*(%s)" % TASK_BOTTOM,
                    "and the interrupted task to its bottom")],
    "helpers": [(r"CPU0: current .*\nCPU1: current ", "lx-cpus lists both CPUs"),
                (r"TASK\s+PID CPU STATE COMM(.|\n)*\binit\n(.|\n)*swapper/1", "lx-ps lists init and swapper/1"),
                (r"\]\s+Janus: i386", "lx-dmesg prints the log"),
                (r"lx-lsmod: this kernel has no loadable modules|Module\s+Size", "lx-lsmod runs"),
                (r"lx-symbols: ", "lx-symbols runs"),
                (r"LOC:\s+\d+\s+\d+", "lx-interruptlist shows the local timer on both CPUs"),
                (r"^cpu_number=1$", "$lx_per_cpu(\"cpu_number\", 1) is 1"),
                (r"^current_pid=\d+$", "$lx_current(0)->pid"),
                (r"\[00[01]\] [.dDb][.N][.hsHzZ][.\da-f]\. +\d+\.\d{6}: (local_timer|irq_handler|sched_switch)",
                 "jx-trace prints the buffer with the latency flags"),
                (r"CPU0 stacks: hardirq \d+ of \d+ bytes used at most, softirq \d+ of",
                 "jx-stacks gives CPU0's high-water marks"),
                (r"CPU1 stacks: hardirq \d+ of", "and CPU1's")],
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_gdb(build, timeout=240):
    """Runs SCRIPT; returns gdb's whole output."""
    elf, port = os.path.join(build, "janus.elf"), free_port()
    qemu = subprocess.Popen(["qemu-system-i386", "-accel", "tcg", "-smp", "2", "-m", "128M",
                             "-display", "none", "-serial", "file:" + os.path.join(build, "gdb-serial.log"),
                             "-monitor", "none", "-no-reboot", "-kernel", elf,
                             "-initrd", os.path.join(build, "initrd.tar"), "-append", CMDLINE,
                             "-S", "-gdb", "tcp:127.0.0.1:%d" % port],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    argv = ["gdb", "-batch", "-nx", "-x", os.path.join(ROOT, "tools/gdbinit"),
            "-ex", "file " + elf, "-ex", "target remote 127.0.0.1:%d" % port]
    for name, commands in SCRIPT:
        argv += ["-ex", "echo ===%s===\\n" % name]
        for c in commands:
            argv += ["-ex", c]
    argv += ["-ex", "echo ===end===\\n", "-ex", "kill"]
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=timeout, cwd=ROOT).stdout
    except (subprocess.TimeoutExpired, FileNotFoundError) as e:
        out = getattr(e, "stdout", None) or ""
        return (out.decode() if isinstance(out, bytes) else out) + "\ngdb did not finish: %s" % e
    finally:
        qemu.kill()
        qemu.wait()


def sections(out):
    parts, name = {}, None
    for line in out.splitlines():
        m = re.match(r"^===(\S+)===$", line)
        if m:
            name = m.group(1)
            parts[name] = ""
        elif name:
            parts[name] += line + "\n"
    return parts


def check(build=BUILD):
    """(ok, lines): what was checked, or what failed with gdb's output."""
    out = run_gdb(build)
    parts = sections(out)
    failed = []
    for name, wants in CHECKS.items():
        text = parts.get(name, "")
        for rx, what in wants:
            if not re.search(rx, text, re.M):
                failed.append("%s: %s" % (name, what))
    if "Python Exception" in out or "Traceback" in out:
        failed.append("a helper raised a Python exception")
    if failed:
        return False, failed + ["gdb output:"] + out.splitlines()[-120:]
    n = sum(len(w) for w in CHECKS.values())
    return True, ["%d checks: bt across the hardirq and softirq stacks from a task, the idle loop "
                  "and user mode; every lx-/jx- helper" % n]


if __name__ == "__main__":
    ok, lines = check()
    print("\n".join(lines))
    sys.exit(0 if ok else 1)
