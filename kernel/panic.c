/*
 * When things go wrong: panic() stops the machine with a message and a
 * backtrace; WARN*() report and carry on; BUG*() end in panic. Every report
 * is counted so that tests can check it happened without reading the log.
 */
#include <linux/export.h>
#include <linux/irqflags.h>
#include <asm/processor.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/log.h>
#include <janus/qemu.h>
#include <linux/trace.h>
#include <trace/events/janus.h>

unsigned long warn_count;
static int panic_cpu = -1;

struct report_clock {
	unsigned int depth; /* reports being printed on this CPU, nested */
	u64 start, ns;
};
static DEFINE_PER_CPU(struct report_clock, report_clock);

/* Only reports printed where this CPU cannot switch tasks are timed: that is
 * where handlers run, and the start and the end are sure to be on one CPU. */
static bool report_clock_runs(void)
{
	return in_atomic() || irqs_disabled();
}

/**
 * report_begin() - A report starts printing on this CPU.
 *
 * Context: any; pair with report_end() in the same context.
 */
void report_begin(void)
{
	struct report_clock *c = this_cpu_ptr(&report_clock);

	if (report_clock_runs() && !c->depth++)
		c->start = local_clock();
}

/**
 * report_end() - The report that report_begin() started is printed.
 *
 * Context: any, the context of the matching report_begin().
 */
void report_end(void)
{
	struct report_clock *c = this_cpu_ptr(&report_clock);

	/* No context test here: a report may end preemptible, having released
	 * the lock that made it atomic (lockdep_sys_exit). A CPU whose clock
	 * runs is inside that report, so this end is its end. */
	if (c->depth && !--c->depth)
		c->ns += local_clock() - c->start;
}

/**
 * report_ns() - Nanoseconds this CPU has spent printing reports.
 *
 * Context: any.
 * Return: the total since boot; a report still printing counts up to now.
 */
u64 report_ns(void)
{
	struct report_clock *c = this_cpu_ptr(&report_clock);

	return c->ns + (c->depth ? local_clock() - c->start : 0);
}

/**
 * panic() - Stop the machine: print "Kernel panic - not syncing: MSG" and a backtrace, halt every CPU.
 * @fmt: printf-style message
 * @...: its arguments
 *
 * Only the first CPU to panic reports; the others are stopped by IPI (an
 * NMI if they do not answer). Under QEMU with the isa-debug-exit device the
 * emulator exits with the panic code.
 *
 * Context: any context; never returns.
 */
void panic(const char *fmt, ...)
{
	static char msg[256];
	int this_cpu = smp_processor_id(), old = -1;
	va_list args;
	size_t len;

	local_irq_disable();
	/* Only the first CPU to panic reports; a panic inside the panic just stops. */
	if (!__atomic_compare_exchange_n(&panic_cpu, &old, this_cpu, false, __ATOMIC_SEQ_CST,
					 __ATOMIC_SEQ_CST))
		for (;;)
			halt();

	oops_in_progress = 1;
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	len = strlen(msg);
	if (len && msg[len - 1] == '\n')
		msg[len - 1] = '\0';

	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	dump_stack_lvl(KERN_EMERG);
	ftrace_dump();
	smp_send_stop(); /* every other CPU halts, and says so */
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	qemu_exit(QEMU_EXIT_PANIC);
	for (;;)
		halt();
}
EXPORT_SYMBOL(panic);

/**
 * __warn() - Print a WARNING report with a backtrace, and carry on.
 * @file:   the source file of the WARN()
 * @line:   its line
 * @caller: the code address of the WARN()
 * @fmt:    printf-style explanation, or NULL
 * @...:    its arguments
 *
 * The body of WARN(), WARN_ON() and WARN_ONCE(); every report is counted in
 * warn_count.
 *
 * Context: any context; does not sleep.
 */
void __warn(const char *file, int line, void *caller, const char *fmt, ...)
{
	struct task_struct *task = current;

	report_begin();
	pr_warn("------------[ cut here ]------------\n");
	if (fmt) {
		va_list args;
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", smp_processor_id(), task->pid, file, line,
		caller);
	print_modules();
	if (task->lock_depth)
		lockdep_print_held_locks(task);
	if (trace_janus_report_enabled()) {
		char what[48];

		snprintf(what, sizeof(what), "WARNING: at %s:%d", file, line);
		trace_janus_report(what);
	}
	dump_stack_lvl(KERN_WARNING);
	pr_warn("---[ end trace %08lx ]---\n", ++warn_count);
	report_end();
}
EXPORT_SYMBOL(__warn);

/**
 * __bug() - Print "kernel BUG at FILE:LINE!" and panic.
 * @file: the source file of the BUG()
 * @line: its line
 *
 * Context: any context; never returns.
 */
void __bug(const char *file, int line)
{
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	panic("BUG at %s:%d", file, line);
}
EXPORT_SYMBOL(__bug);
