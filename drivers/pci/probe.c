/*
 * Finding the PCI devices, once at boot: every slot of bus 0, every function
 * of a multi-function device, and the buses behind PCI-to-PCI bridges. For
 * each function: its ids and class, its interrupt pin, and the size of each
 * BAR, learned the standard way (write all ones, read back which address
 * bits stick, put the old value back) with decoding off meanwhile. The
 * firmware has already given every BAR its address; Janus keeps them.
 */
#include <asm/pci.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

/* Written once by the scan, before any driver registers; read-only after. */
static LIST_HEAD(pci_devices);
static struct pci_bus pci_root_bus;

static void read_bar(struct pci_dev *dev, int reg, struct resource *res, u32 orig, u32 mask)
{
	bool io = orig & PCI_BASE_ADDRESS_SPACE_IO;
	u32 bits = mask & (io ? PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK);
	u32 size = bits & -bits; /* the lowest address bit the device decodes */

	res->name = pci_name(dev);
	res->start = orig & (io ? PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK);
	res->end = res->start + size - 1;
	res->flags = (io ? IORESOURCE_IO : IORESOURCE_MEM) | (orig & ~(io ? PCI_BASE_ADDRESS_IO_MASK :
									 PCI_BASE_ADDRESS_MEM_MASK));
	if (!io && (orig & PCI_BASE_ADDRESS_MEM_PREFETCH))
		res->flags |= IORESOURCE_PREFETCH;
	if (!io && (orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64) {
		u32 high;
		res->flags |= IORESOURCE_MEM_64;
		pci_read_config_dword(dev, reg + 4, &high);
		if (high) /* above 4 GiB: out of reach of a 32-bit kernel */
			res->flags |= IORESOURCE_UNSET;
	}
	if (!res->start)
		res->flags |= IORESOURCE_UNSET;
}

/* What address bits of register reg the device implements (decoding is off). */
static u32 probe_mask(struct pci_dev *dev, int reg, u32 ones, u32 *orig)
{
	u32 mask;

	pci_read_config_dword(dev, reg, orig);
	pci_write_config_dword(dev, reg, ones);
	pci_read_config_dword(dev, reg, &mask);
	pci_write_config_dword(dev, reg, *orig);
	return mask;
}

static void read_bases(struct pci_dev *dev, int nr_bars, int rom_reg)
{
	u16 cmd;
	u32 orig, mask;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	pci_write_config_word(dev, PCI_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int bar = 0; bar < nr_bars; bar++) {
		int reg = PCI_BASE_ADDRESS_0 + 4 * bar;
		mask = probe_mask(dev, reg, ~0u, &orig);
		if (!mask || mask == ~0u) /* not implemented */
			continue;
		read_bar(dev, reg, &dev->resource[bar], orig, mask);
		if (dev->resource[bar].flags & IORESOURCE_MEM_64)
			bar++; /* its upper half is the next register */
	}
	mask = probe_mask(dev, rom_reg, PCI_ROM_ADDRESS_MASK, &orig) & PCI_ROM_ADDRESS_MASK;
	if (mask) {
		struct resource *res = &dev->resource[PCI_ROM_RESOURCE];
		res->name = pci_name(dev);
		res->start = orig & PCI_ROM_ADDRESS_MASK;
		res->end = res->start + (mask & -mask) - 1;
		res->flags = IORESOURCE_MEM | IORESOURCE_PREFETCH | IORESOURCE_READONLY |
			     (orig & PCI_ROM_ADDRESS_ENABLE) | (res->start ? 0 : IORESOURCE_UNSET);
	}
	pci_write_config_word(dev, PCI_COMMAND, cmd);
}

static void pci_scan_bus(struct pci_bus *bus);

static void scan_bridge(struct pci_dev *bridge)
{
	struct pci_bus *child;
	u8 secondary;

	pci_read_config_byte(bridge, PCI_SECONDARY_BUS, &secondary);
	if (secondary <= bridge->bus->number) { /* unconfigured, or a loop */
		dev_warn(&bridge->dev, "bridge to bus %u not configured by the firmware\n", secondary);
		return;
	}
	child = kzalloc(sizeof(*child), GFP_KERNEL);
	if (!child)
		return;
	*child = (struct pci_bus){ .parent = bridge->bus, .self = bridge, .number = secondary };
	bridge->subordinate = child;
	pci_scan_bus(child);
}

/* The function at bus:devfn, added to the device list; NULL if none answers. */
static struct pci_dev *pci_scan_device(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 id, class_rev, subsys;
	bool bridge;

	raw_pci_read(bus->number, devfn, PCI_VENDOR_ID, 4, &id);
	if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0)
		return NULL;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	dev->dev.parent = bus->self ? &bus->self->dev : NULL;
	dev->dev.dma_mask = 0xffffffffull; /* 32-bit DMA until the driver says otherwise */
	snprintf(dev->dev.name, sizeof(dev->dev.name), "0000:%02x:%02x.%u", bus->number,
		 PCI_SLOT(devfn), PCI_FUNC(devfn));
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &dev->hdr_type);
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	if (dev->pin) { /* what the firmware routed it to (arch/x86/pci.c) */
		u8 line;
		pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
		dev->irq = line < 16 ? line : 0;
	}
	bridge = (dev->hdr_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_TYPE_BRIDGE;
	if (!bridge) {
		pci_read_config_dword(dev, PCI_SUBSYSTEM_VENDOR_ID, &subsys);
		dev->subsystem_vendor = subsys & 0xffff;
		dev->subsystem_device = subsys >> 16;
	}
	read_bases(dev, bridge ? 2 : PCI_STD_NUM_BARS, bridge ? PCI_ROM_ADDRESS1 : PCI_ROM_ADDRESS);
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	list_add_tail(&dev->bus_list, &pci_devices);
	pr_info("pci %s: [%04x:%04x] type %02x class %#08x%s\n", pci_name(dev), dev->vendor,
		dev->device, dev->hdr_type & PCI_HEADER_TYPE_MASK, dev->class,
		dev->msi_cap ? " MSI" : "");
	if (bridge)
		scan_bridge(dev);
	return dev;
}

