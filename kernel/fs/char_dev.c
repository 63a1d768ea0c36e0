/*
 * Character devices: a table of majors, each with its driver's
 * file_operations, and /dev, a list of named nodes (a device number each).
 * Opening a node finds the major's operations and calls the driver's open,
 * which may pick other operations by minor (drivers/mem.c does).
 * register_chrdev also publishes /dev/NAME for minor 0, as udev would.
 */
#include <linux/cdev.h>
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

/* A major: reserved by name (a region), with operations once registered. */
struct chrdev {
	const char *name;
	const struct file_operations *fops;
	const struct callsite *site; /* who registered it (janus/callsite.h) */
	struct cdev *cdev;           /* for a major registered by cdev_add */
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
		if (!majors[major].name)
			return major;
	return -EBUSY;
}

static int add_major(unsigned int major, const char *name, const struct file_operations *fops,
		     const struct callsite *site)
{
	int ret;

	if (major >= CHRDEV_MAJOR_MAX || !name)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	ret = major ? (int)major : find_dynamic_major();
	if (ret > 0 && majors[ret].name) {
		pr_warn("CHRDEV \"%s\" major %d is taken by \"%s\"\n", name, ret, majors[ret].name);
		ret = -EBUSY;
	}
	if (ret > 0)
		majors[ret] = (struct chrdev){ name, fops, site, NULL };
	mutex_unlock(&chrdevs_lock);
	return ret;
}

/**
 * __register_chrdev() - Register a major without publishing a /dev node.
 * @major: the major, or 0 for a free one
 * @name:  the driver's name
 * @fops:  its file operations, for every minor
 *
 * For drivers with several minors, which publish their nodes themselves
 * (devtmpfs_create()).
 *
 * Context: process context; may sleep (the table's mutex).
 * Return: the major, -EBUSY if it is taken, -EINVAL.
 */
int __register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	return fops ? add_major(major, name, fops, NULL) : -EINVAL;
}

/**
 * devtmpfs_create() - Publish /dev/@name for device number @dev.
 * @name: the node's name
 * @dev:  its device number (MKDEV(major, minor))
 *
 * A node removed earlier under the same name is reused.
 *
 * Context: process context; may sleep (allocates, the table's mutex).
 * Return: 0, -EEXIST if /dev/@name exists, -ENOMEM.
 */
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

/**
 * devtmpfs_lookup() - The inode of /dev/@name.
 * @name: the node's name
 *
 * Walks the list without the lock: nodes are added at the head and never
 * freed (a removed node is kept: an open file may still point at its inode).
 *
 * Context: any context; does not sleep.
 * Return: the inode, or NULL if there is no such node.
 */
struct inode *devtmpfs_lookup(const char *name)
{
	for (struct devnode *n = READ_ONCE(devnodes); n; n = READ_ONCE(n->next))
		if (!strcmp(n->name, name) && n->inode.i_fop)
			return &n->inode;
	return NULL;
}

/**
 * devtmpfs_name_at() - The name of /dev's @i-th node, for listing the directory.
 * @i: from 0
 *
 * Context: any context (the list is only ever added to at its head).
 * Return: the name, or NULL past the last one.
 */
const char *devtmpfs_name_at(unsigned int i)
{
	for (struct devnode *n = READ_ONCE(devnodes); n; n = READ_ONCE(n->next))
		if (n->inode.i_fop && !i--)
			return n->name;
	return NULL;
}

int register_chrdev_at(unsigned int major, const char *name, const struct file_operations *fops,
		       const struct callsite *site)
{
	int ret = fops ? add_major(major, name, fops, site) : -EINVAL;
	int err;

	if (ret < 0)
		return ret;
	err = devtmpfs_create(name, MKDEV((unsigned int)ret, 0u));
	if (err)
		pr_warn("CHRDEV \"%s\": no /dev/%s (%d)\n", name, name, err);
	return major ? 0 : ret;
}
EXPORT_SYMBOL(register_chrdev_at);

