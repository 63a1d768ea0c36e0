/*
 * The timeline demo (`make timeline`, docs/timeline.md): with trace_demo on
 * the command line, this built-in driver stages seed 003's story on two CPUs
 * while the tracer records it, then prints the trace on the console.
 *
 *   seed003's read() sleeps in the kernel on behalf of its process;
 *   a key is pressed (QEMU's sendkey): IRQ 1, shared with seed003's handler;
 *   the top half here schedules a tasklet (TASKLET softirq);
 *   the tasklet queues a work item (a kworker, process context) and a timer;
 *   the work item wakes a thread bound to the other CPU (a reschedule IPI)
 *   and asks that CPU to run a function (a call-function IPI);
 *   the timer (TIMER softirq) completes the chain;
 *   a second later seed003's timer wakes it, and its read returns.
 */
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/trace.h>
#include <linux/workqueue.h>

#define DEMO_IRQ 1 /* the keyboard's line, seed 003's example */

static bool demo_requested;
static struct task_struct *helper;
static struct tasklet_struct demo_tasklet;
static struct work_struct demo_work;
static struct timer_list demo_timer;
static DECLARE_COMPLETION(chain_done);
static unsigned int ipi_calls;

static irqreturn_t demo_key_interrupt(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	tasklet_schedule(&demo_tasklet); /* the rest is not for a top half */
	return IRQ_HANDLED;
}

static void demo_tasklet_fn(struct tasklet_struct *t)
{
	(void)t;
	queue_work(system_wq, &demo_work);
	mod_timer(&demo_timer, jiffies + 2);
}

static void demo_ipi_fn(void *info)
{
	(void)info;
	ipi_calls++;
}

static void demo_work_fn(struct work_struct *work)
{
	(void)work;
	wake_up_process(helper);
	smp_call_function_single(helper->cpu, demo_ipi_fn, NULL, 0);
}

static void demo_timer_fn(struct timer_list *t)
{
	(void)t;
	complete(&chain_done);
}

/* Sleeps until woken: the other CPU's task in the picture. */
static int demo_helper(void *unused)
{
	(void)unused;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE); /* before the test: no lost kthread_stop() */
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

struct user_probe {
	bool seed003_asleep;
	unsigned int programs; /* user processes besides init */
};

static void look_at_task(struct task_struct *p, void *arg)
{
	struct user_probe *probe = arg;

	if (!p->mm || p->pid == 1 || p->exit_state || (p->state & TASK_DEAD))
		return;
	probe->programs++;
	if (!strcmp(p->comm, "seed003") && p->state == TASK_INTERRUPTIBLE)
		probe->seed003_asleep = true;
}

static struct user_probe user_now(void)
{
	struct user_probe probe = { false, 0 };

	for_each_task(look_at_task, &probe);
	return probe;
}

static int demo_thread(void *unused)
{
	int i;

	(void)unused;
	for (i = 0; i < 30 * HZ && !user_now().seed003_asleep; i++)
		schedule_timeout_interruptible(1);
	pr_info("trace_demo: seed003 sleeps in read(): press a key (IRQ 1)\n");
	if (!wait_for_completion_timeout(&chain_done, 5 * HZ))
		pr_warn("trace_demo: no IRQ 1 came: the trace has no key in it\n");
	/* seed003 wakes a second after it slept; init then runs cat. Printing
	 * waits for them: two CPUs printing at once overrun the log. One long
	 * sleep first, so this thread's own wake-ups stay out of the picture. */
	schedule_timeout_interruptible(HZ + HZ / 5);
	for (i = 0; i < 5 * HZ && user_now().programs; i++)
		schedule_timeout_interruptible(1);
	tracing_off();
	schedule_timeout_interruptible(HZ / 10); /* init's last line */
	pr_info("trace_demo: begin trace\n");
	trace_print_buffer();
	pr_info("trace_demo: end trace (%u call-function IPI)\n", ipi_calls);
	kthread_stop(helper);
	return 0;
}

static int __init trace_demo_init(void)
{
	struct task_struct *t;

	if (!demo_requested)
		return 0;
	if (num_online_cpus() < 2)
		pr_warn("trace_demo: one CPU: the IPIs will not show\n");
	tasklet_setup(&demo_tasklet, demo_tasklet_fn);
	INIT_WORK(&demo_work, demo_work_fn);
	timer_setup(&demo_timer, demo_timer_fn, 0);
	helper = kthread_create(demo_helper, NULL, "demo_helper");
	if (IS_ERR(helper))
		return PTR_ERR(helper);
	kthread_bind(helper, num_online_cpus() - 1);
	wake_up_process(helper);
	if (request_irq(DEMO_IRQ, demo_key_interrupt, IRQF_SHARED, "trace_demo", &demo_tasklet))
		pr_warn("trace_demo: cannot share IRQ %d\n", DEMO_IRQ);
	t = kthread_run(demo_thread, NULL, "trace_demo");
	return IS_ERR(t) ? PTR_ERR(t) : 0;
}
late_initcall(trace_demo_init);

static int __init trace_demo_setup(char *val)
{
	if (val)
		return -EINVAL;
	demo_requested = true;
	return 0;
}
early_param("trace_demo", trace_demo_setup);
