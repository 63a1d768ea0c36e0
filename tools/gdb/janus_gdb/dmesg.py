# lx-dmesg: the kernel log ring of the stopped kernel, as dmesg prints it.
import gdb
from .core import sym


class LxDmesg(gdb.Command):
    """Print the kernel log ring, as dmesg would (Linux's lx-dmesg)."""

    def __init__(self):
        super().__init__("lx-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        ring = sym("log_ring")
        n = ring.type.range()[1] + 1
        end = int(sym("log_next_seq"))
        for seq in range(max(0, end - n), end):
            r = ring[seq % n]
            ts = int(r["ts_nsec"])
            text = r["text"].string(length=int(r["len"]), errors="replace")
            cont = int(r["flags"]) & 1
            newline = int(r["flags"]) & 2
            out = text if cont else "[%5d.%06d] %s" % (ts // 10**9, ts % 10**9 // 1000, text)
            gdb.write(out + ("\n" if newline else ""))
        gdb.write("\n")
