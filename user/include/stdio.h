/*
 * stdio.h: formatted output, unbuffered. printf and dprintf hand each call's
 * text to one write() when it fits in 512 bytes, so a line is not split.
 * Conversions: %d %i %u %x %X %s %c %p %%, with the l and ll length
 * modifiers, a field width, and the flags '0' (zero-pad) and '-' (left-justify).
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define EOF (-1)

#define __printf(fmt, args) __attribute__((format(printf, fmt, args)))

int printf(const char *fmt, ...) __printf(1, 2);
int vprintf(const char *fmt, va_list ap) __printf(1, 0);
int dprintf(int fd, const char *fmt, ...) __printf(2, 3);
int vdprintf(int fd, const char *fmt, va_list ap) __printf(2, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __printf(3, 0);
int puts(const char *s);
int putchar(int c);

#endif
