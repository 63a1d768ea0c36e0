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
 * The list of modules is `modules` (newest first): loads and unloads change
 * it under module_mutex; readers in any context (symbol lookups for an oops,
 * the exception table) walk it under modules_lock.
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
#include <uapi/janus/module.h>
#include <uapi/linux/module.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

LIST_HEAD(modules);
DEFINE_MUTEX(module_mutex);
static DEFINE_SPINLOCK(modules_lock);

/* Someone holding a reference, for the "in use" report of delete_module. */
struct module_holder {
	struct list_head list;
	struct module *mod;
	pid_t pid;
	char comm[TASK_COMM_LEN];
	char what[48];
};

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

/* ------------------------------------------------------------ references */

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

/* Takes the base reference away: from then on try_module_get fails. 0 if
 * nobody else held one; otherwise the base is given back. */
static int try_release_module_ref(struct module *mod)
{
	if (!atomic_sub_return(MODULE_REF_BASE, &mod->refcnt))
		return 0;
	atomic_add(MODULE_REF_BASE, &mod->refcnt);
	return -EBUSY;
}

/* Why delete_module said no: each module that uses this one, each open
 * file that holds it, and how many references came from elsewhere. */
static void report_users(struct module *mod)
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

/* ------------------------------------------------------------ loading */

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

/* ------------------------------------------------------------ system calls */

/* The parameter string, copied in (NULL: none). */
static char *copy_module_args(const char __user *uargs)
{
	char *buf, *args;
	long len;

	if (!uargs)
		return kzalloc(1, GFP_KERNEL) ?: ERR_PTR(-ENOMEM);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(buf, uargs, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(buf);
		return ERR_PTR(len < 0 ? -EFAULT : -E2BIG);
	}
	args = kmalloc(len + 1, GFP_KERNEL);
	if (args)
		memcpy(args, buf, len + 1);
	kfree(buf);
	return args ?: ERR_PTR(-ENOMEM);
}

/**
 * sys_init_module() - The init_module system call (128): load a module from memory.
 * @umod:  the .ko image in user memory
 * @len:   its length (at most 8 MiB)
 * @uargs: its parameters, "name=value ..." (may be NULL)
 *
 * Context: process context (a system call); may sleep.
 * Return: 0, -EFAULT, -EFBIG, -E2BIG, or what load_module() returns.
 */
long sys_init_module(void __user *umod, unsigned long len, const char __user *uargs)
{
	char *args;
	void *image;

	if (len < sizeof(Elf32_Ehdr))
		return -ENOEXEC;
	if (len > MODULE_MAX_IMAGE)
		return -EFBIG;
	args = copy_module_args(uargs);
	if (IS_ERR(args))
		return PTR_ERR(args);
	image = vmalloc(len);
	if (!image) {
		kfree(args);
		return -ENOMEM;
	}
	if (copy_from_user(image, umod, len)) {
		vfree(image);
		kfree(args);
		return -EFAULT;
	}
	return load_module(image, len, args);
}

/**
 * sys_finit_module() - The finit_module system call (350): load a module from a file.
 * @fd:    an open regular file (an initrd file)
 * @uargs: its parameters (may be NULL)
 * @flags: MODULE_INIT_IGNORE_MODVERSIONS (nothing to ignore) or
 *         MODULE_INIT_IGNORE_VERMAGIC (refused: no forced loads)
 *
 * Context: process context (a system call); may sleep.
 * Return: 0, -EBADF, -EINVAL (unknown flags, not a regular file), or what load_module() returns.
 */
long sys_finit_module(int fd, const char __user *uargs, int flags)
{
	struct file *file;
	void *image;
	size_t size;
	char *args;
	int err;

	if (flags & ~(MODULE_INIT_IGNORE_MODVERSIONS | MODULE_INIT_IGNORE_VERMAGIC))
		return -EINVAL;
	if (flags & MODULE_INIT_IGNORE_VERMAGIC) {
		pr_err("finit_module: ignoring the version magic is not allowed (no forced loads)\n");
		return -ENOEXEC;
	}
	file = fget(fd);
	if (!file || (file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	err = kernel_read_file(file, &image, MODULE_MAX_IMAGE, &size);
	if (err)
		return err;
	args = copy_module_args(uargs);
	if (IS_ERR(args)) {
		vfree(image);
		return PTR_ERR(args);
	}
	return load_module(image, size, args);
}

/**
 * sys_delete_module() - The delete_module system call (129): unload a module.
 * @name_user: its name, in user memory
 * @flags:     O_NONBLOCK, O_TRUNC
 *
 * Context: process context (a system call); may sleep.
 * Return: what delete_module() returns, or -EFAULT.
 */
long sys_delete_module(const char __user *name_user, unsigned int flags)
{
	char name[MODULE_NAME_LEN];
	long len = strncpy_from_user(name, name_user, sizeof(name));

	if (len < 0)
		return -EFAULT;
	name[sizeof(name) - 1] = '\0';
	return delete_module(name, flags);
}
