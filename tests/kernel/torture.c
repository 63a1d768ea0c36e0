/*
 * KTAP suite `torture`: the locking and sleeping primitives hammered, in
 * the spirit of Linux's locktorture. Two kthreads per CPU (at least four)
 * take the primitive over and over for torture_ms milliseconds (default 400;
 * `make soak` boots with more), while a timer fires a simulated interrupt
 * line four times every jiffy on some CPU; its handler takes an irq-safe
 * spinlock and schedules a tasklet that takes a bh-safe one, which the
 * torturers take too. Each case
 * counts what must never happen: two owners at once, a reader beside a
 * writer, more holders than a semaphore's units, a wake-up that never came
 * (a wait that timed out although its event had happened); all must be 0,
 * with thousands of acquisitions and the interrupt load having run.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include "helpers.h"

#define LINE (IRQ_SIM_BASE + 4)

static unsigned int torture_ms = 400;

static int __init torture_ms_setup(char *val)
{
	unsigned int ms;

	if (!val || kstrtouint(val, 0, &ms) || !ms)
		return -EINVAL;
	torture_ms = ms;
	return 0;
}
early_param("torture_ms", torture_ms_setup);

struct torture {
	unsigned long end;        /* jiffies: when the torturers stop (set by the first) */
	atomic_t acquisitions, errors, lost_wakeups;
	int owner;                /* -1, or the torturer inside */
	atomic_t inside;          /* readers, or semaphore holders */
	int writer;               /* a writer is inside */
};

static struct torture tt;

/* The clock starts when the first torturer does (starting them all takes a
 * while on a loaded host). */
static bool going(void)
{
	unsigned long end = READ_ONCE(tt.end), zero = 0;

	if (!end) {
		end = (jiffies + msecs_to_jiffies(torture_ms)) | 1;
		if (!__atomic_compare_exchange_n(&tt.end, &zero, end, false, __ATOMIC_SEQ_CST,
						 __ATOMIC_SEQ_CST))
			end = zero;
	}
	return time_before(jiffies, end);
}

/* A short critical section: nobody else may be in it meanwhile. */
static void own(unsigned int i)
{
	if (READ_ONCE(tt.owner) != -1)
		atomic_inc(&tt.errors);
	WRITE_ONCE(tt.owner, (int)i);
	for (int k = 0; k < 20; k++)
		cpu_relax();
	if (READ_ONCE(tt.owner) != (int)i)
		atomic_inc(&tt.errors);
	WRITE_ONCE(tt.owner, -1);
	atomic_inc(&tt.acquisitions);
}

/* The interrupt load: a handler and a tasklet that take locks the torturers take too. */
static DEFINE_SPINLOCK(irq_lock);
static DEFINE_SPINLOCK(bh_lock);
static atomic_t irq_runs, tasklet_runs;

static void load_tasklet_fn(unsigned long data)
{
	(void)data;
	spin_lock(&bh_lock);
	atomic_inc(&tasklet_runs);
	spin_unlock(&bh_lock);
}

static DECLARE_TASKLET_OLD(load_tasklet, load_tasklet_fn);

static irqreturn_t load_handler(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	spin_lock(&irq_lock);
	atomic_inc(&irq_runs);
	spin_unlock(&irq_lock);
	tasklet_schedule(&load_tasklet);
	return IRQ_HANDLED;
}

/* The load: a timer (softirq context, interrupts on) raises the line, as a
 * device would, whatever the torturers keep the CPUs busy with. */
static struct timer_list load_timer;
static bool load_on;

static void load_timer_fn(struct timer_list *t)
{
	for (int k = 0; k < 4; k++)
		irq_sim_fire(LINE);
	if (READ_ONCE(load_on))
		mod_timer(t, jiffies + 1);
}

/* The torturers also take the load's locks, as a driver would. */
static void touch_load_locks(void)
{
	unsigned long flags;

	spin_lock_irqsave(&irq_lock, flags);
	spin_unlock_irqrestore(&irq_lock, flags);
	spin_lock_bh(&bh_lock);
	spin_unlock_bh(&bh_lock);
}

