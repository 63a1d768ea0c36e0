/*
 * kmalloc: small allocations from size classes 8..4096 (slabs of one page),
 * larger ones straight from the page allocator. 8-byte aligned at least.
 * Freed memory is poisoned with 0x6b; double and bad frees WARN (kernel/mm/kmalloc.c).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
#include <linux/gfp.h>
#include <linux/types.h>

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#define POISON_FREE 0x6b
#define KMALLOC_MAX_CACHE_SIZE 4096
#define KMALLOC_MIN_ALIGN 8

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *ptr);
size_t ksize(const void *ptr);

/**
 * kzalloc() - kmalloc() zeroed memory.
 * @size:  bytes
 * @flags: GFP_KERNEL (may sleep) or GFP_ATOMIC
 *
 * Context: as kmalloc(): with GFP_KERNEL process context only, may sleep;
 * with GFP_ATOMIC any context.
 * Return: the memory, or NULL.
 */
static inline void *kzalloc(size_t size, gfp_t flags) { return kmalloc(size, flags | __GFP_ZERO); }

/**
 * kmalloc_array() - kmalloc() an array of @n elements of @size bytes, refusing an overflowing size.
 * @n:     elements
 * @size:  bytes each
 * @flags: GFP_KERNEL (may sleep) or GFP_ATOMIC
 *
 * Context: as kmalloc(): with GFP_KERNEL process context only, may sleep.
 * Return: the memory, or NULL (also if @n * @size overflows).
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kmalloc(n * size, flags);
}

/**
 * kcalloc() - kmalloc_array() zeroed.
 * @n:     elements
 * @size:  bytes each
 * @flags: GFP_KERNEL (may sleep) or GFP_ATOMIC
 *
 * Context: as kmalloc(): with GFP_KERNEL process context only, may sleep.
 * Return: the memory, or NULL.
 */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

void kmalloc_init(void);
unsigned long kmalloc_active_objects(void);

#endif
