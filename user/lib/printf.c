/*
 * printf, vprintf, dprintf, vdprintf: formatted output to a file
 * descriptor through a 512-byte buffer, so a call's text up to 512 bytes
 * goes out in one write() and is not interleaved with other output. The
 * formatting is the kernel's own (lib/vsprintf.c, compiled into libc too).
 */
#include <stdio.h>
#include <unistd.h>
#include "../../lib/format.h"

#define PRINTF_BUFFER 512

/* Writes what the buffer holds to s->fd and empties it. */
static void write_out(struct printf_sink *s)
{
	size_t done = 0;

	while (done < s->len && !s->failed) {
		ssize_t n = write(s->fd, s->buf + done, s->len - done);

		if (n <= 0)
			s->failed = 1;
		else
			done += n;
	}
	s->len = 0;
}

/* The number of bytes printed, or -1 if a write() failed. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[PRINTF_BUFFER];
	struct printf_sink s = { .buf = buf, .size = sizeof(buf), .flush = write_out, .fd = fd };

	vsprintf_sink(&s, fmt, ap);
	write_out(&s);
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
