/*
 * User-mode benchmarks: runs /bin/bench (user/bin/bench.c), which measures
 * null_syscall (getpid from user mode) and process_switch (two processes
 * yielding to each other) and writes its figures into the log itself.
 * Both run on the benchmarks' one CPU (run_benchmarks pins it; the
 * processes inherit that).
 */
#include <linux/kernel.h>
#include <janus/bench.h>
#include "helpers.h"

static void bench_user_mode(void)
{
	int status = run_user_program(NULL, "/bin/bench", NULL);

	if (status)
		pr_warn("bench: /bin/bench failed (%d)\n", status);
}
DEFINE_BENCHMARK(bench_user_mode);
