/*
 * The ticket lock: take a ticket (atomic xadd on tail), wait until head reaches
 * it. Waiters are served in arrival order, on one CPU or eight.
 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H
#include <asm/processor.h>
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	union {
		u32 val;
		struct {
			u16 head; /* the ticket being served */
			u16 tail; /* the next ticket to hand out */
		};
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

/**
 * arch_spin_lock() - Take a ticket and spin until it is served (spin_lock() is the API).
 * @lock: the lock
 *
 * Context: any context; spins, does not sleep.
 */
static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->tail, 1, __ATOMIC_ACQUIRE);
	while (__atomic_load_n(&lock->head, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

/**
 * arch_spin_take_ticket() - The slow path's first step: take a ticket.
 * @lock: the lock
 *
 * In two steps, so the waiter can watch the time meanwhile (spin_wait():
 * take a ticket, then wait until arch_spin_ticket_served()).
 *
 * Context: any context; does not sleep.
 * Return: the ticket.
 */
static __always_inline u16 arch_spin_take_ticket(arch_spinlock_t *lock)
{
	return __atomic_fetch_add(&lock->tail, 1, __ATOMIC_ACQUIRE);
}

/**
 * arch_spin_ticket_served() - Whether @ticket's turn has come: the lock is the caller's.
 * @lock: the lock
 * @ticket: from arch_spin_take_ticket()
 *
 * Context: any context; does not sleep.
 * Return: true once it is served.
 */
static __always_inline bool arch_spin_ticket_served(arch_spinlock_t *lock, u16 ticket)
{
	return __atomic_load_n(&lock->head, __ATOMIC_ACQUIRE) == ticket;
}

/**
 * arch_spin_trylock() - Take the lock if it is free, without waiting.
 * @lock: the lock
 *
 * Context: any context; does not sleep.
 * Return: true if taken.
 */
static __always_inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->val, __ATOMIC_RELAXED);
	u16 head = old, tail = old >> 16;
	if (head != tail)
		return false;
	u32 new = old + (1u << 16);
	return __atomic_compare_exchange_n(&lock->val, &old, new, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/**
 * arch_spin_unlock() - Serve the next ticket: the lock goes to the next waiter, if any.
 * @lock: the lock
 *
 * Context: any context, by the holder; does not sleep.
 */
static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->head, lock->head + 1, __ATOMIC_RELEASE);
}

/**
 * arch_spin_is_locked() - Whether someone holds the lock now.
 * @lock: the lock
 *
 * Context: any context; does not sleep.
 * Return: true if held (a snapshot).
 */
static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	u32 v = __atomic_load_n(&lock->val, __ATOMIC_RELAXED);
	return (u16)v != (u16)(v >> 16);
}

#endif
