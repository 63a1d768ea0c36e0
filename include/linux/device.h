/*
 * Device classes and devices, as far as a char driver needs them
 * (kernel/fs/device.c): a class groups devices, and device_create() makes
 * the /dev node for a device number (udev's job in Linux, devtmpfs here):
 *
 *   cls = class_create("mydev");                 Linux 6.4+: the name only
 *   dev = device_create(cls, NULL, devt, NULL, "mydev%d", 0);   /dev/mydev0
 *   dev_info(dev, "ready\n");                    "mydev mydev0: ready"
 *   device_destroy(cls, devt); class_destroy(cls);
 *
 * class_create and device_create are GPL-only exports, as in Linux.
 * Process context only.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/types.h>
#include <janus/callsite.h>

struct class {
	const char *name;
	struct list_head devices;    /* its struct device's */
	struct list_head list;       /* on the list of classes */
	const struct callsite *site; /* who created it (janus/callsite.h) */
};

/* A driver a bus binds to devices (a PCI driver's .driver). */
struct device_driver {
	const char *name;
};

struct device {
	struct device *parent;
	struct class *class;
	dev_t devt;
	struct device_driver *driver; /* bound by a bus (PCI), or NULL */
	void *driver_data;
	u64 dma_mask;                 /* the addresses its DMA can reach (dma_set_mask()) */
	char name[32];
	struct list_head class_node;
	const struct callsite *site;
};

/**
 * class_create_at() - Create a device class.
 * @name: its name
 * @site: the caller's file and line (the class_create() macro passes CALLSITE())
 *
 * Context: process context; may sleep.
 * Return: the class, or ERR_PTR(-ENOMEM).
 */
struct class *class_create_at(const char *name, const struct callsite *site);
#define class_create(name) class_create_at(name, CALLSITE("class_create"))
/**
 * class_destroy() - Destroy a class (its devices first, with device_destroy()).
 * @cls: the class (an ERR_PTR or NULL does nothing)
 *
 * Context: process context; may sleep.
 */
void class_destroy(struct class *cls);
/**
 * device_create_at() - Create a device and its /dev node.
 * @site:    the caller's file and line (the device_create() macro passes CALLSITE())
 * @cls:     its class
 * @parent:  its parent device, or NULL
 * @devt:    its device number: opening the node opens this number's cdev
 * @drvdata: for dev_get_drvdata()
 * @fmt:     its name, printf-style: the node is /dev/NAME
 * @...:     the name's arguments
 *
 * Context: process context; may sleep.
 * Return: the device; ERR_PTR(-EEXIST) if /dev/NAME exists, ERR_PTR(-ENOMEM).
 */
__printf(6, 7) struct device *device_create_at(const struct callsite *site, struct class *cls,
					       struct device *parent, dev_t devt, void *drvdata,
					       const char *fmt, ...);
#define device_create(cls, parent, devt, drvdata, fmt, ...)                              \
	device_create_at(CALLSITE("device_create"), cls, parent, devt, drvdata, fmt,     \
			 ##__VA_ARGS__)
/**
 * device_destroy() - Remove the device of a class with that number, and its node.
 * @cls:  the class
 * @devt: the device number
 *
 * Context: process context; may sleep.
 */
void device_destroy(struct class *cls, dev_t devt);

/**
 * dev_name() - A device's name ("0000:00:03.0", "irqwait").
 * @dev: the device
 *
 * Context: any context; does not sleep.
 * Return: the name.
 */
static inline const char *dev_name(const struct device *dev) { return dev->name; }

/**
 * dev_get_drvdata() - The driver's private data for a device.
 * @dev: the device
 *
 * Context: any context; does not sleep.
 * Return: what dev_set_drvdata() stored, or NULL.
 */
static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }

/**
 * dev_set_drvdata() - Attach the driver's private data to a device (its probe does).
 * @dev:  the device
 * @data: the data
 *
 * Context: any context; does not sleep.
 */
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }

/**
 * dev_driver_string() - What dev_printk names first: the bound driver, or the class.
 * @dev: the device
 *
 * As Linux's "e1000 0000:00:03.0: ".
 *
 * Context: any context; does not sleep.
 * Return: the driver's or the class's name, or "".
 */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->driver ? dev->driver->name : dev->class ? dev->class->name : "";
}

#define dev_printk(level, dev, fmt, ...) \
	printk(level "%s %s: " fmt, dev_driver_string(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif
