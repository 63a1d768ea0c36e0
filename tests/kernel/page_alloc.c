/* KTAP suite `page_alloc`: the buddy allocator of kernel/mm/page_alloc.c. */
#include <kunit/test.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>

extern char _kernel_phys_start[], _kernel_phys_end[];
extern char __init_begin[], __init_end[], __init_phys[];

/* The kernel's __init pages: reserved at boot, given back by free_initmem(). */
static bool freed_initmem(phys_addr_t phys)
{
	phys_addr_t start = (phys_addr_t)(unsigned long)__init_phys;

	return phys >= start && phys < start + (__init_end - __init_begin);
}

static void alloc_then_free_restores_the_free_count(struct kunit *test)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before - 1);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(page_address(page)));
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void blocks_are_naturally_aligned(struct kunit *test)
{
	for (unsigned int order = 0; order <= 6; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_to_pfn(page) & ((1ul << order) - 1), 0ul);
		__free_pages(page, order);
	}
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
}

static void zeroed_pages_are_zero(struct kunit *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);

	KUNIT_ASSERT_NE(test, addr, 0ul);
	memset((void *)addr, 0xa5, 2 * PAGE_SIZE);
	free_pages(addr, 1);
	addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, 1);
	KUNIT_ASSERT_NE(test, addr, 0ul);
	KUNIT_EXPECT_NULL(test, memchr_inv((void *)addr, 0, 2 * PAGE_SIZE));
	free_pages(addr, 1);
}

/*
 * Takes every free page, checking each one as it comes: never seen before,
 * RAM, not reserved, not the kernel. The pages are chained through their
 * first word so they can all be given back.
 */
static void exhaustion_returns_null_and_nothing_is_handed_out_twice(struct kunit *test)
{
	unsigned long before = nr_free_pages(), taken = 0, twice = 0, bad = 0;
	unsigned long *seen = kzalloc(DIV_ROUND_UP(max_pfn, 32) * 4, GFP_KERNEL);
	void *chain = NULL;
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, seen);
	before = nr_free_pages();
	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0))) {
		unsigned long pfn = page_to_pfn(page);
		phys_addr_t phys = PFN_PHYS(pfn);

		twice += (seen[pfn / 32] >> (pfn % 32)) & 1;
		seen[pfn / 32] |= 1ul << (pfn % 32);
		bad += !memblock_is_memory(phys, PAGE_SIZE) ||
		       (!freed_initmem(phys) &&
			(memblock_overlaps_reserved(phys, PAGE_SIZE) ||
			 (phys < (phys_addr_t)_kernel_phys_end &&
			  phys + PAGE_SIZE > (phys_addr_t)_kernel_phys_start)));
		*(void **)page_address(page) = chain;
		chain = page_address(page);
		taken++;
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0ul);
	KUNIT_EXPECT_EQ(test, taken, before);
	KUNIT_EXPECT_EQ(test, twice, 0ul);
	KUNIT_EXPECT_EQ(test, bad, 0ul);
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0));
	while (chain) {
		void *next = *(void **)chain;
		free_page((unsigned long)chain);
		chain = next;
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
	kfree(seen);
}

static void reserved_memory_is_never_free(struct kunit *test)
{
	/* The kernel image, the BIOS area and mem_map itself are reserved. */
	KUNIT_EXPECT_TRUE(test, memblock_overlaps_reserved((phys_addr_t)_kernel_phys_start, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, memblock_overlaps_reserved(0, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, memblock_overlaps_reserved(__pa(mem_map), PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, pfn_to_page(PFN_DOWN((phys_addr_t)_kernel_phys_start))->flags & PG_reserved);
	KUNIT_EXPECT_TRUE(test, virt_to_page(mem_map)->flags & PG_reserved);
	KUNIT_EXPECT_LE(test, nr_free_pages(), totalram_pages());
}

static void double_free_is_reported_and_ignored(struct kunit *test)
{
	unsigned long warns = warn_count, before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 2);

	KUNIT_ASSERT_NOT_NULL(test, page);
	kunit_expect_report(test, "that is not allocated (double free?)");
	__free_pages(page, 2);
	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static void free_with_the_wrong_order_is_reported(struct kunit *test)
{
	unsigned long warns = warn_count, before = nr_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	KUNIT_ASSERT_NOT_NULL(test, page);
	kunit_expect_report(test, "allocated with order 1");
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, warn_count, warns + 1);
	__free_pages(page, 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(alloc_then_free_restores_the_free_count),
	KUNIT_CASE(blocks_are_naturally_aligned),
	KUNIT_CASE(zeroed_pages_are_zero),
	KUNIT_CASE(exhaustion_returns_null_and_nothing_is_handed_out_twice),
	KUNIT_CASE(reserved_memory_is_never_free),
	KUNIT_CASE(double_free_is_reported_and_ignored),
	KUNIT_CASE(free_with_the_wrong_order_is_reported),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
