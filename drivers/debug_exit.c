/* QEMU's isa-debug-exit device: how a self-test boot ends the virtual machine. */
#include <asm/io.h>
#include <janus/qemu.h>

#define DEBUG_EXIT_PORT 0xf4

/**
 * qemu_exit() - Make QEMU exit with status (@code << 1) | 1 through its isa-debug-exit device.
 * @code: the value written to the device's port
 *
 * How the self-tests report pass, fail or panic to the host runner. On
 * real hardware (or without the device) the write does nothing.
 *
 * Context: any context; does not sleep.
 */
void qemu_exit(int code)
{
	outb(code, DEBUG_EXIT_PORT);
}
