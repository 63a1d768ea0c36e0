/*
 * /dev/demo: the seeds' concepts on demand, for the `demo` program
 * (user/bin/demo.c). Each ioctl makes one of them happen now, in this
 * kernel, and fills a struct demo_report with what the kernel saw; the
 * kernel's own checks print their reports in the log (dmesg) as they would
 * for a real driver. The interrupts come from a simulated line
 * (tests/kernel/irq_sim.c), a real device's path through the IRQ layer.
 */
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include <uapi/janus/demo.h>

#define DEMO_IRQ (IRQ_SIM_BASE + 7) /* a simulated line the self-tests leave alone */

static DEFINE_MUTEX(demo_lock); /* one demonstration at a time */
static struct demo_report rep;
static unsigned int what;
static void __user *user_buf;

/* Where the code runs right now, in the report's words. */
static void note(struct demo_where *w)
{
	w->pid = current->pid;
	strscpy(w->comm, current->comm, sizeof(w->comm));
	w->in_hardirq = in_hardirq();
	w->in_softirq = in_serving_softirq();
	w->in_task = in_task();
	w->preempt_count = preempt_count();
}

static irqreturn_t demo_handler(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	note(&rep.handler);
	if (what == DEMO_SLEEP_IN_HANDLER)
		msleep(1); /* the rule broken on purpose: reported, and refused */
	else if (what == DEMO_USER_MEMORY_IN_HANDLER)
		rep.value = copy_to_user(user_buf, "from an interrupt", 17);
	return IRQ_HANDLED;
}

static void demo_tasklet_fn(struct tasklet_struct *t)
{
	(void)t;
	note(&rep.tasklet);
}
static DECLARE_TASKLET(demo_tasklet, demo_tasklet_fn);

static void demo_work_fn(struct work_struct *w)
{
	(void)w;
	note(&rep.work);
}
static DECLARE_WORK(demo_work, demo_work_fn);

static long run_demo(unsigned int cmd, void __user *arg)
{
	long err = request_irq(DEMO_IRQ, demo_handler, 0, "demo", &rep);

	if (err)
		return err;
	memset(&rep, 0, sizeof(rep));
	what = cmd;
	user_buf = arg;
	note(&rep.caller);
	irq_sim_fire(DEMO_IRQ);
	if (cmd == DEMO_BOTTOM_HALVES) {
		tasklet_schedule(&demo_tasklet);
		schedule_work(&demo_work);
		flush_work(&demo_work);
		tasklet_kill(&demo_tasklet);
	}
	free_irq(DEMO_IRQ, &rep);
	return 0;
}

static long demo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	long err;

	(void)file;
	if (cmd < DEMO_CONTEXT || cmd > DEMO_BOTTOM_HALVES)
		return -ENOTTY;
	if (mutex_lock_interruptible(&demo_lock))
		return -ERESTARTSYS;
	err = run_demo(cmd, (char __user *)uarg + sizeof(rep));
	if (!err && copy_to_user(uarg, &rep, sizeof(rep)))
		err = -EFAULT;
	mutex_unlock(&demo_lock);
	return err;
}

static const struct file_operations demo_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = demo_ioctl,
};

static int __init demo_init(void)
{
	int major = register_chrdev(0, "demo", &demo_fops);

	return major < 0 ? major : 0;
}
module_init(demo_init);
