/*
 * bug_leftovers: registers one of each thing a module must undo, and lets
 * its exit function "forget" the ones named in leave=, to show what Janus
 * says at rmmod (kernel/module/leftovers.c asks every registry):
 *
 *   insmod bug_leftovers leave=irq,timer,tasklet,kthread,workqueue,chrdev,proc
 *   rmmod bug_leftovers    one "BUG: module bug_leftovers unloaded with ..."
 *                          line per leftover, naming the call that made it;
 *                          the module stays (Unloading) and rmmod fails
 *
 * Nothing is left with leave= empty (the default): the control.
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static char *leave = "";
module_param(leave, charp, 0444);
MODULE_PARM_DESC(leave, "what exit forgets: irq,timer,tasklet,kthread,workqueue,chrdev,proc");

static unsigned int irq = 37;
module_param(irq, uint, 0444);
MODULE_PARM_DESC(irq, "the simulated line for the irq (32 to 39)");

static struct timer_list leftover_timer;
static struct tasklet_struct leftover_tasklet;
static bool tasklet_left;
static struct task_struct *leftover_thread;
static struct workqueue_struct *leftover_wq;
static int major;
static const struct file_operations leftover_fops;
static struct proc_dir_entry *leftover_proc;

static int leftover_show(struct seq_file *m, void *v)
{
	seq_puts(m, "left behind\n");
	return 0;
}

static irqreturn_t leftover_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static void leftover_timer_fn(struct timer_list *t)
{
}

static void leftover_tasklet_fn(struct tasklet_struct *t)
{
}

static int leftover_thread_fn(void *data)
{
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ);
	return 0;
}

static bool forgets(const char *what)
{
	return strstr(leave, what) != NULL;
}

/* Undoes each registration that is still there (not left, or left and now
 * cleaned up): what a correct exit does. */
static void __used bug_leftovers_cleanup(bool all)
{
	if (all || !forgets("proc")) {
		proc_remove(leftover_proc);
		leftover_proc = NULL;
	}
	if ((all || !forgets("chrdev")) && major > 0) {
		unregister_chrdev(major, "bug_leftovers");
		major = 0;
	}
	if ((all || !forgets("workqueue")) && leftover_wq) {
		destroy_workqueue(leftover_wq);
		leftover_wq = NULL;
	}
	if ((all || !forgets("kthread")) && leftover_thread) {
		kthread_stop(leftover_thread);
		leftover_thread = NULL;
	}
	if (all || !forgets("timer"))
		del_timer_sync(&leftover_timer);
	if (all && tasklet_left) {
		tasklet_enable(&leftover_tasklet);
		tasklet_left = false;
	}
	if (all || !forgets("tasklet"))
		tasklet_kill(&leftover_tasklet);
	if ((all || !forgets("irq")) && irq) {
		free_irq(irq, &leftover_timer);
		irq = 0;
	}
}

static int __init bug_init(void)
{
	int err = request_irq(irq, leftover_handler, IRQF_SHARED, "bug_leftovers", &leftover_timer);

	if (err) {
		irq = 0;
		return err;
	}
	timer_setup(&leftover_timer, leftover_timer_fn, 0);
	tasklet_setup(&leftover_tasklet, leftover_tasklet_fn);
	tasklet_schedule(&leftover_tasklet);
	mod_timer(&leftover_timer, jiffies + 3600 * HZ);
	leftover_thread = kthread_run(leftover_thread_fn, NULL, "bug_leftovers");
	leftover_wq = alloc_workqueue("bug_leftovers", 0, 0);
	major = register_chrdev(0, "bug_leftovers", &leftover_fops);
	leftover_proc = proc_create_single("bug_leftovers", 0444, NULL, leftover_show);
	if (IS_ERR(leftover_thread) || !leftover_wq || major < 0 || !leftover_proc) {
		if (IS_ERR(leftover_thread))
			leftover_thread = NULL;
		bug_leftovers_cleanup(true);
		return -ENOMEM;
	}
	return 0;
}

static void __exit bug_exit(void)
{
	if (forgets("tasklet")) {
		/* As if its interrupt had scheduled it a moment ago, and exit
		 * forgot tasklet_kill(): held disabled, so it is still queued
		 * when rmmod looks (cleanup enables and kills it). */
		tasklet_disable(&leftover_tasklet);
		tasklet_left = true;
		tasklet_schedule(&leftover_tasklet);
	}
	bug_leftovers_cleanup(false);
}

module_init(bug_init);
module_exit(bug_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Deliberately buggy: its exit forgets what leave= names");
