/*
 * Scheduler benchmarks: a one-way switch between two kthreads ping-ponging
 * through completions (kthread_switch), the same with 1,000 other runnable
 * tasks on the runqueue (switch_1000: equal if picking is O(1)), and the time
 * from a hardirq's wake_up to the woken kthread running (wakeup_latency).
 */
#include <asm/tsc.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <janus/bench.h>
#include "helpers.h"

#define ROUNDS 1000
#define FILLERS 1000
#define BENCH_PRIO 5

static struct completion ping, pong, finished;
static u64 pingpong_cycles;

static int pinger(void *data)
{
	u64 start = rdtsc_ordered();

	(void)data;
	for (int i = 0; i < ROUNDS; i++) {
		complete(&ping);
		wait_for_completion(&pong);
	}
	pingpong_cycles = rdtsc_ordered() - start;
	complete(&finished);
	return 0;
}

static int ponger(void *data)
{
	(void)data;
	for (int i = 0; i < ROUNDS; i++) {
		wait_for_completion(&ping);
		complete(&pong);
	}
	return 0;
}

static struct task_struct *start_at(int (*fn)(void *), const char *name, int prio)
{
	struct task_struct *t = kthread_create(fn, NULL, "%s", name);

	if (IS_ERR(t))
		return t;
	sched_set_prio(t, prio);
	wake_up_process(t);
	return t;
}

/* Cycles per one-way switch, or 0 if the ping-pong did not finish. */
static u64 measure_pingpong(void)
{
	init_completion(&ping);
	init_completion(&pong);
	init_completion(&finished);
	if (IS_ERR(start_at(ponger, "pong", BENCH_PRIO)) || IS_ERR(start_at(pinger, "ping", BENCH_PRIO)))
		return 0;
	if (!wait_for_completion_timeout(&finished, 60 * HZ))
		return 0;
	msleep(10); /* let both exit */
	return div_u64(pingpong_cycles, 2 * ROUNDS);
}

static volatile bool fillers_stop;

/* Runnable all along, at the lowest priority: it only runs once the benchmark is over. */
static int filler(void *data)
{
	(void)data;
	while (!READ_ONCE(fillers_stop))
		yield();
	return 0;
}

static void bench_context_switch(void)
{
	unsigned int threads = nr_threads();
	int started = 0;

	bench_report("kthread_switch", measure_pingpong(), "cycles");

	fillers_stop = false;
	for (; started < FILLERS; started++)
		if (IS_ERR(start_at(filler, "filler", MAX_PRIO - 1)))
			break;
	if (started == FILLERS)
		bench_report("switch_1000", measure_pingpong(), "cycles");
	fillers_stop = true;
	wait_until(nr_threads() == threads, 30000);
}
DEFINE_BENCHMARK(bench_context_switch);

static DECLARE_WAIT_QUEUE_HEAD(wakeup_wq);
static volatile bool wakeup_flag;
static volatile u64 irq_tsc, run_tsc;

static irqreturn_t wake_the_waiter(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	irq_tsc = rdtsc_ordered();
	wakeup_flag = true;
	wake_up(&wakeup_wq);
	return IRQ_HANDLED;
}

static int waiter(void *data)
{
	(void)data;
	while (!kthread_should_stop()) {
		wait_event(wakeup_wq, wakeup_flag || kthread_should_stop());
		run_tsc = rdtsc_ordered();
		wakeup_flag = false;
	}
	return 0;
}

static u64 median(u64 *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			u64 t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

static void bench_wakeup_latency(void)
{
	static u64 samples[201];
	struct task_struct *w;
	static int dev;

	if (request_irq(IRQ_SIM_BASE, wake_the_waiter, 0, "bench-wakeup", &dev))
		return;
	w = start_at(waiter, "woken", BENCH_PRIO);
	if (!IS_ERR(w)) {
		msleep(10);
		for (unsigned int i = 0; i < ARRAY_SIZE(samples); i++) {
			irq_sim_fire(IRQ_SIM_BASE); /* the waiter preempts us on the way out */
			samples[i] = run_tsc - irq_tsc;
		}
		bench_report("wakeup_latency", median(samples, ARRAY_SIZE(samples)), "cycles");
		kthread_stop(w);
	}
	free_irq(IRQ_SIM_BASE, &dev);
}
DEFINE_BENCHMARK(bench_wakeup_latency);
