/*
 * SMP benchmarks (with two CPUs or more):
 *   call_function_local    smp_call_function_single() to this CPU: a direct
 *                          call with interrupts off;
 *   ipi_oneway             smp_call_function_single() to another CPU: from
 *                          the sender's TSC before the call to the receiver's
 *                          TSC in the function, one way. The TSCs must be in
 *                          step: every sample must see sender <= receiver <=
 *                          the sender's TSC once the call returned, or the
 *                          figure is not reported;
 *   local_wakeup_latency   complete() to a sleeping higher-priority kthread
 *                          on this CPU, until it runs (a context switch);
 *   remote_wakeup_latency  the same with the kthread on another CPU, idle:
 *                          the reschedule IPI wakes it from hlt.
 */
#include <asm/tlbflush.h>
#include <asm/tsc.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <janus/bench.h>
#include "helpers.h"

static u64 samples[BENCH_SAMPLES];

static void nothing(void *arg)
{
	(void)arg;
}

static void call_on(void *arg)
{
	smp_call_function_single((int)(long)arg, nothing, NULL, 1);
}

static int other_cpu(void)
{
	return (smp_processor_id() + 1) % num_online_cpus();
}

static volatile u64 received_at;

static void stamp(void *arg)
{
	(void)arg;
	received_at = rdtsc_ordered();
}

static void bench_ipi(void)
{
	unsigned int out_of_step = 0;
	int cpu = other_cpu();

	bench_op("call_function_local", "-", call_on, (void *)(long)smp_processor_id());
	for (int i = 0; i < BENCH_SAMPLES; i++) {
		u64 sent = rdtsc_ordered(), back;

		smp_call_function_single(cpu, stamp, NULL, 1);
		back = rdtsc_ordered();
		if (received_at < sent || back < received_at)
			out_of_step++;
		samples[i] = received_at - sent;
	}
	if (out_of_step)
		pr_info("bench: ipi_oneway failed: the TSCs of CPU%d and CPU%d are not in step "
			"(%u samples out of order)\n", smp_processor_id(), cpu, out_of_step);
	else
		bench_report("ipi_oneway", "-", samples, BENCH_SAMPLES, 1, 0);
}

struct wakee {
	struct completion go, back;
	u64 woke_at;
};

static int wakee_fn(void *data)
{
	struct wakee *w = data;

	for (int i = 0; i < BENCH_SAMPLES; i++) {
		wait_for_completion(&w->go);
		w->woke_at = rdtsc_ordered();
		complete(&w->back);
	}
	return 0;
}

/* complete()-to-running times of a kthread on cpu, above us in priority. */
static void wakeup_latency_on(const char *name, const char *floor, int cpu)
{
	struct wakee w;
	struct task_struct *t;

	init_completion(&w.go);
	init_completion(&w.back);
	t = kthread_create(wakee_fn, &w, "wakee");
	if (IS_ERR(t))
		return;
	kthread_bind(t, cpu);
	sched_set_prio(t, 5); /* above us: on this CPU it runs at once */
	wake_up_process(t);
	for (int i = 0; i < BENCH_SAMPLES; i++) {
		u64 start = rdtsc_ordered();

		complete(&w.go);
		wait_for_completion(&w.back);
		samples[i] = w.woke_at - start;
	}
	bench_report(name, floor, samples, BENCH_SAMPLES, 1, 0);
}

static void bench_smp(void)
{
	if (num_online_cpus() < 2)
		return;
	bench_ipi();
	wakeup_latency_on("local_wakeup_latency", "kthread_switch", smp_processor_id());
	wakeup_latency_on("remote_wakeup_latency", "ipi_oneway", other_cpu());
}
DEFINE_BENCHMARK(bench_smp);

/*
 * How the cross-CPU paths grow with the number of CPUs (`make bench` boots
 * this at -smp 2, 4, 8 and 16 with bench=bench_smp_scaling):
 *   ipi_broadcast        smp_call_function() of an empty function to every
 *                        other CPU, waiting for all of them;
 *   tlb_shootdown        flush_tlb_kernel_range() of one page: the same
 *                        broadcast, each CPU doing an invlpg;
 *   spinlock_contended   one spin_lock()/spin_unlock() of a global lock on
 *                        this CPU while a kthread on every other CPU takes and
 *                        releases it in a loop (and how often they took it
 *                        meanwhile: spinlock_contended_by_others);
 *   spread_100_min/max   100 runnable kthreads, placed at their first wake-up
 *                        on the least loaded allowed CPU: the fewest and the
 *                        most that one CPU got.
 */
static void broadcast(void *arg)
{
	(void)arg;
	smp_call_function(nothing, NULL, 1);
}

