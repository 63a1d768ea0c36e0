#!/usr/bin/env python3
"""The last step of building a module, as Linux's modpost (host side).

    nm -n build/janus.elf | tools/modpost.py symvers > build/Module.symvers
    tools/modpost.py seal --symvers build/Module.symvers IN.o OUT.ko

symvers: lists what the kernel exports (EXPORT_SYMBOL, EXPORT_SYMBOL_GPL) in
Linux's Module.symvers format: 0x00000000 <tab> NAME <tab> vmlinux <tab> KIND.

seal: checks the linked module against that list and warns, as modpost does,
about what insmod would refuse (an undefined symbol; a GPL-only symbol in a
module whose license is not GPL-compatible; no MODULE_LICENSE), then writes
OUT.ko: the module followed by its checksum trailer (include/uapi/janus/module.h),
without which the kernel refuses to load it.
"""
import os
import struct
import subprocess
import sys
import zlib

MAGIC = b"~Janus module checksum~\n"
TRAILER = "<II24s"  # crc32, length covered, MAGIC
GPL_COMPATIBLE = {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
                  "Dual MIT/GPL", "Dual MPL/GPL"}


def symvers(lines):
    """Module.symvers lines from `nm -n` of the kernel: exports and their kind."""
    addrs, gpl = {}, [None, None]
    for line in lines:
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, name = int(parts[0], 16), parts[2]
        if name == "__start___ksymtab_gpl":
            gpl[0] = addr
        elif name == "__stop___ksymtab_gpl":
            gpl[1] = addr
        elif name.startswith("__ksymtab_") and name != "__ksymtab_strings":
            addrs[name[len("__ksymtab_"):]] = addr
    out = []
    for name in sorted(addrs):
        kind = "EXPORT_SYMBOL_GPL" if gpl[0] is not None and gpl[0] <= addrs[name] < gpl[1] \
            else "EXPORT_SYMBOL"
        out.append("0x00000000\t%s\tvmlinux\t%s\t\n" % (name, kind))
    return "".join(out)


def read_exports(path):
    exports = {}
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4:
            exports[parts[1]] = parts[3]
    return exports


def section(data, wanted):
    """The bytes of an ELF32 section by name, or None."""
    shoff, = struct.unpack_from("<I", data, 32)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 46)
    headers = [struct.unpack_from("<10I", data, shoff + i * shentsize) for i in range(shnum)]
    names = headers[shstrndx]
    for h in headers:
        end = data.index(b"\0", names[4] + h[0])
        if data[names[4] + h[0]:end].decode() == wanted:
            return data[h[4]:h[4] + h[5]]
    return None


def modinfo(data):
    raw = section(data, ".modinfo") or b""
    tags = {}
    for item in raw.split(b"\0"):
        if b"=" in item:
            key, value = item.decode(errors="replace").split("=", 1)
            tags.setdefault(key, value)
    return tags


def undefined(path):
    out = subprocess.run(["nm", "-u", path], capture_output=True, text=True, check=True).stdout
    return [l.split()[1] for l in out.splitlines() if l.split()[0] == "U"]


def seal(args):
    warn_file = sys.stderr
    symvers_path = args[args.index("--symvers") + 1]
    src, dst = args[-2], args[-1]
    exports = read_exports(symvers_path)
    data = open(src, "rb").read()
    name = os.path.basename(dst)
    info = modinfo(data)
    license = info.get("license")
    if license is None:
        print("WARNING: modpost: missing MODULE_LICENSE() in %s" % name, file=warn_file)
    for sym in undefined(src):
        kind = exports.get(sym)
        if kind is None:
            print('WARNING: modpost: "%s" [%s] undefined! (insmod will refuse it: '
                  'the kernel does not export it)' % (sym, name), file=warn_file)
        elif kind == "EXPORT_SYMBOL_GPL" and license not in GPL_COMPATIBLE:
            print("WARNING: modpost: GPL-incompatible module %s uses GPL-only symbol '%s'"
                  % (name, sym), file=warn_file)
    tmp = dst + ".tmp"
    with open(tmp, "wb") as f:
        f.write(sealed(data))
    os.replace(tmp, dst)
    return 0


def sealed(data):
    """The module image data followed by its checksum trailer."""
    return data + struct.pack(TRAILER, zlib.crc32(data) & 0xffffffff, len(data), MAGIC)


def unsealed(data):
    """A sealed image without its trailer (ValueError if it has none)."""
    size = struct.calcsize(TRAILER)
    _, length, magic = struct.unpack(TRAILER, data[-size:])
    if magic != MAGIC or length != len(data) - size:
        raise ValueError("not a sealed module")
    return data[:-size]


def main(argv):
    if argv[:1] == ["symvers"]:
        sys.stdout.write(symvers(sys.stdin))
        return 0
    if argv[:1] == ["seal"] and "--symvers" in argv and len(argv) >= 5:
        return seal(argv[1:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
