/*
 * /proc/bus/pci/devices: one line per function in Linux's format, the one
 * lspci and other tools parse: bus and devfn, vendor and device ids, the
 * IRQ, the seven regions' addresses (with the BAR's type bits in the low
 * bits) and sizes, and the bound driver's name. Fields are tab-separated.
 */
#include <linux/pci.h>
#include <linux/seq_file.h>

/**
 * pci_devices_show() - The listing of /proc/bus/pci/devices.
 * @m: where it goes
 * @v: unused (seq_file's cursor)
 *
 * Context: process context.
 * Return: 0.
 */
int pci_devices_show(struct seq_file *m, void *v)
{
	struct pci_dev *dev = NULL;

	(void)v;
	for_each_pci_dev(dev) {
		seq_printf(m, "%02x%02x\t%04x%04x\t%x", dev->bus->number, dev->devfn, dev->vendor,
			   dev->device, dev->irq);
		for (int i = 0; i < PCI_NUM_RESOURCES; i++)
			seq_printf(m, "\t%16llx",
				   dev->resource[i].start | (dev->resource[i].flags & 0x0f));
		for (int i = 0; i < PCI_NUM_RESOURCES; i++) {
			struct resource *r = &dev->resource[i];
			seq_printf(m, "\t%16llx", r->start < r->end ? resource_size(r) : 0);
		}
		seq_printf(m, "\t%s\n", dev->driver ? dev->driver->name : "");
	}
	return 0;
}
