/*
 * edu_lab.h: what the labs' drivers share and the student does not write:
 * the registers of QEMU's edu PCI device (hw/misc/edu.c; the built-in driver
 * drivers/misc/edu.c explains them) and the plumbing around a lab's driver
 * (map the device, give it an interrupt vector, make its /dev node). The
 * interrupt handler, request_irq and free_irq, and everything the labs are
 * about, stay in the student's file. Modules include it as <edu_lab.h>
 * (the module build adds -Ilabs/include).
 */
#ifndef _LABS_EDU_LAB_H
#define _LABS_EDU_LAB_H
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/pci_ids.h>

#define EDU_DEVICE_ID 0x11e8
#define EDU_REG_ID 0x00
#define EDU_REG_FACTORIAL 0x08 /* write n: the device computes n!, read it back */
#define EDU_REG_STATUS 0x20
#define  EDU_STATUS_COMPUTING 0x01
#define  EDU_STATUS_IRQ_ON_FACT 0x80 /* interrupt when the factorial is done */
#define EDU_REG_IRQ_STATUS 0x24 /* pending causes */
#define EDU_REG_IRQ_RAISE 0x60  /* write causes: the device interrupts now */
#define EDU_REG_IRQ_ACK 0x64    /* write the causes handled */
#define EDU_IRQ_FACT 0x00000001
#define EDU_IRQ_RAISED 0x00010000 /* the cause the labs raise by hand */

struct edu_lab {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq; /* the Linux IRQ number for request_irq */
	dev_t devt;
	struct cdev cdev;
	struct class *class;
};

/* The device: enabled, registers mapped, one interrupt vector (MSI or INTx). */
static inline int edu_lab_enable(struct edu_lab *edu, struct pci_dev *pdev)
{
	int err = pci_enable_device(pdev);

	if (err)
		return err;
	edu->pdev = pdev;
	edu->regs = pci_iomap(pdev, 0, 0);
	err = -ENOMEM;
	if (!edu->regs)
		goto disable;
	err = -ENODEV;
	if ((ioread32(edu->regs + EDU_REG_ID) & 0xff) != 0xed)
		goto unmap;
	pci_set_master(pdev); /* an MSI is a write the device makes: it must be bus master */
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
	if (err < 0)
		goto clear;
	edu->irq = pci_irq_vector(pdev, 0);
	return 0;
clear:
	pci_clear_master(pdev);
unmap:
	pci_iounmap(pdev, edu->regs);
disable:
	pci_disable_device(pdev);
	return err;
}

/* request_irq's flags for the vector: an INTx line may be shared, MSI is ours. */
static inline unsigned long edu_lab_irq_flags(struct edu_lab *edu)
{
	return edu->pdev->msi_enabled ? 0 : IRQF_SHARED;
}

static inline void edu_lab_disable(struct edu_lab *edu)
{
	pci_free_irq_vectors(edu->pdev);
	pci_clear_master(edu->pdev);
	pci_iounmap(edu->pdev, edu->regs);
	pci_disable_device(edu->pdev);
}

/* /dev/NAME for @fops: a device number, a cdev, a class and the node. */
static inline int edu_lab_add_chrdev(struct edu_lab *edu, const char *name,
				     const struct file_operations *fops)
{
	struct device *dev;
	int err = alloc_chrdev_region(&edu->devt, 0, 1, name);

	if (err)
		return err;
	cdev_init(&edu->cdev, fops);
	edu->cdev.owner = fops->owner;
	err = cdev_add(&edu->cdev, edu->devt, 1);
	if (err)
		goto region;
	edu->class = class_create(name);
	err = PTR_ERR_OR_ZERO(edu->class);
	if (err)
		goto cdev;
	dev = device_create(edu->class, NULL, edu->devt, NULL, "%s", name);
	err = PTR_ERR_OR_ZERO(dev);
	if (!err)
		return 0;
	class_destroy(edu->class);
cdev:
	cdev_del(&edu->cdev);
region:
	unregister_chrdev_region(edu->devt, 1);
	return err;
}

static inline void edu_lab_del_chrdev(struct edu_lab *edu)
{
	device_destroy(edu->class, edu->devt);
	class_destroy(edu->class);
	cdev_del(&edu->cdev);
	unregister_chrdev_region(edu->devt, 1);
}

/* The interrupt's causes, acknowledged (the device then lowers its line). */
static inline u32 edu_lab_ack(struct edu_lab *edu)
{
	u32 causes = ioread32(edu->regs + EDU_REG_IRQ_STATUS);

	if (causes)
		iowrite32(causes, edu->regs + EDU_REG_IRQ_ACK);
	return causes;
}

/* Asks the device for n!: it interrupts (EDU_IRQ_FACT) when it is done. */
static inline void edu_lab_factorial(struct edu_lab *edu, u32 n)
{
	iowrite32(EDU_STATUS_IRQ_ON_FACT, edu->regs + EDU_REG_STATUS);
	iowrite32(n, edu->regs + EDU_REG_FACTORIAL);
}

/* The device interrupts now (EDU_IRQ_RAISED). */
static inline void edu_lab_raise(struct edu_lab *edu)
{
	iowrite32(EDU_IRQ_RAISED, edu->regs + EDU_REG_IRQ_RAISE);
}

#endif
