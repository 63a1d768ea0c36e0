/*
 * Spinlock entry points: disable preemption (and interrupts for the _irq
 * variants) before spinning, so the holder can never be switched away from
 * or interrupted by code that wants the same lock on this CPU.
 */
#include <linux/bottom_half.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/lockcheck.h>
#include <linux/spinlock.h>

void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	*lock = (spinlock_t){ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .name = name, .owner_cpu = -1,
			      .key = key };
}

static void lock_acquired(spinlock_t *lock, unsigned long ip)
{
	lock->owner_cpu = smp_processor_id();
	lockcheck_acquire(lock, ip);
}

static void do_spin_lock(spinlock_t *lock, unsigned long ip)
{
	/* The same CPU taking a lock it holds would spin forever: say so. */
	if (unlikely(lock->owner_cpu == smp_processor_id() && spin_is_locked(lock)))
		panic("BUG: spinlock recursion on CPU#%d, %s", smp_processor_id(), lock->name);
	arch_spin_lock(&lock->raw);
	lock_acquired(lock, ip);
}

static void do_spin_unlock(spinlock_t *lock)
{
	WARN_ONCE(lock->owner_cpu != smp_processor_id(),
		  "spinlock %s released on CPU#%d but taken on CPU#%d\n", lock->name,
		  smp_processor_id(), lock->owner_cpu);
	lockcheck_release(lock);
	lock->owner_cpu = -1;
	arch_spin_unlock(&lock->raw);
}

/* The caller of the spin_lock*() function, for reports. */
#define CALLER ((unsigned long)__builtin_return_address(0))

void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_spin_lock(lock, CALLER);
}

void spin_unlock(spinlock_t *lock)
{
	do_spin_unlock(lock);
	preempt_enable();
}

int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw)) {
		lock_acquired(lock, CALLER);
		return 1;
	}
	preempt_enable();
	return 0;
}

void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_spin_lock(lock, CALLER);
}

/* Interrupts back on before preemption is: preempt_enable() only switches
 * to a waiting task if interrupts are enabled. */
void spin_unlock_irq(spinlock_t *lock)
{
	do_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

unsigned long _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	do_spin_lock(lock, CALLER);
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

int _spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags)
{
	local_irq_save(*flags);
	preempt_disable();
	if (arch_spin_trylock(&lock->raw)) {
		lock_acquired(lock, CALLER);
		return 1;
	}
	preempt_enable_no_resched();
	local_irq_restore(*flags);
	return 0;
}

void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	preempt_disable();
	do_spin_lock(lock, CALLER);
}

void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}
