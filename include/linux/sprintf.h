/* Formatting into a buffer (lib/vsprintf.c). Any context. */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H
#include <linux/compiler.h>
#include <linux/stdarg.h>
#include <linux/types.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);

#endif
