/*
 * Character devices the Linux 2.6+ way (kernel/fs/char_dev.c): reserve a
 * range of device numbers, then add a struct cdev with the operations:
 *
 *   alloc_chrdev_region(&dev, 0, 1, "mydev");   a free major (dynamic)
 *   cdev_init(&cdev, &fops); cdev.owner = THIS_MODULE;
 *   cdev_add(&cdev, dev, 1);                    live: open() reaches fops
 *   ...
 *   cdev_del(&cdev); unregister_chrdev_region(dev, 1);
 *
 * The /dev node comes from device_create() (linux/device.h). In Janus a
 * major holds one cdev, for all its minors. All of it is process context.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/types.h>
#include <janus/callsite.h>

struct module;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};

/**
 * cdev_init() - Prepare a cdev with its operations.
 * @cdev: the cdev (usually part of the driver's device structure)
 * @fops: its file operations
 *
 * Context: any context.
 */
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
/**
 * cdev_add_at() - Make a cdev live for device numbers [@dev, @dev + @count).
 * @p:     the initialised cdev
 * @dev:   its first device number
 * @count: how many minors
 * @site:  the caller's file and line (the cdev_add() macro passes CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: 0, -EINVAL, or -EBUSY if the major already has operations.
 */
int cdev_add_at(struct cdev *p, dev_t dev, unsigned int count, const struct callsite *site);
#define cdev_add(p, dev, count) cdev_add_at(p, dev, count, CALLSITE("cdev_add"))
/**
 * cdev_del() - Take a cdev out: open() of its numbers fails from now on.
 * @p: the cdev (files already open keep working)
 *
 * Context: process context; may sleep.
 */
void cdev_del(struct cdev *p);

/**
 * alloc_chrdev_region_at() - Reserve a free (dynamic) major.
 * @dev:       where the first device number goes
 * @baseminor: the first minor
 * @count:     how many minors
 * @name:      the name, as /proc/devices would show it
 * @site:      the caller's file and line (alloc_chrdev_region() passes CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: 0, or -EBUSY if no dynamic major is free.
 */
int alloc_chrdev_region_at(dev_t *dev, unsigned int baseminor, unsigned int count,
			   const char *name, const struct callsite *site);
#define alloc_chrdev_region(dev, baseminor, count, name) \
	alloc_chrdev_region_at(dev, baseminor, count, name, CALLSITE("alloc_chrdev_region"))
/**
 * register_chrdev_region_at() - Reserve a given major.
 * @from:  the first device number
 * @count: how many minors
 * @name:  the name
 * @site:  the caller's file and line (register_chrdev_region() passes CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: 0, -EINVAL, or -EBUSY if the major is taken.
 */
int register_chrdev_region_at(dev_t from, unsigned int count, const char *name,
			      const struct callsite *site);
#define register_chrdev_region(from, count, name) \
	register_chrdev_region_at(from, count, name, CALLSITE("register_chrdev_region"))
/**
 * unregister_chrdev_region() - Give back a reserved range.
 * @from:  its first device number
 * @count: how many minors
 *
 * Context: process context; may sleep.
 */
void unregister_chrdev_region(dev_t from, unsigned int count);

#endif
