# bt across stacks: an unwinder for the assembly frames where Janus changes
# stacks and a frame filter that marks <IRQ> ... </IRQ> as Linux's oops does.
import gdb
import gdb.unwinder
from gdb.FrameDecorator import FrameDecorator
from .core import sym, read_u32
from .cpus import selected_cpu
from .stacks import stacks_of


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
