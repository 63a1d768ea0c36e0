/*
 * /proc (include/linux/proc_fs.h): a tree of named entries, each a
 * directory or a file with its proc_ops (or one show function,
 * proc_create_single), looked up a path component at a time. The kernel's
 * own files (kernel/fs/proc.c, kernel/trace/trace_proc.c, /proc/irq...) are
 * made the way a driver makes its own. Opening a file of a module's holds
 * the module, found from the address of its operations, as .owner does for
 * a device. A directory opens for getdents64 (`ls /proc/irq/4`); /proc
 * itself is listed from here too (kernel/fs/readdir.c).
 *
 * Removal while a file is open, as Linux's proc_entry_rundown does it: a
 * removed entry leaves the tree at once (a new open finds nothing), new
 * read/write/ioctl calls on files still open get -EIO, proc_remove() waits
 * until the calls in flight have returned (so its caller may then free what
 * the entry's code uses), and the entry's memory goes with the last
 * reference: the tree's, a lookup's, or an open file's.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <janus/leftovers.h>
#include <janus/vfs.h>
#include <uapi/linux/fcntl.h>

struct proc_dir_entry {
	char name[32];
	umode_t mode;
	struct proc_dir_entry *parent;
	struct list_head children, sibling;
	const struct proc_ops *proc_ops;
	int (*single_show)(struct seq_file *m, void *v);
	void *data;
	const struct callsite *site; /* who created it (janus/callsite.h) */
	atomic_t count;              /* the tree's reference, one per lookup or open file */
	unsigned int in_use;         /* read/write/ioctl/open calls in flight (pde_lock) */
	bool removed;                /* out of the tree: no new calls (pde_lock) */
	wait_queue_head_t rundown;   /* proc_remove() waits here for in_use to reach 0 */
	struct inode inode;
};

static const struct file_operations proc_reg_fops, proc_dir_fops;
static struct proc_dir_entry proc_root = {
	.mode = S_IFDIR | 0555,
	.children = LIST_HEAD_INIT(proc_root.children),
	.sibling = LIST_HEAD_INIT(proc_root.sibling),
};
static DEFINE_MUTEX(proc_lock);   /* the tree */
static DEFINE_SPINLOCK(pde_lock); /* in_use and removed of every entry */

static struct proc_dir_entry *PDE(const struct inode *inode)
{
	return inode->i_private;
}

static void pde_put(struct proc_dir_entry *de)
{
	if (atomic_dec_and_test(&de->count))
		kfree(de);
}

/* Starts a call into the entry's code; false once it is removed. */
static bool use_pde(struct proc_dir_entry *de)
{
	bool ok;

	spin_lock(&pde_lock);
	ok = !de->removed;
	if (ok)
		de->in_use++;
	spin_unlock(&pde_lock);
	return ok;
}

/* Ends it; the last call to leave a removed entry wakes proc_remove(). The
 * caller's file still holds a reference, so de outlives the wake-up. */
static void unuse_pde(struct proc_dir_entry *de)
{
	bool last;

	spin_lock(&pde_lock);
	last = !--de->in_use && de->removed;
	spin_unlock(&pde_lock);
	if (last)
		wake_up(&de->rundown);
}

static bool pde_idle(struct proc_dir_entry *de)
{
	bool idle;

	spin_lock(&pde_lock);
	idle = !de->in_use;
	spin_unlock(&pde_lock);
	return idle;
}

static struct proc_dir_entry *find_child(struct proc_dir_entry *dir, const char *name, size_t len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->children, sibling)
		if (!strncmp(de->name, name, len) && !de->name[len])
			return de;
	return NULL;
}

/**
 * proc_lookup() - Find a /proc entry by path, and hold it.
 * @path: below /proc, e.g. "irq/38/bug_forgot_free_irq"
 *
 * The reference keeps the entry's memory (not its place in the tree):
 * opening the inode hands it to the file; otherwise proc_put() drops it.
 *
 * Context: process context; may sleep.
 * Return: its inode, or NULL.
 */
struct inode *proc_lookup(const char *path)
{
	struct proc_dir_entry *de = &proc_root;

	mutex_lock(&proc_lock);
	while (de && *path) {
		size_t len = strcspn(path, "/");

		de = find_child(de, path, len);
		path += len;
		while (*path == '/')
			path++;
	}
	if (de == &proc_root)
		de = NULL;
	if (de)
		atomic_inc(&de->count);
	mutex_unlock(&proc_lock);
	return de ? &de->inode : NULL;
}

/**
 * proc_put() - Drop the reference proc_lookup() took.
 * @inode: what proc_lookup() returned (not opened)
 *
 * Context: process context.
 */
void proc_put(struct inode *inode)
{
	pde_put(PDE(inode));
}

static struct proc_dir_entry *proc_add(const char *name, umode_t mode,
				       struct proc_dir_entry *parent, const struct callsite *site)
{
	struct proc_dir_entry *de;

