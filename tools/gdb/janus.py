"""gdb helpers for Janus, loaded by tools/gdbinit (`make debug`). docs/gdb.md.

Linux's names where Linux has the command, so the habit carries over:
  lx-ps  lx-dmesg  lx-lsmod  lx-symbols  lx-interruptlist  lx-cpus
  $lx_current(cpu)  $lx_per_cpu("var", cpu)
Janus's own:
  jx-context [cpu]   preempt_count decoded, interrupts, which stack esp is on
  jx-trace [N]       the trace buffer of the stopped kernel, as /proc/trace prints it
  jx-stacks          each CPU's hardirq and softirq stack high-water mark
  jx-hang            why is it stuck: every CPU (eip, IF, context, bt), the runqueues,
                     the locks printk needs and the log lines no console printed yet
and a frame unwinder with a frame filter, so that `bt` in a handler crosses
from the per-CPU interrupt stack into the interrupted frames, marked
<IRQ> ... </IRQ> (<SOFTIRQ> ... </SOFTIRQ>) as Linux's oops marks them.

QEMU's gdb stub shows each CPU as a thread: thread N is CPU N-1.
"""
import gdb
import gdb.unwinder
from gdb.FrameDecorator import FrameDecorator

STACK_PAINT = 0x57ac57ac
TASK_COMM_LEN = 16


# ---------------------------------------------------------------- basics

def sym(name):
    return gdb.parse_and_eval(name)


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


def comm(task):
    return task["comm"].string(length=TASK_COMM_LEN).split("\0")[0]


