/*
 * Character devices: a table of majors, each with its driver's
 * file_operations, and /dev, a list of named nodes (a device number each).
 * Opening a node finds the major's operations and calls the driver's open,
 * which may pick other operations by minor (drivers/mem.c does).
 * register_chrdev also publishes /dev/NAME for minor 0, as udev would.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/leftovers.h>
#include <janus/vfs.h>

struct chrdev {
	const char *name;
	const struct file_operations *fops;
	const struct callsite *site; /* who registered it (janus/callsite.h) */
};

struct devnode {
	struct devnode *next;
	char name[32];
	struct inode inode;
};

static struct chrdev majors[CHRDEV_MAJOR_MAX];
static struct devnode *devnodes;
static DEFINE_MUTEX(chrdevs_lock); /* both tables; registering may sleep */

static int chrdev_open(struct inode *inode, struct file *file);

static const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

static int find_dynamic_major(void)
{
	for (int major = CHRDEV_MAJOR_MAX - 2; major >= CHRDEV_MAJOR_DYN_END; major--)
		if (!majors[major].fops)
			return major;
	return -EBUSY;
}

static int add_major(unsigned int major, const char *name, const struct file_operations *fops,
		     const struct callsite *site)
{
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || !fops || !name)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	ret = major ? (int)major : find_dynamic_major();
	if (ret > 0 && majors[ret].fops) {
		pr_warn("CHRDEV \"%s\" major %d is taken by \"%s\"\n", name, ret, majors[ret].name);
		ret = -EBUSY;
	}
	if (ret > 0)
		majors[ret] = (struct chrdev){ name, fops, site };
	mutex_unlock(&chrdevs_lock);
	return ret;
}

int __register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	return add_major(major, name, fops, NULL);
}

int devtmpfs_create(const char *name, dev_t dev)
{
	struct devnode *node = kzalloc(sizeof(*node), GFP_KERNEL);

	if (!node)
		return -ENOMEM;
	strscpy(node->name, name, sizeof(node->name));
	node->inode = (struct inode){ .i_rdev = dev, .i_fop = &def_chr_fops };
	mutex_lock(&chrdevs_lock);
	if (devtmpfs_lookup(name)) {
		mutex_unlock(&chrdevs_lock);
		kfree(node);
		return -EEXIST;
	}
	/* A node removed earlier under this name comes back (nodes are never
	 * freed): a driver loaded and unloaded again and again costs nothing. */
	for (struct devnode *n = devnodes; n; n = n->next) {
		if (!strcmp(n->name, name)) {
			n->inode.i_rdev = dev;
			WRITE_ONCE(n->inode.i_fop, &def_chr_fops);
			mutex_unlock(&chrdevs_lock);
			kfree(node);
			return 0;
		}
	}
	node->next = devnodes;
	devnodes = node;
	mutex_unlock(&chrdevs_lock);
	return 0;
}

/* Nodes are added at the head and never freed while the list is walked
 * without the lock: a removed node is unlinked but kept (an open file may
 * still point at its inode). */
struct inode *devtmpfs_lookup(const char *name)
{
	for (struct devnode *n = READ_ONCE(devnodes); n; n = READ_ONCE(n->next))
		if (!strcmp(n->name, name) && n->inode.i_fop)
			return &n->inode;
	return NULL;
}

int register_chrdev_at(unsigned int major, const char *name, const struct file_operations *fops,
		       const struct callsite *site)
{
	int ret = add_major(major, name, fops, site);
	int err;

	if (ret < 0)
		return ret;
	err = devtmpfs_create(name, MKDEV((unsigned int)ret, 0u));
	if (err)
		pr_warn("CHRDEV \"%s\": no /dev/%s (%d)\n", name, name, err);
	return major ? 0 : ret;
}
EXPORT_SYMBOL(register_chrdev_at);

void unregister_chrdev(unsigned int major, const char *name)
{
	mutex_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX && majors[major].fops && !strcmp(majors[major].name, name)) {
		majors[major] = (struct chrdev){ 0 };
		for (struct devnode *n = devnodes; n; n = n->next)
			if (MAJOR(n->inode.i_rdev) == major)
				n->inode.i_fop = NULL; /* gone from /dev */
	} else {
		pr_warn("unregister_chrdev: no major %u named \"%s\"\n", major, name);
	}
	mutex_unlock(&chrdevs_lock);
}
EXPORT_SYMBOL(unregister_chrdev);

/* The driver's operations, and a hold on the module they belong to
 * (.owner = THIS_MODULE) for as long as the file is open: taken under the
 * lock, so the module cannot finish unregistering in between. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	struct devnode *node = container_of(inode, struct devnode, inode);
	const struct file_operations *fops;
	struct module_holder *hold = NULL;
	char what[40];
	int err;

	snprintf(what, sizeof(what), "/dev/%s", node->name);
	mutex_lock(&chrdevs_lock);
	fops = majors[MAJOR(inode->i_rdev)].fops;
	if (fops)
		hold = module_hold(fops->owner, what);
	mutex_unlock(&chrdevs_lock);
	if (!fops || IS_ERR(hold))
		return -ENXIO; /* unregistered, or its module is going away */
	file->f_op = fops;
	file->f_hold = hold;
	err = fops->open ? fops->open(inode, file) : 0;
	if (err) {
		file->f_hold = NULL;
		module_unhold(hold);
	}
	return err;
}

/* What a module left registered: majors whose operations are its own or
 * that it registered, with their /dev nodes (include/janus/leftovers.h). */
static unsigned int chrdev_leftovers(struct module *mod)
{
	unsigned int found = 0;

	mutex_lock(&chrdevs_lock);
	for (unsigned int major = 0; major < CHRDEV_MAJOR_MAX; major++) {
		const struct chrdev *c = &majors[major];

		if (!c->fops || (!owned_by_module(mod, c->site, c->fops) && c->fops->owner != mod))
			continue;
		module_leftover(mod, c->site, "char device major %u (\"%s\") still registered", major,
				c->name);
		found++;
	}
	mutex_unlock(&chrdevs_lock);
	return found;
}
MODULE_LEFTOVER_CHECK(chrdev, chrdev_leftovers);