	if (!name || !*name || strchr(name, '/') || strlen(name) >= sizeof(de->name))
		return NULL;
	de = kzalloc(sizeof(*de), GFP_KERNEL);
	if (!de)
		return NULL;
	strcpy(de->name, name);
	de->mode = mode;
	de->site = site;
	de->parent = parent ?: &proc_root;
	atomic_set(&de->count, 1);
	init_waitqueue_head(&de->rundown);
	INIT_LIST_HEAD(&de->children);
	de->inode = (struct inode){ .i_mode = mode, .i_private = de,
				    .i_fop = S_ISDIR(mode) ? &proc_dir_fops : &proc_reg_fops };
	mutex_lock(&proc_lock);
	if (find_child(de->parent, name, strlen(name))) {
		mutex_unlock(&proc_lock);
		pr_warn("proc: /proc/.../%s already exists\n", name);
		kfree(de);
		return NULL;
	}
	list_add_tail(&de->sibling, &de->parent->children);
	mutex_unlock(&proc_lock);
	return de;
}

struct proc_dir_entry *proc_create_at(const char *name, umode_t mode,
				      struct proc_dir_entry *parent, const struct proc_ops *ops,
				      void *data, int (*single)(struct seq_file *, void *),
				      const struct callsite *site)
{
	struct proc_dir_entry *de;

	if (!ops == !single)
		return NULL;
	de = proc_add(name, S_IFREG | (mode & 07777 ?: 0444), parent, site);
	if (de) {
		de->proc_ops = ops;
		de->single_show = single;
		de->data = data;
	}
	return de;
}
EXPORT_SYMBOL(proc_create_at);

struct proc_dir_entry *proc_mkdir_at(const char *name, struct proc_dir_entry *parent,
				     const struct callsite *site)
{
	return proc_add(name, S_IFDIR | 0555, parent, site);
}
EXPORT_SYMBOL(proc_mkdir_at);

/* Takes de and everything below it out of the tree, onto gone; proc_lock held. */
static void unlink_subtree(struct proc_dir_entry *de, struct list_head *gone)
{
	struct proc_dir_entry *child, *tmp;

	list_for_each_entry_safe(child, tmp, &de->children, sibling)
		unlink_subtree(child, gone);
	spin_lock(&pde_lock);
	de->removed = true;
	spin_unlock(&pde_lock);
	list_move_tail(&de->sibling, gone);
}

/* Waits out the calls in flight on each removed entry and drops the tree's
 * reference; open files keep the memory until they are closed. */
static void rundown(struct list_head *gone)
{
	struct proc_dir_entry *de, *tmp;

	list_for_each_entry_safe(de, tmp, gone, sibling) {
		wait_event(de->rundown, pde_idle(de));
		list_del(&de->sibling);
		pde_put(de);
	}
}

void proc_remove(struct proc_dir_entry *de)
{
	LIST_HEAD(gone);

	if (!de || de == &proc_root)
		return;
	mutex_lock(&proc_lock);
	unlink_subtree(de, &gone);
	mutex_unlock(&proc_lock);
	rundown(&gone);
}
EXPORT_SYMBOL(proc_remove);

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de;
	LIST_HEAD(gone);

	mutex_lock(&proc_lock);
	de = find_child(parent ?: &proc_root, name, strlen(name));
	if (de)
		unlink_subtree(de, &gone);
	mutex_unlock(&proc_lock);
	if (!de)
		pr_warn("remove_proc_entry: no entry %s\n", name);
	rundown(&gone);
}
EXPORT_SYMBOL(remove_proc_entry);

void *pde_data(const struct inode *inode)
{
	return ((const struct proc_dir_entry *)inode->i_private)->data;
}
EXPORT_SYMBOL(pde_data);

/* The module the entry's code belongs to (NULL: the kernel's). */
static struct module *proc_owner(const struct proc_dir_entry *de)
{
	return __module_address(de->proc_ops ? (unsigned long)de->proc_ops
					     : (unsigned long)de->single_show);
}

/* Opening takes over proc_lookup()'s reference; a failed open leaves it to the
 * caller (filp_open() calls proc_put()). */
