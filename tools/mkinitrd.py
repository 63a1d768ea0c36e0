#!/usr/bin/env python3
"""Build the initrd: a ustar archive of the user programs, each as bin/NAME,
and of the modules, each NAME.ko as lib/modules/NAME.ko.

    tools/mkinitrd.py build/initrd.tar build/user/bin/hello build/modules/hello.ko ...

The archive is the same for the same programs: names sorted, mtime 0,
uid/gid 0 with no owner names, mode 0755, regular files only (no directory
entries). The kernel receives it as a Multiboot module and keeps it in
memory, so the programs and the modules go in without their debug sections
(strip --strip-debug, as Linux's `make modules_install INSTALL_MOD_STRIP=1`:
3.3 MB -> 0.7 MB; a module keeps its symbol table, which the loader needs,
and gdb's lx-symbols reads the build/ copies).
"""
import os
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import modpost  # noqa: E402


def archive_name(path):
    name = os.path.basename(path)
    return ("lib/modules/" if name.endswith(".ko") else "bin/") + name


def member(path, size):
    info = tarfile.TarInfo(archive_name(path))
    info.size = size
    info.mode = 0o755
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def stripped(path, out):
    """Writes path without its debug sections to out; a module is unsealed
    first and sealed again (tools/modpost.py), as modules_install signs after
    it strips."""
    if not path.endswith(".ko"):
        subprocess.run(["strip", "--strip-debug", "-o", out, path], check=True)
        return
    with open(path, "rb") as f:
        image = modpost.unsealed(f.read())
    with open(out, "wb") as f:
        f.write(image)
    subprocess.run(["strip", "--strip-debug", out], check=True)
    with open(out, "rb") as f:
        image = f.read()
    with open(out, "wb") as f:
        f.write(modpost.sealed(image))


def main(argv):
    if len(argv) < 1:
        sys.exit("usage: mkinitrd.py OUTPUT.tar PROGRAM|MODULE.ko...")
    out, programs = argv[0], sorted(argv[1:], key=archive_name)
    names = [archive_name(p) for p in programs]
    for name in set(n for n in names if names.count(n) > 1):
        sys.exit("mkinitrd.py: two files would be %s in the initrd" % name)
    tmp = out + ".tmp"
    with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as tar, \
            tempfile.TemporaryDirectory() as scratch:
        for path in programs:
            data = os.path.join(scratch, os.path.basename(path))
            stripped(path, data)
            with open(data, "rb") as f:
                tar.addfile(member(path, os.path.getsize(data)), f)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
