/*
 * Benchmarks, run at boot with `bench` on the command line. Each prints
 * "bench: NAME VALUE UNIT" lines that `make bench` collects into
 * build/bench.json. Values are cycles (TSC); under QEMU -icount shift=0 the
 * TSC counts guest instructions, so the figures are exact path lengths.
 */
#ifndef _JANUS_BENCH_H
#define _JANUS_BENCH_H
#include <linux/compiler.h>
#include <linux/types.h>

struct benchmark {
	const char *name;
	void (*run)(void);
};

#define DEFINE_BENCHMARK(fn) \
	static const struct benchmark __bench_##fn __used __section(".benchmarks") \
		__aligned(4) = { #fn, fn }

void bench_report(const char *name, u64 value, const char *unit);
/* The cheapest of `trials` runs of `iterations` calls of op(arg), per call, in cycles. */
u64 bench_cycles(void (*op)(void *arg), void *arg, unsigned int iterations, unsigned int trials);
void run_benchmarks(void);

#endif
