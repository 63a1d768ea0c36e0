/*
 * KTAP suite `trace`: the tracer (kernel/trace/): events recorded from each
 * context with Linux's latency flags, the ring's overwrite mode, tracing_on,
 * and the /proc files read and written the way a user program does.
 */
#include <asm/irq.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kthread.h>
#include <linux/nmi.h>
#include <linux/sched.h>
#include <linux/init.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <janus/vfs.h>
#include <trace/events/irq.h>
#include <trace/events/janus.h>
#include <trace/events/sched.h>
#include <uapi/linux/fcntl.h>
#include <janus/trace.h>
#include "helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE

static char line[256];

/* Whether the flags field of `line` ("] d.h1." after the CPU) matches `want`,
 * where '?' is the need-resched column: a tick may set it at any moment. */
static bool flags_are(const char *want)
{
	const char *f = strstr(line, "] ");

	if (!f)
		return false;
	for (f += 2; *want; want++, f++)
		if (*want != '?' && *want != *f)
			return false;
	return true;
}

/* The first record (oldest first) of event `name` whose text contains `needle`. */
static bool find_line(const char *name, const char *needle, struct trace_entry *found)
{
	static struct trace_iter it;
	struct trace_entry e;
	int cpu;

	trace_iter_start(&it, false);
	while (trace_iter_next(&it, &e, &cpu)) {
		trace_format_entry(line, sizeof(line), cpu, &e);
		if (strcmp(__start_ftrace_events[e.type].name, name) || !strstr(line, needle))
			continue;
		if (found)
			*found = e;
		return true;
	}
	return false;
}

static irqreturn_t raising_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	raise_softirq(SELFTEST_SOFTIRQ);
	return IRQ_HANDLED;
}

static void softirq_action(struct softirq_action *a)
{
	(void)a;
}

static int init(struct kunit *test)
{
	(void)test;
	trace_set_events("*", false);
	tracing_on();
	trace_clear();
	open_softirq(SELFTEST_SOFTIRQ, softirq_action);
	return request_irq(LINE, raising_handler, 0, "trace-test", &line);
}

static void exit(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &line);
	trace_set_events("*", false);
	tracing_on();
}

static void an_event_that_is_off_is_a_nop_in_the_code(struct kunit *test)
{
	unsigned int jumps, sites = jump_label_sites(&__tracepoint_irq_handler_entry.key, &jumps);

	KUNIT_EXPECT_GE(test, sites, 1u);
	KUNIT_EXPECT_EQ(test, jumps, 0u);
	irq_sim_fire(LINE);
	KUNIT_EXPECT_EQ(test, trace_entries_written(), trace_entries_written());
	KUNIT_EXPECT_FALSE(test, find_line("irq_handler_entry", "trace-test", NULL));
	KUNIT_EXPECT_EQ(test, trace_set_events("irq:irq_handler_entry", true), 1);
	jump_label_sites(&__tracepoint_irq_handler_entry.key, &jumps);
	KUNIT_EXPECT_EQ(test, jumps, sites);
}

static void a_handler_is_recorded_in_hardirq_context_with_irqs_off(struct kunit *test)
{
	struct trace_entry e;
	char want[64];

	trace_set_events("irq_handler_*", true);
	irq_sim_fire(LINE);
	KUNIT_ASSERT_TRUE(test, find_line("irq_handler_entry", "name=trace-test", &e));
	KUNIT_EXPECT_EQ(test, e.flags & (TRACE_FLAG_HARDIRQ | TRACE_FLAG_IRQS_OFF),
			TRACE_FLAG_HARDIRQ | TRACE_FLAG_IRQS_OFF);
	KUNIT_EXPECT_EQ(test, e.pid, current->pid);
	/* "   comm-pid     [cpu] d.h..  sec.usec: irq_handler_entry: irq=32 name=trace-test" */
	snprintf(want, sizeof(want), "%s-%d", current->comm, current->pid);
	KUNIT_EXPECT_TRUE(test, strstr(line, want) != NULL);
	KUNIT_EXPECT_TRUE(test, flags_are("d?h"));
	snprintf(want, sizeof(want), "irq_handler_entry: irq=%d name=trace-test\n", LINE);
	KUNIT_EXPECT_TRUE(test, strstr(line, want) != NULL);
	KUNIT_EXPECT_EQ(test, (int)(strchr(line, '[') - line), 25); /* "%16s-%-7d " */
	KUNIT_EXPECT_TRUE(test, find_line("irq_handler_exit", "ret=handled", NULL));
}

