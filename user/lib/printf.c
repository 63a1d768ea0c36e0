/*
 * printf, vprintf, dprintf, vdprintf: formatted output to a file
 * descriptor through a 512-byte buffer, so a call's text up to 512 bytes
 * goes out in one write() and is not interleaved with other output.
 */
#include <stdio.h>
#include <unistd.h>
#include "format.h"

#define PRINTF_BUFFER 512

/* The number of bytes printed, or -1 if a write() failed. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[PRINTF_BUFFER];
	struct sink s = { .buf = buf, .size = sizeof(buf), .fd = fd };

	format(&s, fmt, ap);
	sink_flush(&s);
	return s.failed ? -1 : (int)s.total;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vdprintf(STDOUT_FILENO, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