static void shootdown(void *page)
{
	flush_tlb_kernel_range((unsigned long)page, (unsigned long)page + PAGE_SIZE);
}

static DEFINE_SPINLOCK(contended_lock);
static volatile bool contenders_go, contenders_stop;
static atomic_t contenders_running, contenders_took;
static volatile unsigned long contended_count;

static int contender(void *data)
{
	(void)data;
	atomic_inc(&contenders_running);
	while (!READ_ONCE(contenders_go))
		cpu_relax();
	for (bool first = true; !READ_ONCE(contenders_stop); first = false) {
		spin_lock(&contended_lock);
		contended_count++;
		spin_unlock(&contended_lock);
		if (first)
			atomic_inc(&contenders_took);
	}
	atomic_dec(&contenders_running);
	return 0;
}

#define CONTENDED_MS 3000

static void bench_spinlock_contended(void)
{
	unsigned int others = 0, cpu, n = 0;
	u64 end;

	contenders_go = contenders_stop = false;
	atomic_set(&contenders_running, 0);
	atomic_set(&contenders_took, 0);
	for_each_online_cpu(cpu) {
		struct task_struct *t;

		if ((int)cpu == smp_processor_id())
			continue;
		t = kthread_create(contender, NULL, "contender/%u", cpu);
		if (IS_ERR(t))
			break;
		kthread_bind(t, cpu);
		sched_set_prio(t, 5);
		wake_up_process(t);
		others++;
	}
	wait_until(atomic_read(&contenders_running) == (int)others, 10000);
	contenders_go = true;
	/* The samples start once every other CPU has taken the lock: they are all in the loop. */
	wait_until(atomic_read(&contenders_took) == (int)others, 10000);
	spin_lock(&contended_lock);
	contended_count = 0;
	spin_unlock(&contended_lock);
	/* At most CONTENDED_MS: with more vCPUs than host cores, each hand-over of
	 * the ticket lock waits for the host to run the next ticket's vCPU, and
	 * one acquisition took up to a second at -smp 8 on a busy 2-core host. */
	for (end = rdtsc() + (u64)tsc_khz * CONTENDED_MS; n < BENCH_SAMPLES && rdtsc() < end; n++) {
		u64 start = rdtsc_ordered();

		spin_lock(&contended_lock);
		contended_count++;
		spin_unlock(&contended_lock);
		samples[n] = rdtsc_ordered() - start;
	}
	contenders_stop = true;
	wait_until(atomic_read(&contenders_running) == 0, 10000);
	bench_report("spinlock_contended", "-", samples, n, 1, 0);
	/* Whether the others really contended: a vCPU the host did not run
	 * meanwhile took the lock rarely or never. */
	pr_info("bench: spinlock_contended_by_others value=%lu unit=acquisitions\n",
		contended_count - n);
}

#define SPREAD_TASKS 100

static int spinner(void *data)
{
	(void)data;
	while (!READ_ONCE(contenders_stop))
		cpu_relax();
	return 0;
}

static void bench_spread(void)
{
	static unsigned int per_cpu_count[NR_CPUS];
	unsigned int threads = nr_threads(), min = ~0u, max = 0, cpu, created = 0;

	contenders_stop = false;
	memset(per_cpu_count, 0, sizeof(per_cpu_count));
	for (; created < SPREAD_TASKS; created++) {
		struct task_struct *t = kthread_create(spinner, NULL, "spinner");

		if (IS_ERR(t))
			break;
		set_cpus_allowed(t, CPU_BITS_ALL); /* not pinned like us: any CPU */
		wake_up_process(t); /* placed here, on the least loaded CPU */
		per_cpu_count[READ_ONCE(t->cpu)]++;
	}
	contenders_stop = true;
	wait_until(nr_threads() == threads, 10000);
	if (created < SPREAD_TASKS) {
		pr_info("bench: spread_100 failed: created %u of %u kthreads\n", created,
			SPREAD_TASKS);
		return;
	}
	for_each_online_cpu(cpu) {
		min = min(min, per_cpu_count[cpu]);
		max = max(max, per_cpu_count[cpu]);
	}
	pr_info("bench: spread_100_min value=%u unit=kthreads\n", min);
	pr_info("bench: spread_100_max value=%u unit=kthreads\n", max);
}

static void bench_smp_scaling(void)
{
	void *page = vmalloc(PAGE_SIZE);

	if (num_online_cpus() < 2 || !page) {
		vfree(page);
		return;
	}
	bench_op("ipi_broadcast", "ipi_oneway", broadcast, NULL);
	bench_op("tlb_shootdown", "ipi_broadcast", shootdown, page);
	vfree(page);
	bench_spinlock_contended();
	bench_spread();
}
DEFINE_BENCHMARK(bench_smp_scaling);
