/*
 * User memory (arch/x86/usercopy.c). Process context only: from interrupt
 * context these report and refuse (current is only the interrupted task).
 * A bad pointer (unmapped, or in the kernel half) never oopses: the copy stops
 * at the fault through the exception table.
 *
 *   copy_to_user(to, from, n)     bytes NOT copied (0 on success)
 *   copy_from_user(to, from, n)   bytes NOT copied; the rest of `to` is zeroed
 *   get_user(x, ptr), put_user(x, ptr)   0 or -EFAULT
 *   strncpy_from_user(dst, src, n)       length, or -EFAULT
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H
#include <asm/uaccess.h>
#include <linux/errno.h>
#include <linux/might_sleep.h>

unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
unsigned long clear_user(void __user *to, unsigned long n);

/* The call sites of the no-sleep checks are the callers': a macro, like Linux's might_fault(). */
#define copy_to_user(to, from, n) \
	(might_fault() ? _copy_to_user(to, from, n) : (unsigned long)(n))
#define copy_from_user(to, from, n) \
	(might_fault() ? _copy_from_user(to, from, n) : (unsigned long)(n))

/* Through a byte view of the value, so a const-qualified *ptr works too. */
#define get_user(x, ptr)                                                              \
	({                                                                            \
		union { __typeof__(*(ptr)) v; char b[sizeof(*(ptr))]; } __gu = { .b = { 0 } }; \
		int __gu_err = copy_from_user(__gu.b, ptr, sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = __gu.v;                                                         \
		__gu_err;                                                             \
	})

#define put_user(x, ptr)                                                              \
	({                                                                            \
		__typeof__(*(ptr)) __pu_val = (x);                                    \
		copy_to_user(ptr, &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;           \
	})

#endif
