# Driver `gdb` (tests/configs: gdb-helpers): gdb in batch mode through every Janus helper.
#
# The configuration boots two CPUs paused (-S), with the tracer on, running the
# tasklet and syscall suites (so there is user mode, kernel tasks, softirqs
# and idle to interrupt). The driver runs gdb the way a student would
# (tools/gdbinit loads tools/gdb/janus.py), checks each section of its output,
# then detaches and lets the self-tests finish:
#
#   hbreak kmain; bt                       gdb stops in the kernel at all
#   bt from the timer handler              interrupting a task, the idle loop and user mode:
#                                          <IRQ> ... </IRQ> and on into the interrupted frames
#   bt from a tasklet                      <SOFTIRQ> ... </SOFTIRQ> <IRQ> ... </IRQ> then the task
#   jx-context, lx-cpus, lx-ps, lx-dmesg, lx-lsmod, lx-symbols, lx-interruptlist,
#   $lx_current(), $lx_per_cpu(), jx-trace, jx-stacks, jx-hang (the runner's post-mortem)
# Python 3 standard library only.
import re

# (section, gdb commands). Each section's output is checked below.
SCRIPT = [
    ("kmain", ["hbreak kmain", "continue", "bt", "current"]),
    ("bt-task", ["delete", "hbreak lapic_timer_interrupt if $lx_current()->pid != 0 && (regs->cs & 3) == 0",
                 "continue", "bt", "jx-context"]),
    # A tick that woke the idle loop's hlt (the byte before the return address
    # is 0xf4), not one that came while the idle task ran the scheduler.
    ("bt-idle", ["delete", "hbreak lapic_timer_interrupt if $lx_current()->pid == 0 && "
                 "*(unsigned char *)(regs->ip - 1) == 0xf4", "continue", "bt"]),
    ("bt-user", ["delete", "hbreak lapic_timer_interrupt if (regs->cs & 3) == 3", "continue", "bt"]),
    ("bt-softirq", ["delete", "hbreak tasklet_action if $lx_current()->pid != 0", "continue", "bt"]),
    ("helpers", ["delete", "lx-cpus", "lx-ps", "lx-dmesg", "lx-lsmod", "lx-symbols", "lx-interruptlist",
                 "echo cpu_number=", "output $lx_per_cpu(\"cpu_number\", 1)", "echo \\n",
                 "echo current_pid=", "output $lx_current(0)->pid", "echo \\n", "jx-trace 20",
                 "jx-stacks", "jx-hang"]),
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
                (r"CPU1 stacks: hardirq \d+ of", "and CPU1's"),
                (r"--- CPU0: current \S+ prio \d+ state R(.|\n)*runqueue: nr_running \d+(.|\n)*"
                 r"eip 0x[0-9a-f]+ (<\w+|\(user mode\))(.|\n)*--- CPU1: current (.|\n)*#0 ",
                 "jx-hang: each CPU's current, runqueue, eip and backtrace"),
                (r"console lock (free|HELD)(.|\n)*\d+ log record\(s\) stored but not yet on the console",
                 "jx-hang: the console lock and the unprinted log")],
}


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


def run_script(s, script, checks):
    """Runs script's sections in one gdb, checks each section's output, detaches,
    and waits for the self-tests to finish."""
    commands = []
    for name, cmds in script:
        commands += ["echo ===%s===\\n" % name] + cmds
    commands += ["echo ===end===\\n", "detach"]
    out = s.gdb(*commands, timeout=180)
    parts = sections(out)
    for name, wants in checks.items():
        for rx, what in wants:
            s.check("%s: %s" % (name, what), re.search(rx, parts.get(name, ""), re.M),
                    "gdb's %s section:\n%s" % (name, parts.get(name) or "(missing)\n" + out[-3000:]))
    s.check("no helper raised a Python exception", "Python Exception" not in out and "Traceback" not in out,
            out[-3000:])
    s.check("the self-tests finish after gdb detaches", s.wait_exit(120), "QEMU still running")


def run(s):
    run_script(s, SCRIPT, CHECKS)
