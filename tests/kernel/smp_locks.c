/*
 * KTAP suite `smp_locks`: the locks and atomics when several CPUs really run
 * at once (one thread per CPU, released together; tests/kernel/cpu_threads.c).
 * Every count must come out exact: a ticket spinlock shared with hardirq
 * context, atomics, a mutex whose holder lets others try meanwhile, a
 * semaphore, an rwlock, and sleep/wake-up ping-pong across CPUs in which a
 * single lost wake-up would show as a timeout.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/nmi.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "helpers.h"

/* Lock hand-overs in all, shared by the threads: with more vCPUs than host
 * cores, a hand-over to a vCPU the host has descheduled costs a host time
 * slice, so the work does not grow with the number of CPUs. */
#define SPIN_TOTAL 2000 /* rounds over all threads: enough to contend, few enough for busy hosts */
static unsigned int iters;

struct spin_torture {
	spinlock_t lock;
	unsigned long counter;       /* under lock, updated in two steps */
	unsigned long unlocked;      /* the same, without the lock: the control */
	atomic_t hardirq_incs;
	atomic_t contended;
};

/* A read-modify-write in two steps: without the lock, two CPUs interleave
 * and lose updates. */
static void slow_increment(unsigned long *counter)
{
	unsigned long v = READ_ONCE(*counter);

	cpu_relax();
	WRITE_ONCE(*counter, v + 1);
}

static int spin_worker(unsigned int i, void *data)
{
	struct spin_torture *s = data;

	(void)i;
	for (unsigned int n = 0; n < iters; n++) {
		if (spin_is_locked(&s->lock))
			atomic_inc(&s->contended);
		spin_lock(&s->lock);
		slow_increment(&s->counter);
		spin_unlock(&s->lock);
		slow_increment(&s->unlocked);
	}
	return 0;
}

/* The locked count must be exact; the unlocked one is the control that shows
 * the threads really overlapped (else the exact count proves nothing). A busy
 * host may run the virtual CPUs one at a time: up to CONTROL_ROUNDS rounds
 * until the control loses an update, and a skip if it never does. */
#define CONTROL_ROUNDS 5

static void a_spinlock_keeps_a_two_step_increment_exact(struct kunit *test)
{
	unsigned int n = NR_CONTENDERS, round = 0;
	unsigned long lost = 0, contended = 0;

	iters = SPIN_TOTAL / n;
	do {
		struct spin_torture s = { .counter = 0 };

		spin_lock_init(&s.lock);
		KUNIT_ASSERT_EQ(test, run_on_cpus(n, spin_worker, &s), 0);
		KUNIT_EXPECT_EQ(test, s.counter, (unsigned long)n * iters);
		lost += (unsigned long)n * iters - s.unlocked;
		contended += atomic_read(&s.contended);
	} while (!lost && ++round < CONTROL_ROUNDS);
	kunit_info(test, "%u threads, %u round(s): lock found taken %lu times; without it, %lu "
		   "increments lost", n, round + !!lost, contended, lost);
	if (!lost)
		kunit_skip(test, "the unlocked control never lost an update: the threads never "
			   "overlapped, so this run shows nothing");
}

/* Fewer rounds than the plain spinlock case, and an IPI every IPI_EVERY: with
 * interrupts off while they wait for the lock, virtual CPUs that a busy host
 * runs two to a core make each round and each IPI slow (350 s on smp4 at a
 * load of 25 with 8000 rounds, 270 s with 1000). Exactness needs contention,
 * not volume. */
#define HARDIRQ_TOTAL 256
#define IPI_EVERY 16

static void increment_in_hardirq(void *data)
{
	struct spin_torture *s = data;

	spin_lock(&s->lock); /* interrupts are off in a hardirq handler */
	slow_increment(&s->counter);
	spin_unlock(&s->lock);
	atomic_inc(&s->hardirq_incs);
}

/* Task context takes the lock with interrupts off (irqsave), so the
 * function-call IPI that wants it too can never interrupt the holder. */
