/*
 * KTAP suite `sched`: preemption by the timer, no switch under
 * preempt_disable(), registers and EFLAGS survive a switch, kthreads come and
 * go without leaking, priorities and yield (kernel/sched/core.c).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include "helpers.h"

unsigned int spin_with_known_registers(const volatile unsigned long *counter, unsigned long until);

/* Threads that kthread_stop() ends must wait for it: a kthread that exits on
 * its own may already be freed when kthread_stop() looks at it (as in Linux). */
struct spinner {
	volatile unsigned long count;
};

static int spin_until_stopped(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->count++; /* never yields: only the timer can take the CPU away */
	return 0;
}

static void two_busy_kthreads_both_make_progress(struct kunit *test)
{
	struct spinner a = { 0 }, b = { 0 };
	struct task_struct *ta = kthread_run(spin_until_stopped, &a, "spin-a");
	struct task_struct *tb = kthread_run(spin_until_stopped, &b, "spin-b");
	unsigned long ta_preempted, tb_preempted;

	KUNIT_ASSERT_FALSE(test, IS_ERR(ta) || IS_ERR(tb));
	/* Both run and both are preempted: the tick shares the CPU (on SMP
	 * other tasks, this one included, still compete for it). */
	KUNIT_EXPECT_TRUE(test, wait_until(a.count > 1000 && b.count > 1000 && ta->nivcsw &&
					   tb->nivcsw, TEST_WAIT_MS));
	ta_preempted = ta->nivcsw;
	tb_preempted = tb->nivcsw;
	kthread_stop(ta);
	kthread_stop(tb);
	KUNIT_EXPECT_GT(test, a.count, 1000ul);
	KUNIT_EXPECT_GT(test, b.count, 1000ul);
	KUNIT_EXPECT_GE(test, ta_preempted, 1ul);
	KUNIT_EXPECT_GE(test, tb_preempted, 1ul);
}

static void no_switch_happens_while_preemption_is_disabled(struct kunit *test)
{
	struct spinner s = { 0 };
	struct task_struct *t = kthread_run(spin_until_stopped, &s, "spin-c");
	unsigned long before, after, switches;

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(s.count), TEST_WAIT_MS)); /* it runs */
	preempt_disable();
	before = s.count;
	switches = current->nivcsw;
	/* Until our time slice is over: the tick asks for a switch, but it must
	 * wait (with preemption off, wait_until halts between interrupts). */
	KUNIT_EXPECT_TRUE(test, wait_until(need_resched(), TEST_WAIT_MS));
	after = s.count;
	preempt_enable(); /* ... and here it happens */
	KUNIT_EXPECT_EQ(test, after, before);
	KUNIT_EXPECT_GT(test, current->nivcsw, switches);
	kthread_stop(t);
}

static int clobber_registers(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop()) {
		__asm__ __volatile__("movl $0, %%ebx\n\tmovl $0, %%esi\n\tmovl $0, %%edi\n\t"
				     "xorl %%eax, %%eax\n\txorl %%edx, %%edx"
				     : : : "eax", "ebx", "edx", "esi", "edi", "cc");
		s->count++;
		yield();
	}
	return 0;
}

static void a_voluntary_switch_preserves_callee_saved_registers(struct kunit *test)
{
	struct spinner s = { 0 };
	struct task_struct *t = kthread_run(clobber_registers, &s, "clobber");
	unsigned long bx, si, di, bp, yielded_to = s.count;

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	__asm__ __volatile__("push %%ebp\n\t"
			     "movl $0x5a5a0001, %%ebx\n\t"
			     "movl $0x5a5a0002, %%esi\n\t"
			     "movl $0x5a5a0003, %%edi\n\t"
			     "movl $0x5a5a0004, %%ebp\n\t"
			     "call yield\n\t"
			     "movl %%ebp, %%eax\n\t"
			     "pop %%ebp"
			     : "=b"(bx), "=S"(si), "=D"(di), "=a"(bp) : : "ecx", "edx", "memory", "cc");
	KUNIT_EXPECT_GT(test, s.count, yielded_to); /* the other task did run in between */
	KUNIT_EXPECT_EQ(test, bx, 0x5a5a0001ul);
	KUNIT_EXPECT_EQ(test, si, 0x5a5a0002ul);
	KUNIT_EXPECT_EQ(test, di, 0x5a5a0003ul);
	KUNIT_EXPECT_EQ(test, bp, 0x5a5a0004ul);
	kthread_stop(t);
}

