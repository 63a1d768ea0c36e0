/*
 * Resolving a module's undefined symbols: against the kernel's export table
 * (EXPORT_SYMBOL, include/linux/export.h), then against what loaded modules
 * export. A GPL-only export (EXPORT_SYMBOL_GPL) is there only for a module
 * whose license is GPL-compatible. Using another module's export links the
 * two (lsmod's "Used by"): the exporter cannot be unloaded before its user.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

/* The kernel's tables are sorted by name (linker.ld). */
static const struct kernel_symbol *bsearch_symbol(const struct kernel_symbol *start,
						  const struct kernel_symbol *stop,
						  const char *name)
{
	size_t lo = 0, hi = stop - start;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, start[mid].name);

		if (!cmp)
			return &start[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* A module's table is searched in full: its order is not trusted. */
static const struct kernel_symbol *lsearch_symbol(const struct kernel_symbol *syms,
						  unsigned int num, const char *name)
{
	for (unsigned int i = 0; i < num; i++)
		if (!strcmp(syms[i].name, name))
			return &syms[i];
	return NULL;
}

static bool already_uses(const struct module *a, const struct module *b)
{
	struct module_use *use;

	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return true;
	return false;
}

/* Records that a uses b's symbols; module_mutex held. */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	if (already_uses(a, b))
		return 0;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use)
		return -ENOMEM;
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

/**
 * module_unload_free() - Undo a module's links to the modules whose symbols it used.
 * @mod: the module being freed
 *
 * Context: process context, module_mutex held.
 */
void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;

	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		kfree(use);
	}
}

/* An export of a loaded module; module_mutex held. */
static const struct kernel_symbol *find_module_symbol(const struct module *except,
						      const char *name, bool *gpl_only,
						      struct module **owner)
{
	struct module *m;

	list_for_each_entry(m, &modules, list) {
		const struct kernel_symbol *sym;

		if (m == except || m->state != MODULE_STATE_LIVE)
			continue;
		sym = lsearch_symbol(m->syms, m->num_syms, name);
		*gpl_only = !sym;
		if (!sym)
			sym = lsearch_symbol(m->gpl_syms, m->num_gpl_syms, name);
		if (sym) {
			*owner = m;
			return sym;
		}
	}
	return NULL;
}

/* Any export by that name, the kernel's first; *owner is NULL for the kernel's. */
static const struct kernel_symbol *find_symbol(const struct module *except, const char *name,
					       bool *gpl_only, struct module **owner)
{
	const struct kernel_symbol *sym = bsearch_symbol(__start___ksymtab, __stop___ksymtab, name);

	*owner = NULL;
	*gpl_only = false;
	if (sym)
		return sym;
	sym = bsearch_symbol(__start___ksymtab_gpl, __stop___ksymtab_gpl, name);
	if (sym) {
		*gpl_only = true;
		return sym;
	}
	return find_module_symbol(except, name, gpl_only, owner);
}

/**
 * resolve_symbol() - The address of an exported symbol for a module.
 * @mod:   the module being loaded
 * @info:  its image (for its license)
 * @name:  the symbol
 * @value: where its address goes
 *
 * A module's export links the two modules (the exporter's "Used by").
 * Context: process context, module_mutex held.
 * Return: 0; -ENOENT if nobody exports it, or only GPL-only and the license
 * is not GPL-compatible (said); -ENOMEM.
 */
int resolve_symbol(struct module *mod, const struct load_info *info, const char *name,
		   unsigned long *value)
{
	struct module *owner;
	bool gpl_only;
	const struct kernel_symbol *sym = find_symbol(mod, name, &gpl_only, &owner);
	int err;

	if (!sym)
		return -ENOENT;
	if (gpl_only && !info->gpl_compatible) {
		pr_warn("%s: %s is exported GPL-only (EXPORT_SYMBOL_GPL) and the module's license is not GPL-compatible\n",
			mod->name, name);
		return -ENOENT;
	}
	if (owner) {
		err = ref_module(mod, owner);
		if (err)
			return err;
	}
	*value = sym->value;
	return 0;
}

/* The module's own exports: each names a place in the module, by a name in
 * its read-only data, and no name is taken already. */
static int check_exports(const struct module *mod, const struct kernel_symbol *syms,
			 unsigned int num)
{
	const struct module_memory *ro = &mod->mem[MOD_RODATA];

	for (unsigned int i = 0; i < num; i++) {
		const char *name = syms[i].name;
		unsigned long off = (unsigned long)name - (unsigned long)ro->base;
		struct module *owner;
		bool gpl_only;

		if (!within_module(syms[i].value, mod) || !ro->base || off >= ro->size ||
		    !memchr(name, '\0', ro->size - off)) {
			pr_err("%s: invalid module format: export %u is not in the module\n",
			       mod->name, i);
			return -ENOEXEC;
		}
		if (find_symbol(mod, name, &gpl_only, &owner)) {
			pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name, name,
			       module_name(owner));
			return -ENOEXEC;
		}
	}
	return 0;
}

/**
 * check_module_exports() - Check what a relocated module exports.
 * @mod: the module
 *
 * Context: process context, module_mutex held.
 * Return: 0; -ENOEXEC for an export outside the module or a name already exported.
 */
int check_module_exports(const struct module *mod)
{
	return check_exports(mod, mod->syms, mod->num_syms) ?:
	       check_exports(mod, mod->gpl_syms, mod->num_gpl_syms);
}
