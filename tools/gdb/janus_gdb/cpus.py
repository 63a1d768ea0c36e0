# The CPUs (QEMU's gdb threads: thread N is CPU N-1) and their per-CPU data:
# $lx_current() and $lx_per_cpu().
import gdb
from .core import sym


def per_cpu_ptr(name, cpu):
    """A pointer to CPU cpu's copy of the per-CPU variable name."""
    var = sym(name)
    offset = int(sym("__per_cpu_offset")[cpu])
    addr = int(var.address.cast(gdb.lookup_type("unsigned long"))) + offset
    return gdb.Value(addr).cast(var.type.pointer())


def per_cpu(name, cpu):
    return per_cpu_ptr(name, cpu).dereference()


def online_cpus():
    bits = int(sym("cpu_online_bits"))
    return [c for c in range(32) if bits & (1 << c)]


def current_task(cpu):
    return per_cpu("current_task", cpu)


def selected_cpu():
    """The CPU of gdb's selected thread (QEMU: thread N is CPU N-1)."""
    t = gdb.selected_thread()
    return t.num - 1 if t else 0


def cpu_registers(cpu):
    """(eflags, esp) of cpu, read through its gdb thread."""
    old = gdb.selected_thread()
    thread = next((t for t in gdb.selected_inferior().threads() if t.num == cpu + 1), None)
    if thread is None:
        raise gdb.GdbError("no gdb thread for CPU%d" % cpu)
    thread.switch()
    try:
        frame = gdb.newest_frame()
        return int(frame.read_register("eflags")), int(frame.read_register("esp")) & 0xffffffff
    finally:
        old.switch()


class LxCurrent(gdb.Function):
    """$lx_current([CPU]): the task_struct running on CPU (default: the selected thread's)."""

    def __init__(self):
        super().__init__("lx_current")

    def invoke(self, cpu=None):
        return current_task(int(cpu) if cpu is not None else selected_cpu())


class LxPerCpu(gdb.Function):
    """$lx_per_cpu("VAR", [CPU]): CPU's copy of the per-CPU variable VAR."""

    def __init__(self):
        super().__init__("lx_per_cpu")

    def invoke(self, name, cpu=None):
        return per_cpu(name.string(), int(cpu) if cpu is not None else selected_cpu())
