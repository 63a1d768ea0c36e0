/*
 * Loud checks of invariants. BUG_ON(cond): the kernel cannot go on (panic, or
 * an oops that kills the task once tasks exist). WARN_ON(cond): report with a
 * backtrace, count it in warn_count, carry on; evaluates to cond.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H
#include <linux/compiler.h>

extern unsigned long warn_count;

__cold void __warn(const char *file, int line, void *caller, const char *fmt, ...)
	__printf(4, 5);
__cold __noreturn void __bug(const char *file, int line);

/* The address of this very spot: a WARN names the function it is in. */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#define __WARN_printf(fmt, ...) \
	__warn(__FILE__, __LINE__, (void *)_THIS_IP_, fmt, ##__VA_ARGS__)

#define WARN(condition, fmt, ...)                              \
	({                                                     \
		int __ret_warn = !!(condition);                \
		if (unlikely(__ret_warn))                      \
			__WARN_printf(fmt, ##__VA_ARGS__);     \
		unlikely(__ret_warn);                          \
	})

#define WARN_ON(condition) WARN(condition, NULL)

#define WARN_ONCE(condition, fmt, ...)                                 \
	({                                                             \
		static bool __warned;                                  \
		int __ret_warn_once = !!(condition);                   \
		if (unlikely(__ret_warn_once && !__warned)) {          \
			__warned = true;                               \
			__WARN_printf(fmt, ##__VA_ARGS__);             \
		}                                                      \
		unlikely(__ret_warn_once);                             \
	})

#define WARN_ON_ONCE(condition) WARN_ONCE(condition, NULL)

#define BUG() __bug(__FILE__, __LINE__)
#define BUG_ON(condition)                      \
	do {                                   \
		if (unlikely(condition))       \
			BUG();                 \
	} while (0)

#endif
