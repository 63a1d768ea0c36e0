/*
 * Address → function name, from the symbol table that tools/ksyms.py embeds in
 * the image at build time (kernel/kallsyms.c). Any context, never allocates.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H
#include <linux/types.h>

#define KSYM_NAME_LEN 64
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 32 + 64) /* + " [module]" */

/* The generated tables (build/ksyms.c), sorted by address. */
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_sizes[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const unsigned int kallsyms_num_syms;

/* The function containing addr, with offset into it and its size; NULL if none. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
/* The address of a function by name, 0 if unknown. */
unsigned long kallsyms_lookup_name(const char *name);
/* "name+0xoff/0xsize" or "0xaddr"; returns the length. */
int sprint_symbol(char *buf, unsigned long addr);
int sprint_symbol_no_offset(char *buf, unsigned long addr);
/* For return addresses: looks up addr - 1, so a call that ends a function
 * (a noreturn call) is still shown in its caller. */
int sprint_backtrace(char *buf, unsigned long addr);
/* %pS, %ps or %pB (fmt 'S', 's' or 'B') of addr, for vsnprintf (lib/vsprintf.c). */
int sprint_symbol_fmt(char *buf, char fmt, unsigned long addr);

#endif
