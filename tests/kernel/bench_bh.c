/*
 * bh_latency: TSC ticks from the start of a hardirq handler to the first
 * instruction of the deferred function, for each bottom half: a softirq, a
 * tasklet, a workqueue item, a threaded handler, and a kthread woken directly.
 * The interrupt is raised from a low-priority kthread, so a woken thread gets
 * the CPU on the way out of the interrupt, as it would on an idle system.
 */
#include <asm/tsc.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <janus/bench.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define TRIGGER_PRIO 30

enum mech { SOFTIRQ, TASKLET, WORKQUEUE, THREADED_IRQ, KTHREAD_WAKEUP, NR_MECH };
static const char *const names[NR_MECH] = {
	"bh_latency_softirq", "bh_latency_tasklet", "bh_latency_workqueue",
	"bh_latency_threaded_irq", "bh_latency_kthread_wakeup",
};
/* What each is compared to: a task has to be switched to, or nothing. */
static const char *const floors[NR_MECH] = { "-", "-", "kthread_switch", "kthread_switch",
					     "kthread_switch" };

static enum mech mech;
static volatile u64 t_irq, t_deferred;
static volatile bool deferred_ran, kthread_flag;
static DECLARE_WAIT_QUEUE_HEAD(kthread_wq);

static void arrived(void)
{
	t_deferred = rdtsc_ordered();
	deferred_ran = true;
}

static void softirq_fn(struct softirq_action *a) { (void)a; arrived(); }
static void tasklet_fn(struct tasklet_struct *t) { (void)t; arrived(); }
static DECLARE_TASKLET(bench_tasklet, tasklet_fn);
static void work_fn(struct work_struct *w) { (void)w; arrived(); }
static DECLARE_WORK(bench_work, work_fn);

static irqreturn_t thread_fn(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	arrived();
	return IRQ_HANDLED;
}

static irqreturn_t hard_fn(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	t_irq = rdtsc_ordered();
	switch (mech) {
	case SOFTIRQ: raise_softirq(SELFTEST_SOFTIRQ); break;
	case TASKLET: tasklet_schedule(&bench_tasklet); break;
	case WORKQUEUE: schedule_work(&bench_work); break;
	case THREADED_IRQ: return IRQ_WAKE_THREAD;
	case KTHREAD_WAKEUP:
		kthread_flag = true;
		wake_up(&kthread_wq);
		break;
	default: break;
	}
	return IRQ_HANDLED;
}

static int waiting_kthread(void *data)
{
	(void)data;
	while (!kthread_should_stop()) {
		wait_event(kthread_wq, kthread_flag || kthread_should_stop());
		if (kthread_flag) {
			arrived();
			kthread_flag = false;
		}
	}
	return 0;
}

static u64 samples[NR_MECH][BENCH_SAMPLES];
static unsigned int taken[NR_MECH], missed[NR_MECH];
static struct completion trigger_done;

/* A deferral that does not run within a second is missed: counted, not timed. */
static int trigger(void *data)
{
	(void)data;
	for (mech = 0; mech < NR_MECH; mech++)
		for (int i = 0; i < BENCH_SAMPLES; i++) {
			deferred_ran = false;
			irq_sim_fire(LINE);
			if (wait_until(deferred_ran, 1000))
				samples[mech][taken[mech]++] = t_deferred - t_irq;
			else
				missed[mech]++;
		}
	complete(&trigger_done);
	return 0;
}

static void bench_bh_latency(void)
{
	static int dev;
	struct task_struct *waiter, *t;

	open_softirq(SELFTEST_SOFTIRQ, softirq_fn);
	if (request_threaded_irq(LINE, hard_fn, thread_fn, 0, "bench-bh", &dev))
		return;
	waiter = kthread_run(waiting_kthread, NULL, "bench-waiter");
	init_completion(&trigger_done);
	t = kthread_create(trigger, NULL, "bench-trigger");
	if (!IS_ERR(waiter) && !IS_ERR(t)) {
		sched_set_prio(t, TRIGGER_PRIO);
		wake_up_process(t);
		wait_for_completion(&trigger_done);
		for (int m = 0; m < NR_MECH; m++)
			bench_report(names[m], floors[m], samples[m], taken[m], 1, missed[m]);
	}
	if (!IS_ERR(waiter))
		kthread_stop(waiter);
	free_irq(LINE, &dev);
}
DEFINE_BENCHMARK(bench_bh_latency);
