/*
 * Device classes and devices (include/linux/device.h): enough of Linux's
 * device model for a char driver to publish /dev nodes. A class is a named
 * list of devices; device_create() makes /dev/NAME for a device number
 * (devtmpfs, kernel/fs/char_dev.c) and device_destroy() removes it. Both
 * remember who created them, for the module unload checks.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/leftovers.h>
#include <janus/vfs.h>

static LIST_HEAD(classes);
static DEFINE_MUTEX(classes_lock); /* the classes and their devices */

struct class *class_create_at(const char *name, const struct callsite *site)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	cls->site = site;
	INIT_LIST_HEAD(&cls->devices);
	mutex_lock(&classes_lock);
	list_add_tail(&cls->list, &classes);
	mutex_unlock(&classes_lock);
	return cls;
}
EXPORT_SYMBOL_GPL(class_create_at);

void class_destroy(struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	mutex_lock(&classes_lock);
	WARN(!list_empty(&cls->devices), "class_destroy(%s): its devices are still there\n",
	     cls->name);
	list_del(&cls->list);
	mutex_unlock(&classes_lock);
	kfree(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);

struct device *device_create_at(const struct callsite *site, struct class *cls,
				struct device *parent, dev_t devt, void *drvdata, const char *fmt,
				...)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	va_list args;
	int err;

	if (!dev)
		return ERR_PTR(-ENOMEM);
	*dev = (struct device){ .parent = parent, .class = cls, .devt = devt,
				.driver_data = drvdata, .site = site };
	va_start(args, fmt);
	vsnprintf(dev->name, sizeof(dev->name), fmt, args);
	va_end(args);
	err = devtmpfs_create(dev->name, devt);
	if (err) {
		kfree(dev);
		return ERR_PTR(err);
	}
	mutex_lock(&classes_lock);
	list_add_tail(&dev->class_node, &cls->devices);
	mutex_unlock(&classes_lock);
	return dev;
}
EXPORT_SYMBOL_GPL(device_create_at);

void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev, *found = NULL;

	mutex_lock(&classes_lock);
	list_for_each_entry(dev, &cls->devices, class_node) {
		if (dev->devt == devt) {
			found = dev;
			list_del(&dev->class_node);
			break;
		}
	}
	mutex_unlock(&classes_lock);
	if (found) {
		devtmpfs_remove(found->name);
		kfree(found);
	}
}
EXPORT_SYMBOL_GPL(device_destroy);

/* What a module left in the device model: classes it created and did not
 * destroy, and their devices, /dev nodes included (include/janus/leftovers.h). */
static unsigned int device_leftovers(struct module *mod)
{
	unsigned int found = 0;
	struct class *cls;
	struct device *dev;

	mutex_lock(&classes_lock);
	list_for_each_entry(cls, &classes, list) {
		list_for_each_entry(dev, &cls->devices, class_node) {
			if (owned_by_module(mod, dev->site, NULL)) {
				module_leftover(mod, dev->site, "device %s (/dev/%s) still present",
						dev->name, dev->name);
				found++;
			}
		}
		if (owned_by_module(mod, cls->site, cls->name)) {
			module_leftover(mod, cls->site, "class %s still registered", cls->name);
			found++;
		}
	}
	mutex_unlock(&classes_lock);
	return found;
}
MODULE_LEFTOVER_CHECK(device, device_leftovers);
