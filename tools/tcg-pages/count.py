#!/usr/bin/env python3
# What a process switch touches, counted by QEMU itself: builds the TCG plugin
# tools/tcg-pages/pages.c, boots Janus with `bench=bench_user_mode` (its
# process_switch and pipe_roundtrip benchmarks) or, with --linux, the
# Debian kernel and /init of `make bench-linux`, and prints the commonest
# shapes of the windows between two CR3 writes: instructions, kernel and user
# pages, blocks. Under TCG every page of a window is a soft-TLB miss
# (docs/performance.md, "Where a process switch goes under TCG").
#   tools/tcg-pages/count.py [--nolockcheck] [--linux] [--top N]
# Needs gcc, and for --linux a `make bench-linux` run before (build/linux/).
import argparse
import collections
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from tests.runner.qemu import BUILD, ELF, INITRD, QEMU, QEMU_COMMON, ROOT  # noqa: E402

PLUGIN_SRC = os.path.join(ROOT, "tools", "tcg-pages", "pages.c")
PLUGIN = os.path.join(BUILD, "tcg-pages.so")
WINDOWS = os.path.join(BUILD, "tcg-pages.out")
LINUX_DIR = os.path.join(BUILD, "linux")


def build_plugin():
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-Wall", "-Wextra", "-Werror", "-o", PLUGIN,
                    PLUGIN_SRC], check=True)


def boot(args):
    if args.linux:
        kernel = ["-kernel", os.path.join(LINUX_DIR, "vmlinuz"), "-initrd",
                  os.path.join(LINUX_DIR, "initramfs.cpio"), "-append", "console=ttyS0 quiet"]
        if not os.path.exists(os.path.join(LINUX_DIR, "initramfs.cpio")):
            sys.exit("tcg-pages: no build/linux/initramfs.cpio: run make bench-linux first")
    else:
        cmdline = "bench=bench_user_mode" + (" nolockcheck" if args.nolockcheck else "")
        kernel = ["-kernel", ELF, "-initrd", INITRD, "-append", cmdline]
    argv = ([QEMU] + QEMU_COMMON + ["-accel", "tcg", "-smp", "2", "-m", "128M"] + kernel +
            ["-plugin", "%s,arg=out=%s" % (PLUGIN, WINDOWS)])
    log = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         errors="replace", timeout=900).stdout
    for line in log.splitlines():
        if "bench:" in line:
            print(line.strip())


def summarise(top):
    shapes = collections.Counter()
    for line in open(WINDOWS):
        fields = line.split()
        if len(fields) == 6:
            shapes[tuple(int(f) for f in fields[1:])] += 1
    print("%8s %12s %12s %10s %12s %8s" % ("windows", "instructions", "kernel pages",
                                           "user pages", "before user", "blocks"))
    for (insns, kpages, upages, before, blocks), n in shapes.most_common(top):
        print("%8d %12d %12d %10d %12d %8d" % (n, insns, kpages, upages, before, blocks))


def main():
    parser = argparse.ArgumentParser(description="pages touched between CR3 writes, per window")
    parser.add_argument("--nolockcheck", action="store_true", help="boot Janus without the lock checker")
    parser.add_argument("--linux", action="store_true", help="the Debian kernel of make bench-linux")
    parser.add_argument("--top", type=int, default=6, help="how many window shapes to print")
    args = parser.parse_args()
    build_plugin()
    boot(args)
    summarise(args.top)


if __name__ == "__main__":
    main()