static int irqsave_worker(unsigned int i, void *data)
{
	struct spin_torture *s = data;
	int next = (smp_processor_id() + 1) % num_online_cpus();

	(void)i;
	for (unsigned int n = 0; n < iters; n++) {
		unsigned long flags;

		spin_lock_irqsave(&s->lock, flags);
		slow_increment(&s->counter);
		spin_unlock_irqrestore(&s->lock, flags);
		if (n % IPI_EVERY == 0)
			smp_call_function_single(next, increment_in_hardirq, s, 1);
	}
	return 0;
}

static void a_lock_shared_with_hardirq_context_stays_exact(struct kunit *test)
{
	struct spin_torture s = { .counter = 0 };
	unsigned int n = NR_CONTENDERS;

	spin_lock_init(&s.lock);
	iters = HARDIRQ_TOTAL / n;
	KUNIT_ASSERT_EQ(test, run_on_cpus(n, irqsave_worker, &s), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.hardirq_incs), (int)(n * ((iters + IPI_EVERY - 1) / IPI_EVERY)));
	KUNIT_EXPECT_EQ(test, s.counter, (unsigned long)n * iters + atomic_read(&s.hardirq_incs));
}

struct atomic_torture {
	atomic_t inc, cmpxchg;
};

static int atomic_worker(unsigned int i, void *data)
{
	struct atomic_torture *a = data;

	(void)i;
	for (unsigned int n = 0; n < iters; n++) {
		int old;

		atomic_inc(&a->inc);
		do {
			old = atomic_read(&a->cmpxchg);
		} while (atomic_cmpxchg(&a->cmpxchg, old, old + 2) != old);
	}
	return 0;
}

static void atomics_are_exact(struct kunit *test)
{
	struct atomic_torture a = { ATOMIC_INIT(0), ATOMIC_INIT(0) };
	unsigned int n = NR_CONTENDERS;

	iters = SPIN_TOTAL / n;
	KUNIT_ASSERT_EQ(test, run_on_cpus(n, atomic_worker, &a), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&a.inc), (int)(n * iters));
	KUNIT_EXPECT_EQ(test, atomic_read(&a.cmpxchg), 2 * (int)(n * iters));
}

#define MUTEX_ITERS 1000

struct mutex_torture {
	struct mutex lock;
	unsigned long counter;
	atomic_t contended;
	struct completion held;
	unsigned int threads;
};

/* First every thread but one finds the mutex taken and sleeps on it; then
 * all of them hammer it, the holder giving up the CPU inside the critical
 * section now and then. */
static int mutex_worker(unsigned int i, void *data)
{
	struct mutex_torture *m = data;

	if (i == 0) {
		mutex_lock(&m->lock);
		complete_all(&m->held);
		wait_until(atomic_read(&m->contended) == (int)m->threads - 1, TEST_WAIT_MS);
		mutex_unlock(&m->lock);
	} else {
		wait_for_completion(&m->held);
	}
	for (int n = 0; n < MUTEX_ITERS; n++) {
		if (!mutex_trylock(&m->lock)) {
			atomic_inc(&m->contended);
			mutex_lock(&m->lock);
		}
		slow_increment(&m->counter);
		if (n % 8 == 0)
			yield();
		mutex_unlock(&m->lock);
	}
	return 0;
}

static void a_mutex_keeps_counts_exact_while_waiters_sleep(struct kunit *test)
{
	struct mutex_torture m = { .counter = 0, .threads = NR_CONTENDERS };
	unsigned int n = m.threads;

	mutex_init(&m.lock);
	init_completion(&m.held);
	KUNIT_ASSERT_EQ(test, run_on_cpus(n, mutex_worker, &m), 0);
	KUNIT_EXPECT_EQ(test, m.counter, (unsigned long)n * MUTEX_ITERS);
	KUNIT_EXPECT_GE(test, atomic_read(&m.contended), (int)n - 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.lock));
}

struct sem_torture {
	struct semaphore sem;
	atomic_t inside, max_inside;
};

