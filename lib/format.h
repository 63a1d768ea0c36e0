/*
 * The printf engine (lib/vsprintf.c), one source compiled for the kernel and
 * for the user libc: vsprintf_sink() turns a format and its arguments into
 * text for a sink, a buffer that is either a string (text past its end is
 * dropped but counted: vsnprintf) or emptied by its flush function whenever
 * it fills up (user/lib/printf.c writes it to a file descriptor).
 * Freestanding: it needs no other header, so either side can include it.
 */
#ifndef _LIB_FORMAT_H
#define _LIB_FORMAT_H

struct printf_sink {
	char *buf;
	__SIZE_TYPE__ size;  /* bytes buf holds */
	__SIZE_TYPE__ len;   /* bytes in it now */
	__SIZE_TYPE__ total; /* bytes formatted so far, kept or not */
	/* NULL: a string; else writes out and empties buf (len = 0) */
	void (*flush)(struct printf_sink *s);
	int fd;     /* for flush: where the text goes */
	int failed; /* for flush: set when writing failed */
};

void vsprintf_sink(struct printf_sink *s, const char *fmt, __builtin_va_list args);

#endif
