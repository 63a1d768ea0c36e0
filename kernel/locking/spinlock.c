/*
 * Spinlock entry points: disable preemption (and interrupts for the _irq
 * variants) before spinning, so the holder can never be switched away from
 * or interrupted by code that wants the same lock on this CPU. The lock
 * validator hears of each acquisition before the spinning starts, so a
 * lock-order deadlock is reported before it can happen. A CPU that waits for
 * one lock longer than spinlock_lockup_ms says so ("BUG: spinlock lockup
 * suspected"), with the owner CPU's backtrace fetched by NMI: a deadlock is
 * never a silent hang (include/linux/nmi.h).
 */
#include <linux/export.h>
#include <linux/bottom_half.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/nmi.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <janus/log.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>

/**
 * __spin_lock_init() - Initialise a spinlock: unlocked, named, in a lock class.
 * @lock: the spinlock
 * @name: its name in reports (spin_lock_init() passes the expression's text)
 * @key:  its lock class for the IRQ-safety checker (one per spin_lock_init() call site)
 *
 * Context: any context, before anyone else can see @lock; does not sleep.
 */
void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	*lock = (spinlock_t){ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .name = name, .owner_cpu = -1,
			      .dep_map = LOCKDEP_MAP_INIT(key, LD_SPINLOCK) };
}
EXPORT_SYMBOL(__spin_lock_init);

unsigned long spinlock_lockup_reports;

static noinline void report_lockup(spinlock_t *lock, u64 waited)
{
	int cpu = smp_processor_id(), owner = READ_ONCE(lock->owner_cpu);

	report_begin();
	pr_emerg("BUG: spinlock lockup suspected on CPU#%d, lock owner CPU#%d\n", cpu, owner);
	pr_emerg(" lock: %s (%p), waiting %u ms: %s/%d\n", lock->name, lock,
		 (unsigned int)div_u64(waited, 1000000), current->comm, current->pid);
	lockdep_print_held_locks(current);
	dump_stack_lvl(KERN_EMERG);
	if (owner >= 0 && owner != cpu)
		trigger_single_cpu_backtrace(owner);
	report_end();
	WRITE_ONCE(spinlock_lockup_reports, spinlock_lockup_reports + 1); /* tests wait for it */
	if (softlockup_panic)
		panic("spinlock lockup on CPU#%d (softlockup_panic)", cpu);
}

/* The contended path: a ticket, then a wait that watches the clock. */
static noinline void spin_wait(spinlock_t *lock)
{
	u16 ticket = arch_spin_take_ticket(&lock->raw);
	u64 start = local_clock(), limit = (u64)READ_ONCE(spinlock_lockup_ms) * 1000000; /* ns */
	bool reported = false;

	for (unsigned int spins = 0; !arch_spin_ticket_served(&lock->raw, ticket); spins++) {
		cpu_relax();
		/* The clock now and then only: reading it is slow under TCG, and a
		 * waiter slow to see its turn slows every hand-off. */
		if (spins % 1024 || reported || !limit)
			continue;
		if (local_clock() - start > limit) {
			reported = true; /* once per wait: then it keeps waiting */
			report_lockup(lock, local_clock() - start);
		}
	}
}

/* Inlined into each entry point: one call per lock and unlock, not two. */
static __always_inline void do_spin_lock(spinlock_t *lock, unsigned long ip)
{
	/* The same CPU taking a lock it holds would spin forever: say so. */
	if (unlikely(lock->owner_cpu == smp_processor_id() && spin_is_locked(lock)))
		panic("BUG: spinlock recursion on CPU#%d, %s", smp_processor_id(), lock->name);
	if (lockdep_enabled())
		lock_acquire(&lock->dep_map, false, ip);
	if (unlikely(!arch_spin_trylock(&lock->raw)))
		spin_wait(lock);
	lock->owner_cpu = smp_processor_id();
}

static __always_inline bool do_spin_trylock(spinlock_t *lock, unsigned long ip)
{
	if (!arch_spin_trylock(&lock->raw))
		return false;
	lock->owner_cpu = smp_processor_id();
	if (lockdep_enabled())
		lock_acquire(&lock->dep_map, true, ip);
	return true;
}

static __always_inline void do_spin_unlock(spinlock_t *lock)
{
	WARN_ONCE(lock->owner_cpu != smp_processor_id(),
		  "spinlock %s released on CPU#%d but taken on CPU#%d\n", lock->name,
		  smp_processor_id(), lock->owner_cpu);
	if (lockdep_enabled())
		lock_release(&lock->dep_map);
	lock->owner_cpu = -1;
	arch_spin_unlock(&lock->raw);
}

/**
 * spin_force_release() - Unlock a spinlock its holder leaked (lockdep_repair_leaks).
 * @map: the lock's map; the validator has already forgotten it
 *
 * Context: the context that leaked it (its preempt_count still counts it).
 */
void spin_force_release(struct lockdep_map *map)
{
	spinlock_t *lock = container_of(map, spinlock_t, dep_map);

	lock->owner_cpu = -1;
	arch_spin_unlock(&lock->raw);
	preempt_enable_no_resched();
}

