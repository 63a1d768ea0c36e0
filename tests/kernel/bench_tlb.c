/*
 * What an address-space switch costs under the emulator, in pieces: every
 * CR3 write empties QEMU's whole soft TLB (and its cache of translated-block
 * lookups), and every page touched afterwards is walked again in C. These
 * are the floors of process_switch and pipe_roundtrip (docs/performance.md):
 *   cr3_reload          write CR3 back to itself, up to the next instruction
 *                       after it (the flush, and refilling this code's page)
 *   tlb_refill_page     per page: reading one word of each of 64 pages right
 *                       after a CR3 reload (a TLB miss and a page walk each)
 *   tlb_hit_page        per page: the same reads with the TLB warm
 * A process switch touches some dozens of pages after its CR3 write (the
 * next task's stack and task_struct, the scheduler's and the exit path's
 * code and data, the user stack and code): cr3_reload + N x tlb_refill_page
 * is what it pays that a kthread switch does not.
 */
#include <asm/processor.h>
#include <asm/tsc.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <janus/bench.h>

#define PAGES 64

static u64 reload[BENCH_SAMPLES], refill[BENCH_SAMPLES], hit[BENCH_SAMPLES];

/* One word of each page: a TLB miss each if the TLB was just emptied. */
static noinline unsigned long touch_pages(const unsigned long *buf)
{
	unsigned long sum = 0;

	for (int i = 0; i < PAGES; i++)
		sum += READ_ONCE(buf[i * (PAGE_SIZE / sizeof(*buf))]);
	return sum;
}

static void bench_tlb(void)
{
	unsigned long *buf = vmalloc(PAGES * PAGE_SIZE);

	if (!buf) {
		pr_info("bench: tlb_refill_page failed (no memory)\n");
		return;
	}
	for (int i = 0; i < PAGES; i++)
		buf[i * (PAGE_SIZE / sizeof(*buf))] = i;
	touch_pages(buf);
	for (unsigned int s = 0; s < BENCH_SAMPLES; s++) {
		u64 t0 = rdtsc_ordered(), t1, t2, t3;

		__flush_tlb_all();
		t1 = rdtsc_ordered();
		touch_pages(buf);
		t2 = rdtsc_ordered();
		touch_pages(buf);
		t3 = rdtsc_ordered();
		reload[s] = t1 - t0;
		refill[s] = t2 - t1;
		hit[s] = t3 - t2;
	}
	vfree(buf);
	bench_report("cr3_reload", "-", reload, BENCH_SAMPLES, 1, 0);
	bench_report("tlb_refill_page", "tlb_hit_page", refill, BENCH_SAMPLES, PAGES, 0);
	bench_report("tlb_hit_page", "-", hit, BENCH_SAMPLES, PAGES, 0);
}
DEFINE_BENCHMARK(bench_tlb);
