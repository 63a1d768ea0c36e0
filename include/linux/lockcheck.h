/*
 * The IRQ-safety lock checker (kernel/locking/lockcheck.c), a small lockdep.
 * Every spinlock belongs to a class: the lock itself for DEFINE_SPINLOCK, the
 * spin_lock_init() call site for locks made at run time. A class remembers
 * in which contexts it has been taken; taking it in a hardirq (softirq) after
 * taking it with interrupts (bottom halves) enabled, or the other way round,
 * is a deadlock waiting to happen, and is reported the first time.
 */
#ifndef _LINUX_LOCKCHECK_H
#define _LINUX_LOCKCHECK_H
#include <linux/types.h>

struct lock_class_key {
	char unused; /* only its address matters */
};

struct lock_class;
struct spinlock;

#define MAX_HELD_LOCKS 8

struct held_lock {
	struct spinlock *lock;
	unsigned long ip; /* where it was taken */
};

void lockcheck_acquire(struct spinlock *lock, unsigned long ip);
void lockcheck_release(struct spinlock *lock);
/* Inconsistent-lock-state reports so far (the tests read it). */
extern unsigned long lockcheck_reports;
extern bool lockcheck_enabled;

#endif