static void its_softirq_runs_after_it_with_irqs_on_and_the_s_flag(struct kunit *test)
{
	struct trace_entry raise, entry;

	trace_set_events("softirq_*", true);
	irq_sim_fire(LINE);
	KUNIT_ASSERT_TRUE(test, find_line("softirq_raise", "[action=SELFTEST]", &raise));
	KUNIT_EXPECT_TRUE(test, raise.flags & TRACE_FLAG_HARDIRQ);
	KUNIT_ASSERT_TRUE(test, find_line("softirq_entry", "[action=SELFTEST]", &entry));
	KUNIT_EXPECT_TRUE(test, flags_are(".?s"));
	KUNIT_EXPECT_EQ(test, entry.flags & (TRACE_FLAG_SOFTIRQ | TRACE_FLAG_HARDIRQ | TRACE_FLAG_IRQS_OFF),
			TRACE_FLAG_SOFTIRQ);
	KUNIT_EXPECT_LE(test, raise.ts, entry.ts);
}

/* An NMI (another CPU's backtrace request) is recorded from NMI context:
 * nmi_handler, interrupts off and Linux's 'Z' (NMI, within hardirq counts). */
static void an_nmi_is_recorded_in_nmi_context(struct kunit *test)
{
	int self = smp_processor_id(), cpu;
	struct trace_entry e;
	char where[16];

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU to send an NMI to");
	for_each_online_cpu(cpu)
		if (cpu != self)
			break;
	trace_set_events("nmi_handler", true);
	KUNIT_ASSERT_TRUE(test, trigger_single_cpu_backtrace(cpu));
	/* The backtrace is answered inside the handler, the event recorded after
	 * it returns (with its duration): the other CPU may not be there yet. */
	KUNIT_ASSERT_TRUE(test, wait_until(find_line("nmi_handler", "nmi_cpu_backtrace() delta_ns: ", &e),
					   TEST_WAIT_MS));
	KUNIT_EXPECT_EQ(test, e.flags & (TRACE_FLAG_NMI | TRACE_FLAG_HARDIRQ | TRACE_FLAG_IRQS_OFF),
			TRACE_FLAG_NMI | TRACE_FLAG_HARDIRQ | TRACE_FLAG_IRQS_OFF);
	snprintf(where, sizeof(where), "[%03d] d", cpu);
	KUNIT_EXPECT_TRUE(test, strstr(line, where) != NULL);
	KUNIT_EXPECT_EQ(test, strstr(line, where)[strlen(where) + 1], 'Z');
	KUNIT_EXPECT_TRUE(test, strstr(line, "handled: 1\n") != NULL);
}

static void bottom_halves_disabled_show_as_b_with_a_preempt_depth(struct kunit *test)
{
	struct trace_entry e;

	trace_set_events("janus_report", true);
	local_bh_disable();
	preempt_disable();
	trace_janus_report("test: bh off");
	preempt_enable();
	local_bh_enable();
	KUNIT_ASSERT_TRUE(test, find_line("janus_report", "test: bh off", &e));
	KUNIT_EXPECT_TRUE(test, flags_are("b?.1. "));
}

static int sleeper_pid;

static int sleeper(void *done)
{
	sleeper_pid = current->pid;
	set_current_state(TASK_INTERRUPTIBLE);
	schedule_timeout(2);
	*(bool *)done = true;
	return 0;
}

static void a_sleep_and_its_wakeup_show_in_sched_events(struct kunit *test)
{
	static bool done;
	struct task_struct *t;
	char want[64];

	KUNIT_EXPECT_EQ(test, trace_set_events("sched:", true), 2);
	done = false;
	t = kthread_run(sleeper, &done, "trace-sleeper");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(done), 5000));
	snprintf(want, sizeof(want), "prev_comm=trace-sleeper prev_pid=%d prev_prio=120 prev_state=S",
		 sleeper_pid);
	KUNIT_EXPECT_TRUE(test, find_line("sched_switch", want, NULL));
	snprintf(want, sizeof(want), "comm=trace-sleeper pid=%d prio=120", sleeper_pid);
	KUNIT_EXPECT_TRUE(test, find_line("sched_wakeup", want, NULL));
	KUNIT_EXPECT_TRUE(test, find_line("sched_switch", "==> next_comm=trace-sleeper", NULL));
}

