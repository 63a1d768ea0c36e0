/* Copying to and from user space on i386 (arch/x86/usercopy.c). */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H
#include <asm/page.h>
#include <linux/types.h>

#define TASK_SIZE PAGE_OFFSET /* user space is everything below the kernel */

/**
 * access_ok() - Whether [@addr, @addr + @size) lies wholly in user space (not whether it is mapped).
 * @addr: the user address
 * @size: the length in bytes
 *
 * Context: any context; does not sleep.
 * Return: true if it does.
 */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;
	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* The copy itself, with exception-table fixups: returns the bytes NOT copied. */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);

#endif
