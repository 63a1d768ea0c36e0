/*
 * Reader-writer spinlocks (include/linux/rwlock.h). The validator treats a
 * read acquisition like a write one: readers wait while a writer waits, so
 * a reader can be part of a deadlock too.
 */
#include <asm/processor.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <linux/rwlock.h>

#define CALLER ((unsigned long)__builtin_return_address(0))

static bool try_read(rwlock_t *lock)
{
	int c = __atomic_load_n(&lock->cnt, __ATOMIC_RELAXED);

	return c >= 0 && !__atomic_load_n(&lock->writers, __ATOMIC_RELAXED) &&
	       __atomic_compare_exchange_n(&lock->cnt, &c, c + 1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static bool try_write(rwlock_t *lock)
{
	int zero = 0;

	return __atomic_compare_exchange_n(&lock->cnt, &zero, -1, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static void acquire(rwlock_t *lock, bool trylock, unsigned long ip)
{
	if (lockdep_enabled())
		lock_acquire(&lock->dep_map, trylock, ip);
}

static void release(rwlock_t *lock)
{
	if (lockdep_enabled())
		lock_release(&lock->dep_map);
}

static void do_read_lock(rwlock_t *lock, unsigned long ip)
{
	preempt_disable();
	acquire(lock, false, ip);
	while (!try_read(lock))
		cpu_relax();
}

static void do_write_lock(rwlock_t *lock, unsigned long ip)
{
	preempt_disable();
	acquire(lock, false, ip);
	__atomic_add_fetch(&lock->writers, 1, __ATOMIC_RELAXED);
	while (!try_write(lock))
		cpu_relax();
	__atomic_sub_fetch(&lock->writers, 1, __ATOMIC_RELAXED);
}

/* A writer holds it with cnt -1, readers with cnt > 0. */
static void drop(rwlock_t *lock)
{
	if (__atomic_load_n(&lock->cnt, __ATOMIC_RELAXED) < 0)
		__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
	else
		__atomic_sub_fetch(&lock->cnt, 1, __ATOMIC_RELEASE);
}

static void unlock(rwlock_t *lock)
{
	release(lock);
	drop(lock);
}

/**
 * rwlock_force_release() - Unlock an rwlock its holder leaked (lockdep_repair_leaks).
 * @map: the lock's map; the validator has already forgotten it
 *
 * Context: the context that leaked it.
 */
void rwlock_force_release(struct lockdep_map *map)
{
	drop(container_of(map, rwlock_t, dep_map));
	preempt_enable_no_resched();
}

/**
 * read_lock() - Take a reader-writer spinlock for reading; disables preemption.
 * @lock: the rwlock
 *
 * Any number of readers may hold it at once. A writer waiting for it keeps
 * new readers out, so writers are not starved.
 *
 * Context: any context; does not sleep, nor may the holder. Interrupts stay
 * as they are (see _read_lock_irqsave()).
 */
void read_lock(rwlock_t *lock)
{
	do_read_lock(lock, CALLER);
}
EXPORT_SYMBOL(read_lock);

/**
 * read_unlock() - Release a read hold taken by read_lock().
 * @lock: the rwlock
 *
 * Context: the context that took @lock; does not sleep.
 */
void read_unlock(rwlock_t *lock)
{
	unlock(lock);
	preempt_enable();
}
EXPORT_SYMBOL(read_unlock);

/**
 * write_lock() - Take a reader-writer spinlock for writing, alone; disables preemption.
 * @lock: the rwlock
 *
 * Spins until there are no readers and no other writer.
 *
 * Context: any context; does not sleep, nor may the holder.
 */
void write_lock(rwlock_t *lock)
{
	do_write_lock(lock, CALLER);
}
EXPORT_SYMBOL(write_lock);

/**
 * write_unlock() - Release a write hold taken by write_lock().
 * @lock: the rwlock
 *
 * Context: the context that took @lock; does not sleep.
 */
void write_unlock(rwlock_t *lock)
{
	unlock(lock);
	preempt_enable();
}
EXPORT_SYMBOL(write_unlock);

/**
 * read_trylock() - Take a rwlock for reading only if that needs no spinning.
 * @lock: the rwlock
 *
 * Context: any context; does not sleep.
 * Return: 1 if taken (preemption now disabled), 0 if a writer holds or waits for it.
 */
int read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (try_read(lock)) {
		acquire(lock, true, CALLER);
		return 1;
	}
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(read_trylock);

/**
 * write_trylock() - Take a rwlock for writing only if it is free.
 * @lock: the rwlock
 *
 * Context: any context; does not sleep.
 * Return: 1 if taken (preemption now disabled), 0 if anyone holds it.
 */
int write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (try_write(lock)) {
		acquire(lock, true, CALLER);
		return 1;
	}
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(write_trylock);

/**
 * _read_lock_irqsave() - Save the interrupt state, disable interrupts, take a rwlock for reading.
 * @lock: the rwlock
 *
 * The body of read_lock_irqsave(lock, flags).
 *
 * Context: any context, hardirq handlers included; does not sleep.
 * Return: the saved interrupt flags, for read_unlock_irqrestore().
 */
unsigned long _read_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	do_read_lock(lock, CALLER);
	return flags;
}
EXPORT_SYMBOL(_read_lock_irqsave);

/**
 * read_unlock_irqrestore() - Release a read hold and restore the saved interrupt state.
 * @lock:  the rwlock
 * @flags: what read_lock_irqsave() saved
 *
 * Context: the context that took @lock; does not sleep.
 */
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(read_unlock_irqrestore);

/**
 * _write_lock_irqsave() - Save the interrupt state, disable interrupts, take a rwlock for writing.
 * @lock: the rwlock
 *
 * The body of write_lock_irqsave(lock, flags).
 *
 * Context: any context, hardirq handlers included; does not sleep.
 * Return: the saved interrupt flags, for write_unlock_irqrestore().
 */
unsigned long _write_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	do_write_lock(lock, CALLER);
	return flags;
}
EXPORT_SYMBOL(_write_lock_irqsave);

/**
 * write_unlock_irqrestore() - Release a write hold and restore the saved interrupt state.
 * @lock:  the rwlock
 * @flags: what write_lock_irqsave() saved
 *
 * Context: the context that took @lock; does not sleep.
 */
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(write_unlock_irqrestore);
