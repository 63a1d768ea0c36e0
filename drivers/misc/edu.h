/*
 * The edu driver's interface for the self-tests and other kernel code
 * (drivers/misc/edu.c): computations and DMA through the device, and its
 * interrupt, which can be MSI or the shared, level-triggered INTx line.
 */
#ifndef _DRIVERS_MISC_EDU_H
#define _DRIVERS_MISC_EDU_H
#include <linux/types.h>

struct edu_device;
struct pci_dev;

#define EDU_DEVICE_ID 0x11e8 /* with PCI_VENDOR_ID_QEMU */
/* Its interrupt registers in BAR 0, for code that drives the device itself
 * (tests/kernel/level_storm.c plays a driver that forgets to acknowledge). */
#define EDU_REG_IRQ_STATUS 0x24 /* the causes pending; INTx is asserted while nonzero */
#define EDU_REG_IRQ_RAISE 0x60  /* write causes: they become pending */
#define EDU_REG_IRQ_ACK 0x64    /* write causes: they are cleared */

/* edu's interrupt causes (its IRQ status register). */
#define EDU_IRQ_FACT 0x00000001
#define EDU_IRQ_DMA 0x00000100
/*
 * The longest DMA: the device's buffer is 4096 bytes, but QEMU 7.2's edu
 * model takes a transfer that reaches its last byte for out of bounds and
 * stops the whole machine with a "hardware error", so one byte less.
 */
#define EDU_DMA_SIZE 4095

struct edu_device *edu_find(unsigned int n);
struct pci_dev *edu_pci_dev(struct edu_device *edu);
int edu_irq(struct edu_device *edu);
bool edu_uses_msi(struct edu_device *edu);
int edu_set_irq_mode(struct edu_device *edu, unsigned int pci_irq_flags);
unsigned int edu_irq_count(struct edu_device *edu);
void edu_raise_irq(struct edu_device *edu, u32 causes);
int edu_factorial(struct edu_device *edu, u32 n, u32 *result);
int edu_dma_to_device(struct edu_device *edu, const void *src, size_t len);
int edu_dma_from_device(struct edu_device *edu, void *dst, size_t len);

#endif
