/*
 * Included first when the user libc compiles its copy of lib/ and
 * arch/x86/lib/string_32.c (Makefile: USER_SHARED_CFLAGS). Exports are the
 * kernel's business (modules link against them): for user space
 * linux/export.h is skipped and EXPORT_SYMBOL() expands to nothing.
 */
#define _LINUX_EXPORT_H
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
