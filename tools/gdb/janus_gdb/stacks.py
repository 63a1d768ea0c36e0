# The kernel stacks a CPU may be on (task, hardirq, softirq) and jx-stacks,
# their high-water marks (docs/interrupt-stacks.md).
import gdb
from .cpus import per_cpu, online_cpus, current_task


STACK_PAINT = 0x57ac57ac
THREAD_SIZE = 8192  # include/linux/sched.h
# Each CPU's interrupt stacks, and the per-CPU variable with the top of each.
IRQ_STACKS = (("hardirq", "hardirq_stack_top"), ("softirq", "softirq_stack_top"))


def stacks_of(cpu):
    """(name, bottom, top) of every kernel stack cpu may be on."""
    size = irq_stack_size()
    out = []
    for name, var in IRQ_STACKS:
        top = int(per_cpu(var, cpu))
        if top:
            out.append((name, top - size, top))
    bottom = int(current_task(cpu)["stack"].cast(gdb.lookup_type("unsigned long")))
    out.append(("task", bottom, bottom + THREAD_SIZE))
    return out


def irq_stack_size():
    """IRQ_STACK_SIZE as the kernel was built (build/config, next to the ELF), else 8192."""
    import os
    path = os.path.join(os.path.dirname(gdb.current_progspace().filename or ""), "config")
    try:
        for word in open(path).read().split():
            if word.startswith("IRQ_STACK_SIZE="):
                return int(word.split("=")[1])
    except OSError:
        pass
    return 8192


def stack_name(cpu, addr):
    for name, bottom, top in stacks_of(cpu):
        if bottom <= addr < top:
            return name
    return None


class JxStacks(gdb.Command):
    """Each CPU's hardirq and softirq stack: bytes ever used (high-water mark) of their size."""

    def __init__(self):
        super().__init__("jx-stacks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        inferior = gdb.selected_inferior()
        size = irq_stack_size()
        for c in online_cpus():
            parts = []
            for name, var in IRQ_STACKS:
                top = int(per_cpu(var, c))
                mem = bytes(inferior.read_memory(top - size, size))
                unused = 0
                while unused + 4 <= size and int.from_bytes(mem[unused:unused + 4], "little") == STACK_PAINT:
                    unused += 4
                parts.append("%s %d of %d bytes used at most" % (name, size - unused, size))
            print("CPU%d stacks: %s" % (c, ", ".join(parts)))
