# jx-trace: the per-CPU trace rings of the stopped kernel, printed as
# /proc/trace prints them (kernel/trace/).
import gdb
from .core import sym
from .cpus import online_cpus


def trace_events_table():
    start = sym("&__start_ftrace_events[0]")
    stop = sym("&__stop_ftrace_events[0]")
    n = (int(stop) - int(start)) // start.dereference().type.sizeof
    return [start[i] for i in range(n)]


def symbol_at(addr):
    if not addr:
        return "0x0"
    block = gdb.block_for_pc(addr) if addr else None
    if block and block.function:
        off = addr - block.function.value().address.cast(gdb.lookup_type("unsigned long"))
        return "%s+0x%x" % (block.function.name, int(off)) if int(off) else block.function.name
    return "0x%x" % addr


def event_text(name, data):
    """The event's fields as Linux prints them (kernel/trace/events.c's print functions)."""
    def fields(struct):
        return data.cast(gdb.lookup_type("struct " + struct).pointer()).dereference()
    ul = lambda v: int(v) & 0xffffffff
    if name == "irq_handler_entry":
        f = fields("irq_handler_entry_fields")
        return "irq=%d name=%s" % (int(f["irq"]), f["name"].string())
    if name == "irq_handler_exit":
        f = fields("irq_handler_exit_fields")
        return "irq=%d ret=%s" % (int(f["irq"]), "handled" if int(f["ret"]) else "unhandled")
    if name.startswith("softirq_"):
        vec = int(fields("softirq_fields")["vec"])
        names = sym("softirq_to_name")
        return "vec=%d [action=%s]" % (vec, names[vec].string() if vec < names.type.range()[1] + 1 else "?")
    if name.startswith("tasklet_") or name.startswith("workqueue_"):
        f = fields("fn_fields")
        if name.startswith("tasklet_"):
            return "tasklet=%s function=%s" % (symbol_at(ul(f["obj"])), symbol_at(ul(f["func"])))
        return "work struct %x: function %s" % (ul(f["obj"]), symbol_at(ul(f["func"])))
    if name == "sched_switch":
        f = fields("sched_switch_fields")
        return ("prev_comm=%s prev_pid=%d prev_prio=%d prev_state=%s%s ==> next_comm=%s next_pid=%d "
                "next_prio=%d" % (f["prev_comm"].string(), int(f["prev_pid"]), int(f["prev_prio"]),
                                  chr(int(f["prev_state"])), "+" if int(f["preempted"]) else "",
                                  f["next_comm"].string(), int(f["next_pid"]), int(f["next_prio"])))
    if name == "sched_wakeup":
        f = fields("sched_wakeup_fields")
        return "comm=%s pid=%d prio=%d target_cpu=%03d" % (f["comm"].string(), int(f["pid"]),
                                                            int(f["prio"]), int(f["target_cpu"]))
    if name == "sys_enter":
        f = fields("sys_enter_fields")
        return "NR %d (%s)" % (int(f["id"]), ", ".join("%x" % ul(f["args"][i]) for i in range(6)))
    if name == "sys_exit":
        f = fields("sys_exit_fields")
        return "NR %d = %d" % (int(f["id"]), int(f["ret"]))
    if name.endswith("_entry") or name.endswith("_exit"):
        return "vector=%d" % int(fields("vector_fields")["vector"])
    if name == "ipi_send_cpu":
        f = fields("ipi_send_cpu_fields")
        return "cpu=%d callsite=%s callback=%s" % (int(f["cpu"]), symbol_at(ul(f["callsite"])),
                                                   symbol_at(ul(f["callback"])))
    if name.startswith("page_fault_"):
        f = fields("page_fault_fields")
        return "address=0x%x ip=%s error_code=0x%x" % (ul(f["address"]), symbol_at(ul(f["ip"])),
                                                        ul(f["error_code"]))
    if name == "janus_report":
        return fields("janus_report_fields")["text"].string()
    return "(no decoder)"


def lat_flags(flags, pc):
    irqs, bh = flags & 0x01, flags & 0x02
    nmi, hard, soft = flags & 0x40, flags & 0x08, flags & 0x10
    return "%s%s%s%s." % ("D" if irqs and bh else "d" if irqs else "b" if bh else ".",
                          "N" if flags & 0x04 else ".",
                          "Z" if nmi and hard else "z" if nmi else "H" if hard and soft else
                          "h" if hard else "s" if soft else ".",
                          "%x" % (pc & 0xf) if pc & 0xf else ".")


class JxTrace(gdb.Command):
    """jx-trace [N]: the last N (default 50) records of the trace buffer, as /proc/trace prints them.

    Reads the per-CPU rings of the stopped kernel (kernel/trace/ring_buffer.c): useful
    after a hang or at a breakpoint, when nothing can read /proc/trace."""

    def __init__(self):
        super().__init__("jx-trace", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        limit = int(arg) if arg.strip() else 50
        calls = trace_events_table()
        rings = sym("trace_rings")
        cmdlines = sym("saved_cmdlines")
        ncmd = cmdlines.type.range()[1] + 1
        records = []
        for cpu in online_cpus():
            r = rings[cpu]
            if not int(r["slots"]):
                continue
            size, head = int(r["mask"]) + 1, int(r["head"])
            first = max(head - size, int(r["read"]), 0)
            for seq in range(max(first, head - limit), head):
                e = r["slots"][seq & (size - 1)]
                if int(e["seq"]) != seq + 1:
                    continue
                records.append((int(e["ts"]), cpu, e))
        records.sort(key=lambda x: x[0])
        print("# tracer: nop (jx-trace: the last %d records of the stopped kernel)" % limit)
        for ts, cpu, e in records[-limit:]:
            pid = int(e["pid"])
            slot = cmdlines[pid % ncmd]
            name = "<idle>" if pid == 0 else (slot["comm"].string() if int(slot["pid"]) == pid else "<...>")
            call = calls[int(e["type"])]
            ev = call["name"].string()
            data = e["data"].address.cast(gdb.lookup_type("char").pointer())
            print("%16s-%-7d [%03d] %s %5d.%06d: %s: %s" %
                  (name, pid, cpu, lat_flags(int(e["flags"]), int(e["preempt_count"])),
                   ts // 10**9, ts % 10**9 // 1000, ev, event_text(ev, data)))
