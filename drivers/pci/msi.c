/*
 * Choosing a device's interrupt: an MSI vector if the device has the MSI
 * capability and the machine can take message writes (a local APIC), else
 * its INTx pin. With MSI the device no longer asserts a shared, level-
 * triggered line: it writes a message that the APIC turns into one vector
 * for one CPU, an edge that nobody else shares. Janus gives a device one
 * vector (the capability allows up to 32, in aligned blocks).
 */
#include <asm/pci.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/slab.h>

static void set_msi_enable(struct pci_dev *dev, bool on)
{
	u16 flags;

	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	flags &= ~(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE); /* QSIZE 0: one vector */
	pci_write_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS,
			      flags | (on ? PCI_MSI_FLAGS_ENABLE : 0));
}

static int mask_reg(const struct msi_desc *desc)
{
	return desc->dev->msi_cap + (desc->is_64 ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32);
}

static void set_masked(struct irq_data *data, bool masked)
{
	struct msi_desc *desc = data->chip_data;

	if (desc->can_mask)
		pci_write_config_dword(desc->dev, mask_reg(desc), masked);
}

/**
 * pci_msi_mask_irq() - Mask an MSI vector at the device (irq_chip callback).
 * @data: the vector's irq_data; chip_data is its msi_desc
 *
 * Only a device with per-vector masking can hold a message back; for the
 * others (QEMU's edu is one) this does nothing, and the interrupt flow's
 * in-progress and pending flags are what keep the handler from re-entering.
 *
 * Context: any context (the interrupt flow calls it in hardirq context).
 */
void pci_msi_mask_irq(struct irq_data *data)
{
	set_masked(data, true);
}

/**
 * pci_msi_unmask_irq() - Unmask an MSI vector at the device (irq_chip callback).
 * @data: the vector's irq_data
 *
 * Context: any context.
 */
void pci_msi_unmask_irq(struct irq_data *data)
{
	set_masked(data, false);
}

/**
 * pci_write_msi_msg() - Program where and what the device writes to interrupt.
 * @irq: the MSI vector's IRQ
 * @msg: address (the target CPU's APIC) and data (the vector)
 *
 * Context: any context (arch/x86/msi.c calls it to move the vector to
 * another CPU).
 */
void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg)
{
	struct msi_desc *desc = irq_to_desc(irq)->irq_data.chip_data;
	struct pci_dev *dev = desc->dev;
	int pos = dev->msi_cap;

	pci_write_config_dword(dev, pos + PCI_MSI_ADDRESS_LO, msg->address_lo);
	if (desc->is_64) {
		pci_write_config_dword(dev, pos + PCI_MSI_ADDRESS_HI, msg->address_hi);
		pci_write_config_word(dev, pos + PCI_MSI_DATA_64, msg->data);
	} else {
		pci_write_config_word(dev, pos + PCI_MSI_DATA_32, msg->data);
	}
	desc->msg = *msg;
}

static int msi_enable(struct pci_dev *dev)
{
	struct msi_desc *desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	u16 flags;
	int err;

	if (!desc)
		return -ENOMEM;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &flags);
	*desc = (struct msi_desc){ .dev = dev, .is_64 = flags & PCI_MSI_FLAGS_64BIT,
				   .can_mask = flags & PCI_MSI_FLAGS_MASKBIT };
	set_msi_enable(dev, false);
	err = arch_setup_msi_irq(dev, desc);
	if (err) {
		kfree(desc);
		return err;
	}
	dev->msi_desc = desc;
	dev->msi_enabled = true;
	pci_intx(dev, 0);
	set_msi_enable(dev, true);
	return 0;
}

/**
 * pci_alloc_irq_vectors() - Pick @dev's interrupt: MSI if possible, else INTx.
 * @dev:      the device, enabled
 * @min_vecs: at least this many vectors (1: Janus gives one)
 * @max_vecs: at most this many
 * @flags:    which kinds are acceptable: PCI_IRQ_MSI, PCI_IRQ_LEGACY
 *
 * The driver then calls request_irq(pci_irq_vector(dev, 0), ...). With MSI
 * the INTx pin is disabled; with INTx the line may be shared, so the handler
 * needs IRQF_SHARED and must return IRQ_NONE when its device did not interrupt.
 *
 * Context: process context; may sleep.
 * Return: the number of vectors (1), -EINVAL for a bad range, or -ENOSPC if
 * no acceptable kind is available.
 */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags)
{
	if (!min_vecs || min_vecs > max_vecs || dev->msi_enabled)
		return -EINVAL;
	if (min_vecs > 1)
		return -ENOSPC;
	if ((flags & PCI_IRQ_MSI) && dev->msi_cap && !msi_enable(dev))
		return 1;
	if ((flags & PCI_IRQ_LEGACY) && dev->irq) {
		pci_intx(dev, 1);
		return 1;
	}
	return -ENOSPC;
}
EXPORT_SYMBOL(pci_alloc_irq_vectors);

/**
 * pci_irq_vector() - The IRQ number of one of @dev's vectors.
 * @dev: the device, after pci_alloc_irq_vectors()
 * @nr:  which vector (0)
 *
 * Context: any context.
 * Return: the IRQ to pass to request_irq(), or -EINVAL.
 */
int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	if (nr)
		return -EINVAL;
	return dev->msi_enabled ? (int)dev->msi_desc->irq : (int)dev->irq;
}
EXPORT_SYMBOL(pci_irq_vector);

/**
 * pci_free_irq_vectors() - Give back what pci_alloc_irq_vectors() took.
 * @dev: the device; its handler must already be freed (free_irq())
 *
 * Turns MSI off (the INTx pin comes back) and frees the vector's IRQ number.
 *
 * Context: process context.
 */
void pci_free_irq_vectors(struct pci_dev *dev)
{
	if (!dev->msi_enabled)
		return;
	set_msi_enable(dev, false);
	arch_teardown_msi_irq(dev->msi_desc->irq);
	kfree(dev->msi_desc);
	dev->msi_desc = NULL;
	dev->msi_enabled = false;
	pci_intx(dev, 1);
}
EXPORT_SYMBOL(pci_free_irq_vectors);
