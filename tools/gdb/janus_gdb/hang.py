# jx-hang: a hung kernel's post-mortem (every CPU, the runqueues, the tasks,
# the console lock and the log lines not yet printed); tests/run.py runs it.
import gdb
from .core import sym
from .cpus import per_cpu, online_cpus, current_task
from .tasks import comm, rq_tasks, task_line
from .stacks import stack_name
from .context import context_words


class JxHang(gdb.Command):
    """jx-hang: everything that explains a stopped kernel, for a post-mortem.

    For every online CPU: where it is (eip and symbol), EFLAGS.IF, its context
    and preempt_count, its current task, its runqueue (length, queued tasks)
    and a backtrace; then every task, the console lock, and the log records
    stored but not yet printed on the console. tests/run.py runs it when a
    boot times out, before it kills QEMU."""

    def __init__(self):
        super().__init__("jx-hang", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("jiffies %d" % int(sym("jiffies")))
        old = gdb.selected_thread()
        threads = {t.num: t for t in gdb.selected_inferior().threads()}
        for c in online_cpus():
            self.cpu(c, threads.get(c + 1))
        if old:
            old.switch()
        print("\n--- tasks (lx-ps)")
        gdb.execute("lx-ps")
        self.console()

    def cpu(self, c, thread):
        t = current_task(c)
        pc = int(per_cpu("__preempt_count", c)) & 0xffffffff
        rq = per_cpu("runqueues", c)
        print("\n--- CPU%d: current %s, %s, preempt_count 0x%08x" % (
            c, task_line(t), context_words(pc), pc))
        queued = ["%s:%s" % (a[0], task_line(q)) for a, q in ((n, q) for n, q in rq_tasks(rq))]
        print("  runqueue: nr_running %d, curr %s, %d switches; queued: %s" % (
            int(rq["nr_running"]), comm(rq["curr"].dereference()), int(rq["nr_switches"]),
            ", ".join(queued) or "none"))
        try:
            w = per_cpu("watchdog_cpu", c)
            print("  watchdog: %d ticks, last able to schedule at tsc %d" % (
                int(w["ticks"]), int(w["touch_ts"])))
        except gdb.error:
            pass
        if thread is None:
            print("  (no gdb thread for this CPU)")
            return
        thread.switch()
        frame = gdb.newest_frame()
        eip = int(frame.read_register("eip")) & 0xffffffff
        eflags = int(frame.read_register("eflags"))
        esp = int(frame.read_register("esp")) & 0xffffffff
        print("  eip %s, EFLAGS.IF=%d, esp 0x%08x on %s stack" % (
            gdb.format_address(eip) if eip >= 0xc0000000 else "0x%08x (user mode)" % eip,
            (eflags >> 9) & 1, esp, stack_name(c, esp) or "no known"))
        try:
            gdb.execute("bt 30")
        except gdb.error as e:
            print("  bt: %s" % e)

    def console(self):
        print("\n--- printk")
        locked = int(sym("console_locked"))
        store = sym("logbuf_lock")
        print("console lock %s; log store lock %s" % (
            "HELD (whoever holds it prints for everyone)" if locked else "free",
            "held" if int(store["head"]) != int(store["tail"]) else "free"))
        ring = sym("log_ring")
        n = ring.type.range()[1] + 1
        first, end = int(sym("console_seq")), int(sym("log_next_seq"))
        print("%d log record(s) stored but not yet on the console%s" % (
            end - first, ":" if end > first else ""))
        for seq in range(max(first, end - n, end - 200), end):
            r = ring[seq % n]
            gdb.write("  | %s\n" % r["text"].string(length=int(r["len"]), errors="replace"))
