/*
 * KTAP suite `lockup`: the lock-up detectors (kernel/watchdog.c, the
 * spinlock one in kernel/locking/spinlock.c), each case with its detector's
 * threshold lowered to 300 ms. A CPU kept from scheduling is a soft
 * lockup; a spinlock held too long is a spinlock lockup, with the owner's
 * backtrace fetched by NMI; a CPU with interrupts off is a hard lockup, seen
 * by its buddy CPU; a CPU halted with interrupts on and its tick stopped (what
 * its buddy sees of a virtual CPU that the host does not run) is not. Each
 * stuck CPU lets go once the report is counted.
 *
 * Suite `lockup_probe` (only when named: it deadlocks for real): two CPUs
 * take spinlocks A->B and B->A at the same time. The lock validator reports
 * the cycle before either CPU spins; then both spin, and the spinlock
 * lock-up detector reports it. The lockup-* configurations boot it with and
 * without the validator, and softlockup_panic=1 ends the boot.
 */
#include <asm/apic.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/nmi.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <janus/log.h>
#include "helpers.h"

#define SHORT_MS 300
#define GIVE_UP_MS 5000

static unsigned int saved_soft, saved_hard, saved_spin;

static int save_thresholds(struct kunit *test)
{
	(void)test;
	saved_soft = softlockup_thresh_ms;
	saved_hard = hardlockup_thresh_ms;
	saved_spin = spinlock_lockup_ms;
	return 0;
}

static void restore_thresholds(struct kunit *test)
{
	(void)test;
	WRITE_ONCE(softlockup_thresh_ms, saved_soft);
	WRITE_ONCE(hardlockup_thresh_ms, saved_hard);
	WRITE_ONCE(spinlock_lockup_ms, saved_spin);
	WRITE_ONCE(watchdog_cpumask, CPU_BITS_ALL);
}

/* The hard lock-up threshold lowered to SHORT_MS for @cpu alone: the others
 * are not watched meanwhile, so a loaded host that leaves one of them unrun
 * for SHORT_MS (seen: idle CPU 0, reported from CPU 3) is not a report. */
static void watch_only(int cpu)
{
	WRITE_ONCE(watchdog_cpumask, CPU_BIT(cpu));
	WRITE_ONCE(hardlockup_thresh_ms, SHORT_MS);
}

static void watch_all(void)
{
	WRITE_ONCE(hardlockup_thresh_ms, saved_hard);
	WRITE_ONCE(watchdog_cpumask, CPU_BITS_ALL);
}

/* Busy, with interrupts as they are, until *counter moves (or 5 s). Never
 * inlined: the NMI backtrace of a caller spinning here then has the caller
 * as the return address of this frame, also when the NMI catches the CPU
 * in the exit of an interrupt (restore_all), with this frame's ebp already
 * restored but the EIP not in it. Inlined into hold_lock_busily, that
 * backtrace named only kthread_entry (stress, smp4). */
static noinline bool spin_until_reported(unsigned long *counter)
{
	unsigned long before = READ_ONCE(*counter);
	u64 end = rdtsc() + (u64)tsc_khz * GIVE_UP_MS;

	while (READ_ONCE(*counter) == before && rdtsc() < end)
		cpu_relax();
	return READ_ONCE(*counter) != before;
}

static void preemption_off_too_long_is_a_soft_lockup(struct kunit *test)
{
	bool reported;

	WRITE_ONCE(softlockup_thresh_ms, SHORT_MS);
	kunit_expect_report(test, "BUG: soft lockup - CPU#%d stuck for", smp_processor_id());
	preempt_disable();
	reported = spin_until_reported(&softlockup_reports);
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, reported);
}

/* A kthread on another CPU, started by the next two cases. */
static int other_cpu(struct kunit *test)
{
	if (num_online_cpus() < 2)
		kunit_skip(test, "needs a second CPU");
	return smp_processor_id() ? 0 : 1;
}

static DEFINE_SPINLOCK(slow_lock);
static DECLARE_COMPLETION(holding);

static int hold_lock_busily(void *unused)
{
	(void)unused;
	spin_lock(&slow_lock);
	complete(&holding);
	spin_until_reported(&spinlock_lockup_reports);
	spin_unlock(&slow_lock);
	return 0;
}

