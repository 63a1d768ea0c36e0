/*
 * Bit operations on arrays of unsigned long, Linux's names: bit nr of an
 * array is bit nr % BITS_PER_LONG of word nr / BITS_PER_LONG. set_bit and
 * friends are atomic (any context, SMP-safe: a flag word shared with an
 * interrupt handler); the __ variants are not (the caller holds a lock).
 * And bit counting (hweight: "Hamming weight"), without libgcc's helpers.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
#include <linux/types.h>

#define BITS_PER_LONG 32
#define BIT(nr) (1UL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/**
 * set_bit() - Set bit @nr of the bitmap at @addr, atomically.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 */
static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * clear_bit() - Clear bit @nr of the bitmap at @addr, atomically.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 */
static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * change_bit() - Flip bit @nr of the bitmap at @addr, atomically.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 */
static inline void change_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * test_bit() - Read bit @nr of the bitmap at @addr.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 * Return: whether the bit is set.
 */
static inline bool test_bit(unsigned int nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n(addr + BIT_WORD(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)) != 0;
}

/**
 * test_and_set_bit() - Set bit @nr and return its old value, in one atomic step.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 * Return: the bit's value before.
 */
static inline bool test_and_set_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_or(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST) &
		BIT_MASK(nr)) != 0;
}

/**
 * test_and_clear_bit() - Clear bit @nr and return its old value, in one atomic step.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 * Return: the bit's value before.
 */
static inline bool test_and_clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_and(addr + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST) &
		BIT_MASK(nr)) != 0;
}

/**
 * test_and_change_bit() - Flip bit @nr and return its old value, in one atomic step.
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 * Return: the bit's value before.
 */
static inline bool test_and_change_bit(unsigned int nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_xor(addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST) &
		BIT_MASK(nr)) != 0;
}

/**
 * __set_bit() - Set bit @nr, not atomically (the caller excludes other writers).
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 */
static inline void __set_bit(unsigned int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

/**
 * __clear_bit() - Clear bit @nr, not atomically (the caller excludes other writers).
 * @nr:   the bit number, from 0
 * @addr: the bitmap
 *
 * Context: any context; does not sleep.
 */
static inline void __clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/**
 * find_first_bit() - The first set bit of a bitmap.
 * @addr: the bitmap
 * @size: how many bits it has
 *
 * Context: any context; does not sleep.
 * Return: the number of the first set bit, or @size if there is none.
 */
static inline unsigned int find_first_bit(const unsigned long *addr, unsigned int size)
{
	for (unsigned int nr = 0; nr < size; nr++)
		if (addr[BIT_WORD(nr)] & BIT_MASK(nr))
			return nr;
	return size;
}

/**
 * find_first_zero_bit() - The first clear bit of a bitmap.
 * @addr: the bitmap
 * @size: how many bits it has
 *
 * Context: any context; does not sleep.
 * Return: the number of the first clear bit, or @size if there is none.
 */
static inline unsigned int find_first_zero_bit(const unsigned long *addr, unsigned int size)
{
	for (unsigned int nr = 0; nr < size; nr++)
		if (!(addr[BIT_WORD(nr)] & BIT_MASK(nr)))
			return nr;
	return size;
}

/**
 * hweight32() - How many bits of @w are set.
 * @w: the word
 *
 * Context: any context; does not sleep.
 * Return: the count.
 */
static inline unsigned int hweight32(u32 w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

#endif
