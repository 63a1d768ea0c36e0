/*
 * The lock validator (kernel/locking/lockdep.c), a small Linux lockdep.
 *
 * Every lock belongs to a class: the lock itself for DEFINE_SPINLOCK,
 * DEFINE_MUTEX..., the init call site (spin_lock_init, mutex_init...) for
 * locks made at run time. For each class the validator remembers:
 *   - in which contexts it was taken (kernel/locking/lockcheck.c): taking it
 *     in a hardirq (softirq) and also with interrupts (softirqs) on is a
 *     deadlock waiting to happen: "WARNING: inconsistent lock state";
 *   - which classes were taken while it was held: a dependency graph. The
 *     first acquisition that would close a cycle (A then B here, B then A
 *     there) is reported, whether or not it deadlocks this time: "WARNING:
 *     possible circular locking dependency detected".
 * And for each task, the locks it holds right now (task->held_locks), which
 * every report lists, which must be none when it returns to user mode or
 * exits, and which a handler must not leave behind.
 *
 * `nolockcheck` on the command line turns all of it off: lockdep_enabled()
 * is a static branch (include/linux/jump_label.h), so with the checker off
 * the lock fast paths run through a 5-byte nop and pay nothing else.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H
#include <linux/compiler.h>
#include <linux/jump_label.h>
#include <linux/types.h>

struct lock_class_key {
	char unused; /* only its address matters */
};

enum lockdep_type { LD_SPINLOCK, LD_RWLOCK, LD_MUTEX, LD_SEMAPHORE };

struct lock_class;

/* The validator's part of every lock. */
struct lockdep_map {
	const void *key;          /* identifies the class */
	struct lock_class *class; /* found on first use */
	u8 type;                  /* enum lockdep_type */
	unsigned int gen;         /* semaphores: bumped by every up() */
};

#define LOCKDEP_MAP_INIT(k, t) { .key = (k), .type = (t) }

#define MAX_HELD_LOCKS 16

struct held_lock {
	struct lockdep_map *map;
	unsigned long ip;       /* where it was taken */
	u8 irq_context;         /* 0 task, 1 softirq, 2 hardirq: dependencies stay within one */
	bool trylock;
	unsigned int gen;       /* semaphores: map->gen when taken */
};

struct task_struct;

extern bool lockdep_on;
/* On unless `nolockcheck`: set before jump_label_init() patches the sites. */
DECLARE_STATIC_KEY_TRUE(lockdep_key);

/**
 * lockdep_enabled() - Whether the lock validator runs.
 *
 * Not after `nolockcheck` (then this is a patched nop, no load), nor once it
 * has turned itself off at run time (out of room: lockdep_on).
 *
 * Context: any context; does not sleep.
 * Return: true if lock operations are to be validated.
 */
static __always_inline bool lockdep_enabled(void)
{
	return static_branch_likely(&lockdep_key) && likely(READ_ONCE(lockdep_on));
}

/**
 * lock_acquire() - Tell the validator that current is about to take a lock.
 * @map:     the lock's map
 * @trylock: a trylock that succeeded (it cannot deadlock: no order is checked)
 * @ip:      the caller, for reports
 *
 * Call it before waiting for the lock (after a trylock succeeded), so that a
 * deadlock is reported before it happens.
 * Context: any but NMI; never sleeps. The lock primitives call it.
 */
void lock_acquire(struct lockdep_map *map, bool trylock, unsigned long ip);
/**
 * lock_release() - current has released (or gave up waiting for) a lock.
 * @map: the lock's map
 *
 * Context: any but NMI; never sleeps.
 */
void lock_release(struct lockdep_map *map);
/**
 * lockdep_print_held_locks() - "N locks held by comm/pid:" and one line each.
 * @p: the task (current, or one that is not running)
 *
 * Context: any; never sleeps (it prints).
 */
void lockdep_print_held_locks(struct task_struct *p);
/**
 * lockdep_depth() - How many locks current holds, in the validator's count.
 *
 * Context: any.
 * Return: the number of held locks (0 with `nolockcheck`).
 */
unsigned int lockdep_depth(void);
/**
 * lockdep_repair_leaks() - Release what current took since depth @depth.
 * @depth: the held-lock depth at the start of the section that leaked
 * @what:  who leaked, for the report ("irq 33 handler leaky")
 *
 * Each lock still held above @depth is named in a BUG report and released
 * for real (a spinlock is unlocked, a mutex given to its next waiter), so
 * nobody else waits for it forever.
 * Context: any but NMI; never sleeps.
 * Return: how many locks were released.
 */
unsigned int lockdep_repair_leaks(unsigned int depth, const char *what);
/**
 * lockdep_sys_exit() - On the way back to user mode: no lock may be held.
 *
 * Reports "WARNING: lock held when returning to user space!" with the locks,
 * and releases them.
 * Context: process context, at the end of a system call.
 */
void lockdep_sys_exit(void);
/**
 * debug_check_no_locks_held() - An exiting task must hold no lock.
 *
 * Reports "WARNING: comm/pid still has locks held!" and releases them, so
 * that their waiters get them.
 * Context: process context, in do_exit.
 */
void debug_check_no_locks_held(void);
/**
 * lockdep_switch_lock() - The runqueue lock changes hands at a task switch.
 * @map:  the lock (held by prev across switch_to, released by next)
 * @prev: the task switched away from
 *
 * Context: the scheduler, interrupts off.
 */
void lockdep_switch_lock(struct lockdep_map *map, struct task_struct *prev);

/**
 * lockdep_free_key_range() - Forget the lock classes whose keys lie in freed memory.
 * @start: the memory (a module's area, about to be freed)
 * @size:  its size in bytes
 *
 * A class keyed by an address in a module (its DEFINE_SPINLOCK, the static
 * key of its spin_lock_init) would otherwise outlive the module, with a name
 * pointing into freed memory. The classes stay in the graph, unreachable.
 *
 * Context: process context.
 */
void lockdep_free_key_range(void *start, unsigned long size);

/* Reports so far, for the tests: inconsistent lock state and irq-safe ->
 * irq-unsafe orders (lockcheck.c), circular dependencies, recursive locking,
 * and held-lock leaks. */
extern unsigned long lockcheck_reports, lockcheck_irq_order_reports, lockdep_circular_reports,
	lockdep_recursive_reports, lockdep_leak_reports;

/* Releasing a leaked lock for real (documented where defined, kernel/locking/). */
void spin_force_release(struct lockdep_map *map);
void rwlock_force_release(struct lockdep_map *map);
void mutex_force_release(struct lockdep_map *map);
void sem_force_release(struct lockdep_map *map);
/**
 * lockdep_map_name() - The name a lock was given (its variable, or what its init named).
 * @map: the lock's map
 *
 * Context: any.
 * Return: the name, for reports.
 */
const char *lockdep_map_name(const struct lockdep_map *map);

#endif
