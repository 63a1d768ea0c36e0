/*
 * Lab 5: ctxcount counts the events of a driver by the context they happen
 * in (hardirq, softirq, task) and by CPU, with no lock at all (README.md
 * says what to do).
 *
 *   echo 100 > /dev/ctxcount   100 events in each context: the write
 *                              itself (task), the edu device's interrupt
 *                              (hardirq) and the tasklet it schedules (softirq)
 *   cat /dev/ctxcount          cpu0 hardirq 100 softirq 100 task 37
 *                              cpu1 hardirq 0 softirq 0 task 63
 *                              total hardirq 100 softirq 100 task 100
 *
 * Build it:   make -C ../.. M=$PWD
 * Grade it:   make -C ../.. grade LAB=05
 */
#include <edu_lab.h>
#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/kstrtox.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>

#define CTXCOUNT_MAX 100000

struct ctx_counts {
	u32 hardirq, softirq, task;
};

/*
 * TODO 1: one struct ctx_counts for each CPU: alloc_percpu() in
 * ctxcount_init(), free_percpu() in ctxcount_exit().
 */
static struct ctx_counts counts; /* one for the whole machine: replace it */

/* An event. */
static void count_event(void)
{
	/*
	 * TODO 2: count it for the context it happens in (in_hardirq(),
	 * in_serving_softirq(), in_task()), in this CPU's counters, with no
	 * lock: this_cpu_inc().
	 */
	counts.task++;
}

/* What cat /dev/ctxcount prints. */
static int format_counts(char *buf, size_t size)
{
	/*
	 * TODO 3: first a line for each online CPU (for_each_online_cpu,
	 * per_cpu_ptr): "cpu1 hardirq 0 softirq 0 task 63", then the sums.
	 */
	return scnprintf(buf, size, "total hardirq %u softirq %u task %u\n", counts.hardirq,
			 counts.softirq, counts.task);
}

/* ---- Given: the driver around the counters. ---- */

static struct edu_lab edu;
static DEFINE_MUTEX(raise_lock);     /* one writer raises interrupts at a time */
static unsigned long tasklet_runs;

static void ctxcount_tasklet_fn(struct tasklet_struct *t)
{
	count_event(); /* softirq context */
	WRITE_ONCE(tasklet_runs, tasklet_runs + 1);
}
static DECLARE_TASKLET(ctxcount_tasklet, ctxcount_tasklet_fn);

static irqreturn_t ctxcount_interrupt(int irq, void *data)
{
	if (!edu_lab_ack(&edu))
		return IRQ_NONE;
	count_event(); /* hardirq context */
	tasklet_schedule(&ctxcount_tasklet);
	return IRQ_HANDLED;
}

/* n events in each context: n here, and n interrupts, each waited for with its tasklet. */
static void make_events(unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		count_event(); /* process context, on behalf of the writer */
	mutex_lock(&raise_lock);
	for (unsigned int i = 0; i < n; i++) {
		unsigned long done = READ_ONCE(tasklet_runs) + 1;

		edu_lab_raise(&edu);
		while (READ_ONCE(tasklet_runs) != done)
			cpu_relax(); /* the handler and its tasklet, on whichever CPU */
	}
	mutex_unlock(&raise_lock);
}

static ssize_t ctxcount_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char text[48 * (NR_CPUS + 1)];
	int len;

	if (*ppos)
		return 0;
	len = format_counts(text, sizeof(text));
	if (count < (size_t)len)
		return -EINVAL;
	if (copy_to_user(buf, text, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static ssize_t ctxcount_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[12];
	unsigned int n;

	if (count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (kstrtouint(text, 10, &n) || n > CTXCOUNT_MAX)
		return -EINVAL;
	make_events(n);
	return count;
}

static const struct file_operations ctxcount_fops = {
	.owner = THIS_MODULE,
	.read = ctxcount_read,
	.write = ctxcount_write,
};

static int ctxcount_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = edu_lab_enable(&edu, pdev);

	if (err)
		return err;
	err = request_irq(edu.irq, ctxcount_interrupt, edu_lab_irq_flags(&edu), "ctxcount", &edu);
	if (err)
		goto disable;
	err = edu_lab_add_chrdev(&edu, "ctxcount", &ctxcount_fops);
	if (err)
		goto free;
	dev_info(&pdev->dev, "/dev/ctxcount: irq %d\n", edu.irq);
	return 0;
free:
	free_irq(edu.irq, &edu);
	tasklet_kill(&ctxcount_tasklet);
disable:
	edu_lab_disable(&edu);
	return err;
}

static void ctxcount_remove(struct pci_dev *pdev)
{
	edu_lab_del_chrdev(&edu);
	free_irq(edu.irq, &edu);
	tasklet_kill(&ctxcount_tasklet);
	edu_lab_disable(&edu);
}

static const struct pci_device_id ctxcount_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_QEMU, EDU_DEVICE_ID) },
	{ }
};

static struct pci_driver ctxcount_driver = {
	.name = "ctxcount",
	.id_table = ctxcount_ids,
	.probe = ctxcount_probe,
	.remove = ctxcount_remove,
};

static int __init ctxcount_init(void)
{
	return pci_register_driver(&ctxcount_driver);
}

static void __exit ctxcount_exit(void)
{
	pci_unregister_driver(&ctxcount_driver);
}

module_init(ctxcount_init);
module_exit(ctxcount_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 5: events counted by context and by CPU, without locks");
