/* panic(): the kernel cannot go on. Any context; never returns. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H
#include <linux/compiler.h>
#include <linux/types.h>
__noreturn __cold __printf(1, 2) void panic(const char *fmt, ...);
/* Whether a CPU other than this one is in panic(): then only that one prints. Any context. */
bool other_cpu_in_panic(void);
/* panic(), the other CPUs stopped: print the log even if one of them held the console. */
void console_flush_on_panic(void);
#endif