static void tracing_off_keeps_what_was_recorded(struct kunit *test)
{
	u64 written;

	trace_set_events("janus_report", true);
	trace_janus_report("test: before");
	tracing_off();
	written = trace_entries_written();
	trace_janus_report("test: while off");
	KUNIT_EXPECT_EQ(test, trace_entries_written(), written);
	tracing_on();
	KUNIT_EXPECT_TRUE(test, find_line("janus_report", "test: before", NULL));
	KUNIT_EXPECT_FALSE(test, find_line("janus_report", "test: while off", NULL));
}

static void a_full_ring_keeps_the_newest_events(struct kunit *test)
{
	struct trace_ring *r;
	unsigned int n;
	char text[32];

	trace_set_events("janus_report", true);
	preempt_disable(); /* all on one CPU's ring */
	r = &trace_rings[smp_processor_id()];
	n = r->mask + 1 + 10;
	for (unsigned int i = 0; i < n; i++) {
		snprintf(text, sizeof(text), "test: fill %u", i);
		trace_janus_report(text);
	}
	preempt_enable();
	snprintf(text, sizeof(text), "test: fill %u", n - 1);
	KUNIT_EXPECT_TRUE(test, find_line("janus_report", text, NULL));
	KUNIT_EXPECT_FALSE(test, find_line("janus_report", "test: fill 0\n", NULL));
	KUNIT_EXPECT_FALSE(test, find_line("janus_report", "test: fill 9\n", NULL));
}

/* Reads a /proc file into the user page the way read() would; returns the length. */
static int read_proc(const char *path, unsigned int flags, char *page, size_t size)
{
	struct file *f = filp_open(path, flags);
	loff_t pos = 0;
	ssize_t n, total = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	/* Until the end; trace_pipe has none (it would block): one read there. */
	while (total < (ssize_t)size - 1 &&
	       (n = f->f_op->read(f, (char __user *)TEST_USER_ADDR + total, size - 1 - total, &pos)) > 0) {
		total += n;
		if (!strcmp(path, "/proc/trace_pipe"))
			break;
	}
	page[total] = '\0';
	fput(f);
	return total;
}

/* Copies the line of text that contains needle into line; false if none does. */
static bool copy_line_with(const char *text, const char *needle)
{
	const char *end = strstr(text, needle), *start = end;

	if (!end)
		return false;
	while (start > text && start[-1] != '\n')
		start--;
	strscpy(line, start, min(sizeof(line), (size_t)(end - start) + 1));
	return true;
}

static ssize_t write_proc(const char *path, unsigned int flags, char *page, const char *text)
{
	struct file *f = filp_open(path, flags);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	strscpy(page, text, PAGE_SIZE);
	n = f->f_op->write(f, (const char __user *)TEST_USER_ADDR, strlen(text), &pos);
	fput(f);
	return n;
}

