/*
 * The benchmark harness and its two floors: the cost of reading the TSC and
 * of one empty round of the harness loop. Every other figure is printed next
 * to these, measured in the same boot, so a reader sees what is overhead.
 */
#include <asm/tsc.h>
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <janus/bench.h>

extern const struct benchmark __start_benchmarks[], __stop_benchmarks[];

void bench_report(const char *name, u64 value, const char *unit)
{
	pr_info("bench: %s %llu %s\n", name, value, unit);
}

u64 bench_cycles(void (*op)(void *arg), void *arg, unsigned int iterations, unsigned int trials)
{
	u64 best = ~0ull;

	for (unsigned int t = 0; t < trials; t++) {
		u64 start = rdtsc_ordered();
		for (unsigned int i = 0; i < iterations; i++)
			op(arg);
		best = min(best, rdtsc_ordered() - start);
	}
	return div_u64(best, iterations);
}

static void bench_rdtsc(void)
{
	u64 best = ~0ull;

	for (int i = 0; i < 1000; i++) {
		u64 a = rdtsc_ordered();
		u64 b = rdtsc_ordered();
		best = min(best, b - a);
	}
	bench_report("rdtsc", best, "cycles");
}
DEFINE_BENCHMARK(bench_rdtsc);

static noinline void empty_op(void *arg)
{
	(void)arg;
	barrier();
}

static void bench_empty_loop(void)
{
	bench_report("empty_loop", bench_cycles(empty_op, NULL, 10000, 11), "cycles/iter");
}
DEFINE_BENCHMARK(bench_empty_loop);

/* On one CPU, with the tasks they create (which inherit it), so that the
 * single-CPU figures mean the same with -smp 2; the SMP benchmarks place
 * their threads on other CPUs themselves. */
void run_benchmarks(void)
{
	int cpu = smp_processor_id();

	set_cpus_allowed(current, 1u << cpu);
	pr_info("bench: tsc_khz %u kHz, on CPU%d of %u\n", tsc_khz, cpu, num_online_cpus());
	for (const struct benchmark *b = __start_benchmarks; b < __stop_benchmarks; b++)
		b->run();
	set_cpus_allowed(current, ~0u);
	pr_info("bench: done\n");
}
