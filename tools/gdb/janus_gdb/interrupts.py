# lx-interruptlist: the interrupt lines and vectors with their per-CPU counts,
# like /proc/interrupts.
import gdb
from .core import sym
from .cpus import online_cpus


class LxInterruptList(gdb.Command):
    """The interrupt lines with their counts per CPU and handlers, like /proc/interrupts."""

    def __init__(self):
        super().__init__("lx-interruptlist", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        cpus = online_cpus()
        descs = sym("irq_desc")
        print("     " + "".join("%11s" % ("CPU%d" % c) for c in cpus))
        for irq in range(descs.type.range()[1] + 1):
            d = descs[irq]
            action = d["action"]
            if int(action) == 0:
                continue
            names = []
            while int(action):
                names.append(action["name"].string())
                action = action["next"]
            chip = d["irq_data"]["chip"]
            chip_name = chip["name"].string() if int(chip) else "-"
            counts = "".join("%11d" % int(d["kstat_irqs"][c]) for c in cpus)
            print("%4d:%s  %-8s %s" % (irq, counts, chip_name, ", ".join(names)))
        vectors = sym("vectors")
        for v in range(vectors.type.range()[1] + 1):
            if int(vectors[v]["handler"]) and int(vectors[v]["name"]):
                counts = "".join("%11d" % int(vectors[v]["count"][c]) for c in cpus)
                print("%4s:%s  vector 0x%02x" % (vectors[v]["name"].string(), counts, v))
