/*
 * Symbolizing addresses for backtraces, oopses and %pS: a binary search in the
 * table that tools/ksyms.py generates from the first link (see Makefile).
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/string.h>

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

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

static int format_symbol(char *buf, unsigned long addr, unsigned long adjust)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr - adjust, &size, &offset);

	if (!name)
		return scnprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s+0x%lx/0x%lx", name, offset + adjust, size);
}

int sprint_symbol(char *buf, unsigned long addr)
{
	return format_symbol(buf, addr, 0);
}

int sprint_backtrace(char *buf, unsigned long addr)
{
	return format_symbol(buf, addr, 1);
}

int sprint_symbol_no_offset(char *buf, unsigned long addr)
{
	const char *name = kallsyms_lookup(addr, NULL, NULL);

	if (!name)
		return scnprintf(buf, KSYM_SYMBOL_LEN, "0x%lx", addr);
	return scnprintf(buf, KSYM_SYMBOL_LEN, "%s", name);
}
