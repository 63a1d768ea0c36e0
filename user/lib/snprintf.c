/* snprintf and vsnprintf: formatted output into a string. */
#include <stdio.h>
#include "format.h"

/*
 * Writes at most size - 1 characters and a NUL (if size > 0). Returns the
 * length the whole text has, so a result >= size means it was cut short.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .buf = buf, .size = size ? size - 1 : 0, .fd = -1 };

	format(&s, fmt, ap);
	if (size)
		buf[s.len] = '\0';
	return s.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
