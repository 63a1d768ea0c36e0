/*
 * User-mode benchmarks: runs /bin/bench (user/bin/bench.c), which measures
 * null_syscall (getpid from user mode) and process_switch (two processes
 * yielding to each other), and writes its figures into the log itself.
 * For the floors of a system call, two vectors are opened to user mode for
 * the run: BENCH_IRET_VECTOR only irets (user_int_iret), and
 * BENCH_SYSENTER_VECTOR toggles this CPU's sysenter between the kernel's
 * entry and a bare sysexit (sysenter_sysexit). Everything runs on the
 * benchmarks' one CPU (run_benchmarks pins it; the processes inherit that).
 * null_syscall_traced is null_syscall again with the sys_enter/sys_exit
 * events on (kernel/trace/).
 */
#include <asm/idt.h>
#include <asm/irq.h>
#include <asm/vsyscall.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <janus/bench.h>
#include <janus/trace.h>
#include "helpers.h"

static void toggle_sysenter(struct pt_regs *regs)
{
	static bool bare;

	(void)regs;
	bare = !bare;
	sysenter_set_entry(bare ? (unsigned long)bare_sysexit : 0);
}

static void bench_user_mode(void)
{
	int status;

	if (request_vector(BENCH_SYSENTER_VECTOR, toggle_sysenter, NULL))
		return;
	idt_set_entry(BENCH_SYSENTER_VECTOR, 0, true);
	idt_set_entry(BENCH_IRET_VECTOR, (unsigned long)bare_iret, true);
	status = run_user_program(NULL, "/bin/bench", vsyscall_uses_sysenter() ? "sysenter" : NULL,
				  NULL);
	idt_set_entry(BENCH_IRET_VECTOR, 0, false);
	idt_set_entry(BENCH_SYSENTER_VECTOR, 0, false);
	free_vector(BENCH_SYSENTER_VECTOR);
	if (status)
		pr_info("bench: /bin/bench failed (status %d)\n", status);
	trace_set_events("raw_syscalls:", true);
	status = run_user_program(NULL, "/bin/bench", "traced", NULL);
	trace_set_events("raw_syscalls:", false);
	trace_clear();
	if (status)
		pr_info("bench: /bin/bench traced failed (status %d)\n", status);
}
DEFINE_BENCHMARK(bench_user_mode);
