/* Bit counting (Linux's hweight: "Hamming weight"), without libgcc's helpers. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
#include <linux/types.h>

static inline unsigned int hweight32(u32 w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

#endif
