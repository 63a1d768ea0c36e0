/* irqwait's char device: read sleeps until the next interrupt (main.c has the handler). */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include "irqwait.h"

/* Each reader waits for an interrupt after the ones it has already seen. */
static int irqwait_open(struct inode *inode, struct file *file)
{
	file->private_data = (void *)READ_ONCE(irqwait.events);
	return 0;
}

static ssize_t irqwait_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long seen = (unsigned long)file->private_data, now;
	char line[48];
	int len, err;

	/* Process context: sleeping is allowed, and this is where it happens. */
	err = wait_event_interruptible(irqwait.readers, READ_ONCE(irqwait.events) != seen);
	if (err)
		return err;
	now = READ_ONCE(irqwait.events);
	file->private_data = (void *)now;
	len = scnprintf(line, sizeof(line), "irq %u: event %lu\n", irqwait.irq, now);
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

struct file_operations irqwait_fops = {
	.open = irqwait_open,
	.read = irqwait_read,
};
