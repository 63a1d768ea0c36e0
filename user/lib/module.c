/* The module system calls, and the CRC-32 that seals a module (module.h). */
#include <module.h>
#include "syscall.h"

int init_module(const void *image, unsigned long len, const char *params)
{
	return syscall3(__NR_init_module, image, len, params);
}

int finit_module(int fd, const char *params, int flags)
{
	return syscall3(__NR_finit_module, fd, params, flags);
}

int delete_module(const char *name, unsigned int flags)
{
	return syscall2(__NR_delete_module, name, flags);
}

unsigned int crc32(const void *buf, size_t len)
{
	const unsigned char *p = buf;
	unsigned int crc = ~0u;

	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}