static void a_spinlock_held_too_long_is_reported_with_the_owners_backtrace(struct kunit *test)
{
	int cpu = other_cpu(test);
	u64 seq = log_next_sequence();
	unsigned long before = spinlock_lockup_reports;
	struct task_struct *t;

	WRITE_ONCE(spinlock_lockup_ms, SHORT_MS);
	reinit_completion(&holding);
	t = kthread_create(hold_lock_busily, NULL, "lock-holder");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&holding, 5 * HZ), 0ul);
	kunit_expect_report(test, "BUG: spinlock lockup suspected on CPU#%d, lock owner CPU#%d",
			    smp_processor_id(), cpu);
	spin_lock(&slow_lock); /* waits until the holder sees the report */
	spin_unlock(&slow_lock);
	KUNIT_EXPECT_EQ(test, spinlock_lockup_reports, before + 1);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "NMI backtrace for cpu"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "hold_lock_busily"));
}

static DECLARE_COMPLETION(irqs_off);

/* Until a report names this CPU: one about another CPU (an idle CPU that its
 * host did not run, before the watchdog knew halted CPUs) must not end it. */
static int irqs_off_busily(void *unused)
{
	unsigned long before;
	u64 end;

	(void)unused;
	local_irq_disable();
	before = hardlockup_reports_on(smp_processor_id());
	end = rdtsc() + (u64)tsc_khz * GIVE_UP_MS;
	complete(&irqs_off);
	while (hardlockup_reports_on(smp_processor_id()) == before && rdtsc() < end)
		cpu_relax();
	local_irq_enable();
	return 0;
}

static void a_cpu_with_interrupts_off_is_a_hard_lockup_seen_by_its_buddy(struct kunit *test)
{
	int cpu = other_cpu(test);
	u64 seq = log_next_sequence();
	unsigned long before = hardlockup_reports_on(cpu);
	struct task_struct *t;

	reinit_completion(&irqs_off);
	kunit_expect_report(test, "Watchdog detected hard LOCKUP on cpu %d", cpu);
	t = kthread_create(irqs_off_busily, NULL, "irqs-off");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&irqs_off, 5 * HZ), 0ul);
	/* Lowered only once that CPU has interrupts off: before, a host that did
	 * not run it for 300 ms had it reported while it was still switching to
	 * the thread (its backtrace at schedule_tail, none in irqs_off_busily). */
	watch_only(cpu);
	KUNIT_EXPECT_TRUE(test, wait_until(hardlockup_reports_on(cpu) != before, GIVE_UP_MS));
	KUNIT_EXPECT_TRUE(test, wait_until(log_contains(seq, "irqs_off_busily"), GIVE_UP_MS));
	watch_all();
}

static DECLARE_COMPLETION(tickless);
static bool tickless_release, tickless_cut;

static void nothing(void *unused)
{
	(void)unused;
}

/* Halts with interrupts on and its tick stopped until released (an IPI wakes
 * it): to its buddy, a CPU that the host does not run. A task running without
 * a tick would be a hard lock-up indeed, so if another task needs this CPU
 * the halt ends there (and the case says so). */
static int halt_without_tick(void *unused)
{
	(void)unused;
	local_irq_disable();
	lapic_timer_stop();
	complete(&tickless);
	while (!READ_ONCE(tickless_release)) {
		if (need_resched()) {
			WRITE_ONCE(tickless_cut, true);
			break;
		}
		safe_halt();
		local_irq_disable();
	}
	lapic_timer_start();
	local_irq_enable();
	sleep_until_kthread_stop();
	return 0;
}

/* The CPU whose buddy @cpu is: the previous online one, round the end. */
static int watcher_of(int cpu)
{
	int c, watcher = cpu;

	for_each_online_cpu(c)
		if (c < cpu || watcher >= cpu)
			watcher = c;
	return watcher;
}

