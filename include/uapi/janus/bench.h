/*
 * The benchmark report line, shared by the kernel's benchmarks
 * (kernel/selftest/bench.c) and user-mode ones (user/bin/bench.c), and read
 * by `make bench` (tests/run.py):
 *
 *   bench: NAME batch=B n=N missed=M min=X p10=X median=X p90=X floor=FLOOR
 *
 * Each of the N samples is the TSC ticks taken by B back-to-back runs of the
 * measured operation; the host divides by B and converts ticks to ns with the
 * calibrated tsc_khz (plain TCG) or reads them as guest instructions (under
 * -icount shift=0 one tick is one instruction). missed counts samples whose
 * operation never completed: they are left out, never recorded as 0. FLOOR
 * names the figure, measured in the same boot, that this one is compared to
 * ("-" for none).
 */
#ifndef _UAPI_JANUS_BENCH_H
#define _UAPI_JANUS_BENCH_H

#define BENCH_SAMPLES 1000
/* While /bin/bench runs, `int BENCH_IRET_VECTOR` from user mode enters a gate
 * that only irets: the floor of a system call through `int 0x80`. */
#define BENCH_IRET_VECTOR 0xa1
/* ... and `int BENCH_SYSENTER_VECTOR` points this CPU's sysenter at a bare
 * `sysexit` (to the caller's edx, with esp = ecx) or back at the kernel's
 * entry: the floor of a system call through sysenter. */
#define BENCH_SYSENTER_VECTOR 0xa2
#define BENCH_LINE "bench: %s batch=%u n=%u missed=%u min=%llu p10=%llu median=%llu p90=%llu floor=%s\n"

/* A figure that is a size, not a time: "bench: NAME value=V unit=UNIT". */
#define BENCH_VALUE_LINE "bench: %s value=%lu unit=%s\n"

struct bench_stats {
	unsigned long long min, p10, median, p90;
};

/* Sorts v[0..n-1] (Shell's sort, gaps 3k+1: no recursion, no division) and
 * picks the statistics. n must be at least 1. */
static inline struct bench_stats bench_stats(unsigned long long *v, unsigned int n)
{
	unsigned int gap = 1;
	struct bench_stats s;

	while (gap < n / 3)
		gap = 3 * gap + 1;
	for (; gap; gap /= 3)
		for (unsigned int i = gap; i < n; i++) {
			unsigned long long x = v[i];
			unsigned int j = i;

			for (; j >= gap && v[j - gap] > x; j -= gap)
				v[j] = v[j - gap];
			v[j] = x;
		}
	s.min = v[0];
	s.p10 = v[n / 10];
	s.median = v[n / 2];
	s.p90 = v[n * 9 / 10];
	return s;
}

#endif
