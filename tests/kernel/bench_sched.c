/*
 * Scheduler benchmarks, on the benchmarks' one CPU:
 *   yield_switch_2      two kthreads taking turns with yield(): TSC ticks
 *                       from one's yield() to the next one's return from it
 *                       (one switch);
 *   yield_switch_1000   the same with 1000 kthreads, all runnable at the same
 *                       priority, round-robin: flat if picking and switching
 *                       do not depend on how many wait (and _64, _256 in
 *                       between: in time the cost steps up once the tasks'
 *                       stacks and task_structs outgrow TCG's 256-entry soft
 *                       TLB, see docs/performance.md);
 *   kthread_switch      a ping-pong through completions: a wake-up and a
 *                       switch each way (batch 2: per one-way hand-over);
 *   kthread_switch_1000 the same pair with 998 more kthreads runnable at its
 *                       priority, each of which runs (and yields) between two
 *                       samples; kthread_switch_2: the pair alone, timed the
 *                       same way;
 *   wakeup_latency      a hardirq's wake_up until the woken kthread runs;
 *   wakeup_latency_1000 the same while the interrupted task is one of 1000
 *                       runnable at its priority, all of which run between
 *                       two samples (_2: one of two).
 * The crowds stay out of the timed windows because yield() sends a yielder
 * to the expired array (as Linux 2.6 did): a woken task of their priority
 * goes to the active one and runs first.
 */
#include <asm/tsc.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <janus/bench.h>
#include "helpers.h"

#define BENCH_PRIO 5
#define WARMUP 20

static u64 samples[BENCH_SAMPLES];

static struct task_struct *start_at(int (*fn)(void *), void *data, const char *name, int prio)
{
	struct task_struct *t = kthread_create(fn, data, "%s", name);

	if (IS_ERR(t))
		return t;
	sched_set_prio(t, prio);
	wake_up_process(t);
	return t;
}

/* ---- A crowd: kthreads runnable at one priority that yield whenever they run. */

static volatile bool crowd_stop;
static unsigned int crowd_threads;

static int crowd_member(void *data)
{
	(void)data;
	while (!READ_ONCE(crowd_stop))
		yield();
	return 0;
}

/* Starts n crowd members at prio on our CPU (they inherit it); false, with
 * the figure reported failed, if not all of them could be created. */
static bool crowd_start(unsigned int n, int prio, const char *figure)
{
	static struct task_struct *tasks[1000];
	unsigned int created = 0;

	crowd_threads = nr_threads();
	crowd_stop = false;
	for (; created < n && created < ARRAY_SIZE(tasks); created++) {
		tasks[created] = kthread_create(crowd_member, NULL, "crowd");
		if (IS_ERR(tasks[created]))
			break;
		sched_set_prio(tasks[created], prio);
	}
	if (created < n) {
		crowd_stop = true;
		pr_info("bench: %s failed: created %u of %u kthreads\n", figure, created, n);
	}
	preempt_disable(); /* all of them queued before the first runs */
	for (unsigned int i = 0; i < created; i++)
		wake_up_process(tasks[i]);
	preempt_enable();
	return created == n;
}

/* Ends the crowd (each member exits at its next turn) and waits until every
 * kthread started since crowd_start() has exited. */
static void crowd_end(void)
{
	crowd_stop = true;
	wait_until(nr_threads() == crowd_threads, 60000);
}

/* ---- yield_switch_N: the time between consecutive returns from yield(). */

static volatile unsigned int switches, skip;
static volatile u64 last_switch;
static volatile bool yielders_stop;
static struct completion yielders_done;

static int yielder(void *data)
{
	(void)data;
	while (!READ_ONCE(yielders_stop)) {
		u64 now;

		yield();
		now = rdtsc_ordered();
		if (switches >= skip)
			samples[switches - skip] = now - last_switch;
		last_switch = now;
		if (++switches == skip + BENCH_SAMPLES) {
			yielders_stop = true;
			complete(&yielders_done);
		}
	}
	return 0;
}

/* N yielders at a priority above ours, woken together: they have the CPU
 * to themselves until the samples are taken (the first two rounds are left
 * out: each task's first run starts it), then all exit. We sleep meanwhile:
 * a yielder lets every runnable task of any priority go first (yield()), so
 * a bench thread waiting with yield() would take a turn in each round. */
static void yield_switch(const char *name, const char *floor, unsigned int n)
{
	static struct task_struct *tasks[1000];
	unsigned int threads = nr_threads(), created = 0;

	switches = 0;
	skip = 2 * n + WARMUP;
	yielders_stop = false;
	init_completion(&yielders_done);
	for (; created < n; created++) {
		tasks[created] = kthread_create(yielder, NULL, "yielder");
		if (IS_ERR(tasks[created]))
			break;
		sched_set_prio(tasks[created], BENCH_PRIO);
	}
	if (created < n)
		yielders_stop = true;
	last_switch = rdtsc_ordered();
	preempt_disable();
	for (unsigned int i = 0; i < created; i++)
		wake_up_process(tasks[i]);
	preempt_enable();
	if (created < n)
		pr_info("bench: %s failed: created %u of %u kthreads\n", name, created, n);
	else if (!wait_for_completion_timeout(&yielders_done, 300 * HZ))
		pr_info("bench: %s failed: the yielders did not finish\n", name);
	else
		bench_report(name, floor, samples, BENCH_SAMPLES, 1, 0);
	yielders_stop = true;
	wait_until(nr_threads() == threads, 60000);
}

