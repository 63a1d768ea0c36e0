/*
 * seed003: seed 003's example driver ("Interrupt Context vs Process
 * Context") as a loadable module, the tutorial's code with what a module
 * adds: .owner = THIS_MODULE (an open device keeps the module loaded), and
 * names of its own, since the built-in copy (drivers/seed003.c) already
 * holds the tutorial's: irq 1 handler "seed003_irq_handler", device
 * /dev/seed003_dev.
 *
 *   insmod seed003      a shared handler on irq 1 (the keyboard's line),
 *                       a char device whose read sleeps a second, on behalf
 *                       of the reader, then copies its message out
 *   cat /dev/seed003_dev
 *   rmmod seed003       frees both
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static irqreturn_t my_interrupt_handler(int irq, void *dev_id)
{
	printk(KERN_INFO "Running in interrupt context!\n");
	// Do not sleep or schedule here!
	return IRQ_HANDLED;
}

static ssize_t my_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char data[] = "Data from process context\n";
	int ret;

	if (*ppos) /* the message once, then end of file (so cat stops) */
		return 0;
	// Simulate sleeping operation (e.g., waiting for data)
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(HZ); // Sleep for 1 second
	ret = copy_to_user(buf, data, sizeof(data) - 1);
	if (ret)
		return -EFAULT;
	*ppos += sizeof(data) - 1;
	return sizeof(data) - 1;
}

static struct file_operations fops = {
	.owner = THIS_MODULE,
	.read = my_read,
};

static int major;

static int __init my_module_init(void)
{
	int irq = 1; // Example IRQ number
	int ret = request_irq(irq, my_interrupt_handler, IRQF_SHARED, "seed003_irq_handler",
			      (void *)(my_interrupt_handler));

	if (ret) {
		printk(KERN_ERR "Failed to request IRQ\n");
		return ret;
	}
	major = register_chrdev(0, "seed003_dev", &fops);
	if (major < 0) {
		printk(KERN_ERR "Failed to register char device\n");
		free_irq(irq, (void *)(my_interrupt_handler));
		return major;
	}
	return 0;
}

static void __exit my_module_exit(void)
{
	int irq = 1;

	unregister_chrdev(major, "seed003_dev");
	free_irq(irq, (void *)(my_interrupt_handler));
	printk(KERN_INFO "Module unloaded\n");
}

module_init(my_module_init);
module_exit(my_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Seed 003's interrupt and process context example, as a module");
