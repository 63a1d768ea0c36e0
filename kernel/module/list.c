/*
 * The list of loaded modules, `modules` (newest first): loads and unloads change
 * it under module_mutex; readers in any context (symbol lookups for an oops, the
 * exception table, "Modules linked in:") walk it under modules_lock.
 */
#include <asm/extable.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <janus/log.h>
#include <janus/vfs.h>
#include "internal.h"

LIST_HEAD(modules);
DEFINE_MUTEX(module_mutex);
DEFINE_SPINLOCK(modules_lock);

/**
 * module_list_lock() - Lock the module list for a reader in any context.
 * @flags: where the interrupt state goes
 *
 * Context: any context. During an oops it only tries the lock.
 * Return: true if locked; false if an oops is in progress and the lock is busy.
 */
bool module_list_lock(unsigned long *flags)
{
	/* An oops may have stopped this CPU inside the lock: never wait then. */
	if (oops_in_progress)
		return spin_trylock_irqsave(&modules_lock, *flags);
	spin_lock_irqsave(&modules_lock, *flags);
	return true;
}

/**
 * module_list_unlock() - Unlock what module_list_lock() locked.
 * @flags: the interrupt state it saved
 *
 * Context: any context.
 */
void module_list_unlock(unsigned long flags)
{
	spin_unlock_irqrestore(&modules_lock, flags);
}

bool within_module(unsigned long addr, const struct module *mod)
{
	for (int type = 0; type < MOD_MEM_NUM_TYPES; type++)
		if (addr - (unsigned long)mod->mem[type].base < mod->mem[type].size)
			return true;
	return false;
}
EXPORT_SYMBOL_GPL(within_module);

struct module *__module_address(unsigned long addr)
{
	struct module *mod, *found = NULL;
	unsigned long flags;

	if (!module_list_lock(&flags))
		return NULL;
	list_for_each_entry(mod, &modules, list) {
		if (within_module(addr, mod)) {
			found = mod;
			break;
		}
	}
	module_list_unlock(flags);
	return found;
}
EXPORT_SYMBOL_GPL(__module_address);

/**
 * search_module_extables() - Find a fixup for a faulting instruction in a module.
 * @addr: the faulting instruction
 *
 * Context: any context (the page fault handler calls it).
 * Return: the exception table entry, or NULL.
 */
const struct exception_table_entry *search_module_extables(unsigned long addr)
{
	const struct exception_table_entry *e = NULL;
	struct module *mod;
	unsigned long flags;

	if (!module_list_lock(&flags))
		return NULL;
	list_for_each_entry(mod, &modules, list) {
		if (within_module(addr, mod)) {
			e = search_module_extable(mod, addr);
			break;
		}
	}
	module_list_unlock(flags);
	return e;
}

/**
 * find_module() - A loaded module by name.
 * @name: its name
 *
 * Context: process context, module_mutex held.
 * Return: the module (in any state), or NULL.
 */
struct module *find_module(const char *name)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

/**
 * module_state_name() - A module's state as /proc/modules spells it.
 * @mod: the module
 *
 * Context: any context.
 * Return: "Live", "Loading" or "Unloading".
 */
const char *module_state_name(const struct module *mod)
{
	switch (mod->state) {
	case MODULE_STATE_LIVE:
		return "Live";
	case MODULE_STATE_GOING:
		return "Unloading";
	default:
		return "Loading";
	}
}

void print_modules(void)
{
	unsigned long flags;
	struct module *mod;
	char taints[4];

	if (!module_list_lock(&flags))
		return;
	printk(KERN_DEFAULT "Modules linked in:");
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		module_taint_letters(mod, taints);
		pr_cont(" %s%s%s%s", mod->name, taints[0] ? "(" : "", taints, taints[0] ? ")" : "");
	}
	module_list_unlock(flags);
	pr_cont("\n");
}