static int sem_worker(unsigned int i, void *data)
{
	struct sem_torture *s = data;

	(void)i;
	for (int n = 0; n < MUTEX_ITERS; n++) {
		int now, max;

		down(&s->sem);
		now = atomic_inc_return(&s->inside);
		do {
			max = atomic_read(&s->max_inside);
		} while (now > max && atomic_cmpxchg(&s->max_inside, max, now) != max);
		if (n % 8 == 0)
			yield();
		atomic_dec(&s->inside);
		up(&s->sem);
	}
	return 0;
}

/* A semaphore of 2 lets at most two holders in, on any number of CPUs. */
static void a_semaphore_admits_at_most_its_count(struct kunit *test)
{
	struct sem_torture s = { .inside = ATOMIC_INIT(0), .max_inside = ATOMIC_INIT(0) };

	sema_init(&s.sem, 2);
	KUNIT_ASSERT_EQ(test, run_on_cpus(max(NR_CONTENDERS, 3u), sem_worker, &s), 0);
	KUNIT_EXPECT_LE(test, atomic_read(&s.max_inside), 2);
	KUNIT_EXPECT_GE(test, atomic_read(&s.max_inside), 1);
	KUNIT_EXPECT_EQ(test, s.sem.count, 2u);
}

struct rw_torture {
	rwlock_t lock;
	unsigned long a, b; /* equal whenever nobody writes */
	atomic_t torn, reads;
};

static int rw_worker(unsigned int i, void *data)
{
	struct rw_torture *r = data;

	for (unsigned int n = 0; n < iters; n++) {
		if (i == 0) { /* the writer */
			write_lock(&r->lock);
			WRITE_ONCE(r->a, r->a + 1);
			cpu_relax();
			WRITE_ONCE(r->b, r->b + 1);
			write_unlock(&r->lock);
		} else {
			read_lock(&r->lock);
			if (READ_ONCE(r->a) != READ_ONCE(r->b))
				atomic_inc(&r->torn);
			atomic_inc(&r->reads);
			read_unlock(&r->lock);
		}
	}
	return 0;
}

static void readers_never_see_a_half_done_write(struct kunit *test)
{
	struct rw_torture r = { .a = 0 };
	unsigned int n = max(NR_CONTENDERS, 3u);

	rwlock_init(&r.lock);
	iters = SPIN_TOTAL / n;
	KUNIT_ASSERT_EQ(test, run_on_cpus(n, rw_worker, &r), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.torn), 0);
	KUNIT_EXPECT_EQ(test, r.a, (unsigned long)iters);
	KUNIT_EXPECT_EQ(test, r.b, r.a);
	KUNIT_EXPECT_EQ(test, atomic_read(&r.reads), (int)((n - 1) * iters));
}

#define PINGPONG_ROUNDS 2000
#define NOT_YET (~0ul)

struct pingpong {
	struct wait_queue_head wq;
	struct completion ball[2];
	int turn; /* whose move: thread 0 or 1 */
	int cpu[2]; /* thread i's CPU, once it runs (-1 before) */
	/* thread i's CPU's own tick count when its wake-up call returned */
	unsigned long woken_at[2];
	atomic_t lost, late;
};

/* After waking thread i: when, in its CPU's own ticks. */
static void note_wakeup(struct pingpong *p, unsigned int i)
{
	int cpu = READ_ONCE(p->cpu[i]);

	WRITE_ONCE(p->woken_at[i], cpu < 0 ? NOT_YET : watchdog_cpu_ticks(cpu));
}

/* The end of thread i's wait, which returned ret (0: timed out with nothing to
 * take, 1: something to take, found only when the timeout ran out, more: woken
 * in time). Something to take only at the timeout, although its CPU took half
 * a second of its own ticks since the other thread's wake-up call returned:
 * that wake-up was lost. Counted in jiffies, a virtual CPU that its host did
 * not run for half a second after the wake-up looked the same (a loaded host
 * did it once). Nothing to take at all: the other thread is late, which is no
 * bug. True when the wait is over. */
