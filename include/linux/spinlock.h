/*
 * Spinlocks: busy-wait mutual exclusion that never sleeps, usable in any context.
 * Taking one disables preemption; the _irq/_irqsave variants also turn off local
 * interrupts, the _bh variants bottom halves. Pick the variant by the contexts
 * that take the lock (see docs/no-sleep-rules.md).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H
#include <asm/spinlock.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/rwlock.h>

typedef struct spinlock {
	arch_spinlock_t raw;
	const char *name;
	int owner_cpu;              /* -1 when free: for reports and recursion checks */
	struct lockdep_map dep_map; /* its class, for the validator */
} spinlock_t;

/* A statically defined lock is a class of its own (its map's address is the key). */
#define __SPIN_LOCK_UNLOCKED(lockname) \
	{ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .name = #lockname, .owner_cpu = -1, \
	  .dep_map = LOCKDEP_MAP_INIT(&(lockname).dep_map, LD_SPINLOCK) }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key);
/* Locks made at run time: one class per spin_lock_init() call site. */
#define spin_lock_init(lock)                                       \
	do {                                                       \
		static struct lock_class_key __key;                \
		__spin_lock_init(lock, #lock, &__key);             \
	} while (0)

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long _spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
#define spin_lock_irqsave(lock, flags) ((flags) = _spin_lock_irqsave(lock))
int _spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags);
/* Keep softirqs (and so tasklets and timers) off this CPU while held. */
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
#define spin_trylock_irqsave(lock, flags) _spin_trylock_irqsave(lock, &(flags))

/**
 * spin_is_locked() - Whether a spinlock is held by anyone.
 * @lock: the spinlock
 *
 * For assertions; the answer may be stale at once.
 *
 * Context: any context; does not sleep.
 * Return: true if held.
 */
static inline bool spin_is_locked(spinlock_t *lock) { return arch_spin_is_locked(&lock->raw); }

#endif
