/*
 * irqwait: a char device whose read blocks until an interrupt arrives: seed
 * 003's pattern with a wait queue instead of a fixed one-second sleep. Two
 * files, linked into one module (every .c of modules/irqwait/ -> irqwait.ko):
 *
 *   main.c   the top half: the handler counts the interrupt and wakes the
 *            readers (interrupt context: no sleeping, no user memory); a work
 *            item, the bottom half, logs it later in process context
 *   fops.c   the device: read sleeps on the wait queue (process context, on
 *            behalf of the reader) until the count moves
 *
 * It registers its device the Linux 2.6+ way: a dynamic major
 * (alloc_chrdev_region), a cdev, and a class and device that make the
 * /dev node (class_create and device_create are GPL-only exports).
 *
 *   insmod irqwait irq=39       (default: irq 1, the keyboard's line, shared)
 *   cat /dev/irqwait            blocks; each interrupt prints "irq 39: event 1"
 *   cat /proc/irqwait           the line and the count (seq_file)
 *
 * .owner = THIS_MODULE keeps the module loaded while /dev/irqwait is open:
 * rmmod then says who holds it. owner=0 leaves it out, to see what Janus
 * says when a module is unloaded under a sleeping reader.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/workqueue.h>
#include "irqwait.h"

struct irqwait_dev irqwait = { .irq = 1 };
module_param_named(irq, irqwait.irq, uint, 0444);
MODULE_PARM_DESC(irq, "the interrupt line to wait for (shared)");

static bool owner = true;
module_param(owner, bool, 0444);
MODULE_PARM_DESC(owner, "set .owner = THIS_MODULE in the file operations (0: forget it)");

static dev_t devt;
static struct cdev irqwait_cdev;
static struct class *irqwait_class;
static struct workqueue_struct *irqwait_wq;

/* The bottom half: process context, so it may take its time (and print). */
static void irqwait_log(struct work_struct *work)
{
	pr_info("irqwait: irq %u: event %lu\n", irqwait.irq, READ_ONCE(irqwait.events));
}
static DECLARE_WORK(irqwait_work, irqwait_log);

/* The top half: count, wake the readers, leave the rest for later. */
static irqreturn_t irqwait_handler(int irq, void *dev_id)
{
	WRITE_ONCE(irqwait.events, irqwait.events + 1);
	wake_up_interruptible(&irqwait.readers);
	queue_work(irqwait_wq, &irqwait_work);
	return IRQ_HANDLED;
}

/* /proc/irqwait: the line and how many interrupts came, with seq_file. */
static int irqwait_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "irq %u: %lu events\n", irqwait.irq, READ_ONCE(irqwait.events));
	return 0;
}

/* The device: numbers, cdev, class and the node; undone in reverse on failure. */
static int irqwait_add_device(void)
{
	struct device *dev;
	int err = alloc_chrdev_region(&devt, 0, 1, "irqwait");

	if (err)
		return err;
	cdev_init(&irqwait_cdev, &irqwait_fops);
	irqwait_cdev.owner = irqwait_fops.owner;
	err = cdev_add(&irqwait_cdev, devt, 1);
	if (err)
		goto out_region;
	irqwait_class = class_create("irqwait");
	err = PTR_ERR_OR_ZERO(irqwait_class);
	if (err)
		goto out_cdev;
	dev = device_create(irqwait_class, NULL, devt, NULL, "irqwait");
	err = PTR_ERR_OR_ZERO(dev);
	if (err)
		goto out_class;
	dev_info(dev, "read blocks until irq %u\n", irqwait.irq);
	return 0;
out_class:
	class_destroy(irqwait_class);
out_cdev:
	cdev_del(&irqwait_cdev);
out_region:
	unregister_chrdev_region(devt, 1);
	return err;
}

static int __init irqwait_init(void)
{
	int err;

	init_waitqueue_head(&irqwait.readers);
	irqwait_fops.owner = owner ? THIS_MODULE : NULL;
	irqwait_wq = alloc_workqueue("irqwait", 0, 0);
	if (!irqwait_wq)
		return -ENOMEM;
	err = request_irq(irqwait.irq, irqwait_handler, IRQF_SHARED, "irqwait", &irqwait);
	if (err)
		goto out_wq;
	err = irqwait_add_device();
	if (err)
		goto out_irq;
	proc_create_single("irqwait", 0444, NULL, irqwait_proc_show);
	return 0;
out_irq:
	free_irq(irqwait.irq, &irqwait);
out_wq:
	destroy_workqueue(irqwait_wq);
	return err;
}

static void __exit irqwait_exit(void)
{
	remove_proc_entry("irqwait", NULL);
	device_destroy(irqwait_class, devt);
	class_destroy(irqwait_class);
	cdev_del(&irqwait_cdev);
	unregister_chrdev_region(devt, 1);
	free_irq(irqwait.irq, &irqwait);
	destroy_workqueue(irqwait_wq); /* runs the queued bottom half first */
}

module_init(irqwait_init);
module_exit(irqwait_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("The Janus team");
MODULE_DESCRIPTION("A char device whose read blocks until an interrupt arrives");
