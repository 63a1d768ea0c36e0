# gdb helpers for Janus, loaded by tools/gdbinit (`make debug`): registers the commands
# of the janus_gdb package next to this file (one module per area). docs/gdb.md.
#
# Linux's names where Linux has the command, so the habit carries over:
#   lx-ps  lx-dmesg  lx-lsmod  lx-symbols  lx-interruptlist  lx-cpus
#   $lx_current(cpu)  $lx_per_cpu("var", cpu)
# Janus's own:
#   jx-context [cpu]   preempt_count decoded, interrupts, which stack esp is on
#   jx-trace [N]       the trace buffer of the stopped kernel, as /proc/trace prints it
#   jx-stacks          each CPU's hardirq and softirq stack high-water mark
#   jx-hang            why is it stuck: every CPU (eip, IF, context, bt), the runqueues,
#                      the locks printk needs and the log lines no console printed yet
# and a frame unwinder with a frame filter, so that `bt` in a handler crosses
# from the per-CPU interrupt stack into the interrupted frames, marked
# <IRQ> ... </IRQ> (<SOFTIRQ> ... </SOFTIRQ>) as Linux's oops marks them.
#
# QEMU's gdb stub shows each CPU as a thread: thread N is CPU N-1.
import os
import sys

import gdb
import gdb.unwinder

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from janus_gdb.cpus import LxCurrent, LxPerCpu  # noqa: E402
from janus_gdb.tasks import LxPs  # noqa: E402
from janus_gdb.dmesg import LxDmesg  # noqa: E402
from janus_gdb.modules import LxLsmod, LxSymbols  # noqa: E402
from janus_gdb.interrupts import LxInterruptList  # noqa: E402
from janus_gdb.context import LxCpus, JxContext  # noqa: E402
from janus_gdb.stacks import JxStacks  # noqa: E402
from janus_gdb.trace import JxTrace  # noqa: E402
from janus_gdb.hang import JxHang  # noqa: E402
from janus_gdb.unwind import StackSwitchUnwinder, IrqStackFilter  # noqa: E402

LxCurrent()
LxPerCpu()
LxPs()
LxDmesg()
LxLsmod()
LxSymbols()
LxInterruptList()
LxCpus()
JxContext()
JxStacks()
JxTrace()
JxHang()
gdb.unwinder.register_unwinder(None, StackSwitchUnwinder(), replace=True)
IrqStackFilter()
print("Janus gdb helpers: lx-ps lx-dmesg lx-lsmod lx-symbols lx-interruptlist lx-cpus "
      "$lx_current() $lx_per_cpu() jx-context jx-trace jx-stacks jx-hang; bt crosses interrupt stacks")
