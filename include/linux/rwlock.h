/*
 * Reader-writer spinlocks: any number of readers, or one writer. Spinning,
 * preemption off while held, same _irq/_irqsave/_bh variants as spinlocks
 * (kernel/locking/rwlock.c). Writers wait for readers to leave; new readers
 * wait while a writer is waiting, so writers are not starved.
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H
#include <linux/lockdep.h>
#include <linux/types.h>

typedef struct {
	int cnt;        /* > 0: readers inside; -1: a writer inside */
	int writers;    /* writers waiting */
	const char *name;
	struct lockdep_map dep_map;
} rwlock_t;

#define __RW_LOCK_UNLOCKED_KEY(lockname, k) \
	{ .cnt = 0, .writers = 0, .name = #lockname, .dep_map = LOCKDEP_MAP_INIT(k, LD_RWLOCK) }
#define __RW_LOCK_UNLOCKED(lockname) __RW_LOCK_UNLOCKED_KEY(lockname, &(lockname).dep_map)
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)
/* One class per rwlock_init() call site. */
#define rwlock_init(lock)                                                              \
	do {                                                                           \
		static struct lock_class_key __key;                                    \
		*(lock) = (rwlock_t)__RW_LOCK_UNLOCKED_KEY(lock, &__key);               \
	} while (0)

void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
unsigned long _read_lock_irqsave(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
unsigned long _write_lock_irqsave(rwlock_t *lock);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
#define read_lock_irqsave(lock, flags) ((flags) = _read_lock_irqsave(lock))
#define write_lock_irqsave(lock, flags) ((flags) = _write_lock_irqsave(lock))
int read_trylock(rwlock_t *lock);
int write_trylock(rwlock_t *lock);

#endif
