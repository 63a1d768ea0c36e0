/* KTAP suite `kmalloc`: size classes, alignment, reuse, poisoning and bad frees (kernel/mm/kmalloc.c). */
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/slab.h>

static void every_size_up_to_a_page_is_usable_and_aligned(struct kunit *test)
{
	for (size_t size = 1; size <= 4096; size += size < 64 ? 1 : 61) {
		unsigned char *p = kmalloc(size, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, (unsigned long)p % KMALLOC_MIN_ALIGN, 0ul);
		KUNIT_EXPECT_GE(test, ksize(p), size);
		memset(p, 0x11, size);
		kfree(p);
	}
}

static void large_allocations_take_whole_pages(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	char *p = kmalloc(5000, GFP_KERNEL);
	char *q = kmalloc(100000, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, (unsigned long)p & ~PAGE_MASK, 0ul);
	KUNIT_EXPECT_EQ(test, ksize(p), 8192u);
	KUNIT_EXPECT_EQ(test, ksize(q), 131072u);
	memset(q, 0x22, 100000);
	kfree(p);
	kfree(q);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void a_freed_object_is_reused_first(struct kunit *test)
{
	void *a = kmalloc(48, GFP_KERNEL), *b;

	KUNIT_ASSERT_NOT_NULL(test, a);
	kfree(a);
	b = kmalloc(48, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	kfree(b);
}

static void freed_memory_is_poisoned(struct kunit *test)
{
	unsigned char *p = kmalloc(128, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0x33, 128);
	kfree(p);
	/* Reading freed memory on purpose: all but the free-list link is poison. */
	KUNIT_EXPECT_NULL(test, memchr_inv(p + sizeof(void *), POISON_FREE, 128 - sizeof(void *)));
}

static void a_write_after_free_is_reported(struct kunit *test)
{
	unsigned long warns = warn_count;
	char *p = kmalloc(256, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
	p[100] = 'X'; /* the bug under test */
	kunit_expect_report(test, "was written after it was freed");
	q = kmalloc(256, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	kfree(q);
}

static void double_free_is_reported_and_harmless(struct kunit *test)
{
	unsigned long warns = warn_count;
	void *p = kmalloc(32, GFP_KERNEL), *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_expect_report(test, "kfree: double free of");
	kfree(p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	/* Had the second free gone through, p would now be handed out twice. */
	a = kmalloc(32, GFP_KERNEL);
	b = kmalloc(32, GFP_KERNEL);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	kfree(a);
	kfree(b);
}

static void bad_pointers_are_reported(struct kunit *test)
{
	unsigned long warns = warn_count;
	char on_stack[16];
	char *p = kmalloc(64, GFP_KERNEL);
	unsigned long page = __get_free_page(GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kunit_expect_report(test, "kfree: bad pointer");
	kfree(on_stack + 0);   /* the boot stack is in the kernel image, not a slab */
	kfree(p + 8);          /* the middle of an object */
	kfree((void *)page);   /* a page from the page allocator */
	kfree((void *)0xfff00000); /* not even in the direct map */
	KUNIT_EXPECT_EQ(test, warn_count, warns + 4);
	kfree(p);
	free_page(page);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 4);
}

static void kzalloc_and_kcalloc_return_zeroed_memory(struct kunit *test)
{
	unsigned char *p = kmalloc(200, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_NULL(test, memchr_inv(q, 0, 200));
	kfree(q);
	q = kcalloc(10, 30, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_NULL(test, memchr_inv(q, 0, 300));
	kfree(q);
	KUNIT_EXPECT_NULL(test, kcalloc(0x10000, 0x10000, GFP_KERNEL));
}

/* As in Linux: kmalloc(0) is not a failure (not NULL) but ZERO_SIZE_PTR, the
 * same for every call, pointing into the unmapped page 0 (any use faults),
 * and kfree() takes it. */
static void zero_size_gives_zero_size_ptr_not_null(struct kunit *test)
{
	void *p = kmalloc(0, GFP_KERNEL), *q = kmalloc(0, GFP_KERNEL);
	pte_t *pte;
	int level;

	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, p, ZERO_SIZE_PTR);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_TRUE(test, ZERO_OR_NULL_PTR(p));
	pte = lookup_address((unsigned long)p, &level);
	KUNIT_EXPECT_TRUE(test, !pte || !(*pte & _PAGE_PRESENT)); /* unmapped */
	kfree(q);
	kfree(p);
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, ksize(p), 0u);
}

static void many_allocations_leak_nothing(struct kunit *test)
{
	static void *ptrs[512];
	unsigned long before;

	/* Warm up: each cache keeps one slab once it has had one. */
	for (int i = 0; i < 512; i++)
		ptrs[i] = kmalloc(8 << (i % 10), GFP_KERNEL);
	for (int i = 0; i < 512; i++)
		kfree(ptrs[i]);
	before = nr_free_pages();
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 512; i++) {
			ptrs[i] = kmalloc(8 << (i % 10), GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, ptrs[i]);
		}
		for (int i = 0; i < 512; i++)
			kfree(ptrs[i]);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static struct kunit_case kmalloc_cases[] = {
	KUNIT_CASE(every_size_up_to_a_page_is_usable_and_aligned),
	KUNIT_CASE(large_allocations_take_whole_pages),
	KUNIT_CASE(a_freed_object_is_reused_first),
	KUNIT_CASE(freed_memory_is_poisoned),
	KUNIT_CASE(a_write_after_free_is_reported),
	KUNIT_CASE(double_free_is_reported_and_harmless),
	KUNIT_CASE(bad_pointers_are_reported),
	KUNIT_CASE(kzalloc_and_kcalloc_return_zeroed_memory),
	KUNIT_CASE(zero_size_gives_zero_size_ptr_not_null),
	KUNIT_CASE(many_allocations_leak_nothing),
	{}
};

static struct kunit_suite kmalloc_suite = {
	.name = "kmalloc",
	.test_cases = kmalloc_cases,
};
kunit_test_suite(kmalloc_suite);