static void torture(struct kunit *test, int (*fn)(unsigned int i, void *data))
{
	unsigned int n = max(4u, 2 * num_online_cpus());

	tt = (struct torture){ .owner = -1 };
	atomic_set(&irq_runs, 0);
	atomic_set(&tasklet_runs, 0);
	KUNIT_ASSERT_EQ(test, request_irq(LINE, load_handler, 0, "torture", &tt), 0);
	WRITE_ONCE(load_on, true);
	timer_setup(&load_timer, load_timer_fn, 0);
	mod_timer(&load_timer, jiffies + 1);
	KUNIT_EXPECT_EQ(test, run_on_cpus(min(n, (unsigned int)MAX_CPU_THREADS), fn, NULL), 0);
	WRITE_ONCE(load_on, false);
	del_timer_sync(&load_timer);
	tasklet_kill(&load_tasklet);
	free_irq(LINE, &tt);
	kunit_info(test, "%d acquisitions in %u ms, %d interrupts, %d tasklets, %d errors, "
		   "%d lost wake-ups", atomic_read(&tt.acquisitions), torture_ms,
		   atomic_read(&irq_runs), atomic_read(&tasklet_runs), atomic_read(&tt.errors),
		   atomic_read(&tt.lost_wakeups));
	KUNIT_EXPECT_EQ(test, atomic_read(&tt.errors), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&tt.lost_wakeups), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&tt.acquisitions), 0); /* progress: a loaded host may allow little */
	KUNIT_EXPECT_GT(test, atomic_read(&irq_runs), 0);
	KUNIT_EXPECT_GT(test, atomic_read(&tasklet_runs), 0);
}

static DEFINE_SPINLOCK(t_spin);

static int spin_torturer(unsigned int i, void *data)
{
	unsigned long flags;

	(void)data;
	while (going()) {
		if (i & 1) {
			spin_lock_irqsave(&t_spin, flags);
			own(i);
			spin_lock(&irq_lock); /* nested, always in this order */
			spin_unlock(&irq_lock);
			spin_unlock_irqrestore(&t_spin, flags);
		} else {
			spin_lock(&t_spin);
			own(i);
			spin_unlock(&t_spin);
			touch_load_locks();
		}
	}
	return 0;
}

static void spinlocks(struct kunit *test) { torture(test, spin_torturer); }

static DEFINE_RWLOCK(t_rw);

static int rw_torturer(unsigned int i, void *data)
{
	(void)data;
	while (going()) {
		if (!(i % 4)) {
			write_lock(&t_rw);
			WRITE_ONCE(tt.writer, 1);
			if (atomic_read(&tt.inside))
				atomic_inc(&tt.errors); /* a reader beside the writer */
			own(i);
			WRITE_ONCE(tt.writer, 0);
			write_unlock(&t_rw);
		} else {
			read_lock(&t_rw);
			atomic_inc(&tt.inside);
			if (READ_ONCE(tt.writer))
				atomic_inc(&tt.errors);
			atomic_inc(&tt.acquisitions);
			atomic_dec(&tt.inside);
			read_unlock(&t_rw);
		}
		touch_load_locks();
	}
	return 0;
}

static void rwlocks(struct kunit *test) { torture(test, rw_torturer); }

static DEFINE_MUTEX(t_mutex);

static int mutex_torturer(unsigned int i, void *data)
{
	(void)data;
	while (going()) {
		mutex_lock(&t_mutex);
		own(i);
		if (!(atomic_read(&tt.acquisitions) % 8))
			yield(); /* give up the CPU holding it: the others sleep on it */
		mutex_unlock(&t_mutex);
		touch_load_locks();
		cond_resched();
	}
	return 0;
}

static void mutexes(struct kunit *test) { torture(test, mutex_torturer); }

#define UNITS 2
static struct semaphore t_sem;

static int sem_torturer(unsigned int i, void *data)
{
	(void)i;
	(void)data;
	while (going()) {
		down(&t_sem);
		if (atomic_inc_return(&tt.inside) > UNITS)
			atomic_inc(&tt.errors);
		atomic_inc(&tt.acquisitions);
		for (int k = 0; k < 20; k++)
			cpu_relax();
		atomic_dec(&tt.inside);
		up(&t_sem);
		cond_resched();
	}
	return 0;
}

