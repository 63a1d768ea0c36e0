/*
 * The life of a module (docs/modules.md walks it line by line):
 *
 *   init_module / finit_module   copy the .ko in; load_module() checks it
 *                                (elf.c), lays it out, resolves and relocates
 *                                it, sets its parameters, runs its init
 *   delete_module                refuses while it is in use; runs its exit;
 *                                asks every registry what it left behind
 *                                (leftovers.c) and frees it only if nothing
 *
 * The list of modules and its locks are in list.c, references in refcount.c,
 * the system calls in syscalls.c.
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

static int add_unformed_module(struct module *mod)
{
	unsigned long flags;

	if (find_module(mod->name)) {
		pr_err("%s: a module of that name is already loaded\n", mod->name);
		return -EEXIST;
	}
	spin_lock_irqsave(&modules_lock, flags);
	list_add(&mod->list, &modules);
	spin_unlock_irqrestore(&modules_lock, flags);
	return 0;
}

/* module_mutex held; the module has no registrations left. */
static void free_module(struct module *mod)
{
	unsigned long flags;

	spin_lock_irqsave(&modules_lock, flags);
	list_del(&mod->list);
	spin_unlock_irqrestore(&modules_lock, flags);
	module_unload_free(mod);
	module_free_kallsyms(mod);
	kfree(mod->args);
	free_module_memory(mod); /* mod itself lives there: last */
}

static bool in_text(unsigned long addr, const struct module *mod)
{
	for (int type = MOD_TEXT; type <= MOD_INIT_TEXT; type += MOD_INIT_TEXT - MOD_TEXT)
		if (addr - (unsigned long)mod->mem[type].base < mod->mem[type].size)
			return true;
	return false;
}

/* What the loader reads from the relocated module itself. */
static int find_module_parts(struct module *mod, const struct load_info *info)
{
	mod->kp = section_objs(info, "__param", sizeof(*mod->kp), &mod->num_kp);
	mod->syms = section_objs(info, "__ksymtab", sizeof(*mod->syms), &mod->num_syms);
	mod->gpl_syms = section_objs(info, "__ksymtab_gpl", sizeof(*mod->gpl_syms),
				     &mod->num_gpl_syms);
	mod->extable = section_objs(info, "__ex_table", sizeof(*mod->extable), &mod->num_exentries);
	if ((mod->init && !in_text((unsigned long)mod->init, mod)) ||
	    (mod->exit && !in_text((unsigned long)mod->exit, mod))) {
		pr_err("%s: invalid module format: its init or exit function is not in its text\n",
		       mod->name);
		return -ENOEXEC;
	}
	return 0;
}

/* Links, resolves, relocates and configures the laid-out module; on success
 * it is COMING, with a reference base, ready for its init. module_mutex held. */
static int form_module(struct module *mod, struct load_info *info, char *args)
{
	int err = add_unformed_module(mod);

	if (err) {
		kfree(args);
		free_module_memory(mod);
		return err;
	}
	mod->taints = info->taints;
	mod->args = args;
	err = simplify_symbols(mod, info);
	if (!err)
		err = apply_relocations(mod, info);
	if (!err)
		err = find_module_parts(mod, info);
	if (!err)
		err = check_module_exports(mod);
	if (!err)
		err = module_add_kallsyms(mod, info);
	if (!err) {
		module_enable_ro(mod);
		err = parse_module_args(mod->name, mod->args, mod->kp, mod->num_kp);
	}
	if (err) {
		free_module(mod);
		return err;
	}
	atomic_set(&mod->refcnt, MODULE_REF_BASE);
	mod->state = MODULE_STATE_COMING;
	return 0;
}

/* After exit (or a failed init): free the module unless a registry still
 * points into it. module_mutex held. 0 if freed. */
static int finish_unload(struct module *mod)
{
	mod->leftovers = module_check_leftovers(mod);
	if (mod->leftovers) {
		pr_err("%s: %u registration%s left behind: its memory is kept, the module stays (Unloading)\n",
		       mod->name, mod->leftovers, mod->leftovers == 1 ? "" : "s");
		return -EBUSY;
	}
	free_module(mod);
	return 0;
}

