# make bench-linux: the user-mode benchmarks on Janus and on Debian's i386 Linux,
# one after the other in the same QEMU, side by side.
import json
import os
import re
import subprocess
import sys

from .bench import BENCH_LEGS, BENCH_NOCHECKS, bench_leg, host_facts
from .qemu import BUILD, QEMU, QEMU_COMMON, RESULTS, ROOT


LINUX_DIR = os.path.join(BUILD, "linux")
LINUX_PACKAGE = "linux-image-686:i386"  # Debian's i386 kernel (the metapackage's current one)
LINUX_FIGURES = ["null_syscall", "null_syscall_int80", "process_switch", "pipe_roundtrip"]


def sh(cmd, **kw):
    print("  $ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def linux_kernel():
    """build/linux/vmlinuz: Debian's i386 kernel, fetched with apt-get download once."""
    vmlinuz = os.path.join(LINUX_DIR, "vmlinuz")
    if os.path.exists(vmlinuz):
        return vmlinuz
    os.makedirs(LINUX_DIR, exist_ok=True)
    if "i386" not in subprocess.run(["dpkg", "--print-foreign-architectures"],
                                    capture_output=True, text=True).stdout.split():
        sh(["dpkg", "--add-architecture", "i386"])
        sh(["apt-get", "update", "-qq"])
    depends = subprocess.run(["apt-cache", "depends", LINUX_PACKAGE], capture_output=True,
                             text=True).stdout
    image = re.search(r"Depends: (linux-image-\S+)", depends)
    if not image:
        sys.exit("bench-linux: apt-cache knows no %s" % LINUX_PACKAGE)
    sh(["apt-get", "download", image.group(1)], cwd=LINUX_DIR)
    deb = next(f for f in os.listdir(LINUX_DIR) if f.endswith(".deb"))
    sh(["dpkg-deb", "-x", deb, "pkg"], cwd=LINUX_DIR)
    boot = os.path.join(LINUX_DIR, "pkg", "boot")
    os.rename(os.path.join(boot, next(f for f in os.listdir(boot) if f.startswith("vmlinuz"))),
              vmlinuz)
    return vmlinuz


def cpio_newc(entries):
    """A cpio archive in the kernel's initramfs format (newc) of (name, mode, data)."""
    out = b""
    for name, mode, data in entries + [("TRAILER!!!", 0, b"")]:
        fields = (0, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0)
        out += ("070701" + "".join("%08x" % f for f in fields)).encode() + name.encode() + b"\0"
        out += b"\0" * (-len(out) % 4) + data + b"\0" * (-len(data) % 4)
    return out


def linux_initramfs():
    """build/linux/initramfs.cpio: tools/bench-linux/linux_init.c as a static /init."""
    init = os.path.join(LINUX_DIR, "init")
    sh(["gcc", "-m32", "-static", "-O2", "-Wall", "-Wextra", "-Werror", "-o", init,
        os.path.join(ROOT, "tools", "bench-linux", "linux_init.c")])
    path = os.path.join(LINUX_DIR, "initramfs.cpio")
    with open(path, "wb") as f:
        f.write(cpio_newc([("dev", 0o40755, b""), ("sys", 0o40755, b""),
                           ("init", 0o100755, open(init, "rb").read())]))
    return path


def run_bench_linux():
    """Janus's time leg (as booted, and with nolockcheck: Debian's kernel has no lock
    checker) and Linux's, one after the other in the same QEMU, side by side."""
    os.makedirs(LINUX_DIR, exist_ok=True)
    vmlinuz, initramfs = linux_kernel(), linux_initramfs()
    name, label, args = BENCH_LEGS[0]
    janus = bench_leg("time", label, args)
    nochecks = bench_leg("time-" + BENCH_NOCHECKS, label + ", " + BENCH_NOCHECKS, args,
                         cmdline="bench " + BENCH_NOCHECKS)
    linux = bench_leg("linux", "Debian %s, plain TCG" % LINUX_PACKAGE, args, [QEMU] + QEMU_COMMON + args + [
        "-kernel", vmlinuz, "-initrd", initramfs, "-append", "console=ttyS0 quiet"])
    ns = lambda leg, fig: (leg["figures"][fig]["median"] * 1e6 / leg["tsc_khz"]
                           if fig in leg["figures"] and leg["tsc_khz"] else None)
    rows = []
    print("%-22s %12s %14s %12s %12s %18s" % ("figure (ns, median)", "Janus", BENCH_NOCHECKS,
                                              "Linux", "Janus/Linux", "nolockcheck/Linux"))
    for fig in LINUX_FIGURES:
        jn, nn, ln = ns(janus, fig), ns(nochecks, fig), ns(linux, fig)
        rows.append({"figure": fig, "janus_ns": jn, "janus_nolockcheck_ns": nn, "linux_ns": ln,
                     "ratio": round(jn / ln, 2) if jn and ln else None,
                     "ratio_nolockcheck": round(nn / ln, 2) if nn and ln else None})
        print("%-22s %12s %14s %12s %12s %18s" % (
            fig, "%.0f" % jn if jn else "- (no such path)", "%.0f" % nn if nn else "-",
            "%.0f" % ln if ln else "-", "%.2f" % (jn / ln) if jn and ln else "-",
            "%.2f" % (nn / ln) if nn and ln else "-"))
    errors = janus["errors"] + nochecks["errors"] + ["linux: " + e for e in linux["errors"]]
    for e in errors:
        print("  FAILED: " + e)
    notes = [l.split("bench: ", 1)[1] for l in open(os.path.join(RESULTS, "bench-linux.log"),
                                                       errors="replace") if "not comparable" in l]
    for n in notes:
        print("  Linux: " + n.strip())
    with open(os.path.join(BUILD, "bench-linux.json"), "w") as f:
        json.dump(dict(host_facts(), janus=janus, janus_nolockcheck=nochecks, linux=linux,
                       table=rows, notes=notes), f, indent=2)
    print("wrote build/bench-linux.json")
    return 0 if not errors else 1
