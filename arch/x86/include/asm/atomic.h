/* atomic_t: an int that every CPU updates with one locked instruction. Any context. */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H
#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

/**
 * atomic_read() - The value of @v now.
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: the value.
 */
static inline int atomic_read(const atomic_t *v) { return READ_ONCE(v->counter); }
/**
 * atomic_set() - Set @v to @i.
 * @v: the counter
 * @i: the new value
 *
 * Context: any context; does not sleep.
 */
static inline void atomic_set(atomic_t *v, int i) { WRITE_ONCE(v->counter, i); }
/**
 * atomic_add() - Add @i to @v, atomically (no ordering promised).
 * @i: what to add
 * @v: the counter
 *
 * Context: any context; does not sleep.
 */
static inline void atomic_add(int i, atomic_t *v) { __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }
/**
 * atomic_sub() - Take @i from @v, atomically.
 * @i: what to take
 * @v: the counter
 *
 * Context: any context; does not sleep.
 */
static inline void atomic_sub(int i, atomic_t *v) { __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }
/**
 * atomic_inc() - Add one to @v, atomically.
 * @v: the counter
 *
 * Context: any context; does not sleep.
 */
static inline void atomic_inc(atomic_t *v) { atomic_add(1, v); }
/**
 * atomic_dec() - Take one from @v, atomically.
 * @v: the counter
 *
 * Context: any context; does not sleep.
 */
static inline void atomic_dec(atomic_t *v) { atomic_sub(1, v); }
/**
 * atomic_add_return() - Add @i to @v; a full memory barrier.
 * @i: what to add
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: the new value.
 */
static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}
/**
 * atomic_sub_return() - Take @i from @v; a full memory barrier.
 * @i: what to take
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: the new value.
 */
static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}
#define atomic_inc_return(v) atomic_add_return(1, v)
#define atomic_dec_return(v) atomic_sub_return(1, v)
/**
 * atomic_dec_and_test() - Take one from @v; whether that made it 0 (the last reference went).
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: true if the new value is 0.
 */
static inline bool atomic_dec_and_test(atomic_t *v) { return atomic_sub_return(1, v) == 0; }
/**
 * atomic_inc_and_test() - Add one to @v; whether that made it 0.
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: true if the new value is 0.
 */
static inline bool atomic_inc_and_test(atomic_t *v) { return atomic_add_return(1, v) == 0; }
/**
 * atomic_xchg() - Set @v to @new and return what it was, in one step.
 * @v: the counter
 * @new: the new value
 *
 * Context: any context; does not sleep.
 * Return: the old value.
 */
static inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}
/**
 * atomic_cmpxchg() - Set @v to @new if it is @old, in one step.
 * @v: the counter
 * @old: the value expected
 * @new: the new value
 *
 * Context: any context; does not sleep.
 * Return: the value @v had: @old if it was set.
 */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}
/**
 * atomic_add_unless() - Add @a to @v unless @v is @u.
 * @v: the counter
 * @a: what to add
 * @u: the value that stops it
 *
 * Context: any context; does not sleep.
 * Return: true if it added.
 */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);

	do {
		if (c == u)
			return false;
	} while (!__atomic_compare_exchange_n(&v->counter, &c, c + a, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	return true;
}

/**
 * atomic_inc_not_zero() - Add one to @v unless it is 0 (take a reference unless the object is going).
 * @v: the counter
 *
 * Context: any context; does not sleep.
 * Return: true if it added.
 */
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	int old = atomic_read(v);

	while (old && !__atomic_compare_exchange_n(&v->counter, &old, old + 1, false,
						  __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		;
	return old != 0;
}

#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_store_release(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)

#endif