struct register_check {
	struct completion done;
	unsigned int mismatches;
};

static int spin_checking(void *data)
{
	struct register_check *rc = data;
	struct task_struct *me = current;

	rc->mismatches = spin_with_known_registers(&me->nivcsw, me->nivcsw + 3);
	complete(&rc->done);
	return 0;
}

static void a_preemption_preserves_every_register_and_eflags(struct kunit *test)
{
	struct spinner s = { 0 };
	struct register_check rc = { .mismatches = ~0u };
	struct task_struct *other, *checker;

	init_completion(&rc.done);
	other = kthread_run(spin_until_stopped, &s, "spin-d");
	checker = kthread_run(spin_checking, &rc, "regcheck");
	KUNIT_ASSERT_FALSE(test, IS_ERR(other) || IS_ERR(checker));
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&rc.done, 10 * HZ), 0ul);
	kthread_stop(other);
	KUNIT_EXPECT_EQ(test, rc.mismatches, 0u);
}

static atomic_t finished;

static int count_and_exit(void *data)
{
	(void)data;
	atomic_inc(&finished);
	return 0;
}

static void spawn_and_reap(struct kunit *test, int n)
{
	atomic_set(&finished, 0);
	for (int i = 0; i < n; i++)
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(count_and_exit, NULL, "short-%d", i)));
	KUNIT_ASSERT_TRUE(test, wait_until(atomic_read(&finished) == n, TEST_WAIT_MS));
	/* the last ones are freed at their final switch */
	KUNIT_ASSERT_TRUE(test, wait_until(!nr_exiting_tasks(), TEST_WAIT_MS));
	task_quarantine_drain(); /* freed kthreads wait there before their memory is reused */
}