/* Function 0 of each slot; the other seven only on a multi-function device. */
static void pci_scan_bus(struct pci_bus *bus)
{
	for (unsigned int slot = 0; slot < 32; slot++) {
		struct pci_dev *dev = pci_scan_device(bus, PCI_DEVFN(slot, 0));
		if (!dev || !(dev->hdr_type & PCI_HEADER_TYPE_MFD))
			continue;
		for (unsigned int fn = 1; fn < 8; fn++)
			pci_scan_device(bus, PCI_DEVFN(slot, fn));
	}
}

/**
 * pci_get_device() - Walk the devices, optionally only those with given ids.
 * @vendor: vendor id, or PCI_ANY_ID
 * @device: device id, or PCI_ANY_ID
 * @from:   the device found last time, or NULL to start at the beginning
 *
 * Devices are found once at boot and never go away (Janus has no hotplug),
 * so there is no reference to drop afterwards.
 *
 * Context: any context.
 * Return: the next matching device in scan order, or NULL.
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from)
{
	struct list_head *pos = from ? from->bus_list.next : pci_devices.next;

	for (; pos != &pci_devices; pos = pos->next) {
		struct pci_dev *dev = container_of(pos, struct pci_dev, bus_list);
		if ((vendor == PCI_ANY_ID || dev->vendor == vendor) &&
		    (device == PCI_ANY_ID || dev->device == device))
			return dev;
	}
	return NULL;
}

/**
 * pci_get_domain_bus_and_slot() - Find the device at an address.
 * @domain: PCI segment; Janus has only segment 0
 * @bus:    bus number
 * @devfn:  PCI_DEVFN(slot, function)
 *
 * Context: any context.
 * Return: the device, or NULL if none was found there.
 */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn)
{
	struct pci_dev *dev = NULL;

	if (domain)
		return NULL;
	for_each_pci_dev(dev)
		if (dev->bus->number == bus && dev->devfn == devfn)
			return dev;
	return NULL;
}

/* /proc/bus/pci/BB/DD.F: a function's configuration space, as lspci reads it. */
static int config_show(struct seq_file *m, void *v)
{
	struct pci_dev *dev = m->private;

	(void)v;
	for (int reg = 0; reg < PCI_CFG_SPACE_SIZE; reg += 4) {
		u32 val;
		pci_read_config_dword(dev, reg, &val);
		seq_write(m, &val, sizeof(val));
	}
	return 0;
}

/* /proc/bus/pci: the listing, and a directory per bus with a file per function. */
static void pci_proc_init(void)
{
	static struct proc_dir_entry *bus_dirs[256];
	struct proc_dir_entry *pci_dir = proc_mkdir("pci", proc_mkdir("bus", NULL));
	struct pci_dev *dev = NULL;
	char name[16];

	if (!pci_dir)
		return;
	proc_create_single("devices", 0444, pci_dir, pci_devices_show);
	for_each_pci_dev(dev) {
		unsigned int bus = dev->bus->number;
		if (!bus_dirs[bus]) {
			snprintf(name, sizeof(name), "%02x", bus);
			bus_dirs[bus] = proc_mkdir(name, pci_dir);
		}
		snprintf(name, sizeof(name), "%02x.%x", PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn));
		proc_create_single_data(name, 0444, bus_dirs[bus], config_show, dev);
	}
}

static int __init pci_subsys_init(void)
{
	if (!pci_arch_init()) {
		pr_info("PCI: no configuration mechanism #1: no PCI devices\n");
		return 0;
	}
	pci_scan_bus(&pci_root_bus);
	pci_proc_init();
	return 0;
}
subsys_initcall(pci_subsys_init);
