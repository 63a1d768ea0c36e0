/*
 * Copies between the kernel and user space. `rep movsb` does the work; if it
 * faults (an unmapped page, a read-only page), the exception table sends it to
 * the fixup with ecx still counting the bytes left, and that is the answer.
 */
#include <asm/extable.h>
#include <asm/uaccess.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/**
 * raw_copy_user() - Copy @n bytes where a fault is survived, not an oops (no access check).
 * @to:   destination
 * @from: source
 * @n:    bytes
 *
 * A fault stops the copy (the exception table resumes after it).
 *
 * Context: process context; may fault, so may sleep in principle.
 * Return: the bytes not copied (0 on success).
 */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__("1:\trep movsb\n"
			     "2:\n" _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from) : : "memory");
	return n;
}

/**
 * _copy_to_user() - Copy to user memory after checking the range is user memory.
 * @to:   user destination
 * @from: kernel source
 * @n:    bytes
 *
 * copy_to_user() runs might_fault() first and calls this.
 *
 * Context: process context only; may sleep (a fault may).
 * Return: the bytes not copied (0 on success).
 */
unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void __force *)to, from, n);
}
EXPORT_SYMBOL(_copy_to_user);

/**
 * _copy_from_user() - Copy from user memory after checking the range; zero what could not be copied.
 * @to:   kernel destination
 * @from: user source
 * @n:    bytes
 *
 * copy_from_user() runs might_fault() first and calls this. The uncopied
 * tail is zeroed, so stale kernel bytes never leak.
 *
 * Context: process context only; may sleep (a fault may).
 * Return: the bytes not copied (0 on success).
 */
unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy_user(to, (const void __force *)from, n);
	/* Never hand back stale kernel bytes in the part that was not copied. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}
EXPORT_SYMBOL(_copy_from_user);

/**
 * strncpy_from_user() - Copy a NUL-terminated string from user memory.
 * @dst:   kernel buffer of @count bytes
 * @src:   user string
 * @count: the most bytes to copy
 *
 * Context: process context only; may sleep. might_fault() reports a call
 * from interrupt context ("BUG: user memory accessed from interrupt
 * context"), and it then returns -EFAULT.
 * Return: the string's length; @count if it did not end within @count
 * bytes (not terminated); -EFAULT for a bad pointer.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (!might_fault())
		return -EFAULT;
	for (i = 0; i < count; i++) {
		if (!access_ok(src + i, 1) || raw_copy_user(dst + i, (const char __force *)src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return i;
}
EXPORT_SYMBOL(strncpy_from_user);

/**
 * clear_user() - Zero @n bytes of user memory.
 * @to: user destination
 * @n:  bytes
 *
 * Context: process context only; may sleep. might_fault() reports a call
 * from interrupt context and nothing is written.
 * Return: the bytes not cleared (0 on success).
 */
unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeros[64];
	unsigned long done = 0;

	if (!might_fault() || !access_ok(to, n))
		return n;
	while (done < n) {
		unsigned long chunk = min(n - done, (unsigned long)sizeof(zeros));
		unsigned long left = raw_copy_user((char __force *)to + done, zeros, chunk);
		done += chunk - left;
		if (left)
			break;
	}
	return n - done;
}
EXPORT_SYMBOL(clear_user);
