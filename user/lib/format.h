/*
 * Inside libc: the printf engine. format() turns a format string and its
 * arguments into text for a sink: a string (snprintf) or a buffer that is
 * written to a file descriptor whenever it fills up (printf, dprintf).
 */
#ifndef _LIBC_FORMAT_H
#define _LIBC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct sink {
	char *buf;
	size_t size;	/* bytes buf holds */
	size_t len;	/* bytes in it now */
	size_t total;	/* bytes formatted so far, kept or not */
	int fd;		/* < 0: a string, text past size is dropped; else written here */
	int failed;	/* a write() to fd failed */
};

void format(struct sink *s, const char *fmt, va_list ap);
/* Writes what the buffer holds to s->fd and empties it. */
void sink_flush(struct sink *s);

#endif
