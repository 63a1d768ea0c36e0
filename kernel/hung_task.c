/*
 * The hung-task detector (Linux's khungtaskd). A task asleep in
 * TASK_UNINTERRUPTIBLE can be woken only by the event it waits for: no
 * signal ends the wait. If that event never comes (a lost wake-up, a
 * deadlock, a completion nobody completes), the task and whoever waits for
 * it are stuck for good, silently. Every hung_task_timeout_secs the daemon
 * looks at each such task: one that has not been switched in since its last
 * look, a whole period ago, is reported with its backtrace, so a hang says
 * where it is. hung_task_timeout_secs=0 on the command line turns it off.
 *
 * The same looks catch the other silent hang, which a D-state check cannot
 * see: a task that is runnable, queued on its CPU, yet not run for a whole
 * period ("INFO: task X:N runnable but not run for more than S seconds"): a
 * lost reschedule (its CPU idles with need_resched clear) or a CPU that never
 * reaches the scheduler. The period is counted in that CPU's own ticks, so a
 * virtual CPU its host did not run is not taken for a starved task.
 */
#include <trace/events/janus.h>
#include <asm/stacktrace.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <janus/hung_task.h>

unsigned long hung_task_timeout_secs = 120;
unsigned int hung_task_reports; /* tasks reported so far (the tests read it) */
static int hung_task_warnings = 10; /* reports left, as Linux's kernel.hung_task_warnings */
static struct task_struct *khungtaskd;

static int __init hung_task_timeout_setup(char *val)
{
	unsigned long secs;

	if (!val || kstrtoul(val, 0, &secs) || secs > 24 * 3600)
		return -EINVAL;
	hung_task_timeout_secs = secs;
	return 0;
}
early_param("hung_task_timeout_secs", hung_task_timeout_setup);

static void report_hung_task(struct task_struct *t, unsigned long timeout_secs)
{
	if (hung_task_warnings > 0) {
		hung_task_warnings--;
		pr_err("INFO: task %s:%d blocked for more than %lu seconds.\n", t->comm, t->pid,
		       timeout_secs);
		trace_janus_report("INFO: task blocked for too long");
		pr_err("task:%s state:D pid:%d cpu:%d switches:%lu\n", t->comm, t->pid, t->cpu,
		       t->nvcsw + t->nivcsw);
		show_task_trace(t, KERN_ERR);
	}
	WRITE_ONCE(hung_task_reports, hung_task_reports + 1); /* after the report: tests read both */
}

static void report_starved_task(struct task_struct *t, int cpu, unsigned long timeout_secs)
{
	struct task_struct *curr = cpu_curr_snapshot(cpu);

	if (hung_task_warnings > 0) {
		hung_task_warnings--;
		pr_err("INFO: task %s:%d runnable but not run for more than %lu seconds.\n", t->comm,
		       t->pid, timeout_secs);
		trace_janus_report("INFO: task runnable but not run for too long");
		pr_err("task:%s state:R pid:%d cpu:%d switches:%lu; CPU%d runs %s/%d%s, need_resched %d\n",
		       t->comm, t->pid, cpu, t->nvcsw + t->nivcsw, cpu, curr->comm, curr->pid,
		       (curr->flags & PF_IDLE) ? " (its idle task)" : "", READ_ONCE(curr->need_resched));
		show_task_trace(t, KERN_ERR);
	}
	WRITE_ONCE(hung_task_reports, hung_task_reports + 1);
}

/* A runnable task waiting on a runqueue: one seen with the same switch count on
 * the same CPU after that CPU took a whole period of ticks is starved. Seen
 * running, asleep or on another CPU, it starts a new period. */
static void check_runnable_task(struct task_struct *t, unsigned long switches,
				unsigned long timeout_secs)
{
	int cpu = READ_ONCE(t->cpu);
	unsigned long ticks = watchdog_cpu_ticks(cpu);

	if (!READ_ONCE(t->on_rq) || task_curr(t) || (t->flags & PF_IDLE) ||
	    switches != t->last_switch_count || cpu != t->last_switch_cpu || !t->last_switch_ticks) {
		t->last_switch_count = switches;
		t->last_switch_time = jiffies; /* the D-state check's period starts here too */
		t->last_switch_cpu = cpu;
		t->last_switch_ticks = ticks;
		return;
	}
	if (ticks - t->last_switch_ticks < timeout_secs * HZ)
		return;
	report_starved_task(t, cpu, timeout_secs);
	t->last_switch_ticks = ticks; /* again after another period, if still waiting */
}

/* Under tasklist_lock. A task seen with a new switch count starts a new
 * period; one seen with the same count a whole period later is hung. */
static void check_hung_task(struct task_struct *t, void *arg)
{
	unsigned long timeout_secs = *(unsigned long *)arg, switches = t->nvcsw + t->nivcsw;

	if (t->state == TASK_RUNNING) {
		check_runnable_task(t, switches, timeout_secs);
		return;
	}
	t->last_switch_ticks = 0; /* a new period if it becomes runnable */
	if (t->state != TASK_UNINTERRUPTIBLE || !switches) /* never ran: not woken yet */
		return;
	if (switches != t->last_switch_count) {
		t->last_switch_count = switches;
		t->last_switch_time = jiffies;
		return;
	}
	if (time_before(jiffies, t->last_switch_time + timeout_secs * HZ))
		return;
	report_hung_task(t, timeout_secs);
	t->last_switch_time = jiffies; /* again after another period, if still stuck */
}

static int watchdog(void *unused)
{
	(void)unused;
	for (;;) {
		unsigned long secs = READ_ONCE(hung_task_timeout_secs);

		if (secs)
			for_each_task(check_hung_task, &secs);
		/* The state before the last looks: a new timeout (whose setter
		 * wakes us) or a stop that comes now is never lost. */
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		if (READ_ONCE(hung_task_timeout_secs) == secs)
			schedule_timeout(secs ? secs * HZ : MAX_SCHEDULE_TIMEOUT);
		__set_current_state(TASK_RUNNING);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/**
 * hung_task_set_timeout() - Set how long a task may stay in D state before khungtaskd reports it.
 * @secs: seconds; 0 turns the check off
 *
 * khungtaskd is woken so the new period applies at once.
 *
 * Context: any context; does not sleep.
 */
void hung_task_set_timeout(unsigned long secs)
{
	WRITE_ONCE(hung_task_timeout_secs, secs);
	if (khungtaskd)
		wake_up_process(khungtaskd); /* it may be asleep for the old period */
}

static int __init hung_task_init(void)
{
	struct task_struct *t = kthread_run(watchdog, NULL, "khungtaskd");

	if (IS_ERR(t))
		return PTR_ERR(t);
	khungtaskd = t;
	return 0;
}
core_initcall(hung_task_init);
