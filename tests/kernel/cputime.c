/*
 * KTAP suite `cputime`: time per context (kernel/sched/cputime.c): exact
 * hardirq and softirq time, tick-sampled task and idle time, columns that
 * add up to the time that passed, /proc/stat as Linux prints it, and top.
 */
#include <asm/irq.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <uapi/linux/fcntl.h>
#include <janus/nosleep.h>
#include <janus/vfs.h>
#include "user_helpers.h"
#include "softirq_vector.h"

#define LINE IRQ_SIM_BASE
#define HANDLER_US 500 /* below irq_warn_us: a slow handler is reported */
#define SOFTIRQ_US 4000
#define TICK_NS (1000000000u / HZ)

static unsigned int softirq_runs, saved_irq_warn_us;
static u64 handler_ns, softirq_ns; /* how long they measured themselves */

static void slow_softirq(struct softirq_action *a)
{
	u64 t0 = sched_clock();

	(void)a;
	softirq_runs++;
	udelay(SOFTIRQ_US);
	softirq_ns = sched_clock() - t0;
}

static irqreturn_t slow_handler(int irq, void *dev)
{
	u64 t0 = sched_clock();

	(void)irq;
	(void)dev;
	udelay(HANDLER_US);
	raise_softirq(SELFTEST_SOFTIRQ);
	handler_ns = sched_clock() - t0;
	return IRQ_HANDLED;
}

static int init(struct kunit *test)
{
	(void)test;
	softirq_runs = 0;
	/* The slow handler is slow on purpose: no "took N us" report for it. */
	saved_irq_warn_us = irq_warn_us;
	irq_warn_us = 1000000;
	open_softirq(SELFTEST_SOFTIRQ, slow_softirq);
	return request_irq(LINE, slow_handler, 0, "cputime-test", &softirq_runs);
}

static void exit(struct kunit *test)
{
	(void)test;
	free_irq(LINE, &softirq_runs);
	irq_warn_us = saved_irq_warn_us;
}

static u64 stat_of(int cpu, enum cpu_usage_stat i)
{
	struct kernel_cpustat k;

	kcpustat_cpu_fetch(&k, cpu);
	return k.cpustat[i];
}

static u64 sum_of(const struct kernel_cpustat *k)
{
	u64 sum = 0;

	for (int i = 0; i < NR_STATS; i++)
		sum += k->cpustat[i];
	return sum;
}

static u64 total_of(int cpu)
{
	struct kernel_cpustat k;

	kcpustat_cpu_fetch(&k, cpu);
	return sum_of(&k);
}

static void hardirq_and_softirq_time_are_exact(struct kunit *test)
{
	int cpu = smp_processor_id();
	u64 t0 = sched_clock(), irq = stat_of(cpu, CPUTIME_IRQ), soft = stat_of(cpu, CPUTIME_SOFTIRQ);
	u64 d_irq, d_soft, wall;

	irq_sim_fire(LINE);
	KUNIT_ASSERT_EQ(test, softirq_runs, 1u);
	d_irq = stat_of(cpu, CPUTIME_IRQ) - irq;
	d_soft = stat_of(cpu, CPUTIME_SOFTIRQ) - soft;
	wall = sched_clock() - t0; /* the window holds both readings */
	/* At least what the handler and the softirq measured themselves, and
	 * together at most the time the whole interrupt took (a host that pauses
	 * the CPU, or gdb, stretches both alike). */
	KUNIT_EXPECT_GE(test, handler_ns, HANDLER_US * 1000ull);
	KUNIT_EXPECT_GE(test, d_irq, handler_ns);
	/* A tick that interrupts the softirq moves its own time from softirq to irq. */
	KUNIT_EXPECT_GE(test, d_irq + d_soft, handler_ns + softirq_ns);
	KUNIT_EXPECT_LE(test, d_irq + d_soft, wall);
}

/* The columns a tick charges: all but the exact hardirq and softirq time. */
static u64 tick_columns(int cpu)
{
	return total_of(cpu) - stat_of(cpu, CPUTIME_IRQ) - stat_of(cpu, CPUTIME_SOFTIRQ);
}

/* A tick of this CPU, as this task sees it: the columns and this task's
 * system time right after it, and the clock at the last look before it and
 * the first look after it. The tick interrupts this task, so it lies
 * between the two. */
struct tick_seen {
	struct kernel_cpustat k;
	u64 stime, before, after;
};

