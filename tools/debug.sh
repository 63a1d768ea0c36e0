#!/usr/bin/env bash
# make debug: start QEMU paused with its gdb stub and attach gdb to it.
#   [SMP=2] [MEM=64] [QEMU_EXTRA="..."] tools/debug.sh build/janus.elf "cmdline" [build/initrd.tar]
# The initrd becomes a Multiboot module (QEMU's -initrd). The serial console
# goes to build/debug-serial.log; QEMU stops when gdb exits.
set -eu
elf=$1
cmdline=${2:-}
initrd=${3:-build/initrd.tar}
port=${GDB_PORT:-1234}
# shellcheck disable=SC2086 # QEMU_EXTRA is a list of options
qemu-system-i386 -m "${MEM:-128}M" -smp "${SMP:-1}" ${QEMU_EXTRA:-} -nic none -kernel "$elf" -initrd "$initrd" \
	-append "$cmdline" -display none \
	-serial file:build/debug-serial.log -no-reboot -gdb tcp:127.0.0.1:"$port" -S &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
echo "QEMU paused (pid $qemu), serial console in build/debug-serial.log."
echo "Try: hbreak kmain, continue, bt, lx-ps, lx-cpus, jx-context; docs/gdb.md has more"
gdb -q -x tools/gdbinit -ex "file $elf" -ex "target remote 127.0.0.1:$port" -ex "hbreak kmain"
