/*
 * The benchmark harness: BENCH_SAMPLES timed samples per figure, reported
 * as min, p10, median and p90 (include/uapi/janus/bench.h), and the floor
 * that costs nothing but the timing itself: reading the clock (get_cycles(),
 * the TSC on x86).
 */
#include <linux/cpumask.h>
#include <linux/glob.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <janus/bench.h>

extern const struct benchmark __start_benchmarks[], __stop_benchmarks[];

static u64 samples[BENCH_SAMPLES];

/**
 * bench_report() - print one figure's statistics in the format `make bench` reads
 * @name: the figure
 * @floor: the figure it is compared to, or "-"
 * @v: the samples (TSC ticks per batch); sorted in place
 * @n: how many samples
 * @batch: operations per sample
 * @missed: samples that never completed (not in @v)
 *
 * Context: process context; sleeps for nothing but prints.
 */
void bench_report(const char *name, const char *floor, u64 *v, unsigned int n, unsigned int batch,
		  unsigned int missed)
{
	struct bench_stats s;

	if (!n) {
		pr_info("bench: %s failed: no sample completed (%u missed)\n", name, missed);
		return;
	}
	s = bench_stats((unsigned long long *)v, n);
	pr_info(BENCH_LINE, name, batch, n, missed, s.min, s.p10, s.median, s.p90, floor);
}

/**
 * bench_op() - time op(arg) in BENCH_SAMPLES batches of BENCH_BATCH calls and report it
 * @name: the figure
 * @floor: the figure it is compared to, or "-"
 * @op: the operation
 * @arg: its argument
 *
 * Context: process context, on the benchmarks' CPU (run_benchmarks pins it).
 */
void bench_op(const char *name, const char *floor, void (*op)(void *arg), void *arg)
{
	for (int i = 0; i < BENCH_BATCH; i++) /* warm the caches and TLB */
		op(arg);
	for (unsigned int s = 0; s < BENCH_SAMPLES; s++) {
		u64 start = get_cycles_ordered();

		for (int i = 0; i < BENCH_BATCH; i++)
			op(arg);
		samples[s] = get_cycles_ordered() - start;
	}
	bench_report(name, floor, samples, BENCH_SAMPLES, BENCH_BATCH, 0);
}

/* What two back-to-back ordered TSC reads cost: part of every sample. */
static void bench_tsc_read(void)
{
	for (unsigned int s = 0; s < BENCH_SAMPLES; s++) {
		u64 a = get_cycles_ordered();

		samples[s] = get_cycles_ordered() - a;
	}
	bench_report("tsc_read", "-", samples, BENCH_SAMPLES, 1, 0);
}
DEFINE_BENCHMARK(bench_tsc_read);

/**
 * run_benchmarks() - run the DEFINE_BENCHMARKs @glob selects, then print "bench: done"
 * @glob: a glob on the benchmark functions' names ("*": all of them)
 *
 * On one CPU, with the tasks they create (which inherit it), so that the
 * single-CPU figures mean the same with -smp 2; the SMP benchmarks place
 * their threads on other CPUs themselves.
 *
 * Context: process context (the boot's test runner); sleeps.
 */
void run_benchmarks(const char *glob)
{
	int cpu = smp_processor_id();

	set_cpus_allowed(current, CPU_BIT(cpu));
	pr_info("bench: tsc_khz %u kHz, on CPU%d of %u\n", cycles_khz(), cpu, num_online_cpus());
	for (const struct benchmark *b = __start_benchmarks; b < __stop_benchmarks; b++)
		if (glob_match(glob, b->name))
			b->run();
	set_cpus_allowed(current, CPU_BITS_ALL);
	pr_info("bench: done\n");
}