static struct tick_seen next_tick(int cpu)
{
	u64 ticked = tick_columns(cpu), now = sched_clock(), end = now + 1000000000ull;
	struct tick_seen t = { .before = now };

	while (tick_columns(cpu) == ticked && now < end) {
		t.before = now;
		cpu_relax();
		now = sched_clock();
	}
	kcpustat_cpu_fetch(&t.k, cpu);
	t.stime = current->stime;
	t.after = sched_clock();
	return t;
}

/* From one tick to another, the columns grow by exactly the time between the
 * two ticks (each charges the time since the one before, less the interrupt
 * time that came in it, which has its own columns). Bracketed by the clock
 * around each tick, that is the whole check: a host that pauses this CPU
 * only widens the brackets. (It used to start from any change, an
 * interrupt's end too, with two ticks' slack: after a pause that made the
 * host drop ticks, the first tick charged 28 ms from before the window.) */
static void the_columns_add_up_to_the_time_that_passed(struct kunit *test)
{
	int cpu = get_cpu();
	unsigned long start = jiffies;
	struct tick_seen t0, t1;
	u64 counted;

	put_cpu();
	KUNIT_ASSERT_EQ(test, set_cpus_allowed(current, CPU_BIT(cpu)), 0); /* ticks interrupt us */
	t0 = next_tick(cpu);
	for (int i = 0; i < 5; i++)
		irq_sim_fire(LINE); /* at least 2.5 ms of interrupts among the ticks */
	KUNIT_EXPECT_TRUE(test, wait_until(time_after(jiffies, start + HZ / 5), TEST_WAIT_MS));
	t1 = next_tick(cpu);
	set_cpus_allowed(current, CPU_BITS_ALL);
	counted = sum_of(&t1.k) - sum_of(&t0.k);
	KUNIT_EXPECT_GE(test, counted + TICK_NS / 10, t1.before - t0.after);
	KUNIT_EXPECT_LE(test, counted, t1.after - t0.before + TICK_NS / 10);
}

static void a_busy_kernel_task_gets_system_time(struct kunit *test)
{
	int cpu = smp_processor_id();
	/* The CPU's column first: a tick between the two reads (on this CPU, so
	 * whole) then counts in the task's time and the column's, or in neither.
	 * Read the other way round, it counted in the task's only: a tick of
	 * 12.7 ms on a loaded host made the task's time exceed the column's. */
	u64 sys = stat_of(cpu, CPUTIME_SYSTEM), stime = current->stime, utime = current->utime;
	u64 end = sched_clock() + 3000000000ull;

	/* Spin in the kernel, interrupts on, until the ticks have charged 5 periods. */
	while (current->stime - stime < 5ull * TICK_NS && sched_clock() < end)
		cpu_relax();
	/* The task's time first: a tick between the two reads (on this CPU, so
	 * whole) then adds to the CPU's column after, never only to the task's. */
	stime = current->stime - stime;
	sys = stat_of(cpu, CPUTIME_SYSTEM) - sys;
	KUNIT_EXPECT_GE(test, stime, 5ull * TICK_NS);
	KUNIT_EXPECT_GE(test, sys, stime);
	KUNIT_EXPECT_EQ(test, current->utime, utime);
}

/* Nothing else to run here: while this task sleeps, the CPU idles. From
 * tick to tick, as in the columns case, the task's system time and the idle
 * time are two shares of the time that passed: a task charged for its sleep
 * as well would push their sum past the clock. (It used to bound the task's
 * time by the time it saw itself running plus two ticks: a host that paused
 * this CPU in schedule(), where the task was not looking, broke that.) */
static void a_sleeping_cpu_counts_idle_time(struct kunit *test)
{
	int cpu = smp_processor_id(); /* the suite runs on one CPU */
	u64 end = sched_clock() + 3000000000ull, idle;
	struct tick_seen t0 = next_tick(cpu), t1;

	while (stat_of(cpu, CPUTIME_IDLE) - t0.k.cpustat[CPUTIME_IDLE] < 3ull * TICK_NS &&
	       sched_clock() < end)
		schedule_timeout_interruptible(2);
	t1 = next_tick(cpu);
	idle = t1.k.cpustat[CPUTIME_IDLE] - t0.k.cpustat[CPUTIME_IDLE];
	KUNIT_EXPECT_GE(test, idle, 3ull * TICK_NS);
	KUNIT_EXPECT_LE(test, t1.stime - t0.stime + idle, t1.after - t0.before + TICK_NS / 10);
}

