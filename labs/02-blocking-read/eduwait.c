/*
 * Lab 2: eduwait, a char device whose read blocks until the edu device
 * interrupts (README.md says what to do).
 *
 *   echo 5 > /dev/eduwait     the device computes 5! and interrupts when done
 *   cat /dev/eduwait          should sleep until that interrupt, then print 120
 *
 * Build it:   make -C ../.. M=$PWD
 * Grade it:   make -C ../.. grade LAB=02
 */
#include <edu_lab.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

static struct edu_lab edu;
static unsigned long events; /* interrupts handled so far */
static u32 result;           /* the last factorial the device computed */
/* TODO 1: a wait queue for the readers (DECLARE_WAIT_QUEUE_HEAD). */

/* The top half: acknowledge, note the result, wake the readers. Nothing that sleeps. */
static irqreturn_t eduwait_interrupt(int irq, void *data)
{
	u32 causes = edu_lab_ack(&edu);

	if (!causes)
		return IRQ_NONE; /* another device on a shared line */
	if (causes & EDU_IRQ_FACT) {
		/*
		 * TODO 2: the device's answer is in its EDU_REG_FACTORIAL
		 * register (ioread32): keep it in `result`, count the event in
		 * `events` (the result first: a reader on another CPU that sees
		 * the new count must see the new result; smp_wmb()), and wake
		 * the readers. This is interrupt context: nothing here may sleep.
		 */
	}
	return IRQ_HANDLED;
}

/* A reader waits for interrupts after the ones it has seen when it opened. */
static int eduwait_open(struct inode *inode, struct file *file)
{
	file->private_data = (void *)READ_ONCE(events);
	return 0;
}

static ssize_t eduwait_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long seen = (unsigned long)file->private_data;
	char line[16];
	int len;

	/*
	 * TODO 3: seed 003's driver sleeps a fixed second and hopes. Sleep
	 * instead until an interrupt came that this reader has not seen
	 * (events != seen), in a way a signal can interrupt (then return
	 * -ERESTARTSYS); then remember the count in file->private_data.
	 */
	(void)seen;
	msleep(1000);
	len = scnprintf(line, sizeof(line), "%u\n", READ_ONCE(result));
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	return len;
}

/* Given: a number written starts the device's computation of its factorial. */
static ssize_t eduwait_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[12];
	unsigned int n;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (kstrtouint(text, 10, &n))
		return -EINVAL;
	edu_lab_factorial(&edu, n);
	return count;
}

static const struct file_operations eduwait_fops = {
	.owner = THIS_MODULE,
	.open = eduwait_open,
	.read = eduwait_read,
	.write = eduwait_write,
};

static int eduwait_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = edu_lab_enable(&edu, pdev);

	if (err)
		return err;
	err = request_irq(edu.irq, eduwait_interrupt, edu_lab_irq_flags(&edu), "eduwait", &edu);
	if (err)
		goto disable;
	err = edu_lab_add_chrdev(&edu, "eduwait", &eduwait_fops);
	if (err)
		goto free;
	dev_info(&pdev->dev, "/dev/eduwait: read waits for irq %d\n", edu.irq);
	return 0;
free:
	free_irq(edu.irq, &edu);
disable:
	edu_lab_disable(&edu);
	return err;
}

static void eduwait_remove(struct pci_dev *pdev)
{
	edu_lab_del_chrdev(&edu);
	free_irq(edu.irq, &edu);
	edu_lab_disable(&edu);
}

static const struct pci_device_id eduwait_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver eduwait_driver = {
	.name = "eduwait",
	.id_table = eduwait_ids,
	.probe = eduwait_probe,
	.remove = eduwait_remove,
};
module_pci_driver(eduwait_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 2: a read that blocks until the edu device interrupts");
