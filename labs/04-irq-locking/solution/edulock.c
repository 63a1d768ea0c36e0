/*
 * Lab 4, a reference solution: edulock, a ledger that the edu device's
 * interrupt handler and process context update at the same time, on two
 * CPUs.
 *
 *   echo irq 2000 > /dev/edulock      the device interrupts 2000 times: one update each
 *   echo task 20000 > /dev/edulock    20000 updates from process context
 *   cat /dev/edulock                  total 22000
 *
 * One spinlock guards the ledger. The handler takes it with spin_lock():
 * interrupts are already off on its CPU. Process context takes it with
 * spin_lock_irqsave(): otherwise the device could interrupt this CPU while
 * it holds the lock, and the handler would spin for ever on a lock its own
 * CPU holds. A mutex cannot be used: the handler may not sleep.
 */
#include <edu_lab.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define EDULOCK_MAX 1000000

static struct edu_lab edu;
static unsigned long total; /* the ledger: every update, from anywhere */
static DEFINE_SPINLOCK(ledger_lock);

/* Given: one update of the ledger. Two at once lose one of them. */
static void ledger_add(void)
{
	unsigned long t = READ_ONCE(total);

	udelay(10); /* the bookkeeping takes a moment */
	WRITE_ONCE(total, t + 1);
}

static irqreturn_t edulock_interrupt(int irq, void *data)
{
	if (!edu_lab_ack(&edu))
		return IRQ_NONE;
	spin_lock(&ledger_lock);
	ledger_add();
	spin_unlock(&ledger_lock);
	return IRQ_HANDLED;
}

static void task_updates(unsigned int n)
{
	unsigned long flags;

	for (unsigned int i = 0; i < n; i++) {
		udelay(5); /* given: prepare the entry (nothing shared) */
		spin_lock_irqsave(&ledger_lock, flags);
		ledger_add();
		spin_unlock_irqrestore(&ledger_lock, flags);
	}
}

/* Given: the device interrupts n times, one after the other. */
static void irq_updates(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		while (ioread32(edu.regs + EDU_REG_IRQ_STATUS) & EDU_IRQ_RAISED)
			cpu_relax(); /* the previous one acknowledged first */
		edu_lab_raise(&edu);
	}
}

/* Given: "total N". */
static ssize_t edulock_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char line[32];
	int len;

	if (*ppos)
		return 0;
	len = scnprintf(line, sizeof(line), "total %lu\n", READ_ONCE(total));
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

/* Given: "irq N" or "task N". */
static ssize_t edulock_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[24];
	unsigned int n;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (!strncmp(text, "irq ", 4) && !kstrtouint(text + 4, 10, &n) && n <= EDULOCK_MAX)
		irq_updates(n);
	else if (!strncmp(text, "task ", 5) && !kstrtouint(text + 5, 10, &n) && n <= EDULOCK_MAX)
		task_updates(n);
	else
		return -EINVAL;
	return count;
}

static const struct file_operations edulock_fops = {
	.owner = THIS_MODULE,
	.read = edulock_read,
	.write = edulock_write,
};

static int edulock_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = edu_lab_enable(&edu, pdev);

	if (err)
		return err;
	err = request_irq(edu.irq, edulock_interrupt, edu_lab_irq_flags(&edu), "edulock", &edu);
	if (err)
		goto disable;
	err = edu_lab_add_chrdev(&edu, "edulock", &edulock_fops);
	if (err)
		goto free;
	dev_info(&pdev->dev, "/dev/edulock: irq %d\n", edu.irq);
	return 0;
free:
	free_irq(edu.irq, &edu);
disable:
	edu_lab_disable(&edu);
	return err;
}

static void edulock_remove(struct pci_dev *pdev)
{
	edu_lab_del_chrdev(&edu);
	free_irq(edu.irq, &edu);
	edu_lab_disable(&edu);
}

static const struct pci_device_id edulock_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver edulock_driver = {
	.name = "edulock",
	.id_table = edulock_ids,
	.probe = edulock_probe,
	.remove = edulock_remove,
};
module_pci_driver(edulock_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 4: a handler and process context share a ledger, on two CPUs");
