/*
 * kmalloc: size classes from 8 to 4096 bytes, each a cache of one-page slabs
 * carved into equal objects with a free list threaded through the free ones.
 * Bigger requests take whole pages. Debugging is always on, because this is a
 * teaching kernel: freed objects are filled with POISON_FREE (0x6b) and checked
 * when handed out again (a write after free is reported), and kfree() checks
 * that it gets the start of a live object (double and bad frees WARN).
 */
#include <linux/init.h>
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct kmem_cache {
	const char *name;
	unsigned int size;
	unsigned int objects; /* per slab */
	struct list_head partial, full;
	unsigned long nr_slabs, active;
	spinlock_t lock;
};

#define KMALLOC_CACHE(sz) { .name = "kmalloc-" #sz, .size = sz }
static struct kmem_cache kmalloc_caches[] = {
	KMALLOC_CACHE(8),   KMALLOC_CACHE(16),  KMALLOC_CACHE(32),   KMALLOC_CACHE(64),
	KMALLOC_CACHE(96),  KMALLOC_CACHE(128), KMALLOC_CACHE(192),  KMALLOC_CACHE(256),
	KMALLOC_CACHE(512), KMALLOC_CACHE(1024), KMALLOC_CACHE(2048), KMALLOC_CACHE(4096),
};

static struct kmem_cache *kmalloc_cache_for(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_caches); i++)
		if (size <= kmalloc_caches[i].size)
			return &kmalloc_caches[i];
	return NULL;
}

/* A fresh slab: every object poisoned and on the free list. */
static struct page *new_slab(struct kmem_cache *cache, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, 0);
	char *base;

	if (!page)
		return NULL;
	base = page_address(page);
	memset(base, POISON_FREE, PAGE_SIZE);
	page->flags |= PG_slab;
	page->slab_cache = cache;
	page->inuse = 0;
	page->freelist = NULL;
	for (int i = cache->objects - 1; i >= 0; i--) {
		void *obj = base + i * cache->size;
		*(void **)obj = page->freelist;
		page->freelist = obj;
	}
	return page;
}

/* An object must still hold the poison it was freed with (its first word is the link). */
static void check_poison(struct kmem_cache *cache, void *obj)
{
	unsigned char *bad = memchr_inv((char *)obj + sizeof(void *), POISON_FREE,
					cache->size - sizeof(void *));

	WARN(bad, "kmalloc: object %p in %s was written after it was freed (byte %u is %#x)\n",
	     obj, cache->name, (unsigned int)(bad - (unsigned char *)obj), bad ? *bad : 0);
}

static void *cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	struct page *page;
	unsigned long flags;
	void *obj;

	spin_lock_irqsave(&cache->lock, flags);
	if (list_empty(&cache->partial)) {
		spin_unlock_irqrestore(&cache->lock, flags);
		page = new_slab(cache, gfp);
		if (!page)
			return NULL;
		spin_lock_irqsave(&cache->lock, flags);
		list_add(&page->lru, &cache->partial);
		cache->nr_slabs++;
	}
	page = list_first_entry(&cache->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	if (++page->inuse == cache->objects)
		list_move_tail(&page->lru, &cache->full);
	cache->active++;
	spin_unlock_irqrestore(&cache->lock, flags);

	check_poison(cache, obj);
	return obj;
}

static bool on_freelist(struct page *page, const void *obj)
{
	for (void *p = page->freelist; p; p = *(void **)p)
		if (p == obj)
			return true;
	return false;
}

static void cache_free(struct kmem_cache *cache, struct page *page, void *obj)
{
	struct page *empty = NULL;
	unsigned long flags;

	spin_lock_irqsave(&cache->lock, flags);
	if (on_freelist(page, obj)) {
		spin_unlock_irqrestore(&cache->lock, flags);
		WARN(1, "kfree: double free of %p (%s)\n", obj, cache->name);
		return;
	}
	memset(obj, POISON_FREE, cache->size);
	*(void **)obj = page->freelist;
	page->freelist = obj;
	if (page->inuse-- == cache->objects)
		list_move_tail(&page->lru, &cache->partial);
	cache->active--;
	/* Give an empty slab back, but keep one so a free/alloc pair stays cheap. */
	if (!page->inuse && cache->nr_slabs > 1) {
		list_del(&page->lru);
		cache->nr_slabs--;
		empty = page;
	}
	spin_unlock_irqrestore(&cache->lock, flags);

	if (empty) {
		empty->flags &= ~PG_slab;
		__free_pages(empty, 0);
	}
}

static atomic_t large_active; /* kmalloc_large() blocks not freed yet */

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, get_order(size));

	if (!page)
		return NULL;
	atomic_inc(&large_active);
	page->flags |= PG_large_kmalloc;
	return page_address(page);
}

