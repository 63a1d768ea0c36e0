/*
 * What a module left behind (include/janus/leftovers.h). Linux frees a
 * module after its exit function whatever it forgot, and the kernel crashes
 * later, far from the mistake: an interrupt jumps into freed memory. Janus
 * asks every registry instead, reports each leftover with the call that
 * registered it, and keeps the module's memory (the module stays, state
 * Unloading) so that nothing can jump into freed code.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <janus/leftovers.h>
#include "internal.h"

extern const struct module_leftover_check __start_module_leftover_checks[],
	__stop_module_leftover_checks[];

bool owned_by_module(const struct module *mod, const struct callsite *site, const void *addr)
{
	return (site && within_module((unsigned long)site, mod)) ||
	       (addr && within_module((unsigned long)addr, mod));
}

void module_leftover(const struct module *mod, const struct callsite *site, const char *fmt, ...)
{
	char what[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	if (site)
		pr_err("BUG: module %s unloaded with %s (%s at %s:%u)\n", mod->name, what, site->api,
		       site->file, site->line);
	else
		pr_err("BUG: module %s unloaded with %s\n", mod->name, what);
}

char *leftover_symbol(char *buf, const void *addr)
{
	char modname[MODULE_NAME_LEN];
	unsigned long size, offset;
	const char *name = kallsyms_lookup((unsigned long)addr, &size, &offset);

	if (name)
		strscpy(buf, name, KSYM_NAME_LEN);
	else if (!module_address_lookup((unsigned long)addr, &size, &offset, buf, modname))
		scnprintf(buf, KSYM_NAME_LEN, "%p", addr);
	return buf;
}

/**
 * module_check_leftovers() - Ask every registry what a module left behind.
 * @mod: a module whose exit ran (or whose init failed)
 *
 * Context: process context, module_mutex held; the registries take their own locks.
 * Return: how many leftovers were reported (0: the module may be freed).
 */
unsigned int module_check_leftovers(struct module *mod)
{
	unsigned int found = 0;

	for (const struct module_leftover_check *c = __start_module_leftover_checks;
	     c < __stop_module_leftover_checks; c++)
		found += c->check(mod);
	return found;
}
