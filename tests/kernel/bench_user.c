/*
 * User-mode benchmarks: runs /bin/bench (user/bin/bench.c), which measures
 * null_syscall (getpid from user mode), its floor (user_int_iret: `int`
 * into a gate that only irets, opened to user mode for the run) and
 * process_switch (two processes yielding to each other), and writes its
 * figures into the log itself. Both run on the benchmarks' one CPU
 * (run_benchmarks pins it; the processes inherit that).
 */
#include <asm/idt.h>
#include <linux/kernel.h>
#include <janus/bench.h>
#include "helpers.h"

static void bench_user_mode(void)
{
	int status;

	idt_set_entry(BENCH_IRET_VECTOR, (unsigned long)bare_iret, true);
	status = run_user_program(NULL, "/bin/bench", NULL);
	idt_set_entry(BENCH_IRET_VECTOR, 0, false);
	if (status)
		pr_info("bench: /bin/bench failed (status %d)\n", status);
}
DEFINE_BENCHMARK(bench_user_mode);
