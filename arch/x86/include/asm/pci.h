/*
 * What the PCI core (drivers/pci/) asks of the architecture (arch/x86/pci.c,
 * arch/x86/msi.c): configuration cycles, the IRQ a device's INTx pin is
 * routed to, and the message an MSI-capable device writes to interrupt a CPU.
 */
#ifndef _ASM_PCI_H
#define _ASM_PCI_H
#include <linux/types.h>

struct pci_dev;
struct msi_desc;

/* Configuration mechanism #1 present? (false: no PCI, nothing is scanned) */
bool pci_arch_init(void);
int raw_pci_read(unsigned int bus, unsigned int devfn, int reg, int len, u32 *val);
int raw_pci_write(unsigned int bus, unsigned int devfn, int reg, int len, u32 val);

int pcibios_enable_irq(struct pci_dev *dev);
int arch_setup_msi_irq(struct pci_dev *dev, struct msi_desc *desc);
void arch_teardown_msi_irq(unsigned int irq);

#endif
