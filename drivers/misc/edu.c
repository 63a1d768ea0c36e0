/*
 * A driver for QEMU's "edu" device (hw/misc/edu.c), the smallest PCI device
 * that does what real ones do, so it is the example to read first:
 *
 *   probe:     enable it, map BAR 0 (1 MiB of registers), check its id,
 *              turn on DMA, pick MSI if the machine can (else the shared,
 *              level-triggered INTx line), request the interrupt;
 *   interrupt: read which causes are pending, acknowledge them, wake the
 *              waiter: nothing else (the top half);
 *   process context: edu_factorial() writes n and sleeps until the device
 *              interrupts with n!; edu_dma_*() copy through the device's
 *              4 KiB buffer by DMA, sleeping until the DMA interrupt.
 *
 * Registers (all 32-bit): 0x00 id (0xRRrr00ed), 0x04 liveness (reads back
 * the complement), 0x08 factorial, 0x20 status (bit 0 computing, bit 7
 * interrupt when done), 0x24 interrupt status, 0x60 raise, 0x64 acknowledge,
 * 0x80/0x88/0x90/0x98 DMA source, destination, count, command. The device's
 * 4 KiB buffer sits at its own address 0x40000 (edu.h says why a DMA moves at
 * most 4095 bytes of it). A DMA completes 100 ms after its command (a QEMU
 * timer).
 */
#include <linux/completion.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "edu.h"

#define EDU_REG_ID 0x00
#define EDU_REG_LIVENESS 0x04
#define EDU_REG_FACTORIAL 0x08
#define EDU_REG_STATUS 0x20
#define  EDU_STATUS_IRQ_ON_FACT 0x80
#define EDU_REG_DMA_SRC 0x80
#define EDU_REG_DMA_DST 0x88
#define EDU_REG_DMA_COUNT 0x90
#define EDU_REG_DMA_CMD 0x98
#define  EDU_DMA_RUN 0x1
#define  EDU_DMA_TO_RAM 0x2 /* direction: the device's buffer to memory */
#define  EDU_DMA_IRQ 0x4
#define EDU_DMA_BUF_ADDR 0x40000
#define EDU_BUF_SIZE 4096
#define EDU_DMA_BITS 28 /* the device reaches the first 256 MiB */
#define EDU_TIMEOUT (2 * HZ) /* a safety net: a DMA takes 100 ms */

struct edu_device {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;
	struct mutex lock; /* one operation at a time */
	struct completion fact_done, dma_done;
	unsigned int irqs; /* interrupts this driver handled */
	void *buf;         /* EDU_BUF_SIZE bytes of coherent memory */
	dma_addr_t buf_dma;
	struct edu_device *next;
};

static struct edu_device *edu_devices; /* bound devices, newest first */
static DEFINE_MUTEX(edu_list_lock);

/* The top half: which causes, acknowledge them, wake whoever waits. */
static irqreturn_t edu_interrupt(int irq, void *data)
{
	struct edu_device *edu = data;
	u32 causes = ioread32(edu->regs + EDU_REG_IRQ_STATUS);

	(void)irq;
	if (!causes)
		return IRQ_NONE; /* another device on a shared INTx line */
	iowrite32(causes, edu->regs + EDU_REG_IRQ_ACK);
	edu->irqs++;
	if (causes & EDU_IRQ_FACT)
		complete(&edu->fact_done);
	if (causes & EDU_IRQ_DMA)
		complete(&edu->dma_done);
	return IRQ_HANDLED;
}

static int setup_irq(struct edu_device *edu, unsigned int flags)
{
	int nvec = pci_alloc_irq_vectors(edu->pdev, 1, 1, flags);
	int err;

	if (nvec < 0)
		return nvec;
	edu->irq = pci_irq_vector(edu->pdev, 0);
	/* INTx may be shared with other devices; an MSI vector is ours alone. */
	err = request_irq(edu->irq, edu_interrupt, edu->pdev->msi_enabled ? 0 : IRQF_SHARED, "edu",
			  edu);
	if (err)
		pci_free_irq_vectors(edu->pdev);
	return err;
}

static void teardown_irq(struct edu_device *edu)
{
	free_irq(edu->irq, edu);
	pci_free_irq_vectors(edu->pdev);
}

