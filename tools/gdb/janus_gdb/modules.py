# Loaded modules: lx-lsmod lists them, lx-symbols loads their symbols at
# their addresses (kernel/module/).
import gdb
from .core import sym, list_for_each


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
