#!/usr/bin/env bash
# make debug: start QEMU paused with its gdb stub and attach gdb to it.
#   QEMU=qemu-system-i386 QEMU_MACHINE="-m 128M -smp 2 -nic none ..." \
#     tools/debug.sh build/janus.elf "cmdline" [build/initrd.tar]
# make debug sets QEMU and QEMU_MACHINE (the Makefile's, as make run uses them).
# The initrd becomes a Multiboot module (QEMU's -initrd). The serial console
# goes to build/debug-serial.log; QEMU stops when gdb exits.
set -eu
elf=$1
cmdline=${2:-}
initrd=${3:-build/initrd.tar}
port=${GDB_PORT:-1234}
machine=${QEMU_MACHINE:?run it as make debug, which sets QEMU_MACHINE}
# shellcheck disable=SC2086 # QEMU_MACHINE is a list of options
"${QEMU:-qemu-system-i386}" $machine -kernel "$elf" -initrd "$initrd" \
	-append "$cmdline" -display none \
	-serial file:build/debug-serial.log -no-reboot -gdb tcp:127.0.0.1:"$port" -S &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
echo "QEMU paused (pid $qemu), serial console in build/debug-serial.log."
echo "Try: hbreak kmain, continue, bt, lx-ps, lx-cpus, jx-context; docs/gdb.md has more"
gdb -q -x tools/gdbinit -ex "file $elf" -ex "target remote 127.0.0.1:$port" -ex "hbreak kmain"
