/*
 * Seed 003's example driver ("Interrupt Context vs Process Context"), as one
 * built-in driver written against include/linux/ only, so that it would build
 * in Linux as it is:
 *
 *   - a shared handler on IRQ 1 (the tutorial's example line: the PC
 *     keyboard's), registered with its own address as dev_id. It runs in
 *     interrupt context: it only prints, and must not sleep;
 *   - a character device, "my_proc_context_dev", whose read runs in process
 *     context, on behalf of the reading process: it sleeps for a second with
 *     set_current_state(TASK_INTERRUPTIBLE); schedule_timeout(HZ); and then
 *     copies its message to the reader with copy_to_user().
 *
 * Next to the tutorial's code, it notes what each part saw (seed003_seen)
 * for the seed003_driver suite. docs/seed003-driver.md walks through it.
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "seed003.h"

struct seed003_seen seed003_seen;

static irqreturn_t my_interrupt_handler(int irq, void *dev_id)
{
	printk(KERN_INFO "Running in interrupt context!\n");
	// Do not sleep or schedule here!
	seed003_seen.irq_calls++;
	seed003_seen.irq_in_task = in_task();
	(void)irq;
	(void)dev_id;
	return IRQ_HANDLED;
}

static ssize_t my_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char data[] = "Data from process context\n";
	unsigned long start = jiffies;
	int ret;

	seed003_seen.reader_pid = current->pid;
	seed003_seen.read_in_task = in_task();
	seed003_seen.read_preempt_count = preempt_count();
	// Simulate sleeping operation (e.g., waiting for data)
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(HZ); // Sleep for 1 second
	seed003_seen.slept_jiffies = jiffies - start;
	ret = copy_to_user(buf, data, sizeof(data));
	if (ret)
		return -EFAULT;
	(void)file;
	(void)count;
	(void)ppos;
	return sizeof(data);
}

static struct file_operations fops = {
	.read = my_read,
};

static int major;

static int __init my_module_init(void)
{
	int irq = SEED003_IRQ; // Example IRQ number
	int ret = request_irq(irq, my_interrupt_handler, IRQF_SHARED, "my_irq_handler",
			      (void *)(my_interrupt_handler));

	if (ret) {
		printk(KERN_ERR "Failed to request IRQ\n");
		return ret;
	}
	major = register_chrdev(0, "my_proc_context_dev", &fops);
	if (major < 0)
		printk(KERN_ERR "Failed to register char device\n");
	seed003_seen.major = major;
	return 0;
}

static void __exit my_module_exit(void)
{
	int irq = SEED003_IRQ;

	unregister_chrdev(major, "my_proc_context_dev");
	free_irq(irq, (void *)(my_interrupt_handler));
	printk(KERN_INFO "Module unloaded\n");
}

module_init(my_module_init);
module_exit(my_module_exit);
MODULE_LICENSE("GPL");
