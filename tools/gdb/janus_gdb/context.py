# Which context a CPU is in, decoded from preempt_count and EFLAGS.IF:
# lx-cpus and jx-context.
import gdb
from .cpus import per_cpu, online_cpus, current_task, selected_cpu, cpu_registers
from .tasks import comm
from .stacks import stack_name


def decode_preempt(pc):
    return {"preempt": pc & 0xff, "softirq": (pc >> 8) & 0xff,
            "hardirq": (pc >> 16) & 0xf, "nmi": (pc >> 20) & 0xf}


def context_words(pc):
    d = decode_preempt(pc)
    if d["nmi"]:
        return "NMI"
    if d["hardirq"]:
        return "hardirq (depth %d)" % d["hardirq"]
    if d["softirq"] & 1:
        return "softirq"
    return "task" + (" (bottom halves disabled)" if d["softirq"] else "")


class LxCpus(gdb.Command):
    """Every online CPU: its current task, context and preempt_count."""

    def __init__(self):
        super().__init__("lx-cpus", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        for c in online_cpus():
            t = current_task(c)
            pc = int(per_cpu("__preempt_count", c)) & 0xffffffff
            print("CPU%d: current %s/%d, %s, preempt_count 0x%08x%s" %
                  (c, comm(t), int(t["pid"]), context_words(pc), pc,
                   "  <- selected" if c == selected_cpu() else ""))


class JxContext(gdb.Command):
    """jx-context [CPU]: which context the CPU is in, decoded from preempt_count and its registers."""

    def __init__(self):
        super().__init__("jx-context", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        cpu = int(arg) if arg.strip() else selected_cpu()
        pc = int(per_cpu("__preempt_count", cpu)) & 0xffffffff
        d = decode_preempt(pc)
        eflags, esp = cpu_registers(cpu)
        t = current_task(cpu)
        print("CPU%d: preempt_count 0x%08x" % (cpu, pc))
        print("  hardirq depth   %d%s" % (d["hardirq"], "   in_hardirq()" if d["hardirq"] else ""))
        print("  softirq         %s" % ("serving a softirq   in_serving_softirq()" if d["softirq"] & 1
                                         else "not serving"))
        print("  bh disabled     %d (local_bh_disable depth)" % (d["softirq"] >> 1))
        print("  preempt depth   %d (preempt_disable, spinlocks)" % d["preempt"])
        print("  NMI depth       %d" % d["nmi"])
        print("  in_interrupt()  %s" % ("yes" if pc & 0xfff00 else "no"))
        print("  in_task()       %s" % ("no" if pc & 0xf0100 else "yes"))
        print("  irqs disabled   %s (EFLAGS.IF=%d)" % ("yes" if not eflags & 0x200 else "no",
                                                     (eflags >> 9) & 1))
        where = stack_name(cpu, esp)
        print("  esp 0x%08x on %s" % (esp, {"hardirq": "this CPU's hardirq stack",
                                           "softirq": "this CPU's softirq stack",
                                           "task": "the task's kernel stack"}.get(where, "no known kernel stack (user mode?)")))
        print("  current         %s/%d (%s)" % (comm(t), int(t["pid"]),
                                               "the interrupted task, not the handler's"
                                               if pc & 0xf0100 else "running on its behalf"))
