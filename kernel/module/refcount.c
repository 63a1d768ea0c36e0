/*
 * A module's references: try_module_get()/module_put() keep it loaded, and
 * module_hold() remembers who holds it, so that rmmod can say who is in the way.
 */
#include <asm/extable.h>
#include <linux/err.h>
#include <linux/errno.h>
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

/* Someone holding a reference, for the "in use" report of delete_module. */
struct module_holder {
	struct list_head list;
	struct module *mod;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	char what[48];
};

bool try_module_get(struct module *module)
{
	return !module || atomic_inc_not_zero(&module->refcnt);
}
EXPORT_SYMBOL(try_module_get);

void __module_get(struct module *module)
{
	if (module)
		atomic_inc(&module->refcnt);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *module)
{
	if (module)
		WARN(atomic_dec_return(&module->refcnt) < 0,
		     "module_put: %s's reference count went below zero\n", module->name);
}
EXPORT_SYMBOL(module_put);

int module_refcount(struct module *mod)
{
	return atomic_read(&mod->refcnt) - MODULE_REF_BASE;
}
EXPORT_SYMBOL(module_refcount);

/**
 * module_hold() - Take a reference on a module and remember who holds it.
 * @mod:  the module (NULL: built-in, nothing to hold)
 * @what: what holds it, e.g. "/dev/mydev", for delete_module's "in use" report
 *
 * Opening a file whose operations belong to a module calls this: the open
 * file keeps the module loaded, and rmmod names the file and its opener.
 * Context: process context; may sleep (it allocates).
 * Return: the holder to give back to module_unhold(); NULL for @mod NULL;
 * ERR_PTR(-ENODEV) if @mod is being unloaded, ERR_PTR(-ENOMEM).
 */
struct module_holder *module_hold(struct module *mod, const char *what)
{
	struct module_holder *h;
	unsigned long flags;

	if (!mod)
		return NULL;
	h = kmalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return ERR_PTR(-ENOMEM);
	if (!try_module_get(mod)) {
		kfree(h);
		return ERR_PTR(-ENODEV);
	}
	h->mod = mod;
	h->pid = current->pid;
	strscpy(h->comm, current->comm, sizeof(h->comm));
	strscpy(h->what, what, sizeof(h->what));
	spin_lock_irqsave(&modules_lock, flags);
	list_add_tail(&h->list, &mod->holders);
	spin_unlock_irqrestore(&modules_lock, flags);
	return h;
}

/**
 * module_unhold() - Drop a reference taken by module_hold().
 * @h: what module_hold() returned (NULL does nothing)
 *
 * Context: process context.
 */
void module_unhold(struct module_holder *h)
{
	struct module *mod = h ? h->mod : NULL;
	unsigned long flags;

	if (!h)
		return;
	spin_lock_irqsave(&modules_lock, flags);
	list_del(&h->list);
	spin_unlock_irqrestore(&modules_lock, flags);
	kfree(h);
	module_put(mod);
}

/**
 * try_release_module_ref() - Take a module's base reference away.
 * @mod: the module
 *
 * From then on try_module_get() fails. If anybody else held a reference the
 * base is given back.
 * Context: process context, module_mutex held; does not sleep.
 * Return: 0 if nobody else held one, else -EBUSY.
 */
int try_release_module_ref(struct module *mod)
{
	if (!atomic_sub_return(MODULE_REF_BASE, &mod->refcnt))
		return 0;
	atomic_add(MODULE_REF_BASE, &mod->refcnt);
	return -EBUSY;
}

/**
 * report_users() - Say why delete_module said no.
 * @mod: the module in use
 *
 * Prints each module that uses this one, each open file that holds it, and
 * how many references came from elsewhere.
 * Context: process context, module_mutex held; does not sleep.
 */
void report_users(struct module *mod)
{
	struct module_holder *h;
	struct module_use *use;
	unsigned long flags;
	int refs = module_refcount(mod), known = 0;

	pr_warn("%s: in use, not unloaded (reference count %d):\n", mod->name, refs);
	list_for_each_entry(use, &mod->source_list, source_list)
		pr_warn("  used by module %s (it calls %s's exported symbols)\n", use->source->name,
			mod->name);
	spin_lock_irqsave(&modules_lock, flags);
	list_for_each_entry(h, &mod->holders, list) {
		pr_warn("  held by %s, opened by task %d (%s)\n", h->what, h->pid, h->comm);
		known++;
	}
	spin_unlock_irqrestore(&modules_lock, flags);
	if (refs > known)
		pr_warn("  %d more reference%s from try_module_get()\n", refs - known,
			refs - known == 1 ? "" : "s");
}
