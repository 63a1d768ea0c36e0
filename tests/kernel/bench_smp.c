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
#include <asm/tsc.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <janus/bench.h>

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