static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	struct module_holder *hold;
	char what[48];
	int err;

	if (S_ISDIR(de->mode))
		return -EISDIR;
	if ((file->f_flags & O_ACCMODE) != O_RDONLY && !(de->mode & 0222))
		return -EACCES;
	if (!use_pde(de))
		return -ENOENT; /* removed since the lookup */
	snprintf(what, sizeof(what), "/proc/%s", de->name);
	hold = module_hold(proc_owner(de), what);
	if (IS_ERR(hold)) {
		unuse_pde(de);
		return -ENOENT;
	}
	file->f_hold = hold;
	if (de->single_show)
		err = single_open(file, de->single_show, de->data);
	else
		err = de->proc_ops->proc_open ? de->proc_ops->proc_open(inode, file) : 0;
	if (err) {
		file->f_hold = NULL;
		module_unhold(hold);
	}
	unuse_pde(de);
	return err;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	ssize_t ret;

	if (!use_pde(de))
		return -EIO; /* removed while open */
	if (de->single_show)
		ret = seq_read(file, buf, count, ppos);
	else
		ret = de->proc_ops->proc_read ? de->proc_ops->proc_read(file, buf, count, ppos)
					      : -EINVAL;
	unuse_pde(de);
	return ret;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	ssize_t ret;

	if (de->single_show || !de->proc_ops->proc_write)
		return -EINVAL;
	if (!use_pde(de))
		return -EIO;
	ret = de->proc_ops->proc_write(file, buf, count, ppos);
	unuse_pde(de);
	return ret;
}

static long proc_reg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct proc_dir_entry *de = PDE(file->f_inode);
	long ret;

	if (de->single_show || !de->proc_ops->proc_ioctl)
		return -ENOTTY;
	if (!use_pde(de))
		return -EIO;
	ret = de->proc_ops->proc_ioctl(file, cmd, arg);
	unuse_pde(de);
	return ret;
}

/* Runs even after a removal (it frees what open made; a module's code is
 * still there, held by the file), then drops the file's reference. */
static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	int ret;

	if (de->single_show)
		ret = single_release(inode, file);
	else
		ret = de->proc_ops->proc_release ? de->proc_ops->proc_release(inode, file) : 0;
	pde_put(de);
	return ret;
}

static const struct file_operations proc_reg_fops = {
	.open = proc_reg_open,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.unlocked_ioctl = proc_reg_ioctl,
	.release = proc_reg_release,
};

/* Emits dir's entries from position ctx->pos on; the first is at @first.
 * A directory removed while open lists nothing. */
static void emit_children(struct proc_dir_entry *dir, struct dir_context *ctx, loff_t first)
{
	struct proc_dir_entry *de;
	loff_t pos = first;

	mutex_lock(&proc_lock);
	if (!READ_ONCE(dir->removed)) {
		list_for_each_entry(de, &dir->children, sibling) {
			if (pos++ < ctx->pos)
				continue;
			if (!dir_emit(ctx, de->name, strlen(de->name), (unsigned long)de,
				      S_ISDIR(de->mode) ? DT_DIR : DT_REG))
				break;
			ctx->pos++;
		}
	}
	mutex_unlock(&proc_lock);
}

/**
 * proc_root_readdir() - List /proc's own entries: the kernel's listings and what drivers made.
 * @ctx:   the reader's position (getdents64)
 * @first: the position of the first of them (after "." and "..")
 *
 * Context: process context (getdents64); may sleep.
 */
void proc_root_readdir(struct dir_context *ctx, loff_t first)
{
	emit_children(&proc_root, ctx, first);
}

/* A directory made with proc_mkdir: ".", "..", then its entries. */
static int proc_dir_iterate(struct file *file, struct dir_context *ctx)
{
	for (; ctx->pos < 2; ctx->pos++)
		if (!dir_emit(ctx, "..", 2 - !ctx->pos, 0, DT_DIR))
			return 0;
	emit_children(PDE(file->f_inode), ctx, 2);
	return 0;
}

static ssize_t proc_dir_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	(void)file, (void)buf, (void)count, (void)ppos;
	return -EISDIR;
}

/* The open directory held the entry (proc_lookup()'s reference). */
static int proc_dir_release(struct inode *inode, struct file *file)
{
	(void)file;
	pde_put(PDE(inode));
	return 0;
}

static const struct file_operations proc_dir_fops = {
	.read = proc_dir_read,
	.iterate_shared = proc_dir_iterate,
	.release = proc_dir_release,
};

/* Entries of mod's below dir; proc_lock held. */
static unsigned int proc_subtree_leftovers(struct module *mod, struct proc_dir_entry *dir,
					   const char *path)
{
	struct proc_dir_entry *de;
	unsigned int found = 0;

	list_for_each_entry(de, &dir->children, sibling) {
		char sub[96];

		scnprintf(sub, sizeof(sub), "%s/%s", path, de->name);
		if (owned_by_module(mod, de->site, de->proc_ops) ||
		    owned_by_module(mod, NULL, de->single_show)) {
			module_leftover(mod, de->site, "proc entry %s still present", sub);
			found++;
			continue; /* what is below goes with it */
		}
		found += proc_subtree_leftovers(mod, de, sub);
	}
	return found;
}

/* What a module left in /proc (include/janus/leftovers.h). */
static unsigned int proc_leftovers(struct module *mod)
{
	unsigned int found;

	mutex_lock(&proc_lock);
	found = proc_subtree_leftovers(mod, &proc_root, "/proc");
	mutex_unlock(&proc_lock);
	return found;
}
MODULE_LEFTOVER_CHECK(proc, proc_leftovers);
