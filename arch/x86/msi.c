/*
 * The x86 side of MSI: the message that reaches a CPU. The address is the
 * local APIC's window, 0xFEE00000, with the destination APIC id in bits
 * 12-19 (physical destination mode); the data is the vector, delivered as a
 * fixed, edge-triggered interrupt. Janus keeps IRQ n on vector 0x20 + n, so
 * an MSI vector gets an IRQ number from irq_alloc_desc() and its vector
 * follows. The irq_chip masks at the device (if it can) and ends the
 * interrupt at the local APIC.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/pci.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/seq_file.h>

#define MSI_ADDR_BASE 0xfee00000u
#define MSI_ADDR_DEST_ID_SHIFT 12

static void compose_msg(unsigned int irq, int cpu, struct msi_msg *msg)
{
	msg->address_hi = 0;
	msg->address_lo = MSI_ADDR_BASE | (u32)cpu_to_apic_id[cpu] << MSI_ADDR_DEST_ID_SHIFT;
	msg->data = IRQ_TO_VECTOR(irq);
}

static void msi_eoi(struct irq_data *data)
{
	(void)data;
	apic_eoi();
}

static int msi_set_affinity(struct irq_data *data, const struct cpumask *dest)
{
	int cpu = cpumask_first_online(dest);
	struct msi_msg msg;

	if (cpu < 0)
		return -EINVAL;
	compose_msg(data->irq, cpu, &msg);
	pci_write_msi_msg(data->irq, &msg);
	return 0;
}

/* As Linux shows it: "PCI-MSI-0000:00:05.0    0-edge". */
static void msi_print_chip(struct irq_data *data, struct seq_file *m)
{
	struct msi_desc *desc = data->chip_data;

	seq_printf(m, " PCI-MSI-%s %4u-edge  ", pci_name(desc->dev), 0u);
}

static struct irq_chip msi_chip = {
	.name = "PCI-MSI",
	.irq_mask = pci_msi_mask_irq,
	.irq_unmask = pci_msi_unmask_irq,
	.irq_eoi = msi_eoi,
	.irq_set_affinity = msi_set_affinity,
	.irq_print_chip = msi_print_chip,
};

/**
 * arch_setup_msi_irq() - Give an MSI vector an IRQ and aim it at CPU 0.
 * @dev:  the device
 * @desc: the vector; desc->irq is set here
 *
 * Context: process context.
 * Return: 0, -ENODEV without a local APIC to receive messages (noapic), or
 * -ENOSPC when no IRQ number is free.
 */
int arch_setup_msi_irq(struct pci_dev *dev, struct msi_desc *desc)
{
	struct msi_msg msg;
	int irq;

	(void)dev;
	if (!apic_in_use)
		return -ENODEV;
	irq = irq_alloc_desc();
	if (irq < 0)
		return irq;
	desc->irq = irq;
	irq_set_chip(irq, &msi_chip, desc);
	compose_msg(irq, 0, &msg);
	pci_write_msi_msg(irq, &msg);
	return 0;
}

/**
 * arch_teardown_msi_irq() - Give back the IRQ of an MSI vector.
 * @irq: its IRQ; the device has stopped sending (MSI disabled)
 *
 * Context: process context.
 */
void arch_teardown_msi_irq(unsigned int irq)
{
	irq_free_desc(irq);
}
