/*
 * Benchmarks, run at boot with `bench` on the command line. Each prints one
 * "bench: NAME ..." line (the format is in include/uapi/janus/bench.h) that
 * `make bench` collects into its table and build/bench.json. Values are TSC
 * ticks: time under plain TCG (the host converts with tsc_khz), guest
 * instructions under QEMU -icount shift=0.
 */
#ifndef _JANUS_BENCH_H
#define _JANUS_BENCH_H
#include <linux/compiler.h>
#include <linux/types.h>
#include <uapi/janus/bench.h>

struct benchmark {
	const char *name;
	void (*run)(void);
};

#define DEFINE_BENCHMARK(fn) \
	static const struct benchmark __bench_##fn __used __section(".benchmarks") \
		__aligned(4) = { #fn, fn }

/* Batch sizes: cheap operations are timed in batches so that the two TSC
 * reads around a sample weigh little; a switch or a wake-up is timed alone. */
#define BENCH_BATCH 8

void bench_report(const char *name, const char *floor, u64 *samples, unsigned int n,
		  unsigned int batch, unsigned int missed);
void bench_op(const char *name, const char *floor, void (*op)(void *arg), void *arg);
void run_benchmarks(const char *glob);

#endif
