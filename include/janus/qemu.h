/*
 * QEMU's isa-debug-exit device (iobase 0xf4): writing v makes QEMU exit with
 * status (v << 1) | 1. Test configurations add the device; without it the
 * write does nothing and the kernel simply halts.
 */
#ifndef _JANUS_QEMU_H
#define _JANUS_QEMU_H

#define QEMU_EXIT_SUCCESS 0x10 /* exit status 33: every test passed */
#define QEMU_EXIT_FAILURE 0x11 /* exit status 35: a test failed */
#define QEMU_EXIT_PANIC 0x12   /* exit status 37: the kernel panicked */

void qemu_exit(int code);

#endif
