/*
 * The lock validator (include/linux/lockdep.h): lock classes and the locks
 * each task holds.
 *
 * lock_acquire() runs before a lock is waited for. It finds the lock's
 * class, has lockcheck.c check the context, and has lockdep_graph.c record
 * the edge "the lock held last -> this one", reporting a cycle
 * (lockdep_report.c). Locks left held are lockdep_leaks.c's.
 *
 * Dependencies are only recorded within one context: a lock an interrupt
 * handler takes does not depend on what the interrupted task holds (the
 * IRQ-safety check of lockcheck.c is what covers that).
 */
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rwlock.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <janus/log.h>
#include "lockdep_internals.h"

bool lockdep_on = true;
DEFINE_STATIC_KEY_TRUE(lockdep_key);
unsigned long lockdep_circular_reports, lockdep_recursive_reports, lockdep_leak_reports;
arch_spinlock_t lockdep_graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;

static struct lock_class classes[MAX_CLASSES];
static unsigned int nr_classes;

/* This CPU is inside the validator (a report prints): its own locks are not tracked. */
static DEFINE_PER_CPU(int, lockdep_busy);

static int __init nolockcheck_setup(char *val)
{
	if (val)
		return -EINVAL;
	lockdep_on = false;
	lockdep_key.key.enabled = 0; /* before any site runs: kmain patches to match */
	return 0;
}
early_param("nolockcheck", nolockcheck_setup);

/**
 * lockdep_off() - Out of room: say so once, and stop checking rather than check wrongly.
 * @why: what ran out, for the report
 *
 * Context: any context; never sleeps.
 */
void lockdep_off(const char *why)
{
	if (__atomic_exchange_n(&lockdep_on, false, __ATOMIC_RELAXED))
		pr_err("BUG: %s: the lock validator turns itself off\n", why);
}

const char *lockdep_map_name(const struct lockdep_map *map)
{
	switch (map->type) {
	case LD_SPINLOCK:
		return container_of(map, spinlock_t, dep_map)->name;
	case LD_RWLOCK:
		return container_of(map, rwlock_t, dep_map)->name;
	case LD_MUTEX:
		return container_of(map, struct mutex, dep_map)->name;
	default:
		return container_of(map, struct semaphore, dep_map)->name;
	}
}

/* The class of map, made on first use. Interrupts off. */
static struct lock_class *map_class(struct lockdep_map *map)
{
	struct lock_class *class = READ_ONCE(map->class);

	if (class)
		return class;
	arch_spin_lock(&lockdep_graph_lock);
	for (unsigned int i = 0; i < nr_classes && !class; i++)
		if (classes[i].key == map->key)
			class = &classes[i];
	if (!class && nr_classes < MAX_CLASSES) {
		class = &classes[nr_classes++];
		class->key = map->key;
		class->name = lockdep_map_name(map);
	}
	arch_spin_unlock(&lockdep_graph_lock);
	if (!class)
		lockdep_off("more than 512 lock classes");
	WRITE_ONCE(map->class, class);
	return class;
}

void lockdep_free_key_range(void *start, unsigned long size)
{
	unsigned long flags, base = (unsigned long)start;

	local_irq_save(flags);
	arch_spin_lock(&lockdep_graph_lock);
	for (unsigned int i = 0; i < nr_classes; i++) {
		if ((unsigned long)classes[i].key - base < size) {
			classes[i].key = NULL; /* no map finds it any more */
			classes[i].name = "(freed)";
		}
	}
	arch_spin_unlock(&lockdep_graph_lock);
	local_irq_restore(flags);
}

unsigned int lockdep_depth(void)
{
	return current->lock_depth;
}

/* 0 task, 1 softirq, 2 hardirq: which stack of held locks an acquisition joins. */
static u8 irq_context(void)
{
	return in_hardirq() ? 2 : in_serving_softirq() ? 1 : 0;
}

/* A semaphore entry is stale once anyone has given the semaphore back. */
static bool stale(const struct held_lock *hl)
{
	return hl->map->type == LD_SEMAPHORE &&
	       hl->gen != __atomic_load_n(&hl->map->gen, __ATOMIC_ACQUIRE);
}

static void remove_held(struct task_struct *tsk, unsigned int i)
{
	for (; i + 1 < tsk->lock_depth; i++)
		tsk->held_locks[i] = tsk->held_locks[i + 1];
	tsk->lock_depth--;
}

/**
 * purge_stale() - Forget the held semaphores that anyone has given back since.
 * @tsk: the task whose held locks are pruned
 *
 * Context: @tsk is current, or cannot run; interrupts off or @tsk's own context; never sleeps.
 */
void purge_stale(struct task_struct *tsk)
{
	for (unsigned int i = tsk->lock_depth; i-- > 0;)
		if (stale(&tsk->held_locks[i]))
			remove_held(tsk, i);
}

/* The order checks of a blocking acquisition: against the locks current
 * holds in the same context, from the most recent one down to the first
 * that was not a trylock (earlier ones already lead to it). */
static void check_order(struct task_struct *tsk, struct lockdep_map *map, u8 ctx,
			unsigned long ip, unsigned long bp)
{
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		struct held_lock *hl = &tsk->held_locks[i];

		if (hl->irq_context != ctx)
			continue;
		if (hl->map->class == map->class) {
			if (!hl->trylock)
				report_recursive(hl, map, ip);
			return;
		}
	}
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		struct held_lock *hl = &tsk->held_locks[i];

		if (hl->irq_context != ctx)
			continue;
		check_dependency(hl, map, ip, bp);
		if (!hl->trylock || !READ_ONCE(lockdep_on))
			break;
	}
}

void lock_acquire(struct lockdep_map *map, bool trylock, unsigned long ip)
{
	struct task_struct *tsk = current;
	unsigned long flags, bp = current_frame_pointer();
	unsigned int usage;
	u8 ctx;

	if (in_nmi())
		return;
	usage = lockcheck_usage_now();
	ctx = irq_context();
	local_irq_save(flags);
	if (this_cpu_read(lockdep_busy) || !READ_ONCE(lockdep_on))
		goto out;
	this_cpu_write(lockdep_busy, 1);
	if (!map_class(map))
		goto done;
	if (map->type == LD_SPINLOCK || map->type == LD_RWLOCK)
		lockcheck_check_usage(map->class, usage);
	purge_stale(tsk);
	if (!trylock)
		check_order(tsk, map, ctx, ip, bp);
	if (tsk->lock_depth == MAX_HELD_LOCKS) {
		lockdep_off("MAX_HELD_LOCKS (16) too low");
		goto done;
	}
	tsk->held_locks[tsk->lock_depth++] = (struct held_lock){
		.map = map, .ip = ip, .irq_context = ctx, .trylock = trylock,
		.gen = __atomic_load_n(&map->gen, __ATOMIC_ACQUIRE),
	};
done:
	this_cpu_write(lockdep_busy, 0);
out:
	local_irq_restore(flags);
}

void lock_release(struct lockdep_map *map)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (in_nmi())
		return;
	local_irq_save(flags);
	/* Locks need not be released in the order they were taken. */
	for (unsigned int i = tsk->lock_depth; i-- > 0;) {
		if (tsk->held_locks[i].map == map) {
			remove_held(tsk, i);
			break;
		}
	}
	local_irq_restore(flags);
}