static void semaphores(struct kunit *test)
{
	sema_init(&t_sem, UNITS);
	torture(test, sem_torturer);
}

/* Pairs: the even thread completes "ping", the odd one answers "pong"; the
 * even one decides when they stop. A wait that times out is a lost wake-up:
 * the partner answers as soon as it runs (5 s is for a very loaded host). */
#define PAIRS (MAX_CPU_THREADS / 2)
#define WAKEUP_TIMEOUT (5 * HZ)
static struct completion ping[PAIRS], pong[PAIRS];
static atomic_t pair_done[PAIRS];

static int completion_torturer(unsigned int i, void *data)
{
	unsigned int p = i / 2;

	(void)data;
	if (i & 1) {
		while (!atomic_read(&pair_done[p])) {
			if (wait_for_completion_timeout(&ping[p], WAKEUP_TIMEOUT) &&
			    !atomic_read(&pair_done[p]))
				complete(&pong[p]);
		}
		return 0;
	}
	while (going()) {
		complete(&ping[p]);
		if (!wait_for_completion_timeout(&pong[p], WAKEUP_TIMEOUT))
			atomic_inc(&tt.lost_wakeups);
		atomic_inc(&tt.acquisitions);
	}
	atomic_set(&pair_done[p], 1);
	complete(&ping[p]); /* the partner's last wait ends */
	return 0;
}

static void completions(struct kunit *test)
{
	for (int p = 0; p < PAIRS; p++) {
		init_completion(&ping[p]);
		init_completion(&pong[p]);
		atomic_set(&pair_done[p], 0);
	}
	torture(test, completion_torturer);
}

/* Wait queues: the even thread publishes a new value and waits for the odd
 * one to acknowledge it; each side sleeps in wait_event_timeout. */
static struct wait_queue_head wq_new[PAIRS], wq_ack[PAIRS];
static unsigned int seq[PAIRS], ack[PAIRS];

static int waitqueue_torturer(unsigned int i, void *data)
{
	unsigned int p = i / 2;

	(void)data;
	if (i & 1) {
		while (!atomic_read(&pair_done[p])) {
			unsigned int seen = READ_ONCE(ack[p]);

			if (!wait_event_timeout(wq_new[p], READ_ONCE(seq[p]) != seen ||
						atomic_read(&pair_done[p]), WAKEUP_TIMEOUT))
				continue;
			WRITE_ONCE(ack[p], READ_ONCE(seq[p]));
			wake_up(&wq_ack[p]);
		}
		return 0;
	}
	while (going()) {
		unsigned int next = READ_ONCE(seq[p]) + 1;

		WRITE_ONCE(seq[p], next);
		wake_up(&wq_new[p]);
		if (!wait_event_timeout(wq_ack[p], READ_ONCE(ack[p]) == next, WAKEUP_TIMEOUT))
			atomic_inc(&tt.lost_wakeups);
		atomic_inc(&tt.acquisitions);
	}
	atomic_set(&pair_done[p], 1);
	wake_up(&wq_new[p]); /* the partner's last wait ends */
	return 0;
}

static void wait_queues(struct kunit *test)
{
	for (int p = 0; p < PAIRS; p++) {
		init_waitqueue_head(&wq_new[p]);
		init_waitqueue_head(&wq_ack[p]);
		seq[p] = ack[p] = 0;
		atomic_set(&pair_done[p], 0);
	}
	torture(test, waitqueue_torturer);
}

static struct kunit_case torture_cases[] = {
	KUNIT_CASE(spinlocks),
	KUNIT_CASE(rwlocks),
	KUNIT_CASE(mutexes),
	KUNIT_CASE(semaphores),
	KUNIT_CASE(completions),
	KUNIT_CASE(wait_queues),
	{}
};

static struct kunit_suite torture_suite = {
	.name = "torture",
	.test_cases = torture_cases,
};
kunit_test_suite(torture_suite);
