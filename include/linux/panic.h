/* panic(): the kernel cannot go on. Any context; never returns. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H
#include <linux/compiler.h>
__noreturn __cold __printf(1, 2) void panic(const char *fmt, ...);
#endif
