/*
 * Lab 3, a reference solution: edubh, a driver whose interrupt brings work
 * that is too long, and sleeps too much, for interrupt context.
 *
 *   echo 4 > /dev/edubh       the device interrupts 4 times
 *   cat /dev/edubh            raised 4 arrived 4 processed 4
 *
 * The choice: the processing takes a mutex (shared with read), so it must
 * run in process context: a work item (or a threaded handler) may sleep, a
 * tasklet may not (it is softirq context). The top half only acknowledges
 * the device and counts the event in `pending`; the work item takes all
 * that are pending each time it runs, because queue_work() on a work item
 * that is already queued does nothing: one run may stand for many
 * interrupts, and counting runs would lose events.
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

static atomic_t pending = ATOMIC_INIT(0);

/* The bottom half: process context (a kworker), so it may sleep and take its time. */
static void edubh_work_fn(struct work_struct *work)
{
	int n;

	while ((n = atomic_xchg(&pending, 0)) > 0)
		while (n--)
			edubh_process_event();
}
static DECLARE_WORK(edubh_work, edubh_work_fn);

/* The top half: acknowledge, count, hand the rest over. Microseconds. */
static irqreturn_t edubh_interrupt(int irq, void *data)
{
	if (!edu_lab_ack(&edu))
		return IRQ_NONE;
	WRITE_ONCE(arrived, arrived + 1);
	atomic_inc(&pending);
	queue_work(system_wq, &edubh_work);
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
	free_irq(edu.irq, &edu);   /* no more top halves to queue it... */
	cancel_work_sync(&edubh_work); /* ...then no bottom half left behind */
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