static bool wait_over(struct pingpong *p, unsigned int i, long ret)
{
	unsigned long woken = READ_ONCE(p->woken_at[i]);

	if (!ret) {
		atomic_inc(&p->late);
		return false;
	}
	if (ret == 1 && woken != NOT_YET &&
	    watchdog_cpu_ticks(smp_processor_id()) - woken > HZ / 2)
		atomic_inc(&p->lost);
	WRITE_ONCE(p->woken_at[i], NOT_YET);
	return true;
}

/* Two threads (on two CPUs when there are two) hand the turn back and forth
 * through a wait queue: each wake-up crosses CPUs. A lost one would leave
 * the sleeper to its one-second timeout. */
static int wait_queue_player(unsigned int i, void *data)
{
	struct pingpong *p = data;

	WRITE_ONCE(p->cpu[i], smp_processor_id());
	for (int n = 0; n < PINGPONG_ROUNDS; n++) {
		while (!wait_over(p, i, wait_event_timeout(p->wq, READ_ONCE(p->turn) == (int)i, HZ)))
			;
		WRITE_ONCE(p->turn, !i);
		wake_up(&p->wq);
		note_wakeup(p, !i);
	}
	return 0;
}

static void report_pingpong(struct kunit *test, struct pingpong *p)
{
	if (atomic_read(&p->late))
		kunit_info(test, "%d wait(s) of a second for a late partner", atomic_read(&p->late));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->lost), 0);
}

static void no_wait_queue_wakeup_is_lost_across_cpus(struct kunit *test)
{
	struct pingpong p = { .turn = 0, .cpu = { -1, -1 }, .woken_at = { NOT_YET, NOT_YET },
			      .lost = ATOMIC_INIT(0), .late = ATOMIC_INIT(0) };

	init_waitqueue_head(&p.wq);
	KUNIT_ASSERT_EQ(test, run_on_cpus(2, wait_queue_player, &p), 0);
	report_pingpong(test, &p);
}

static int completion_player(unsigned int i, void *data)
{
	struct pingpong *p = data;

	WRITE_ONCE(p->cpu[i], smp_processor_id());
	for (int n = 0; n < PINGPONG_ROUNDS; n++) {
		if (i == 1 || n > 0)
			while (!wait_over(p, i, wait_for_completion_timeout(&p->ball[i], HZ)))
				;
		complete(&p->ball[!i]);
		note_wakeup(p, !i);
	}
	return 0;
}

static void no_completion_is_lost_across_cpus(struct kunit *test)
{
	struct pingpong p = { .cpu = { -1, -1 }, .woken_at = { NOT_YET, NOT_YET },
			      .lost = ATOMIC_INIT(0), .late = ATOMIC_INIT(0) };

	init_completion(&p.ball[0]);
	init_completion(&p.ball[1]);
	KUNIT_ASSERT_EQ(test, run_on_cpus(2, completion_player, &p), 0);
	report_pingpong(test, &p);
	KUNIT_EXPECT_TRUE(test, completion_done(&p.ball[0])); /* the last throw, not caught */
}

static struct kunit_case smp_locks_cases[] = {
	KUNIT_CASE(a_spinlock_keeps_a_two_step_increment_exact),
	KUNIT_CASE(a_lock_shared_with_hardirq_context_stays_exact),
	KUNIT_CASE(atomics_are_exact),
	KUNIT_CASE(a_mutex_keeps_counts_exact_while_waiters_sleep),
	KUNIT_CASE(a_semaphore_admits_at_most_its_count),
	KUNIT_CASE(readers_never_see_a_half_done_write),
	KUNIT_CASE(no_wait_queue_wakeup_is_lost_across_cpus),
	KUNIT_CASE(no_completion_is_lost_across_cpus),
	{}
};

static struct kunit_suite smp_locks_suite = {
	.name = "smp_locks",
	.test_cases = smp_locks_cases,
};
kunit_test_suite(smp_locks_suite);