/**
 * edu_set_irq_mode() - Switch the device between MSI and INTx.
 * @edu:           the device
 * @pci_irq_flags: PCI_IRQ_MSI, PCI_IRQ_LEGACY, or both (MSI preferred)
 *
 * Context: process context; may sleep.
 * Return: 0, or a negative errno (the device is then left without an interrupt).
 */
int edu_set_irq_mode(struct edu_device *edu, unsigned int pci_irq_flags)
{
	int err;

	mutex_lock(&edu->lock);
	if (edu->irq >= 0)
		teardown_irq(edu);
	err = setup_irq(edu, pci_irq_flags);
	if (err)
		edu->irq = -1;
	mutex_unlock(&edu->lock);
	return err;
}

/**
 * edu_find() - The @n-th edu device this driver is bound to.
 * @n: 0 for the first
 *
 * Context: process context.
 * Return: the device, or NULL.
 */
struct edu_device *edu_find(unsigned int n)
{
	struct edu_device *edu;

	mutex_lock(&edu_list_lock);
	for (edu = edu_devices; edu && n; edu = edu->next)
		n--;
	mutex_unlock(&edu_list_lock);
	return edu;
}

/**
 * edu_pci_dev() - The PCI function behind @edu.
 * @edu: the device
 *
 * Context: any context.
 * Return: its struct pci_dev.
 */
struct pci_dev *edu_pci_dev(struct edu_device *edu)
{
	return edu->pdev;
}

/**
 * edu_irq() - The IRQ @edu interrupts on now.
 * @edu: the device
 *
 * Context: any context.
 * Return: the IRQ number, or -1 after a failed edu_set_irq_mode().
 */
int edu_irq(struct edu_device *edu)
{
	return edu->irq;
}

/**
 * edu_uses_msi() - Whether @edu interrupts by MSI (else by INTx).
 * @edu: the device
 *
 * Context: any context.
 * Return: true for MSI.
 */
bool edu_uses_msi(struct edu_device *edu)
{
	return edu->pdev->msi_enabled;
}

/**
 * edu_irq_count() - How many interrupts the driver's handler claimed.
 * @edu: the device
 *
 * Context: any context.
 * Return: the count.
 */
unsigned int edu_irq_count(struct edu_device *edu)
{
	return READ_ONCE(edu->irqs);
}

/**
 * edu_raise_irq() - Make the device interrupt with @causes.
 * @edu:    the device
 * @causes: bits of its interrupt status register
 *
 * The device keeps INTx asserted (or sends its message) until the handler
 * acknowledges the causes.
 *
 * Context: any context.
 */
void edu_raise_irq(struct edu_device *edu, u32 causes)
{
	iowrite32(causes, edu->regs + EDU_REG_IRQ_RAISE);
}

/**
 * edu_factorial() - Have the device compute @n! and interrupt when done.
 * @edu:    the device
 * @n:      the argument (the result wraps at 32 bits)
 * @result: n!
 *
 * Context: process context; sleeps until the interrupt.
 * Return: 0, or -ETIMEDOUT if no interrupt came.
 */
int edu_factorial(struct edu_device *edu, u32 n, u32 *result)
{
	int err = 0;

	mutex_lock(&edu->lock);
	reinit_completion(&edu->fact_done);
	iowrite32(EDU_STATUS_IRQ_ON_FACT, edu->regs + EDU_REG_STATUS);
	iowrite32(n, edu->regs + EDU_REG_FACTORIAL);
	if (!wait_for_completion_timeout(&edu->fact_done, EDU_TIMEOUT))
		err = -ETIMEDOUT;
	*result = ioread32(edu->regs + EDU_REG_FACTORIAL);
	mutex_unlock(&edu->lock);
	return err;
}

/* One DMA between memory and the device's buffer, waited for; edu->lock held. */
static int edu_dma(struct edu_device *edu, size_t len, bool to_ram)
{
	u32 ram = edu->buf_dma, dev = EDU_DMA_BUF_ADDR;

	if (!len || len > EDU_DMA_SIZE)
		return -EINVAL;
	reinit_completion(&edu->dma_done);
	iowrite32(to_ram ? dev : ram, edu->regs + EDU_REG_DMA_SRC);
	iowrite32(to_ram ? ram : dev, edu->regs + EDU_REG_DMA_DST);
	iowrite32(len, edu->regs + EDU_REG_DMA_COUNT);
	iowrite32(EDU_DMA_RUN | EDU_DMA_IRQ | (to_ram ? EDU_DMA_TO_RAM : 0),
		  edu->regs + EDU_REG_DMA_CMD);
	return wait_for_completion_timeout(&edu->dma_done, EDU_TIMEOUT) ? 0 : -ETIMEDOUT;
}