/**
 * unregister_chrdev() - Undo register_chrdev(): the major and its /dev nodes go.
 * @major: the major
 * @name:  the name it was registered with (a mismatch is warned about and ignored)
 *
 * Files already open keep working.
 *
 * Context: process context; may sleep (the table's mutex).
 */
void unregister_chrdev(unsigned int major, const char *name)
{
	mutex_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX && majors[major].name && !strcmp(majors[major].name, name)) {
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

int register_chrdev_region_at(dev_t from, unsigned int count, const char *name,
			      const struct callsite *site)
{
	int ret = add_major(MAJOR(from), name, NULL, site);

	(void)count; /* a major holds all its minors */
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL(register_chrdev_region_at);

int alloc_chrdev_region_at(dev_t *dev, unsigned int baseminor, unsigned int count,
			   const char *name, const struct callsite *site)
{
	int major = add_major(0, name, NULL, site);

	(void)count;
	if (major < 0)
		return major;
	*dev = MKDEV((unsigned int)major, baseminor);
	return 0;
}
EXPORT_SYMBOL(alloc_chrdev_region_at);

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	unsigned int major = MAJOR(from);

	(void)count;
	mutex_lock(&chrdevs_lock);
	if (major < CHRDEV_MAJOR_MAX && majors[major].name)
		majors[major] = (struct chrdev){ 0 };
	else
		pr_warn("unregister_chrdev_region: major %u is not registered\n", major);
	mutex_unlock(&chrdevs_lock);
}
EXPORT_SYMBOL(unregister_chrdev_region);

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	*cdev = (struct cdev){ .ops = fops };
	INIT_LIST_HEAD(&cdev->list);
}
EXPORT_SYMBOL(cdev_init);

int cdev_add_at(struct cdev *p, dev_t dev, unsigned int count, const struct callsite *site)
{
	struct chrdev *c = &majors[MAJOR(dev)];
	int err = 0;

	if (MAJOR(dev) >= CHRDEV_MAJOR_MAX || !p->ops)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	if (c->fops) {
		err = -EBUSY; /* Janus: one cdev per major */
	} else {
		p->dev = dev;
		p->count = count;
		c->fops = p->ops;
		c->cdev = p;
		c->site = site;
		c->name = c->name ?: "cdev";
	}
	mutex_unlock(&chrdevs_lock);
	return err;
}
EXPORT_SYMBOL(cdev_add_at);

void cdev_del(struct cdev *p)
{
	struct chrdev *c = &majors[MAJOR(p->dev)];

	mutex_lock(&chrdevs_lock);
	if (c->cdev == p) {
		c->fops = NULL;
		c->cdev = NULL;
	}
	mutex_unlock(&chrdevs_lock);
}
EXPORT_SYMBOL(cdev_del);

/**
 * devtmpfs_remove() - Take /dev/@name away.
 * @name: the node's name
 *
 * Files already open keep working.
 *
 * Context: process context; may sleep (the table's mutex).
 * Return: 0, or -ENOENT if there is no such node.
 */
int devtmpfs_remove(const char *name)
{
	int err = -ENOENT;

	mutex_lock(&chrdevs_lock);
	for (struct devnode *n = devnodes; n; n = n->next) {
		if (!strcmp(n->name, name) && n->inode.i_fop) {
			WRITE_ONCE(n->inode.i_fop, NULL);
			err = 0;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return err;
}

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

		if (!c->name || (!owned_by_module(mod, c->site, c->fops) &&
				 !owned_by_module(mod, NULL, c->name) && !(c->fops && c->fops->owner == mod)))
			continue;
		module_leftover(mod, c->site, "char device %s %u (\"%s\") still registered",
				c->fops ? "major" : "region, major", major, c->name);
		found++;
	}
	mutex_unlock(&chrdevs_lock);
	return found;
}
MODULE_LEFTOVER_CHECK(chrdev, chrdev_leftovers);
