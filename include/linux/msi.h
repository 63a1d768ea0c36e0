/*
 * Message Signalled Interrupts: instead of asserting a pin, the device
 * interrupts by writing msg.data to msg.address, a write the local APIC
 * takes as "vector data, for the CPU named in the address". One struct
 * msi_desc per vector (drivers/pci/msi.c), the irq_chip's chip_data.
 */
#ifndef _LINUX_MSI_H
#define _LINUX_MSI_H
#include <linux/types.h>

struct irq_data;
struct pci_dev;

struct msi_msg {
	u32 address_lo, address_hi, data;
};

struct msi_desc {
	struct pci_dev *dev;
	unsigned int irq;
	bool is_64;    /* the capability has an upper address register */
	bool can_mask; /* per-vector mask bit */
	struct msi_msg msg;
};

/* Program the message into the device's capability (any context). */
void pci_write_msi_msg(unsigned int irq, struct msi_msg *msg);
/* irq_chip callbacks: set/clear the vector's mask bit, if it has one (any context). */
void pci_msi_mask_irq(struct irq_data *data);
void pci_msi_unmask_irq(struct irq_data *data);

#endif
