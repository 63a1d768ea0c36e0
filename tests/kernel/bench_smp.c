/*
 * SMP benchmarks (with two CPUs or more):
 *   call_function_local    smp_call_function_single() to this CPU: a direct
 *                          call with interrupts off, the floor for the next;
 *   ipi_roundtrip          the same to another CPU, waiting: the request,
 *                          the IPI, the handler there, the answer seen here;
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

#define ROUNDS 200

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

static void bench_ipi_roundtrip(void)
{
	if (num_online_cpus() < 2)
		return;
	bench_report("call_function_local",
		     bench_cycles(call_on, (void *)(long)smp_processor_id(), 1000, 11), "cycles");
	bench_report("ipi_roundtrip", bench_cycles(call_on, (void *)(long)other_cpu(), 200, 11),
		     "cycles");
}
DEFINE_BENCHMARK(bench_ipi_roundtrip);

struct wakee {
	struct completion go, back;
	u64 woke_at;
};

static int wakee_fn(void *data)
{
	struct wakee *w = data;

	for (int i = 0; i < ROUNDS; i++) {
		wait_for_completion(&w->go);
		w->woke_at = rdtsc_ordered();
		complete(&w->back);
	}
	return 0;
}

/* The smallest complete()-to-running time over ROUNDS wake-ups, or 0. */
static u64 wakeup_latency_on(int cpu)
{
	struct wakee w;
	struct task_struct *t;
	u64 best = ~0ull;

	init_completion(&w.go);
	init_completion(&w.back);
	t = kthread_create(wakee_fn, &w, "wakee");
	if (IS_ERR(t))
		return 0;
	kthread_bind(t, cpu);
	sched_set_prio(t, 5); /* above us: on this CPU it runs at once */
	wake_up_process(t);
	for (int i = 0; i < ROUNDS; i++) {
		u64 start = rdtsc_ordered();

		complete(&w.go);
		wait_for_completion(&w.back);
		best = min(best, w.woke_at - start);
	}
	return best;
}

static void bench_wakeup_latency(void)
{
	if (num_online_cpus() < 2)
		return;
	bench_report("local_wakeup_latency", wakeup_latency_on(smp_processor_id()), "cycles");
	bench_report("remote_wakeup_latency", wakeup_latency_on(other_cpu()), "cycles");
}
DEFINE_BENCHMARK(bench_wakeup_latency);