/**
 * kmalloc() - Allocate @size bytes of physically contiguous kernel memory.
 * @size:  bytes; up to 4096 come from a size-class cache, more take whole pages
 * @flags: GFP_KERNEL (may block), GFP_ATOMIC (never blocks); __GFP_ZERO zeroes it
 *
 * The memory is not zeroed (it holds the 0x6b free poison) unless
 * __GFP_ZERO is given (kzalloc()). A write into a freed object is reported
 * when it is handed out again.
 *
 * Context: with GFP_KERNEL process context only; may sleep, and
 * might_sleep() reports a call from atomic context. With GFP_ATOMIC any
 * context, handlers included; does not sleep.
 * Return: the memory (aligned to its size class), ZERO_SIZE_PTR for @size
 * 0, or NULL if there is not enough memory.
 */
void *kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *cache;
	void *obj;

	/* GFP_KERNEL may sleep to find memory (Janus never needs to, but the rule stands). */
	might_sleep_if(gfpflags_allow_blocking(flags));
	if (!size)
		return ZERO_SIZE_PTR;
	cache = kmalloc_cache_for(size);
	if (!cache)
		return kmalloc_large(size, flags);
	obj = cache_alloc(cache, flags);
	if (obj && (flags & __GFP_ZERO))
		memset(obj, 0, size);
	return obj;
}
EXPORT_SYMBOL(kmalloc);

/* The page and cache of a kmalloc pointer, or NULL after a WARN if it is not one. */
static struct page *kmalloc_page(const void *ptr, const char *who)
{
	struct page *page;
	unsigned long offset;

	if (!virt_addr_valid(ptr))
		goto bad;
	page = virt_to_page(ptr);
	offset = (unsigned long)ptr & ~PAGE_MASK;
	if (page->flags & PG_large_kmalloc) {
		if (offset)
			goto bad;
		return page;
	}
	if (!(page->flags & PG_slab) || offset % page->slab_cache->size ||
	    offset / page->slab_cache->size >= page->slab_cache->objects)
		goto bad;
	return page;
bad:
	WARN(1, "%s: bad pointer %p (not from kmalloc)\n", who, ptr);
	return NULL;
}

/**
 * kfree() - Free memory from kmalloc().
 * @ptr: the pointer kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * The object is filled with the free poison (0x6b). A pointer that is not
 * the start of a live kmalloc object (a double free, an interior or a
 * foreign pointer) is refused with a WARNING.
 *
 * Context: any context; does not sleep.
 */
void kfree(const void *ptr)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(ptr))
		return;
	page = kmalloc_page(ptr, "kfree");
	if (!page)
		return;
	if (page->flags & PG_large_kmalloc) {
		page->flags &= ~PG_large_kmalloc;
		atomic_dec(&large_active);
		__free_pages(page, page->order);
		return;
	}
	cache_free(page->slab_cache, page, (void *)ptr);
}
EXPORT_SYMBOL(kfree);

/**
 * ksize() - The usable size of a kmalloc() object.
 * @ptr: the pointer kmalloc() returned
 *
 * Context: any context; does not sleep. A pointer that is not from
 * kmalloc() WARNs.
 * Return: the size of its size class (or of its pages), at least what was
 * asked for; 0 for NULL, ZERO_SIZE_PTR or a bad pointer.
 */
size_t ksize(const void *ptr)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(ptr))
		return 0;
	page = kmalloc_page(ptr, "ksize");
	if (!page)
		return 0;
	if (page->flags & PG_large_kmalloc)
		return PAGE_SIZE << page->order;
	return page->slab_cache->size;
}
EXPORT_SYMBOL(ksize);

/**
 * kmalloc_init() - Set up the kmalloc size-class caches, empty.
 *
 * Context: early boot, once the page allocator works.
 */
void __init kmalloc_init(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_caches); i++) {
		struct kmem_cache *c = &kmalloc_caches[i];
		c->objects = PAGE_SIZE / c->size;
		INIT_LIST_HEAD(&c->partial);
		INIT_LIST_HEAD(&c->full);
		spin_lock_init(&c->lock);
		c->lock.name = c->name;
	}
}

/**
 * kmalloc_active_objects() - How many kmalloc blocks are allocated right now.
 *
 * Leak checks compare it before and after (the module load/unload loop does).
 * Context: any context; a snapshot, exact only if nothing allocates meanwhile.
 * Return: the objects of every size class plus the large blocks, not yet freed.
 */
unsigned long kmalloc_active_objects(void)
{
	unsigned long n = atomic_read(&large_active);

	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_caches); i++)
		n += READ_ONCE(kmalloc_caches[i].active);
	return n;
}
