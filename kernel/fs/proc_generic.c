/*
 * The /proc entries drivers create (include/linux/proc_fs.h): a tree of
 * named entries below /proc, each a directory or a file with its proc_ops
 * (or one show function, proc_create_single). The kernel's own listings
 * (kernel/fs/proc.c) are looked up first; then this tree, a path component
 * at a time. Opening a file of a module's holds the module, found from the
 * address of its operations, as .owner does for a device.
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
#include <janus/leftovers.h>
#include <janus/vfs.h>

struct proc_dir_entry {
	char name[32];
	umode_t mode;
	struct proc_dir_entry *parent;
	struct list_head children, sibling;
	const struct proc_ops *proc_ops;
	int (*single_show)(struct seq_file *m, void *v);
	void *data;
	const struct callsite *site; /* who created it (janus/callsite.h) */
	struct inode inode;
};

static const struct file_operations proc_reg_fops, proc_dir_fops;
static struct proc_dir_entry proc_root = {
	.mode = S_IFDIR | 0555,
	.children = LIST_HEAD_INIT(proc_root.children),
	.sibling = LIST_HEAD_INIT(proc_root.sibling),
};
static DEFINE_MUTEX(proc_lock); /* the tree */

static struct proc_dir_entry *find_child(struct proc_dir_entry *dir, const char *name, size_t len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->children, sibling)
		if (!strncmp(de->name, name, len) && !de->name[len])
			return de;
	return NULL;
}

/**
 * proc_tree_lookup() - Find a driver's /proc entry by path.
 * @path: below /proc, e.g. "irq/38/bug_forgot_free_irq"
 *
 * Context: process context; may sleep.
 * Return: its inode, or NULL.
 */
struct inode *proc_tree_lookup(const char *path)
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
	mutex_unlock(&proc_lock);
	return de && de != &proc_root ? &de->inode : NULL;
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

/* Unlinks de and everything below it, and frees them; proc_lock held. */
static void remove_subtree(struct proc_dir_entry *de)
{
	struct proc_dir_entry *child, *tmp;

	list_for_each_entry_safe(child, tmp, &de->children, sibling)
		remove_subtree(child);
	list_del(&de->sibling);
	kfree(de);
}

void proc_remove(struct proc_dir_entry *de)
{
	if (!de || de == &proc_root)
		return;
	mutex_lock(&proc_lock);
	remove_subtree(de);
	mutex_unlock(&proc_lock);
}
EXPORT_SYMBOL(proc_remove);

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de;

	mutex_lock(&proc_lock);
	de = find_child(parent ?: &proc_root, name, strlen(name));
	if (de)
		remove_subtree(de);
	mutex_unlock(&proc_lock);
	if (!de)
		pr_warn("remove_proc_entry: no entry %s\n", name);
}
EXPORT_SYMBOL(remove_proc_entry);

void *pde_data(const struct inode *inode)
{
	return ((const struct proc_dir_entry *)inode->i_private)->data;
}
EXPORT_SYMBOL(pde_data);

static struct proc_dir_entry *PDE(const struct inode *inode)
{
	return inode->i_private;
}

/* The module the entry's code belongs to (NULL: the kernel's). */
static struct module *proc_owner(const struct proc_dir_entry *de)
{
	return __module_address(de->proc_ops ? (unsigned long)de->proc_ops
					     : (unsigned long)de->single_show);
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);
	struct module_holder *hold;
	char what[48];
	int err;

	if (S_ISDIR(de->mode))
		return -EISDIR;
	snprintf(what, sizeof(what), "/proc/%s", de->name);
	hold = module_hold(proc_owner(de), what);
	if (IS_ERR(hold))
		return -ENOENT;
	file->f_hold = hold;
	if (de->single_show)
		err = single_open(file, de->single_show, de->data);
	else
		err = de->proc_ops->proc_open ? de->proc_ops->proc_open(inode, file) : 0;
	if (err) {
		file->f_hold = NULL;
		module_unhold(hold);
	}
	return err;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);

	if (de->single_show)
		return seq_read(file, buf, count, ppos);
	return de->proc_ops->proc_read ? de->proc_ops->proc_read(file, buf, count, ppos) : -EINVAL;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	struct proc_dir_entry *de = PDE(file->f_inode);

	if (de->single_show || !de->proc_ops->proc_write)
		return -EINVAL;
	return de->proc_ops->proc_write(file, buf, count, ppos);
}

static long proc_reg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct proc_dir_entry *de = PDE(file->f_inode);

	if (de->single_show || !de->proc_ops->proc_ioctl)
		return -ENOTTY;
	return de->proc_ops->proc_ioctl(file, cmd, arg);
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->single_show)
		return single_release(inode, file);
	return de->proc_ops->proc_release ? de->proc_ops->proc_release(inode, file) : 0;
}

static const struct file_operations proc_reg_fops = {
	.open = proc_reg_open,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.unlocked_ioctl = proc_reg_ioctl,
	.release = proc_reg_release,
};

/* Whether de is still in the tree (an open directory may outlive its
 * entry): compares pointers only. proc_lock held. */
static bool in_tree(const struct proc_dir_entry *dir, const struct proc_dir_entry *de)
{
	const struct proc_dir_entry *child;

	if (dir == de)
		return true;
	list_for_each_entry(child, &dir->children, sibling)
		if (in_tree(child, de))
			return true;
	return false;
}

/* Emits dir's entries from position ctx->pos on; the first is at @first. */
static void emit_children(struct proc_dir_entry *dir, struct dir_context *ctx, loff_t first)
{
	struct proc_dir_entry *de;
	loff_t pos = first;

	mutex_lock(&proc_lock);
	if (in_tree(&proc_root, dir)) {
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
 * proc_root_readdir() - List the entries drivers created directly in /proc.
 * @ctx:   the reader's position (getdents64)
 * @first: the position of the first of them (after the kernel's own listings)
 *
 * Context: process context (getdents64); may sleep.
 */
void proc_root_readdir(struct dir_context *ctx, loff_t first)
{
	emit_children(&proc_root, ctx, first);
}

/* A directory a driver made (proc_mkdir): ".", "..", then its entries. */
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

static const struct file_operations proc_dir_fops = {
	.read = proc_dir_read,
	.iterate_shared = proc_dir_iterate,
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