static void bench_yield_switch(void)
{
	yield_switch("yield_switch_2", "-", 2);
	yield_switch("yield_switch_64", "yield_switch_2", 64);
	yield_switch("yield_switch_256", "yield_switch_2", 256);
	yield_switch("yield_switch_1000", "yield_switch_2", 1000);
}
DEFINE_BENCHMARK(bench_yield_switch);

/* ---- kthread_switch: ping-pong through two completions. */

static struct completion ping, pong, finished;
static bool pinger_yields; /* between samples, so that a crowd runs */

static int pinger(void *data)
{
	(void)data;
	for (int i = -WARMUP; i < BENCH_SAMPLES; i++) {
		u64 start;

		if (pinger_yields)
			yield(); /* behind every other task of our priority */
		start = rdtsc_ordered();
		complete(&ping);
		wait_for_completion(&pong);
		if (i >= 0)
			samples[i] = rdtsc_ordered() - start;
	}
	complete(&finished);
	return 0;
}

static int ponger(void *data)
{
	(void)data;
	for (int i = -WARMUP; i < BENCH_SAMPLES; i++) {
		wait_for_completion(&ping);
		complete(&pong);
	}
	return 0;
}

/* The ping-pong at BENCH_PRIO, with `crowd` more kthreads runnable there;
 * yielding: the pinger yields before each sample (the crowd has its turn). */
static void kthread_switch(const char *name, const char *floor, unsigned int crowd, bool yielding)
{
	init_completion(&ping);
	init_completion(&pong);
	init_completion(&finished);
	pinger_yields = yielding;
	if (!crowd_start(crowd, BENCH_PRIO, name) ||
	    IS_ERR(start_at(ponger, NULL, "pong", BENCH_PRIO)) ||
	    IS_ERR(start_at(pinger, NULL, "ping", BENCH_PRIO))) {
		crowd_end();
		return;
	}
	if (!wait_for_completion_timeout(&finished, 300 * HZ))
		pr_info("bench: %s failed: the ping-pong did not finish\n", name);
	else
		bench_report(name, floor, samples, BENCH_SAMPLES, 2, 0);
	crowd_end(); /* and the pair's exit */
}

static void bench_kthread_switch(void)
{
	kthread_switch("kthread_switch", "yield_switch_2", 0, false);
	kthread_switch("kthread_switch_2", "-", 0, true);
	kthread_switch("kthread_switch_1000", "kthread_switch_2", 998, true);
}
DEFINE_BENCHMARK(bench_kthread_switch);

/* ---- wakeup_latency: hardirq wake_up -> the woken kthread runs. */

static DECLARE_WAIT_QUEUE_HEAD(wakeup_wq);
static volatile bool wakeup_flag;
static volatile u64 irq_tsc, run_tsc;
static volatile unsigned int runs;

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
		runs++;
	}
	return 0;
}

/* The bench thread fires the interrupt; the woken kthread outranks it.
 * With a crowd, `crowd` more kthreads are runnable at the bench thread's
 * priority and it yields before each sample: all of them run in between. */
static void wakeup_latency(const char *name, const char *floor, unsigned int crowd)
{
	unsigned int taken = 0, missed = 0;
	struct task_struct *w;
	static int dev;

	if (request_irq(IRQ_SIM_BASE, wake_the_waiter, 0, "bench-wakeup", &dev))
		return;
	runs = 0;
	w = start_at(waiter, NULL, "woken", BENCH_PRIO);
	if (!IS_ERR(w) && crowd_start(crowd, current->prio, name)) {
		for (int i = -WARMUP; taken < BENCH_SAMPLES && missed < 10; i++) {
			unsigned int before = runs;

			if (crowd)
				yield(); /* everyone else at our priority runs once */
			wait_until(READ_ONCE(w->state) != TASK_RUNNING, 1000); /* asleep again */
			irq_sim_fire(IRQ_SIM_BASE); /* the waiter preempts us on the way out */
			if (!wait_until(runs != before, 1000))
				missed++;
			else if (i >= 0)
				samples[taken++] = run_tsc - irq_tsc;
		}
		bench_report(name, floor, samples, taken, 1, missed);
	}
	crowd_end();
	if (!IS_ERR(w))
		kthread_stop(w);
	free_irq(IRQ_SIM_BASE, &dev);
}

static void bench_wakeup_latency(void)
{
	wakeup_latency("wakeup_latency", "kthread_switch", 0);
	wakeup_latency("wakeup_latency_2", "-", 1);
	wakeup_latency("wakeup_latency_1000", "wakeup_latency_2", 999);
}
DEFINE_BENCHMARK(bench_wakeup_latency);