/* The caller of the spin_lock*() function, for reports. */
#define CALLER ((unsigned long)__builtin_return_address(0))

/**
 * spin_lock() - Take a spinlock, spinning until it is free; disables preemption.
 * @lock: the spinlock
 *
 * Interrupts stay as they are: if a handler or softirq on this CPU may take
 * @lock too, use spin_lock_irqsave() or spin_lock_bh(), or the lock checker
 * reports "WARNING: inconsistent lock state".
 *
 * Context: any context; does not sleep, and the holder must not sleep until
 * spin_unlock() (might_sleep() and schedule() report it). Taking a lock this
 * CPU already holds panics with "BUG: spinlock recursion".
 */
void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_spin_lock(lock, CALLER);
}
EXPORT_SYMBOL(spin_lock);

/**
 * spin_unlock() - Release a spinlock taken by spin_lock(); re-enables preemption.
 * @lock: the spinlock
 *
 * Context: the context that took @lock, on the same CPU (a WARNING says so
 * otherwise); does not sleep, but may switch to a waiting task at
 * preempt_enable().
 */
void spin_unlock(spinlock_t *lock)
{
	do_spin_unlock(lock);
	preempt_enable();
}
EXPORT_SYMBOL(spin_unlock);

/**
 * spin_trylock() - Take a spinlock only if it is free, never spinning.
 * @lock: the spinlock
 *
 * Context: any context; does not sleep.
 * Return: 1 if taken (preemption now disabled), 0 if it was busy.
 */
int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_spin_trylock(lock, CALLER))
		return 1;
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(spin_trylock);

/**
 * spin_lock_irq() - Disable interrupts on this CPU, then take a spinlock.
 * @lock: the spinlock
 *
 * For code that knows interrupts are on; spin_unlock_irq() turns them on
 * again unconditionally. Otherwise use spin_lock_irqsave().
 *
 * Context: process or softirq context with interrupts on; does not sleep,
 * nor may the holder.
 */
void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_spin_lock(lock, CALLER);
}
EXPORT_SYMBOL(spin_lock_irq);

/**
 * spin_unlock_irq() - Release a spinlock and turn interrupts on.
 * @lock: the spinlock, taken by spin_lock_irq()
 *
 * Interrupts come on before preemption does: preempt_enable() only switches
 * to a waiting task with interrupts enabled.
 *
 * Context: the context that took @lock; does not sleep.
 */
void spin_unlock_irq(spinlock_t *lock)
{
	do_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}
EXPORT_SYMBOL(spin_unlock_irq);

/**
 * _spin_lock_irqsave() - Save the interrupt state, disable interrupts, take a spinlock.
 * @lock: the spinlock
 *
 * The body of spin_lock_irqsave(lock, flags), which stores the result in
 * flags. The lock to use when a hardirq handler may take it too.
 *
 * Context: any context, hardirq handlers included; does not sleep, nor may
 * the holder.
 * Return: the saved interrupt flags, for spin_unlock_irqrestore().
 */
unsigned long _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	do_spin_lock(lock, CALLER);
	return flags;
}
EXPORT_SYMBOL(_spin_lock_irqsave);

/**
 * spin_unlock_irqrestore() - Release a spinlock and restore the saved interrupt state.
 * @lock:  the spinlock
 * @flags: what spin_lock_irqsave() saved
 *
 * Context: the context that took @lock; does not sleep.
 */
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(spin_unlock_irqrestore);

/**
 * _spin_trylock_irqsave() - Disable interrupts and take a spinlock if it is free.
 * @lock:  the spinlock
 * @flags: where the saved interrupt state goes (restored if the lock was busy)
 *
 * Context: any context; does not sleep.
 * Return: 1 if taken (interrupts off, preemption disabled), 0 if busy
 * (interrupt state restored).
 */
int _spin_trylock_irqsave(spinlock_t *lock, unsigned long *flags)
{
	local_irq_save(*flags);
	preempt_disable();
	if (do_spin_trylock(lock, CALLER))
		return 1;
	preempt_enable_no_resched();
	local_irq_restore(*flags);
	return 0;
}
EXPORT_SYMBOL(_spin_trylock_irqsave);

/**
 * spin_lock_bh() - Disable bottom halves on this CPU, then take a spinlock.
 * @lock: the spinlock
 *
 * The lock to use when a softirq, tasklet or timer callback may take it too
 * (and no hardirq handler does).
 *
 * Context: process or softirq context, not a hardirq handler; does not
 * sleep, nor may the holder.
 */
void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	preempt_disable();
	do_spin_lock(lock, CALLER);
}
EXPORT_SYMBOL(spin_lock_bh);

/**
 * spin_unlock_bh() - Release a spinlock and re-enable bottom halves.
 * @lock: the spinlock, taken by spin_lock_bh()
 *
 * Pending softirqs may run here, in the caller's context.
 *
 * Context: the context that took @lock; does not sleep.
 */
void spin_unlock_bh(spinlock_t *lock)
{
	spin_unlock(lock);
	local_bh_enable();
}
EXPORT_SYMBOL(spin_unlock_bh);