static void the_proc_files_work_as_in_linux(struct kunit *test)
{
	char *page = map_test_user_page();

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, write_proc("/proc/set_event", O_WRONLY | O_TRUNC, page,
					 "irq_handler_entry irq:irq_handler_exit\n"), 39);
	KUNIT_EXPECT_EQ(test, read_proc("/proc/set_event", O_RDONLY, page, PAGE_SIZE), 43);
	KUNIT_EXPECT_TRUE(test, strstr(page, "irq:irq_handler_entry\n") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(page, "irq:irq_handler_exit\n") != NULL);
	KUNIT_EXPECT_EQ(test, write_proc("/proc/set_event", O_WRONLY, page, "no_such_event"),
			-EINVAL);
	write_proc("/proc/set_event", O_WRONLY, page, "!irq_handler_exit");
	KUNIT_EXPECT_FALSE(test, static_key_enabled(&__tracepoint_irq_handler_exit));

	irq_sim_fire(LINE);
	read_proc("/proc/trace", O_RDONLY, page, PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, !strncmp(page, "# tracer: nop\n#\n# entries-in-buffer/entries-written: ", 53));
	KUNIT_EXPECT_TRUE(test, strstr(page, "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(page, "name=trace-test\n") != NULL);
	/* The handler's line, as cat shows it, carries the latency flags: d.h */
	KUNIT_EXPECT_TRUE(test, copy_line_with(page, "name=trace-test\n") && flags_are("d?h"));

	/* trace_pipe consumes: what it gave is gone from /proc/trace. */
	read_proc("/proc/trace_pipe", O_RDONLY, page, PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, strstr(page, "name=trace-test\n") != NULL);
	KUNIT_EXPECT_TRUE(test, page[0] != '#');
	read_proc("/proc/trace", O_RDONLY, page, PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, strstr(page, "name=trace-test") == NULL);

	KUNIT_EXPECT_EQ(test, write_proc("/proc/tracing_on", O_WRONLY, page, "0\n"), 2);
	KUNIT_EXPECT_FALSE(test, tracing_is_on());
	read_proc("/proc/tracing_on", O_RDONLY, page, PAGE_SIZE);
	KUNIT_EXPECT_STREQ(test, page, "0\n");
	KUNIT_EXPECT_EQ(test, write_proc("/proc/tracing_on", O_WRONLY, page, "yes"), -EINVAL);
	write_proc("/proc/tracing_on", O_WRONLY, page, "1");
	KUNIT_EXPECT_TRUE(test, tracing_is_on());
	unmap_test_user_page(page);
}

struct pipe_reader {
	ssize_t n;
	bool done;
	struct task_struct *task;
};

static int read_trace_pipe(void *arg)
{
	struct pipe_reader *r = arg;
	struct file *f = filp_open("/proc/trace_pipe", O_RDONLY);
	loff_t pos = 0;

	if (!IS_ERR(f)) {
		r->n = f->f_op->read(f, (char __user *)TEST_USER_ADDR, PAGE_SIZE - 1, &pos);
		fput(f);
	}
	WRITE_ONCE(r->done, true);
	return 0;
}

static void trace_pipe_blocks_until_an_event_comes(struct kunit *test)
{
	static struct pipe_reader r;
	char *page = map_test_user_page();

	KUNIT_ASSERT_NOT_NULL(test, page);
	trace_set_events("janus_report", true);
	r = (struct pipe_reader){ .n = -1 };
	r.task = kthread_create(read_trace_pipe, &r, "trace-pipe-reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(r.task));
	get_task_struct(r.task); /* its state is read below, even if it exits */
	wake_up_process(r.task);
	/* Asleep in read(), with nothing to read. */
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(r.task->state) == TASK_INTERRUPTIBLE, 2000));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.done));
	trace_janus_report("test: wake the pipe");
	KUNIT_EXPECT_TRUE(test, wait_until(READ_ONCE(r.done), 3000));
	put_task_struct(r.task);
	KUNIT_EXPECT_GT(test, r.n, 0);
	page[max(r.n, (ssize_t)0)] = '\0';
	KUNIT_EXPECT_TRUE(test, strstr(page, "janus_report: test: wake the pipe\n") != NULL);
	unmap_test_user_page(page);
}

static void events_named_on_the_command_line_are_on_from_boot(struct kunit *test)
{
	if (!strstr(boot_command_line, "trace=sched_switch"))
		kunit_skip(test, "boot with trace=sched_switch,... to check it");
	/* init() turned them off for the other cases; the boot had them on: */
	KUNIT_EXPECT_TRUE(test, trace_entries_written() > 0);
	KUNIT_EXPECT_EQ(test, (int)trace_rings[0].mask + 1, 128 * 1024 / TRACE_ENTRY_SIZE);
}

static struct kunit_case trace_cases[] = {
	KUNIT_CASE(an_event_that_is_off_is_a_nop_in_the_code),
	KUNIT_CASE(a_handler_is_recorded_in_hardirq_context_with_irqs_off),
	KUNIT_CASE(its_softirq_runs_after_it_with_irqs_on_and_the_s_flag),
	KUNIT_CASE(an_nmi_is_recorded_in_nmi_context),
	KUNIT_CASE(bottom_halves_disabled_show_as_b_with_a_preempt_depth),
	KUNIT_CASE(a_sleep_and_its_wakeup_show_in_sched_events),
	KUNIT_CASE(tracing_off_keeps_what_was_recorded),
	KUNIT_CASE(a_full_ring_keeps_the_newest_events),
	KUNIT_CASE(the_proc_files_work_as_in_linux),
	KUNIT_CASE(trace_pipe_blocks_until_an_event_comes),
	KUNIT_CASE(events_named_on_the_command_line_are_on_from_boot),
	{}
};

static struct kunit_suite trace_suite = {
	.name = "trace",
	.init = init,
	.exit = exit,
	.test_cases = trace_cases,
	.one_cpu = true,
};
kunit_test_suite(trace_suite);
