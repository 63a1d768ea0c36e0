/* Bit counting (Linux's hweight: "Hamming weight"), without libgcc's helpers. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
#include <linux/types.h>

/**
 * hweight32() - How many bits of @w are set.
 * @w: the word
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
static inline unsigned int hweight32(u32 w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

#endif