static void a_halted_cpu_without_ticks_is_not_a_hard_lockup(struct kunit *test)
{
	int cpu = -1, c, watcher;
	unsigned long before, ticks, watched;
	struct task_struct *t;

	for_each_online_cpu(c)
		if (cpu < 0 && c && c != smp_processor_id())
			cpu = c;
	if (cpu < 0 || !apic_in_use)
		kunit_skip(test, "needs a CPU other than this one and the boot CPU, with a local APIC timer");
	watcher = watcher_of(cpu);
	reinit_completion(&tickless);
	WRITE_ONCE(tickless_release, false);
	WRITE_ONCE(tickless_cut, false);
	t = kthread_create(halt_without_tick, NULL, "tickless");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&tickless, 5 * HZ), 0ul);
	before = hardlockup_reports_on(cpu);
	ticks = watchdog_cpu_ticks(cpu);
	watch_only(cpu);
	/* Three thresholds of the watcher's own ticks: it looked, long enough. */
	watched = watchdog_cpu_ticks(watcher);
	KUNIT_EXPECT_TRUE(test, wait_until(watchdog_cpu_ticks(watcher) - watched >=
						   3 * msecs_to_jiffies(SHORT_MS), GIVE_UP_MS));
	KUNIT_EXPECT_LE(test, watchdog_cpu_ticks(cpu) - ticks, 1ul); /* (one already pending) */
	watch_all();
	WRITE_ONCE(tickless_release, true);
	smp_call_function_single(cpu, nothing, NULL, 1);
	kthread_stop(t);
	KUNIT_EXPECT_FALSE(test, tickless_cut);
	KUNIT_EXPECT_EQ(test, hardlockup_reports_on(cpu), before);
}

static struct kunit_case lockup_cases[] = {
	KUNIT_CASE(preemption_off_too_long_is_a_soft_lockup),
	KUNIT_CASE(a_spinlock_held_too_long_is_reported_with_the_owners_backtrace),
	KUNIT_CASE(a_cpu_with_interrupts_off_is_a_hard_lockup_seen_by_its_buddy),
	KUNIT_CASE(a_halted_cpu_without_ticks_is_not_a_hard_lockup),
	{}
};

static struct kunit_suite lockup_suite = {
	.name = "lockup",
	.init = save_thresholds,
	.exit = restore_thresholds,
	.test_cases = lockup_cases,
};
kunit_test_suite(lockup_suite);

/* The probe: A->B on one CPU, B->A on the other, at the same moment. */
static DEFINE_SPINLOCK(probe_a);
static DEFINE_SPINLOCK(probe_b);
static atomic_t probe_ready;

static void take_in_order(spinlock_t *first, spinlock_t *second)
{
	spin_lock(first);
	atomic_inc(&probe_ready);
	while (atomic_read(&probe_ready) < 2)
		cpu_relax();
	spin_lock(second); /* the other CPU holds it and wants ours */
	spin_unlock(second);
	spin_unlock(first);
}

static int probe_ab(void *unused)
{
	(void)unused;
	take_in_order(&probe_a, &probe_b);
	return 0;
}

static int probe_ba(void *unused)
{
	(void)unused;
	take_in_order(&probe_b, &probe_a);
	return 0;
}

static void ab_ba_on_two_cpus_is_never_a_silent_hang(struct kunit *test)
{
	struct task_struct *ab, *ba;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	ab = kthread_create(probe_ab, NULL, "probe-ab");
	ba = kthread_create(probe_ba, NULL, "probe-ba");
	KUNIT_ASSERT_FALSE(test, IS_ERR(ab) || IS_ERR(ba));
	kthread_bind(ab, 0);
	kthread_bind(ba, 1);
	wake_up_process(ab);
	wake_up_process(ba);
	/* They deadlock; the detectors must say so (and softlockup_panic=1 ends it). */
	wait_until(false, 60000);
	KUNIT_FAIL(test, "60 s and no lock-up report ended the boot");
}

static struct kunit_case lockup_probe_cases[] = {
	KUNIT_CASE(ab_ba_on_two_cpus_is_never_a_silent_hang),
	{}
};

static struct kunit_suite lockup_probe_suite = {
	.name = "lockup_probe",
	.test_cases = lockup_probe_cases,
	.explicit_only = true,
};
kunit_test_suite(lockup_probe_suite);