static int do_init_module(struct module *mod)
{
	int ret = mod->init ? mod->init() : 0;

	if (ret > 0) {
		pr_warn("%s: '%ps'->init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, mod->init, ret);
		ret = 0;
	}
	mutex_lock(&module_mutex);
	if (ret < 0) {
		pr_info("%s: init_module returned %d: unloading it\n", mod->name, ret);
		mod->state = MODULE_STATE_GOING;
		finish_unload(mod);
	} else {
		mod->state = MODULE_STATE_LIVE;
		free_module_init_memory(mod);
	}
	mutex_unlock(&module_mutex);
	return ret;
}

/**
 * load_module() - Load a module image and run its init function.
 * @image: the .ko bytes, in a vmalloc buffer (freed here, whatever happens)
 * @len:   their length
 * @args:  its parameters, "name=value ...", kmalloc'ed (kept by the module,
 *         or freed here); may be an empty string
 *
 * Context: process context; may sleep.
 * Return: 0, the init function's negative result, or why the image was
 * refused (-ENOEXEC, -EBADMSG, -ENOENT for an unknown symbol, -EEXIST,
 * -EINVAL for a bad parameter, -ENOMEM).
 */
int load_module(void *image, unsigned long len, char *args)
{
	struct load_info info = { .name = "module", .hdr = image, .len = len };
	struct module *mod = NULL;
	int err;

	err = module_check_checksum(&info);
	if (!err)
		err = elf_validity_check(&info);
	if (!err)
		err = check_modinfo(&info);
	if (!err)
		err = layout_and_allocate(&info, &mod);
	if (!err) {
		mutex_lock(&module_mutex);
		err = form_module(mod, &info, args);
		mutex_unlock(&module_mutex);
		args = NULL; /* the module owns them now, or freed them */
	}
	kfree(info.sec_mem);
	kfree(info.sec_off);
	vfree(image);
	kfree(args);
	return err ?: do_init_module(mod);
}

/**
 * delete_module() - Unload a module by name, as the delete_module call does.
 * @name:  the module's name
 * @flags: O_NONBLOCK, O_TRUNC (Linux's; neither changes anything here)
 *
 * Runs the module's exit function, then asks every registry what the
 * module left behind (kernel/module/leftovers.c). Called again for a module
 * kept because of leftovers, it checks again and frees it if they are gone.
 * Context: process context; may sleep.
 * Return: 0 when the module is gone; -ENOENT if no such module; -EBUSY if
 * it is in use (reported, with who holds it), has no exit function, is
 * still initialising, or left registrations behind (reported).
 */
int delete_module(const char *name, unsigned int flags)
{
	struct module *mod;
	int ret = 0;

	(void)flags; /* O_NONBLOCK: never waits anyway; O_TRUNC (force): not allowed */
	mutex_lock(&module_mutex);
	mod = find_module(name);
	if (!mod) {
		ret = -ENOENT;
	} else if (mod->state == MODULE_STATE_GOING && mod->leftovers) {
		/* Its exit ran already: see whether what it left has gone since. */
		ret = finish_unload(mod);
		mod = NULL;
	} else if (!list_empty(&mod->source_list)) {
		report_users(mod);
		ret = -EBUSY;
	} else if (mod->state != MODULE_STATE_LIVE) {
		ret = -EBUSY; /* still in its init, or already going */
	} else if (mod->init && !mod->exit) {
		pr_err("%s: has an init function but no exit function: it cannot be unloaded\n",
		       mod->name);
		ret = -EBUSY;
	} else if (try_release_module_ref(mod)) {
		report_users(mod);
		ret = -EBUSY;
	} else {
		mod->state = MODULE_STATE_GOING;
	}
	mutex_unlock(&module_mutex);
	if (ret || !mod)
		return ret;

	if (mod->exit)
		mod->exit();
	mutex_lock(&module_mutex);
	ret = finish_unload(mod);
	mutex_unlock(&module_mutex);
	return ret;
}
