/*
 * PCI for drivers, Linux's API (drivers/pci/): the devices the boot-time scan
 * found, their configuration space, and binding drivers to them.
 *
 * A driver declares which devices it handles in an id table and registers:
 *
 *     static const struct pci_device_id ids[] = { { PCI_DEVICE(0x8086, 0x100e) }, { } };
 *     static struct pci_driver drv = { .name = "e1000", .id_table = ids,
 *                                      .probe = e1000_probe, .remove = e1000_remove };
 *     module_pci_driver(drv);
 *
 * probe(pdev, id) then runs once for every matching device, in process
 * context: it calls pci_enable_device(), maps its registers with
 * pci_iomap(), turns on DMA with pci_set_master(), picks an interrupt with
 * pci_alloc_irq_vectors() and request_irq(pci_irq_vector(pdev, 0), ...).
 * remove(pdev) undoes all of it, in the reverse order.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H
#include <linux/device.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/pci_ids.h>
#include <linux/types.h>
#include <uapi/linux/pci_regs.h>

#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)

#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6
#define PCI_NUM_RESOURCES 7

#define PCI_ANY_ID (~0u)

struct pci_bus {
	struct pci_bus *parent; /* NULL for bus 0 */
	struct pci_dev *self;   /* the bridge leading here; NULL for bus 0 */
	unsigned char number;
};

struct msi_desc;

struct pci_dev {
	struct list_head bus_list; /* on the list of every device, in scan order */
	struct pci_bus *bus;
	struct pci_bus *subordinate; /* a bridge's secondary bus */
	unsigned int devfn;
	unsigned short vendor, device;
	unsigned short subsystem_vendor, subsystem_device;
	unsigned int class; /* base class << 16 | subclass << 8 | programming interface */
	u8 revision;
	u8 hdr_type;
	u8 pin;     /* 1-4: INTA#-INTD#; 0: no INTx pin */
	u8 msi_cap; /* offset of the MSI capability, or 0 */
	unsigned int irq; /* INTx line after pci_enable_device(), or an MSI vector's IRQ */
	struct resource resource[PCI_NUM_RESOURCES]; /* BARs 0-5, then the ROM */
	struct pci_driver *driver;
	struct device dev;
	struct msi_desc *msi_desc; /* while MSI is on */
	unsigned int enable_cnt;   /* pci_enable_device() calls not yet undone */
	bool is_busmaster;
	bool msi_enabled;
};

/* A row of a driver's id table; PCI_ANY_ID matches anything. */
struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask; /* matches if (dev->class ^ class) & class_mask is 0 */
	unsigned long driver_data;
};

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, .class = (dev_class), .class_mask = (dev_class_mask)
#define MODULE_DEVICE_TABLE(type, name)

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table; /* ends with an all-zero row */
	/* Process context; may sleep. 0 binds the driver to dev. */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	/* Process context; may sleep. Undo everything probe did. */
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
	struct list_head node; /* on the core's list of drivers */
};

#define to_pci_dev(d) container_of(d, struct pci_dev, dev)
#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar) ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar) \
	(pci_resource_end(dev, bar) ? resource_size(&(dev)->resource[(bar)]) : 0)

/**
 * pci_name() - A PCI device's address as its name, "0000:00:03.0".
 * @pdev: the device
 *
 * Context: any context; does not sleep.
 * Return: the name.
 */
static inline const char *pci_name(const struct pci_dev *pdev) { return dev_name(&pdev->dev); }

/**
 * pci_get_drvdata() - The driver's private data for a PCI device.
 * @pdev: the device
 *
 * Context: any context; does not sleep.
 * Return: what pci_set_drvdata() stored, or NULL.
 */
static inline void *pci_get_drvdata(struct pci_dev *pdev) { return dev_get_drvdata(&pdev->dev); }

/**
 * pci_set_drvdata() - Attach the driver's private data to a PCI device (its probe does).
 * @pdev: the device
 * @data: the data
 *
 * Context: any context; does not sleep.
 */
static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* Configuration space (drivers/pci/access.c). Any context. 0 or -EINVAL. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pci_find_capability(struct pci_dev *dev, int cap);

/* Drivers (drivers/pci/pci-driver.c). */
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev);
/* Unbinding one device and offering it to the drivers again (sysfs unbind/bind).
 * Process context; may sleep. */
void device_release_driver(struct device *dev);
int device_attach(struct device *dev);
#define module_pci_driver(__pci_driver)                                          \
	static int __init __pci_driver##_init(void)                              \
	{                                                                        \
		return pci_register_driver(&(__pci_driver));                     \
	}                                                                        \
	module_init(__pci_driver##_init);                                        \
	static void __exit __pci_driver##_exit(void)                             \
	{                                                                        \
		pci_unregister_driver(&(__pci_driver));                          \
	}                                                                        \
	module_exit(__pci_driver##_exit)

/* The devices (drivers/pci/probe.c). */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

/* Turning a device on (drivers/pci/pci.c). Process context. */
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

/* Interrupts (drivers/pci/msi.c): MSI if the device and the machine can, else INTx. */
#define PCI_IRQ_LEGACY (1u << 0)
#define PCI_IRQ_INTX PCI_IRQ_LEGACY
#define PCI_IRQ_MSI (1u << 1)
#define PCI_IRQ_ALL_TYPES (PCI_IRQ_LEGACY | PCI_IRQ_MSI)
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
void pci_free_irq_vectors(struct pci_dev *dev);

struct seq_file;
/* /proc/bus/pci/devices, Linux's format (drivers/pci/proc.c). */
int pci_devices_show(struct seq_file *m, void *v);

#endif