def container_of(ptr, type_name, member):
    t = gdb.lookup_type(type_name)
    offset = next(f.bitpos // 8 for f in t.fields() if f.name == member)
    addr = int(ptr.cast(gdb.lookup_type("unsigned long"))) - offset
    return gdb.Value(addr).cast(t.pointer())


def list_for_each(head, type_name, member):
    """The entries of a struct list_head list (head is the list_head value)."""
    node = head["next"]
    while int(node) != int(head.address):
        yield container_of(node, type_name, member)
        node = node["next"]


def read_u32(addr):
    return int(gdb.Value(addr).cast(gdb.lookup_type("unsigned int").pointer()).dereference())


THREAD_SIZE = 8192  # include/linux/sched.h


def stacks_of(cpu):
    """(name, bottom, top) of every kernel stack cpu may be on."""
    size = irq_stack_size()
    out = []
    for name, var in (("hardirq", "hardirq_stack_top"), ("softirq", "softirq_stack_top")):
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


# ---------------------------------------------------------------- functions

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


# ---------------------------------------------------------------- commands

class LxPs(gdb.Command):
    """List every task: address, pid, CPU, state, name (Linux's lx-ps)."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        running = {int(current_task(c)): c for c in online_cpus()}
        print("%-10s %5s %3s %-5s %s" % ("TASK", "PID", "CPU", "STATE", "COMM"))
        tasks = [sym("&init_task")] + list(list_for_each(sym("task_list"), "struct task_struct", "tasks"))
        for t in tasks:
            state = int(t["state"])
            letter = "R" if state == 0 else "S" if state & 1 else "D" if state & 2 else "X"
            if int(t) in running:
                letter += "*"  # on a CPU right now
            print("0x%08x %5d %3d %-5s %s" % (int(t), int(t["pid"]), int(t["cpu"]), letter, comm(t)))


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


class LxLsmod(gdb.Command):
    """List loaded modules: name, address, size (Linux's lx-lsmod)."""

    def __init__(self):
        super().__init__("lx-lsmod", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        mods = loaded_modules()
        if mods is None:
            print("lx-lsmod: this kernel has no loadable modules (no `modules` list)")
            return
        print("%-10s %-20s %8s" % ("Address", "Module", "Size"))
        for name, base, size, _ in mods:
            print("0x%08x %-20s %8d" % (base, name, size))


def loaded_modules():
    """[(name, text address, size, {section: address})] from the `modules` list (kernel/module/),
    or None for a kernel without module support."""
    try:
        head = sym("modules")
    except gdb.error:
        return None
    out = []
    for m in list_for_each(head, "struct module", "list"):
        mem = m["mem"]
        count = mem.type.range()[1] + 1
        size = sum(int(mem[i]["size"]) for i in range(count))
        sections = {}
        attrs = m["sect_attrs"]
        if int(attrs):
            for i in range(int(attrs["nsections"])):
                a = attrs["attrs"][i]
                sections[a["battr"]["attr"]["name"].string()] = int(a["address"])
        out.append((m["name"].string(), int(mem[0]["base"].cast(gdb.lookup_type("unsigned long"))),
                    size, sections))
    return out


class LxSymbols(gdb.Command):
    """Load the symbols of every loaded module at its address (Linux's lx-symbols).

    lx-symbols [DIR...]: where to look for NAME.ko (default: modules/ next to the kernel ELF, then .)."""

    def __init__(self):
        super().__init__("lx-symbols", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        import os
        elf_dir = os.path.dirname(gdb.current_progspace().filename or "")
        dirs = arg.split() or [os.path.join(elf_dir, "modules"), "."]
        mods = loaded_modules()
        if mods is None:
            print("lx-symbols: this kernel has no loadable modules; nothing to load")
            return
        for name, base, _, sections in mods:
            path = next((os.path.join(r, f) for d in dirs for r, _, fs in os.walk(d)
                         for f in fs if f == name + ".ko"), None)
            if not path:
                print("lx-symbols: no %s.ko under %s" % (name, " ".join(dirs)))
                continue
            text = sections.pop(".text", base)
            extra = "".join(" -s %s 0x%x" % (sec, addr) for sec, addr in sorted(sections.items())
                            if addr)
            gdb.execute("add-symbol-file %s 0x%x%s" % (path, text, extra), to_string=True)
            print("loaded %s at 0x%08x" % (path, text))
        print("lx-symbols: %d module(s)" % len(mods))


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


class JxStacks(gdb.Command):
    """Each CPU's hardirq and softirq stack: bytes ever used (high-water mark) of their size."""

    def __init__(self):
        super().__init__("jx-stacks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        inferior = gdb.selected_inferior()
        size = irq_stack_size()
        for c in online_cpus():
            parts = []
            for name, var in (("hardirq", "hardirq_stack_top"), ("softirq", "softirq_stack_top")):
                top = int(per_cpu(var, c))
                mem = bytes(inferior.read_memory(top - size, size))
                unused = 0
                while unused + 4 <= size and int.from_bytes(mem[unused:unused + 4], "little") == STACK_PAINT:
                    unused += 4
                parts.append("%s %d of %d bytes used at most" % (name, size - unused, size))
            print("CPU%d stacks: %s" % (c, ", ".join(parts)))


# ---------------------------------------------------------------- the trace buffer

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


# ---------------------------------------------------------------- a hang's post-mortem

def task_state_letter(t):
    state = int(t["state"])
    return "R" if state == 0 else "S" if state & 1 else "D" if state & 2 else "X"


def rq_tasks(rq):
    """The tasks queued on a runqueue, active array first: (array name, task)."""
    for name in ("active", "expired"):
        array = rq[name].dereference()
        for prio in range(array["queue"].type.range()[1] + 1):
            for t in list_for_each(array["queue"][prio], "struct task_struct", "run_list"):
                yield name, t


def task_line(t):
    return "%s/%d prio %d state %s%s%s" % (
        comm(t), int(t["pid"]), int(t["prio"]), task_state_letter(t),
        " need_resched" if int(t["need_resched"]) else "",
        " migrate_to=%d" % (int(t["migrate_to"]) - 1) if int(t["migrate_to"]) else "")


def lock_owner(name):
    try:
        lock = sym(name)
    except gdb.error:
        return None
    return int(lock["owner_cpu"])


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


# ---------------------------------------------------------------- unwinding across stacks

class FrameId:
    def __init__(self, sp, pc):
        self.sp, self.pc = sp, pc


def asm_function(pc):
    """The ELF symbol (no debug info) pc is in, e.g. "common_entry" for common_entry.on_irq_stack+6."""
    text = gdb.format_address(pc)
    if "<" not in text:
        return None
    return text[text.index("<") + 1:].split("+")[0].split(".")[0].rstrip(">")


# The entry code that has built its fake frame: pt_regs at ebp + 8 (the
# sysenter entry and the shared way out too, where the kernel has them).
ENTRY_FRAMES = ("common_entry", "common_return", "entry_SYSENTER_32")


class StackSwitchUnwinder(gdb.unwinder.Unwinder):
    """Unwinds the two assembly frames where Janus changes stacks, which have no CFI:

    common_entry (arch/x86/entry.asm, and its sysenter twin): its caller is the interrupted code. It saved
    everything as a struct pt_regs and built a fake frame right below it, so ebp + 8
    is the pt_regs: the interrupted eip, ebp and the other registers, and esp (in
    kernel mode the CPU pushed none: it was just above the pt_regs).

    call_on_stack (arch/x86/call_on_stack.asm, how softirqs get their stack): a plain
    ebp frame whose saved ebp and return address are on the stack it came from."""

    def __init__(self):
        super().__init__("janus-stack-switch")

    def __call__(self, pending_frame):
        try:
            pc = int(pending_frame.read_register("eip")) & 0xffffffff
            name = asm_function(pc)
        except gdb.error:
            return None
        if name not in ENTRY_FRAMES and name != "call_on_stack":
            return None
        uint = gdb.lookup_type("unsigned long")
        ebp = int(pending_frame.read_register("ebp")) & 0xffffffff
        sp = int(pending_frame.read_register("esp")) & 0xffffffff
        start = int(sym("&" + name).cast(uint))
        info = pending_frame.create_unwind_info(FrameId(gdb.Value(sp).cast(uint), gdb.Value(start).cast(uint)))
        if name == "call_on_stack":
            info.add_saved_register("eip", gdb.Value(read_u32(ebp + 4)).cast(uint))
            info.add_saved_register("ebp", gdb.Value(read_u32(ebp)).cast(uint))
            info.add_saved_register("esp", gdb.Value(ebp + 8).cast(uint))
            return info
        regs = gdb.Value(ebp + 8).cast(gdb.lookup_type("struct pt_regs").pointer()).dereference()
        user = int(regs["cs"]) & 3
        caller_sp = int(regs["sp"]) if user else int(regs["sp"].address.cast(uint))
        for reg, field in (("eip", "ip"), ("ebp", "bp"), ("ebx", "bx"), ("ecx", "cx"), ("edx", "dx"),
                           ("esi", "si"), ("edi", "di"), ("eax", "ax"), ("eflags", "flags")):
            info.add_saved_register(reg, regs[field].cast(uint))
        info.add_saved_register("esp", gdb.Value(caller_sp).cast(uint))
        return info


class StackMarker(FrameDecorator):
    def __init__(self, fobj, prefix, suffix):
        super().__init__(fobj)
        self.prefix, self.suffix = prefix, suffix

    def function(self):
        f = super().function()
        if isinstance(f, int):  # no debug info (entry.asm): the ELF symbol, as "name+off"
            text = gdb.format_address(f)
            f = text[text.index("<") + 1:-1] if "<" in text else "0x%x" % f
        return "%s%s%s" % (self.prefix, f, self.suffix)


class IrqStackFilter:
    """Marks where a backtrace enters and leaves an interrupt stack, like Linux's oops:
    the first frame on the hardirq stack gets <IRQ>, the last one </IRQ> (and <SOFTIRQ>
    for the softirq stack); a frame in user mode is marked <user mode>."""

    def __init__(self):
        self.name, self.priority, self.enabled = "janus-irq-stacks", 100, True
        gdb.frame_filters[self.name] = self

    def filter(self, frames):
        cpu = selected_cpu()
        try:
            stacks = stacks_of(cpu)
        except gdb.error:
            yield from frames
            return

        def where(fd):
            frame = fd.inferior_frame()
            try:
                sp = int(frame.read_register("esp")) & 0xffffffff
                pc = int(frame.pc())
            except gdb.error:
                return None
            if pc < 0xc0000000:
                return "user"
            return next((n for n, b, t in stacks if b <= sp < t), None)

        items = [(fd, where(fd)) for fd in frames]
        marks = {"hardirq": "IRQ", "softirq": "SOFTIRQ"}
        for i, (fd, place) in enumerate(items):
            prev = items[i - 1][1] if i else None
            nxt = items[i + 1][1] if i + 1 < len(items) else None
            prefix = suffix = ""
            if place in marks and prev != place:
                prefix = "<%s> " % marks[place]
            if place in marks and nxt != place:
                suffix = " </%s>" % marks[place]
            if place == "user":
                prefix = "<user mode> "
            yield StackMarker(fd, prefix, suffix) if prefix or suffix else fd


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