static u64 all_cpus(enum cpu_usage_stat i)
{
	u64 sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += stat_of(cpu, i);
	return sum;
}

/* Ticks sample: a user loop gets user time once ticks land in it, however
 * long the host takes to deliver them. (A 60 ms loop by the clock got none
 * on a loaded host that delivered no tick in those 60 ms; a count of rounds
 * before that got 17.5 ms where 20 were expected.) So /bin/burn runs until
 * the ticks have charged two periods of user time, and then it is killed:
 * the time is the CPUs' user column's, and the loop's own utime. */
static void a_user_loop_counts_as_user_time(struct kunit *test)
{
	u64 user = all_cpus(CPUTIME_USER) + all_cpus(CPUTIME_NICE);
	long pid = start_user_program("/bin/burn", "20000", NULL); /* 20 s at most */
	struct task_struct *p;
	bool ticked;
	int status;

	KUNIT_ASSERT_GT(test, pid, 0L);
	ticked = wait_until(all_cpus(CPUTIME_USER) + all_cpus(CPUTIME_NICE) - user >= 2ull * TICK_NS,
			    TEST_WAIT_MS);
	p = find_get_task_by_pid(pid);
	KUNIT_EXPECT_NOT_NULL(test, p);
	if (p) {
		KUNIT_EXPECT_GE(test, p->utime, 2ull * TICK_NS); /* the only user task */
		send_sig(SIGKILL, p, 1);
		put_task_struct(p);
	}
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status, 0), pid);
	KUNIT_EXPECT_TRUE(test, ticked);
}

/* The next decimal number at *p, past any spaces; *p moves past it. */
static unsigned long long parse_number(char **p)
{
	unsigned long long v = 0;

	while (**p == ' ')
		(*p)++;
	while (**p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0');
	return v;
}

static void proc_stat_has_a_line_per_cpu_in_user_hz(struct kunit *test)
{
	char *page = map_test_user_page(), want[16];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;
	int cpu;

	KUNIT_ASSERT_NOT_NULL(test, page);
	f = filp_open("/proc/stat", O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	n = f->f_op->read(f, (char __user *)TEST_USER_ADDR, PAGE_SIZE - 1, &pos);
	fput(f);
	KUNIT_ASSERT_GT(test, n, 0);
	page[n] = '\0';
	KUNIT_EXPECT_TRUE(test, !strncmp(page, "cpu  ", 5));
	for_each_online_cpu(cpu) {
		char *line;
		unsigned long long v[10], sum = 0;
		int fields = 0;

		snprintf(want, sizeof(want), "\ncpu%d ", cpu);
		line = strstr(page, want);
		KUNIT_ASSERT_NOT_NULL(test, line);
		line += strlen(want);
		for (; fields < 10 && *line != '\n'; fields++) {
			v[fields] = parse_number(&line);
			sum += v[fields];
		}
		KUNIT_EXPECT_EQ(test, fields, 10); /* user nice system idle iowait irq softirq steal guest guest_nice */
		/* Every CPU's columns add up to its time online (USER_HZ = 100/s). */
		KUNIT_EXPECT_LE(test, sum, div_u64(sched_clock(), 10000000) + 2);
		KUNIT_EXPECT_GE(test, sum + 50, div_u64(sched_clock(), 10000000) / 2);
	}
	KUNIT_EXPECT_TRUE(test, strstr(page, "\nctxt ") != NULL);
	unmap_test_user_page(page);
}

static void top_shows_every_cpu(struct kunit *test)
{
	KUNIT_EXPECT_PROGRAM_PASSES(test, run_user_program(NULL, "/bin/top", "1", "1", NULL));
}

static struct kunit_case cputime_cases[] = {
	KUNIT_CASE(hardirq_and_softirq_time_are_exact),
	KUNIT_CASE(the_columns_add_up_to_the_time_that_passed),
	KUNIT_CASE(a_busy_kernel_task_gets_system_time),
	KUNIT_CASE(a_sleeping_cpu_counts_idle_time),
	KUNIT_CASE(a_user_loop_counts_as_user_time),
	KUNIT_CASE(proc_stat_has_a_line_per_cpu_in_user_hz),
	KUNIT_CASE(top_shows_every_cpu),
	{}
};

static struct kunit_suite cputime_suite = {
	.name = "cputime",
	.init = init,
	.exit = exit,
	.test_cases = cputime_cases,
	.one_cpu = true,
};
kunit_test_suite(cputime_suite);
