/*
 * KTAP suite `linux_api`: the Linux interfaces nothing in Janus itself calls
 * yet, but a driver module will (add_timer, add_wait_queue, the irqsave
 * rwlocks, vzalloc, strcat, tasklet_init, seq_puts, set_user_nice...).
 * Each is checked for what Linux documents it to do.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include "helpers.h"

struct timer_probe {
	struct timer_list timer;
	unsigned int fired;
	bool in_softirq;
};

static void timer_probe_fn(struct timer_list *t)
{
	struct timer_probe *p = from_timer(p, t, timer);

	p->in_softirq = in_serving_softirq();
	WRITE_ONCE(p->fired, p->fired + 1);
}

static void add_timer_arms_a_timer_at_its_expires(struct kunit *test)
{
	static struct timer_probe p;
	unsigned long armed = jiffies;

	p = (struct timer_probe){ 0 };
	timer_setup(&p.timer, timer_probe_fn, 0);
	p.timer.expires = armed + 3;
	add_timer(&p.timer);
	KUNIT_EXPECT_TRUE(test, timer_pending(&p.timer));
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(p.fired), 2000));
	KUNIT_EXPECT_TRUE(test, time_after_eq(jiffies, armed + 3));
	KUNIT_EXPECT_TRUE(test, p.in_softirq);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p.timer));
	del_timer_sync(&p.timer);
	KUNIT_EXPECT_EQ(test, p.fired, 1u);
}

static int counting_wake(struct wait_queue_entry *e, unsigned int mode)
{
	(void)mode;
	(*(unsigned int *)e->private)++;
	return 1;
}

static void add_wait_queue_entries_are_woken_until_removed(struct kunit *test)
{
	struct wait_queue_head wq;
	unsigned int woken = 0;
	struct wait_queue_entry e = { .private = &woken, .func = counting_wake,
				      .entry = LIST_HEAD_INIT(e.entry) };

	init_waitqueue_head(&wq);
	add_wait_queue(&wq, &e);
	KUNIT_EXPECT_TRUE(test, waitqueue_active(&wq));
	wake_up(&wq);
	wake_up_all(&wq);
	KUNIT_EXPECT_EQ(test, woken, 2u); /* not autoremove: it stays queued */
	remove_wait_queue(&wq, &e);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&wq));
	wake_up_all(&wq);
	KUNIT_EXPECT_EQ(test, woken, 2u);
}

static void rwlock_irqsave_disables_and_restores_interrupts(struct kunit *test)
{
	DEFINE_RWLOCK(lock);
	unsigned long flags;

	read_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_TRUE(test, read_trylock(&lock)); /* readers share it */
	read_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, write_trylock(&lock));
	read_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	write_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, read_trylock(&lock));
	write_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);

	/* Restoring puts back what was saved: off stays off. */
	local_irq_disable();
	read_lock_irqsave(&lock, flags);
	read_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	write_lock_irqsave(&lock, flags);
	write_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_enable();
	KUNIT_EXPECT_TRUE(test, write_trylock(&lock));
	write_unlock(&lock);
}

static void vzalloc_memory_is_zeroed_to_the_end_of_its_pages(struct kunit *test)
{
	unsigned long size = 3 * PAGE_SIZE + 100;
	char *dirty = vmalloc(size), *p;

	KUNIT_ASSERT_NOT_NULL(test, dirty);
	memset(dirty, 0xaa, size); /* its pages go back dirty, and may come back */
	vfree(dirty);
	p = vzalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_NULL(test, memchr_inv(p, 0, 4 * PAGE_SIZE));
	vfree(p);
}

static void strcat_appends_and_terminates(struct kunit *test)
{
	char buf[16] = "ab";

	KUNIT_EXPECT_PTR_EQ(test, strcat(buf, "cd"), buf);
	KUNIT_EXPECT_STREQ(test, buf, "abcd");
	strcat(buf, "");
	KUNIT_EXPECT_STREQ(test, buf, "abcd");
	strcat(buf, "efghijklmno");
	KUNIT_EXPECT_STREQ(test, buf, "abcdefghijklmno");
}

struct tasklet_probe {
	unsigned long data;
	unsigned int runs;
	bool in_softirq;
};

static struct tasklet_probe tp;

static void old_style_tasklet(unsigned long data)
{
	tp.data = data;
	tp.in_softirq = in_serving_softirq();
	WRITE_ONCE(tp.runs, tp.runs + 1);
}

static void tasklet_init_runs_the_function_with_its_data(struct kunit *test)
{
	struct tasklet_struct t;

	tp = (struct tasklet_probe){ 0 };
	tasklet_init(&t, old_style_tasklet, 0x5eed);
	/* Scheduled twice before it ran: it runs once. Bottom halves off, or
	 * a tick between the two calls may run it in between (seen: runs 2). */
	local_bh_disable();
	tasklet_schedule(&t);
	tasklet_schedule(&t);
	local_bh_enable();
	KUNIT_ASSERT_TRUE(test, wait_until(READ_ONCE(tp.runs), 2000));
	tasklet_kill(&t);
	KUNIT_EXPECT_EQ(test, tp.runs, 1u);
	KUNIT_EXPECT_EQ(test, tp.data, 0x5eedul);
	KUNIT_EXPECT_TRUE(test, tp.in_softirq);
}

static void seq_puts_appends_and_marks_overflow(struct kunit *test)
{
	char buf[8];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };

	seq_puts(&m, "abc");
	KUNIT_EXPECT_EQ(test, m.count, 3u);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_FALSE(test, m.overflow);
	seq_puts(&m, "defghij");
	KUNIT_EXPECT_TRUE(test, m.overflow);
	KUNIT_EXPECT_EQ(test, m.count, sizeof(buf) - 1);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
}

static void set_user_nice_maps_nice_to_priority_and_clamps(struct kunit *test)
{
	int prio = current->prio;

	set_user_nice(current, 5);
	KUNIT_EXPECT_EQ(test, task_nice(current), 5);
	KUNIT_EXPECT_EQ(test, current->prio, DEFAULT_PRIO + 5);
	set_user_nice(current, -100);
	KUNIT_EXPECT_EQ(test, task_nice(current), -20);
	KUNIT_EXPECT_EQ(test, current->prio, 0);
	set_user_nice(current, 100);
	KUNIT_EXPECT_EQ(test, task_nice(current), 19);
	KUNIT_EXPECT_EQ(test, current->prio, MAX_PRIO - 1);
	sched_set_prio(current, prio);
}

static struct kunit_case linux_api_cases[] = {
	KUNIT_CASE(add_timer_arms_a_timer_at_its_expires),
	KUNIT_CASE(add_wait_queue_entries_are_woken_until_removed),
	KUNIT_CASE(rwlock_irqsave_disables_and_restores_interrupts),
	KUNIT_CASE(vzalloc_memory_is_zeroed_to_the_end_of_its_pages),
	KUNIT_CASE(strcat_appends_and_terminates),
	KUNIT_CASE(tasklet_init_runs_the_function_with_its_data),
	KUNIT_CASE(seq_puts_appends_and_marks_overflow),
	KUNIT_CASE(set_user_nice_maps_nice_to_priority_and_clamps),
	{}
};

static struct kunit_suite linux_api_suite = {
	.name = "linux_api",
	.test_cases = linux_api_cases,
};
kunit_test_suite(linux_api_suite);
