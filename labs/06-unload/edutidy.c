/*
 * Lab 6: edutidy, a driver with three things that run on their own (an
 * interrupt handler, a timer that re-arms itself, a work item both of them
 * queue). Its remove, and its probe when it fails half-way, leave all three
 * behind (README.md says what to do).
 *
 *   echo 5 > /dev/edutidy     the device interrupts 5 times
 *   cat /dev/edutidy          irqs 5 ticks 31 works 30
 *
 * Build it:   make -C ../.. M=$PWD
 * Grade it:   make -C ../.. grade LAB=06
 */
#include <edu_lab.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/sprintf.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#define EDUTIDY_MAX_BURST 100

static bool fail_probe;
module_param(fail_probe, bool, 0444);
MODULE_PARM_DESC(fail_probe, "make the probe's last step fail (to test its error path)");

static struct edu_lab edu;
static unsigned long irqs, ticks, works;
static struct timer_list heartbeat;

/* Given: the work item, queued by the handler and by the timer. */
static void edutidy_work_fn(struct work_struct *work)
{
	WRITE_ONCE(works, works + 1);
}
static DECLARE_WORK(edutidy_work, edutidy_work_fn);

/* Given: the timer, every 100 ms, for ever: it re-arms itself. */
static void heartbeat_fn(struct timer_list *t)
{
	WRITE_ONCE(ticks, ticks + 1);
	queue_work(system_wq, &edutidy_work);
	mod_timer(&heartbeat, jiffies + HZ / 10);
}

/* Given: the interrupt handler. */
static irqreturn_t edutidy_interrupt(int irq, void *data)
{
	if (!edu_lab_ack(&edu))
		return IRQ_NONE;
	WRITE_ONCE(irqs, irqs + 1);
	queue_work(system_wq, &edutidy_work);
	return IRQ_HANDLED;
}

/* Given: "irqs I ticks T works W". */
static ssize_t edutidy_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char line[80];
	int len;

	if (*ppos)
		return 0;
	len = scnprintf(line, sizeof(line), "irqs %lu ticks %lu works %lu\n", READ_ONCE(irqs),
			READ_ONCE(ticks), READ_ONCE(works));
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

/* Given: writing N makes the device interrupt N times. */
static ssize_t edutidy_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[12];
	unsigned int n;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (kstrtouint(text, 10, &n) || n > EDUTIDY_MAX_BURST)
		return -EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		while (ioread32(edu.regs + EDU_REG_IRQ_STATUS) & EDU_IRQ_RAISED)
			cpu_relax(); /* the previous one acknowledged first */
		edu_lab_raise(&edu);
	}
	return count;
}

static const struct file_operations edutidy_fops = {
	.owner = THIS_MODULE,
	.read = edutidy_read,
	.write = edutidy_write,
};

static int edutidy_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = edu_lab_enable(&edu, pdev);

	if (err)
		return err;
	err = request_irq(edu.irq, edutidy_interrupt, edu_lab_irq_flags(&edu), "edutidy", &edu);
	if (err)
		goto disable;
	timer_setup(&heartbeat, heartbeat_fn, 0);
	mod_timer(&heartbeat, jiffies + HZ / 10);
	err = fail_probe ? -ENOMEM : edu_lab_add_chrdev(&edu, "edutidy", &edutidy_fops);
	if (err)
		goto disable; /* TODO 1: what did the steps before this start? */
	dev_info(&pdev->dev, "/dev/edutidy: irq %d, a heartbeat every 100 ms\n", edu.irq);
	return 0;
disable:
	edu_lab_disable(&edu);
	return err;
}

static void edutidy_remove(struct pci_dev *pdev)
{
	edu_lab_del_chrdev(&edu);
	/*
	 * TODO 2: stop the handler, the timer and the work item, in an order
	 * that cannot let one of them start another after it was stopped.
	 */
	edu_lab_disable(&edu);
}

static const struct pci_device_id edutidy_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver edutidy_driver = {
	.name = "edutidy",
	.id_table = edutidy_ids,
	.probe = edutidy_probe,
	.remove = edutidy_remove,
};
module_pci_driver(edutidy_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 6: a driver that leaves nothing behind at rmmod");
