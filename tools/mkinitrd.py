#!/usr/bin/env python3
"""Build the initrd: a ustar archive of the user programs, each as bin/NAME.

    tools/mkinitrd.py build/initrd.tar build/user/bin/hello ...

The archive is the same for the same programs: names sorted, mtime 0,
uid/gid 0 with no owner names, mode 0755, regular files only (no directory
entries). The kernel receives it as a Multiboot module.
"""
import os
import sys
import tarfile


def member(path):
    info = tarfile.TarInfo("bin/" + os.path.basename(path))
    info.size = os.path.getsize(path)
    info.mode = 0o755
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def main(argv):
    if len(argv) < 1:
        sys.exit("usage: mkinitrd.py OUTPUT.tar PROGRAM...")
    out, programs = argv[0], sorted(argv[1:], key=os.path.basename)
    tmp = out + ".tmp"
    with tarfile.open(tmp, "w", format=tarfile.USTAR_FORMAT) as tar:
        for path in programs:
            with open(path, "rb") as f:
                tar.addfile(member(path), f)
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
