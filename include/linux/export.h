/*
 * The kernel's export table: EXPORT_SYMBOL(fn) puts fn's address and name in
 * the __ksymtab table (EXPORT_SYMBOL_GPL: __ksymtab_gpl, for modules whose
 * license is GPL-compatible only). The module loader (kernel/module/symbols.c)
 * resolves a module's undefined symbols against these tables and nothing
 * else: a kernel function that is not exported does not exist for a module.
 * The linker sorts each table by name (linker.ld; tools/module/module.lds in
 * a module), so a lookup is a binary search.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H
#include <linux/compiler.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
};

#define ___EXPORT_SYMBOL(sym, sec)                                                        \
	extern __typeof__(sym) sym;                                                       \
	static const char __kstrtab_##sym[] __section("__ksymtab_strings") __aligned(1) = #sym; \
	static const struct kernel_symbol __ksymtab_##sym __used __aligned(4)             \
		__section("___ksymtab" sec "+" #sym) = { (unsigned long)&sym, __kstrtab_##sym }

#define EXPORT_SYMBOL(sym) ___EXPORT_SYMBOL(sym, "")
#define EXPORT_SYMBOL_GPL(sym) ___EXPORT_SYMBOL(sym, "_gpl")
/* Per-CPU variables are exported like any symbol: the address is the offset
 * the %fs-relative accesses use. */
#define EXPORT_PER_CPU_SYMBOL(sym) EXPORT_SYMBOL(sym)
#define EXPORT_PER_CPU_SYMBOL_GPL(sym) EXPORT_SYMBOL_GPL(sym)
/* Namespaces are Linux's way of grouping exports; Janus has one namespace. */
#define EXPORT_SYMBOL_NS(sym, ns) EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) EXPORT_SYMBOL_GPL(sym)

/* The module being compiled (its struct module comes from tools/module/mod.c);
 * NULL in the kernel itself, which is never unloaded. */
struct module;
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#endif
