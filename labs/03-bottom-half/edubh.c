/*
 * Lab 3: edubh, a driver whose interrupt brings work that is too long, and
 * sleeps too much, for interrupt context (README.md says what to do).
 *
 *   echo 4 > /dev/edubh       the device interrupts 4 times
 *   cat /dev/edubh            raised 4 arrived 4 processed 4
 *
 * Build it:   make -C ../.. M=$PWD
 * Grade it:   make -C ../.. grade LAB=03
 */
#include <edu_lab.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#define EDUBH_WORK_MS 300 /* what processing one event costs */
#define EDUBH_MAX_BURST 100

static struct edu_lab edu;
static DEFINE_MUTEX(log_lock); /* the event log: process context only */
static unsigned long raised, arrived, processed;

/* Given: the long part of handling an event. It sleeps (the mutex) and spins. */
static void edubh_process_event(void)
{
	mutex_lock(&log_lock);
	mdelay(EDUBH_WORK_MS);
	processed++;
	mutex_unlock(&log_lock);
}

/*
 * TODO 1: a bottom half that calls edubh_process_event() once for every
 * interrupt that arrived: a tasklet, a work item, or a threaded handler
 * (request_threaded_irq)? edubh_process_event() takes a mutex: which of
 * them may do that? Say why in a comment above your bottom half.
 *
 * TODO 2: no event may be lost. Scheduling a tasklet or queueing a work
 * item that is already pending does nothing: one run of the bottom half
 * may have to process several interrupts.
 */

/* The top half. TODO 3: make it short: acknowledge, count, hand over. */
static irqreturn_t edubh_interrupt(int irq, void *data)
{
	if (!edu_lab_ack(&edu))
		return IRQ_NONE;
	WRITE_ONCE(arrived, arrived + 1);
	edubh_process_event(); /* far too long for interrupt context, and it sleeps */
	return IRQ_HANDLED;
}

/* Given: "raised R arrived A processed P". */
static ssize_t edubh_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char line[80];
	int len;

	if (*ppos)
		return 0;
	mutex_lock(&log_lock);
	len = scnprintf(line, sizeof(line), "raised %lu arrived %lu processed %lu\n", READ_ONCE(raised),
			READ_ONCE(arrived), processed);
	mutex_unlock(&log_lock);
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

/* Given: writing N makes the device interrupt N times, one after the other. */
static ssize_t edubh_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[12];
	unsigned int n;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (kstrtouint(text, 10, &n) || n > EDUBH_MAX_BURST)
		return -EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		/* the previous one acknowledged first: the device would merge them */
		while (ioread32(edu.regs + EDU_REG_IRQ_STATUS) & EDU_IRQ_RAISED)
			cpu_relax();
		WRITE_ONCE(raised, raised + 1);
		edu_lab_raise(&edu);
	}
	return count;
}

static const struct file_operations edubh_fops = {
	.owner = THIS_MODULE,
	.read = edubh_read,
	.write = edubh_write,
};

static int edubh_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = edu_lab_enable(&edu, pdev);

	if (err)
		return err;
	err = request_irq(edu.irq, edubh_interrupt, edu_lab_irq_flags(&edu), "edubh", &edu);
	if (err)
		goto disable;
	err = edu_lab_add_chrdev(&edu, "edubh", &edubh_fops);
	if (err)
		goto free;
	dev_info(&pdev->dev, "/dev/edubh: irq %d\n", edu.irq);
	return 0;
free:
	free_irq(edu.irq, &edu);
disable:
	edu_lab_disable(&edu);
	return err;
}

static void edubh_remove(struct pci_dev *pdev)
{
	edu_lab_del_chrdev(&edu);
	free_irq(edu.irq, &edu);
	/* TODO 4: no bottom half may be left queued or running after this. */
	edu_lab_disable(&edu);
}

static const struct pci_device_id edubh_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver edubh_driver = {
	.name = "edubh",
	.id_table = edubh_ids,
	.probe = edubh_probe,
	.remove = edubh_remove,
};
module_pci_driver(edubh_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 3: an interrupt's long work moved to a bottom half");
