/*
 * Turning a PCI device on for its driver: decoding of its BARs, its INTx
 * routing, bus mastering (the device may then start DMA on its own), and
 * mappings of its registers.
 */
#include <asm/pci.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/pci.h>

static void update_command(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd | set) & ~clear;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/**
 * pci_enable_device() - Make @dev's registers and interrupt usable.
 * @dev: the device, usually in its driver's probe()
 *
 * Turns on decoding of every BAR the firmware assigned (I/O ports, memory),
 * enables the bridges between @dev and the CPU, and routes its INTx pin
 * (dev->irq; arch/x86/pci.c says how). Calls nest: each needs a
 * pci_disable_device().
 *
 * Context: process context.
 * Return: 0, or -EINVAL if a BAR the device has was left unassigned.
 */
int pci_enable_device(struct pci_dev *dev)
{
	u16 decode = 0;
	int err;

	if (dev->enable_cnt++)
		return 0;
	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct resource *r = &dev->resource[i];
		if (r->flags & IORESOURCE_UNSET) {
			dev_err(&dev->dev, "BAR %d not assigned by the firmware: cannot enable\n", i);
			dev->enable_cnt--;
			return -EINVAL;
		}
		decode |= r->flags & IORESOURCE_IO ? PCI_COMMAND_IO : 0;
		decode |= r->flags & IORESOURCE_MEM ? PCI_COMMAND_MEMORY : 0;
	}
	if (dev->bus->self && (err = pci_enable_device(dev->bus->self))) {
		dev->enable_cnt--;
		return err;
	}
	update_command(dev, decode, 0);
	pcibios_enable_irq(dev); /* unrouted: warned about, the device can still poll or use MSI */
	return 0;
}
EXPORT_SYMBOL(pci_enable_device);

/**
 * pci_disable_device() - Undo one pci_enable_device().
 * @dev: the device
 *
 * The last one stops bus mastering, so the device can no longer write to
 * memory that its driver is about to free.
 *
 * Context: process context.
 */
void pci_disable_device(struct pci_dev *dev)
{
	if (WARN(!dev->enable_cnt, "%s: disabling a device that is not enabled\n", pci_name(dev)))
		return;
	if (--dev->enable_cnt)
		return;
	pci_clear_master(dev);
	if (dev->bus->self)
		pci_disable_device(dev->bus->self);
}
EXPORT_SYMBOL(pci_disable_device);

/**
 * pci_set_master() - Let @dev start DMA (bus mastering).
 * @dev: an enabled device; the bridges above it forward its DMA too
 *
 * Context: process context.
 */
void pci_set_master(struct pci_dev *dev)
{
	if (dev->bus->self)
		pci_set_master(dev->bus->self);
	update_command(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = true;
}
EXPORT_SYMBOL(pci_set_master);

/**
 * pci_clear_master() - Stop @dev from starting DMA.
 * @dev: the device
 *
 * Context: process context.
 */
void pci_clear_master(struct pci_dev *dev)
{
	update_command(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = false;
}
EXPORT_SYMBOL(pci_clear_master);

/**
 * pci_intx() - Allow or silence @dev's INTx pin.
 * @dev:    the device
 * @enable: nonzero to let the pin interrupt
 *
 * Context: any context.
 */
void pci_intx(struct pci_dev *dev, int enable)
{
	update_command(dev, enable ? 0 : PCI_COMMAND_INTX_DISABLE,
		       enable ? PCI_COMMAND_INTX_DISABLE : 0);
}

/**
 * pci_iomap() - Map a BAR so that ioread32()/iowrite32() reach its registers.
 * @dev:    the device, enabled
 * @bar:    BAR number 0-5
 * @maxlen: map at most this many bytes; 0 for the whole BAR
 *
 * A memory BAR is ioremap()ped (uncached); an I/O BAR becomes a port cookie.
 *
 * Context: process context; may sleep.
 * Return: the cookie, or NULL if the BAR is absent, unassigned or cannot be mapped.
 */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	struct resource *r;
	unsigned long len;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return NULL;
	r = &dev->resource[bar];
	len = pci_resource_len(dev, bar);
	if (!len || (r->flags & IORESOURCE_UNSET))
		return NULL;
	if (maxlen && maxlen < len)
		len = maxlen;
	if (r->flags & IORESOURCE_IO)
		return ioport_map(r->start, len);
	return ioremap(r->start, len);
}
EXPORT_SYMBOL(pci_iomap);

/**
 * pci_iounmap() - Undo pci_iomap().
 * @dev:  the device
 * @addr: the cookie pci_iomap() returned
 *
 * Context: process context; the registers must no longer be in use.
 */
void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	(void)dev;
	if (!iomap_is_port(addr))
		iounmap(addr);
}
EXPORT_SYMBOL(pci_iounmap);