/**
 * edu_dma_to_device() - Copy @len bytes into the device's buffer by DMA.
 * @edu: the device
 * @src: the bytes
 * @len: 1 to EDU_DMA_SIZE
 *
 * Context: process context; sleeps until the DMA interrupt.
 * Return: 0, -EINVAL for a bad length, or -ETIMEDOUT.
 */
int edu_dma_to_device(struct edu_device *edu, const void *src, size_t len)
{
	int err;

	mutex_lock(&edu->lock);
	memcpy(edu->buf, src, min_t(size_t, len, EDU_DMA_SIZE));
	err = edu_dma(edu, len, false);
	mutex_unlock(&edu->lock);
	return err;
}

/**
 * edu_dma_from_device() - Copy @len bytes out of the device's buffer by DMA.
 * @edu: the device
 * @dst: where they go
 * @len: 1 to EDU_DMA_SIZE
 *
 * Context: process context; sleeps until the DMA interrupt.
 * Return: 0, -EINVAL for a bad length, or -ETIMEDOUT.
 */
int edu_dma_from_device(struct edu_device *edu, void *dst, size_t len)
{
	int err;

	mutex_lock(&edu->lock);
	memset(edu->buf, 0, EDU_BUF_SIZE);
	err = edu_dma(edu, len, true);
	if (!err)
		memcpy(dst, edu->buf, len);
	mutex_unlock(&edu->lock);
	return err;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu_device *edu;
	u32 ident;
	int err;

	(void)id;
	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	mutex_init(&edu->lock);
	init_completion(&edu->fact_done);
	init_completion(&edu->dma_done);
	err = pci_enable_device(pdev);
	if (err)
		goto free;
	err = -ENOMEM;
	edu->regs = pci_iomap(pdev, 0, 0);
	if (!edu->regs)
		goto disable;
	ident = ioread32(edu->regs + EDU_REG_ID);
	iowrite32(0x12345678, edu->regs + EDU_REG_LIVENESS);
	err = -ENODEV;
	if ((ident & 0xff) != 0xed || ioread32(edu->regs + EDU_REG_LIVENESS) != ~0x12345678u) {
		dev_err(&pdev->dev, "not an edu device (id %#x)\n", ident);
		goto unmap;
	}
	err = dma_set_mask(&pdev->dev, DMA_BIT_MASK(EDU_DMA_BITS));
	edu->buf = err ? NULL : dma_alloc_coherent(&pdev->dev, EDU_BUF_SIZE, &edu->buf_dma,
						   GFP_KERNEL);
	err = -ENOMEM;
	if (!edu->buf)
		goto unmap;
	pci_set_master(pdev);
	err = setup_irq(edu, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	if (err)
		goto free_buf;
	pci_set_drvdata(pdev, edu);
	mutex_lock(&edu_list_lock);
	edu->next = edu_devices;
	edu_devices = edu;
	mutex_unlock(&edu_list_lock);
	dev_info(&pdev->dev, "edu %u.%u, IRQ %d (%s)\n", ident >> 24, (ident >> 16) & 0xff, edu->irq,
		 pdev->msi_enabled ? "MSI" : "INTx");
	return 0;

free_buf:
	pci_clear_master(pdev);
	dma_free_coherent(&pdev->dev, EDU_BUF_SIZE, edu->buf, edu->buf_dma);
unmap:
	pci_iounmap(pdev, edu->regs);
disable:
	pci_disable_device(pdev);
free:
	kfree(edu);
	return err;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu_device *edu = pci_get_drvdata(pdev), **p;

	mutex_lock(&edu_list_lock);
	for (p = &edu_devices; *p != edu; p = &(*p)->next)
		;
	*p = edu->next;
	mutex_unlock(&edu_list_lock);
	if (edu->irq >= 0)
		teardown_irq(edu);
	pci_clear_master(pdev);
	dma_free_coherent(&pdev->dev, EDU_BUF_SIZE, edu->buf, edu->buf_dma);
	pci_iounmap(pdev, edu->regs);
	pci_disable_device(pdev);
	kfree(edu);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};
module_pci_driver(edu_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("QEMU's educational PCI device: MSI, INTx and DMA");
