/* Reader-writer spinlocks (include/linux/rwlock.h). */
#include <asm/processor.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/rwlock.h>

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

void read_lock(rwlock_t *lock)
{
	preempt_disable();
	while (!try_read(lock))
		cpu_relax();
}

void read_unlock(rwlock_t *lock)
{
	__atomic_sub_fetch(&lock->cnt, 1, __ATOMIC_RELEASE);
	preempt_enable();
}

void write_lock(rwlock_t *lock)
{
	preempt_disable();
	__atomic_add_fetch(&lock->writers, 1, __ATOMIC_RELAXED);
	while (!try_write(lock))
		cpu_relax();
	__atomic_sub_fetch(&lock->writers, 1, __ATOMIC_RELAXED);
}

void write_unlock(rwlock_t *lock)
{
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

int read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (try_read(lock))
		return 1;
	preempt_enable();
	return 0;
}

int write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (try_write(lock))
		return 1;
	preempt_enable();
	return 0;
}

unsigned long _read_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	read_lock(lock);
	return flags;
}

void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	__atomic_sub_fetch(&lock->cnt, 1, __ATOMIC_RELEASE);
	local_irq_restore(flags);
	preempt_enable();
}

unsigned long _write_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	write_lock(lock);
	return flags;
}

void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	__atomic_store_n(&lock->cnt, 0, __ATOMIC_RELEASE);
	local_irq_restore(flags);
	preempt_enable();
}