static void two_hundred_kthreads_come_and_go_without_leaks(struct kunit *test)
{
	unsigned long pages, vmalloc_pages;
	unsigned int threads;

	spawn_and_reap(test, 10); /* warm the kmalloc caches up */
	pages = nr_free_pages();
	vmalloc_pages = vmalloc_used_pages();
	threads = nr_threads();
	spawn_and_reap(test, 200);
	KUNIT_EXPECT_EQ(test, nr_threads(), threads);
	KUNIT_EXPECT_EQ(test, vmalloc_used_pages(), vmalloc_pages);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

struct waker_test {
	struct completion go;
	volatile bool ran;
};

static int note_that_it_ran(void *data)
{
	struct waker_test *w = data;

	wait_for_completion(&w->go);
	w->ran = true;
	return 0;
}

static void waking_a_higher_priority_task_switches_at_once(struct kunit *test)
{
	struct waker_test w = { .ran = false };
	struct task_struct *t;

	init_completion(&w.go);
	t = kthread_create(note_that_it_ran, &w, "urgent");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	sched_set_prio(t, 5);
	wake_up_process(t);
	KUNIT_ASSERT_TRUE(test, wait_until_asleep(t, TASK_UNINTERRUPTIBLE)); /* in wait_for_completion */
	KUNIT_EXPECT_FALSE(test, w.ran);
	complete(&w.go);
	/* complete() set need_resched; its spin_unlock was the preemption point.
	 * (The thread exits by itself: no kthread_stop.) */
	KUNIT_EXPECT_TRUE(test, w.ran);
}

static int yield_in_turns(void *data)
{
	unsigned long *turns = data;

	while (!kthread_should_stop()) {
		(*turns)++;
		yield();
	}
	return 0;
}

static void yield_hands_the_cpu_to_an_equal_task(struct kunit *test)
{
	unsigned long turns = 0, before;
	struct task_struct *t = kthread_run(yield_in_turns, &turns, "yielder");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	yield();
	for (int i = 0; i < 10; i++) {
		before = turns;
		yield();
		KUNIT_EXPECT_EQ(test, turns, before + 1);
	}
	kthread_stop(t);
}

/* An expired task against N yielders of its priority, all on one CPU. */
#define STARVE_YIELDERS 8
#define STARVE_PRIO 10 /* above this test's thread: the group has the CPU to itself */

struct starve {
	volatile unsigned long yields; /* by all the yielders together */
	unsigned long held_back;       /* yields while the spinner waited, expired */
	volatile bool stop;
	struct completion measured;
};

static int yield_until_told(void *data)
{
	struct starve *s = data;

	while (!READ_ONCE(s->stop)) {
		s->yields++;
		yield();
	}
	sleep_until_kthread_stop();
	return 0;
}

/* Spins, never yielding, until the tick takes its slice away (it comes back
 * with a refilled slice), then counts the yields made while it waited. While
 * it runs no yielder does, so the count of its last snapshot taken without a
 * switch in the middle is the count at the switch. */
static int spin_past_the_slice(void *data)
{
	struct starve *s = data;
	struct task_struct *me = current;
	unsigned long seen_switches = me->nivcsw, seen_yields = s->yields;
	unsigned int seen_slice = me->time_slice;

	while (!kthread_should_stop()) { /* the test gave up waiting */
		unsigned long switches = READ_ONCE(me->nivcsw), yields;
		unsigned int slice;

		if (switches != seen_switches && READ_ONCE(me->time_slice) > seen_slice)
			goto measured; /* expired, and on the CPU again */
		yields = s->yields;
		slice = READ_ONCE(me->time_slice);
		barrier();
		if (READ_ONCE(me->nivcsw) == switches) { /* a snapshot without a switch in it */
			seen_switches = switches;
			seen_yields = yields;
			seen_slice = slice;
		}
	}
	return 0;
measured:
	s->held_back = s->yields - seen_yields;
	WRITE_ONCE(s->stop, true);
	complete(&s->measured);
	sleep_until_kthread_stop();
	return 0;
}

/* Linux 2.6's sched_yield(): a yielder goes to the expired array. Before, a
 * yielder went back to the active array with its slice left, and a task
 * whose slice had run out waited until every yielder had used up its own
 * slice by yielding: one O(1) epoch, 8 x 15 ticks here, a minute with 1000
 * yielders. Now each yielder goes ahead of it at most once (twice when the
 * arrays swap in between). */
static void yielders_cannot_starve_an_expired_task(struct kunit *test)
{
	static struct starve s;
	struct task_struct *t[STARVE_YIELDERS + 1];
	int cpu = get_cpu();

	put_cpu(); /* any CPU will do: only all of them on the same one */
	s = (struct starve){ 0 };
	init_completion(&s.measured);
	for (int i = 0; i <= STARVE_YIELDERS; i++) {
		t[i] = kthread_create(i ? yield_until_told : spin_past_the_slice, &s, "starve-%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		kthread_bind(t[i], cpu);
		sched_set_prio(t[i], STARVE_PRIO);
	}
	preempt_disable(); /* they outrank us: all of them runnable before any runs */
	for (int i = 0; i <= STARVE_YIELDERS; i++)
		wake_up_process(t[i]);
	preempt_enable();
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&s.measured, 60 * HZ), 0ul);
	WRITE_ONCE(s.stop, true);
	for (int i = 0; i <= STARVE_YIELDERS; i++)
		kthread_stop(t[i]);
	kunit_info(test, "the expired task waited for %lu yields of %d yielders", s.held_back,
		   STARVE_YIELDERS);
	KUNIT_EXPECT_LE(test, s.held_back, 2ul * STARVE_YIELDERS);
}

static void the_task_listing_shows_every_task(struct kunit *test)
{
	struct seq_file m = { .size = 4096 };

	m.buf = kzalloc(m.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m.buf);
	show_tasks(&m);
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "swapper/0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "    1 R"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "init"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(m.buf, "/8192"));
	kfree(m.buf);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(two_busy_kthreads_both_make_progress),
	KUNIT_CASE(no_switch_happens_while_preemption_is_disabled),
	KUNIT_CASE(a_voluntary_switch_preserves_callee_saved_registers),
	KUNIT_CASE(a_preemption_preserves_every_register_and_eflags),
	KUNIT_CASE(two_hundred_kthreads_come_and_go_without_leaks),
	KUNIT_CASE(waking_a_higher_priority_task_switches_at_once),
	KUNIT_CASE(yield_hands_the_cpu_to_an_equal_task),
	KUNIT_CASE(yielders_cannot_starve_an_expired_task),
	KUNIT_CASE(the_task_listing_shows_every_task),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
	.one_cpu = true,
};
kunit_test_suite(sched_suite);
