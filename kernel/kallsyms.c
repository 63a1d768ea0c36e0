/*
 * Symbolizing addresses for backtraces, oopses and %pS: a binary search in the
 * table that tools/ksyms.py generates from the first link (see Makefile), and
 * for an address in a module, the module's own table (kernel/module/kallsyms.c).
 */
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/**
 * kallsyms_lookup() - The kernel function containing address @addr.
 * @addr:   a code address
 * @size:   if not NULL, where the function's size goes
 * @offset: if not NULL, where @addr's offset in it goes
 *
 * A binary search of the symbol table embedded at link time.
 *
 * Context: any context, oops and panic included; does not sleep.
 * Return: the function's name, or NULL if @addr is in none.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	unsigned int lo = 0, hi = kallsyms_num_syms;

	/* Find the last symbol at or below addr. */
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	lo--;
	if (addr - kallsyms_addresses[lo] >= kallsyms_sizes[lo])
		return NULL;
	if (size)
		*size = kallsyms_sizes[lo];
	if (offset)
		*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}

/**
 * kallsyms_lookup_name() - The address of the kernel symbol @name.
 * @name: the symbol
 *
 * Context: any context; does not sleep (a linear search).
 * Return: its address, or 0 if there is no such symbol.
 */
unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

/* A module's function: "name+0x12/0x40 [mod]", as Linux prints it. */
static int format_module_symbol(char *buf, unsigned long addr, unsigned long adjust,
				bool with_offset)
{
	char name[KSYM_NAME_LEN], modname[MODULE_NAME_LEN];
	unsigned long size, offset;
	int found = module_address_lookup(addr - adjust, &size, &offset, name, modname);

	if (!found)
		return scnprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
	if (found < 0 || !with_offset)
		return scnprintf(buf, KSYM_SYMBOL_LEN, "%s [%s]", name, modname);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx [%s]", name, offset + adjust, size,
			 modname);
}

static int format_symbol(char *buf, unsigned long addr, unsigned long adjust)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr - adjust, &size, &offset);

	if (!name)
		return format_module_symbol(buf, addr, adjust, true);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx", name, offset + adjust, size);
}

/**
 * sprint_symbol() - Format @addr as "function+0xoff/0xsize" (what %pS prints).
 * @buf:  at least KSYM_SYMBOL_LEN bytes
 * @addr: a code address
 *
 * Context: any context; does not sleep.
 * Return: the length written; an unknown address is written as hex.
 */
int sprint_symbol(char *buf, unsigned long addr)
{
	return format_symbol(buf, addr, 0);
}
EXPORT_SYMBOL(sprint_symbol);

/**
 * sprint_backtrace() - Format a return address as the call it returns from (what %pB prints).
 * @buf:  at least KSYM_SYMBOL_LEN bytes
 * @addr: a return address from a stack trace
 *
 * Looks up @addr - 1, so a call that is a function's last instruction is
 * still named after that function, not the next one.
 *
 * Context: any context; does not sleep.
 * Return: the length written.
 */
int sprint_backtrace(char *buf, unsigned long addr)
{
	return format_symbol(buf, addr, 1);
}

/**
 * sprint_symbol_no_offset() - Format @addr as its function's name alone (what %ps prints).
 * @buf:  at least KSYM_SYMBOL_LEN bytes
 * @addr: a code address
 *
 * Context: any context; does not sleep.
 * Return: the length written; an unknown address is written as hex.
 */
int sprint_symbol_no_offset(char *buf, unsigned long addr)
{
	const char *name = kallsyms_lookup(addr, NULL, NULL);

	if (!name)
		return format_module_symbol(buf, addr, 0, false);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s", name);
}

/**
 * sprint_symbol_fmt() - Format @addr the way %pS, %ps or %pB asks.
 * @buf:  at least KSYM_SYMBOL_LEN bytes
 * @fmt:  'S' (sprint_symbol()), 's' (sprint_symbol_no_offset()) or 'B' (sprint_backtrace())
 * @addr: a code address
 *
 * What vsnprintf() calls for those conversions; the user libc, which shares
 * its source, has no symbol table and no such function.
 *
 * Context: any context; does not sleep.
 * Return: the length written.
 */
int sprint_symbol_fmt(char *buf, char fmt, unsigned long addr)
{
	if (fmt == 'S')
		return sprint_symbol(buf, addr);
	if (fmt == 'B')
		return sprint_backtrace(buf, addr);
	return sprint_symbol_no_offset(buf, addr);
}
