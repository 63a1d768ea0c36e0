#!/usr/bin/env python3
# Hardware access only in arch/ (docs/style: the layering rule), checked.
#
#     tools/layering_check.py            check the tree, print each offence, fail if any
#     tools/layering_check.py selftest   check that the checker finds what it must
#
# Outside arch/ the kernel (kernel/, drivers/, net/, lib/, mm/, include/ but
# not include/uapi, which user programs share) may not:
#   - hold inline assembly, except an empty template (a compiler barrier);
#   - use x86 builtins (__builtin_ia32_*);
#   - touch CPU registers and clocks: rdtsc*, rdmsr*/wrmsr*, cpuid, read_crN/
#     write_crN, anything tsc_* or <asm/tsc.h>/<asm/msr.h>: the clock is
#     <linux/sched/clock.h> (sched_clock(), get_cycles(), cycles_to_ns());
#   - do port I/O (inb/outb/inw/outw/inl/outl...), except in drivers/, whose
#     devices are reached through arch's accessors (<linux/io.h>), as in Linux.
# Comments and string literals are not code and are not checked.
# tests/, user/, modules/, labs/ and tools/ are not the kernel's layers.
# Python 3 standard library only.
import os
import re
import sys
import tempfile

ROOTS = ("kernel", "drivers", "net", "lib", "mm", "include")
SKIP = ("include/uapi/",)
PORT_IO_OK = ("drivers/",)

ASM = re.compile(r"\b(?:__asm__|asm)\b\s*(?:__volatile__|volatile|goto|inline|\s)*\(\s*(\"(?:[^\"\\]|\\.)*\")?")
RULES = [
    (re.compile(r"\b__builtin_ia32_\w+"), "an x86 builtin"),
    (re.compile(r"\b(?:rdtsc\w*|rdmsr\w*|wrmsr\w*|cpuid\w*|read_cr\d|write_cr\d|tsc_\w+)\b"),
     "CPU registers or the TSC (use <linux/sched/clock.h>: local_clock(), get_cycles())"),
    (re.compile(r"#\s*include\s*<asm/(?:tsc|msr)\.h>"),
     "an arch-only header (use <linux/sched/clock.h>)"),
]
PORT_IO = re.compile(r"\b(?:in|out)(?:s?[bwl])(?:_p)?\s*\(")


def strip(text):
    """text with comments blanked and string/char literals emptied, line numbers kept.
    Literals stay as "" so that an asm template can still be told empty or not: an
    asm's template is kept whole, every other literal is emptied."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            literal = text[i:j + 1]
            before = "".join(out[-60:])
            keep = c == '"' and re.search(r"\b(?:__asm__|asm)\b[\w\s]*\(\s*$", before)
            out.append(literal if keep else c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def offences(path, text):
    """[(line, what)] for one source file; path is relative to the tree's top."""
    code, found = strip(text), []

    def line(pos):
        return code.count("\n", 0, pos) + 1
    for m in ASM.finditer(code):
        if m.group(1) != '""':
            found.append((line(m.start()), "inline assembly"))
    for rx, what in RULES:
        for m in rx.finditer(code):
            found.append((line(m.start()), "%s: %s" % (what, m.group(0))))
    if not path.startswith(PORT_IO_OK):
        for m in PORT_IO.finditer(code):
            found.append((line(m.start()), "port I/O outside drivers/: %s" % m.group(0).rstrip("( ")))
    return sorted(found)


def sources(top):
    for root in ROOTS:
        for d, _, files in os.walk(os.path.join(top, root)):
            for f in sorted(files):
                path = os.path.relpath(os.path.join(d, f), top)
                if f.endswith((".c", ".h")) and not path.startswith(SKIP):
                    yield path


def check(top):
    bad = 0
    for path in sorted(sources(top)):
        for lineno, what in offences(path, open(os.path.join(top, path)).read()):
            print("%s:%d: hardware access outside arch/: %s" % (path, lineno, what))
            bad += 1
    if bad:
        print("layering-check: %d offence(s): move them behind an interface of arch/ "
              "(e.g. <linux/sched/clock.h>, <linux/io.h>)" % bad)
        return 1
    print("layering-check: no hardware access outside arch/ (%s)" % ", ".join(ROOTS))
    return 0


# (path, source, number of offences the checker must report)
FIXTURES = [
    ("kernel/a.c", "u64 t = rdtsc();\n", 1),
    ("kernel/b.c", "x = tsc_khz * 2; y = tsc_cycles_to_ns(x);\n", 2),
    ("kernel/c.c", "#include <asm/tsc.h>\n", 1),
    ("kernel/d.c", '__asm__ __volatile__("wrmsr" : : "c"(m));\n', 2),
    ("kernel/e.c", 'asm volatile("" ::: "memory");\n', 0),
    ("kernel/f.c", "/* reads rdtsc() */ const char *s = \"outb(1, 2)\"; // wrmsr\n", 0),
    ("kernel/g.c", "outb(0x0e, 0x3d4);\n", 1),
    ("drivers/h.c", "outb(0x0e, 0x3d4); v = inb(0x3d5);\n", 0),
    ("net/i.c", "v = __builtin_ia32_rdtsc();\n", 1),
    ("kernel/j.c", "u64 t = get_cycles(); u64 ns = cycles_to_ns(t) + local_clock();\n", 0),
    ("kernel/k.c", "static void bench_tsc_read(void) { inbox(); outbound = 1; }\n", 0),
]


def selftest():
    with tempfile.TemporaryDirectory() as top:
        for path, text, _ in FIXTURES:
            os.makedirs(os.path.dirname(os.path.join(top, path)), exist_ok=True)
            open(os.path.join(top, path), "w").write(text)
        wrong = []
        for path, text, want in FIXTURES:
            got = offences(path, text)
            if len(got) != want:
                wrong.append("%s: %d offence(s) found, %d wanted: %s" % (path, len(got), want, got))
    for w in wrong:
        print("layering-check selftest: " + w)
    if wrong:
        return 1
    print("layering-check selftest: %d fixtures judged right" % len(FIXTURES))
    return 0


if __name__ == "__main__":
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.exit(selftest() if sys.argv[1:] == ["selftest"] else check(top))
