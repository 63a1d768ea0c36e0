#!/usr/bin/env python3
"""Section mismatches in the kernel, as Linux's modpost finds them (host side).

    tools/section_check.py build/kernel/main.o build/arch/x86/setup.o ...
    tools/section_check.py selftest CC [CFLAGS...]

check: reads the kernel's relocatable objects (before they are linked) and
reports every reference from code or data that stays after boot to __init code
or data, which free_initmem() unmaps (arch/x86/init.c; include/linux/init.h):

    WARNING: modpost: vmlinux: section mismatch in reference: late+0x6 (section: .text) -> boot_only (section: .init.text)

then fails. Allowed: references from __init code and data themselves, from
__ref code (.ref.text: kmain and kernel_init, which run the boot and call
into it before it is freed), and from the tables only the boot walks
(initcalls, early parameters) or that forget init code when it goes (static
branch sites, the exception table).

selftest: compiles two small files with CC and the kernel's CFLAGS (one with
a mismatch, one without) and checks that exactly the first is reported.
Python 3 standard library only.
"""
import os
import struct
import subprocess
import sys
import tempfile

INIT = (".init.text", ".init.data", ".init.rodata")
ALLOWED_FROM = (".init.", ".ref.", ".initcall.", ".kernel_params", "__jump_table", "__ex_table",
                ".debug", ".comment", ".note", ".eh_frame", ".rel")
PC_RELATIVE = {2, 4}  # R_386_PC32, R_386_PLT32: the stored addend is the target - 4


def is_init(name):
    return name is not None and any(name == s or name.startswith(s + ".") for s in INIT)


class Object:
    """The sections, symbols and relocations of one ELF32 relocatable object."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.data = f.read()
        d = self.data
        if d[:4] != b"\x7fELF" or d[4] != 1:
            raise ValueError("%s: not an ELF32 object" % path)
        shoff, = struct.unpack_from("<I", d, 32)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 46)
        self.sections = [struct.unpack_from("<IIIIIIIIII", d, shoff + i * shentsize)
                         for i in range(shnum)]
        names = self.sections[shstrndx]
        self.names = [self.cstr(names[4] + s[0]) for s in self.sections]
        self.symbols = []
        for s in self.sections:
            if s[1] == 2:  # SHT_SYMTAB
                strtab = self.sections[s[6]][4]
                for off in range(s[4], s[4] + s[5], 16):
                    name, value, size, info, other, shndx = struct.unpack_from("<IIIBBH", d, off)
                    self.symbols.append((self.cstr(strtab + name), value, size, info, shndx))

    def cstr(self, off):
        return self.data[off:self.data.index(b"\0", off)].decode()

    def section_name(self, index):
        return self.names[index] if 0 < index < len(self.names) else None

    def relocations(self):
        """(section name, offset, type, symbol index, stored addend) of every REL entry."""
        for s in self.sections:
            if s[1] != 9:  # SHT_REL
                continue
            target, content = self.names[s[7]], self.sections[s[7]]
            for off in range(s[4], s[4] + s[5], 8):
                r_offset, r_info = struct.unpack_from("<II", self.data, off)
                addend = 0
                if content[1] != 8 and r_offset + 4 <= content[5]:  # not NOBITS
                    addend, = struct.unpack_from("<i", self.data, content[4] + r_offset)
                yield target, r_offset, r_info & 0xff, r_info >> 8, addend

    def symbol_at(self, section, offset):
        """The symbol of section (by name) at or last before offset, and its value."""
        best = None
        for name, value, size, info, shndx in self.symbols:
            if name and info & 0xf not in (3, 4) and self.section_name(shndx) == section \
                    and value <= offset and (best is None or value > best[1]):
                best = (name, value)
        return best


def mismatches(paths):
    objects = [Object(p) for p in paths]
    defined = {}
    for o in objects:
        for name, value, size, info, shndx in o.symbols:
            if info >> 4 in (1, 2) and shndx not in (0, 0xfff1, 0xfff2):  # GLOBAL/WEAK, defined
                defined.setdefault(name, o.section_name(shndx))
    found = []
    for o in objects:
        for section, offset, rtype, symindex, addend in o.relocations():
            if is_init(section) or section.startswith(ALLOWED_FROM):
                continue
            name, value, size, info, shndx = o.symbols[symindex]
            if shndx == 0:
                target_section, target = defined.get(name), name
            else:
                target_section = o.section_name(shndx)
                target = name
                if info & 0xf == 3:  # a section symbol: name what the addend points at
                    where = value + addend + (4 if rtype in PC_RELATIVE else 0)
                    sym = o.symbol_at(target_section, where)
                    target = sym[0] if sym and sym[1] == where else "%s+0x%x" % (target_section, where)
            if is_init(target_section):
                sym = o.symbol_at(section, offset)
                source = "%s+0x%x" % (sym[0], offset - sym[1]) if sym else "0x%x" % offset
                found.append("%s (section: %s) -> %s (section: %s)" %
                             (source, section, target, target_section))
    return found


def check(paths):
    found = mismatches(paths)
    for m in found:
        print("WARNING: modpost: vmlinux: section mismatch in reference: %s" % m)
    if found:
        print("ERROR: modpost: Section mismatches detected: code that runs after boot must not "
              "use __init code or data (free_initmem() unmaps it); mark the caller __init, "
              "or __ref if it runs only while booting.")
        return 1
    return 0


FIXTURE = """
#include <linux/init.h>
static int __init noinline boot_only(void) { return 1; }
int __init boot_time(void) { return boot_only(); }
int __ref boot_flow(void) { return boot_only(); }
%s
"""


def selftest(cc):
    cases = [("int late(void) { return boot_only(); }",
              ["late+0x", "(section: .text", "-> boot_only (section: .init.text)"]),
             ("int late(void) { return 0; }", [])]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (extra, want) in enumerate(cases):
            src, obj = os.path.join(tmp, "f%d.c" % i), os.path.join(tmp, "f%d.o" % i)
            with open(src, "w") as f:
                f.write(FIXTURE % extra)
            subprocess.run(cc + ["-c", src, "-o", obj], check=True)
            found = mismatches([obj])
            if want:
                ok = len(found) == 1 and all(w in found[0] for w in want)
            else:
                ok = not found
            if not ok:
                print("section_check selftest: fixture %d: want %s, found %s" % (i, want, found))
                failures += 1
    print("section_check selftest: %d fixtures, %d failures" % (len(cases), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "selftest":
        sys.exit(selftest(sys.argv[2:]))
    sys.exit(check(sys.argv[1:]))
