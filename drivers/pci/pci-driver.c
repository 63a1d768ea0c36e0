/*
 * Binding drivers to devices: a driver's id table is matched against every
 * device the scan found; on a match its probe() runs, and a probe that
 * returns 0 owns the device until pci_unregister_driver() calls remove().
 * After remove() the core checks that the driver gave the device back as it
 * found it (interrupt vectors freed, device disabled) and cleans up and warns
 * if not, so a buggy driver cannot leave a device doing DMA behind it.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/pci.h>

static DEFINE_MUTEX(pci_bind_lock); /* every dev->driver, and the list of drivers */
static LIST_HEAD(pci_drivers);       /* registered drivers, oldest first */

static bool id_matches(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

/**
 * pci_match_id() - Find @dev in an id table.
 * @ids: the table, ending with an all-zero row
 * @dev: the device
 *
 * Context: any context.
 * Return: the first matching row, or NULL.
 */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev)
{
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (id_matches(ids, dev))
			return ids;
	return NULL;
}

/* What a driver must have undone by the end of remove(), or of a failed probe. */
static void check_leftovers(struct pci_dev *dev, struct pci_driver *drv, const char *when)
{
	if (WARN(dev->msi_enabled, "%s %s: %s left its MSI vector allocated\n", drv->name,
		 pci_name(dev), when))
		pci_free_irq_vectors(dev);
	if (WARN(dev->enable_cnt, "%s %s: %s left the device enabled\n", drv->name, pci_name(dev),
		 when))
		while (dev->enable_cnt)
			pci_disable_device(dev);
}

/* pci_bind_lock held. */
static void bind(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, dev);
	int err;

	if (dev->driver || !id)
		return;
	dev->driver = drv;
	dev->dev.driver = &drv->driver;
	err = drv->probe(dev, id);
	if (!err)
		return;
	if (err != -ENODEV)
		dev_warn(&dev->dev, "probe failed with error %d\n", err);
	check_leftovers(dev, drv, "failed probe()");
	dev->driver = NULL;
	dev->dev.driver = NULL;
	dev_set_drvdata(&dev->dev, NULL);
}

/* pci_bind_lock held. */
static void unbind(struct pci_dev *dev)
{
	struct pci_driver *drv = dev->driver;

	if (drv->remove)
		drv->remove(dev);
	check_leftovers(dev, drv, "remove()");
	dev->driver = NULL;
	dev->dev.driver = NULL;
	dev_set_drvdata(&dev->dev, NULL);
}

/**
 * pci_register_driver() - Offer a driver the devices it claims.
 * @drv: the driver: name, id_table, probe and remove
 *
 * probe() runs now, in this context, once for each matching device that no
 * other driver owns.
 *
 * Context: process context; may sleep (probe() may).
 * Return: 0 (a probe failing is reported but does not fail registration),
 * or -EINVAL for a driver without a name, an id table or a probe().
 */
int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	if (!drv->name || !drv->id_table || !drv->probe)
		return -EINVAL;
	drv->driver.name = drv->name;
	mutex_lock(&pci_bind_lock);
	list_add_tail(&drv->node, &pci_drivers);
	for_each_pci_dev(dev)
		bind(drv, dev);
	mutex_unlock(&pci_bind_lock);
	return 0;
}
EXPORT_SYMBOL(pci_register_driver);

/**
 * pci_unregister_driver() - Take a driver off every device it owns.
 * @drv: a registered driver
 *
 * remove() runs for each of its devices, then the core checks what it left.
 *
 * Context: process context; may sleep (remove() may).
 */
void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev = NULL;

	mutex_lock(&pci_bind_lock);
	for_each_pci_dev(dev)
		if (dev->driver == drv)
			unbind(dev);
	list_del(&drv->node);
	mutex_unlock(&pci_bind_lock);
}
EXPORT_SYMBOL(pci_unregister_driver);

/* The PCI function @dev is, or NULL: PCI is the only bus that binds drivers here. */
static struct pci_dev *pci_dev_of(struct device *dev)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev)
		if (&pdev->dev == dev)
			return pdev;
	return NULL;
}

/**
 * device_release_driver() - Take @dev away from its driver (Linux's sysfs "unbind").
 * @dev: a PCI function's struct device
 *
 * The driver's remove() runs, then the core checks what it left behind. The
 * device stays unbound until device_attach() or a new driver claims it.
 *
 * Context: process context; may sleep (remove() may).
 */
void device_release_driver(struct device *dev)
{
	struct pci_dev *pdev;

	mutex_lock(&pci_bind_lock);
	pdev = pci_dev_of(dev);
	if (pdev && pdev->driver)
		unbind(pdev);
	mutex_unlock(&pci_bind_lock);
}

/**
 * device_attach() - Offer an unbound @dev to every registered driver (sysfs "bind").
 * @dev: a PCI function's struct device
 *
 * Drivers are tried in the order they registered; the first probe() that
 * returns 0 owns the device.
 *
 * Context: process context; may sleep (probe() may).
 * Return: 1 if the device is bound (now or already), 0 if no driver took it,
 * -ENODEV if @dev is not a PCI function.
 */
int device_attach(struct device *dev)
{
	struct pci_driver *drv;
	struct pci_dev *pdev;
	int ret = -ENODEV;

	mutex_lock(&pci_bind_lock);
	pdev = pci_dev_of(dev);
	if (pdev) {
		list_for_each_entry(drv, &pci_drivers, node)
			bind(drv, pdev);
		ret = pdev->driver ? 1 : 0;
	}
	mutex_unlock(&pci_bind_lock);
	return ret;
}
