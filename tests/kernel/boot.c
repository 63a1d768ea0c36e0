/* KTAP suite `boot`: the state boot/boot.asm, arch/x86/setup.c and kmain leave behind. */
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/tsc.h>
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <janus/multiboot.h>
#include "helpers.h"

extern char boot_stack_guard[], boot_stack[];
void kmain(u32 magic, u32 mbi_phys);

static void the_kernel_runs_in_the_higher_half(struct kunit *test)
{
	int on_stack;

	KUNIT_EXPECT_GE(test, (unsigned long)kmain, PAGE_OFFSET);
	KUNIT_EXPECT_GE(test, (unsigned long)__builtin_return_address(0), PAGE_OFFSET);
	KUNIT_EXPECT_GE(test, (unsigned long)&on_stack, PAGE_OFFSET);
	KUNIT_EXPECT_EQ(test, (unsigned long)kmain >> 20, 0xc01ul);
}

static void the_identity_map_is_gone(struct kunit *test)
{
	int level;

	KUNIT_EXPECT_EQ(test, swapper_pg_dir[0], 0u);
	KUNIT_EXPECT_EQ(test, swapper_pg_dir[1], 0u);
	KUNIT_EXPECT_NULL(test, lookup_address(0x100000, &level));
	KUNIT_EXPECT_NOT_NULL(test, lookup_address(PAGE_OFFSET + 0x100000, &level));
}

static void all_of_lowmem_is_mapped(struct kunit *test)
{
	int level;
	pte_t *last = lookup_address(high_memory - 1, &level);

	KUNIT_ASSERT_NOT_NULL(test, last);
	KUNIT_EXPECT_TRUE(test, *last & _PAGE_PRESENT);
	/* 4 KiB pages in the first 8 MiB (boot/boot.asm), 4 MiB pages above. */
	KUNIT_EXPECT_EQ(test, level, high_memory - PAGE_OFFSET > (8ul << 20) ? 2 : 1);
	/* Every byte of RAM the loader reported is lowmem (up to MAXMEM). */
	KUNIT_EXPECT_GE(test, high_memory - PAGE_OFFSET,
			(unsigned long)min_t(u64, boot_params.ram_bytes, MAXMEM));
}

static void every_task_stack_has_an_unmapped_guard_page(struct kunit *test)
{
	int level;
	pte_t *guard = lookup_address((unsigned long)boot_stack_guard, &level);
	unsigned long sp = current_stack_pointer(), stack = (unsigned long)current->stack;

	/* The boot stack, now the idle task's. */
	KUNIT_ASSERT_NOT_NULL(test, guard);
	KUNIT_EXPECT_EQ(test, level, 1);
	KUNIT_EXPECT_FALSE(test, *guard & _PAGE_PRESENT);
	KUNIT_EXPECT_PTR_EQ(test, boot_stack, boot_stack_guard + PAGE_SIZE);
	KUNIT_EXPECT_PTR_EQ(test, init_task.stack, (void *)boot_stack);
	/* This task's, from the vmalloc area. */
	KUNIT_EXPECT_TRUE(test, sp > stack && sp < stack + THREAD_SIZE);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(current->stack));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page((void *)(stack - PAGE_SIZE)));
	KUNIT_EXPECT_EQ(test, *(u32 *)current->stack, STACK_END_MAGIC);
}

static void the_multiboot_information_is_sane(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, boot_params.magic, (u32)MULTIBOOT_BOOTLOADER_MAGIC);
	KUNIT_EXPECT_TRUE(test, boot_params.flags & MULTIBOOT_INFO_MEM_MAP);
	KUNIT_EXPECT_TRUE(test, boot_params.flags & MULTIBOOT_INFO_CMDLINE);
	KUNIT_EXPECT_GT(test, boot_params.mmap_entries, 1u);
	/* What QEMU was given, less the hole below 1 MiB and its tables at the top. */
	if (qemu_ram_bytes()) {
		KUNIT_EXPECT_LE(test, boot_params.ram_bytes, qemu_ram_bytes());
		KUNIT_EXPECT_GE(test, boot_params.ram_bytes, qemu_ram_bytes() - (2ull << 20));
	}
	KUNIT_EXPECT_NE(test, boot_params.loader[0], '\0');
}

static void janus_runs_on_its_own_gdt_and_tss(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, read_segment(SEG_CS), __KERNEL_CS);
	/* A flat data segment: the kernel's, or the user's it kept from the
	 * entry of a system call (both address all memory: arch/x86/entry.asm). */
	KUNIT_EXPECT_TRUE(test, read_segment(SEG_DS) == __KERNEL_DS ||
				read_segment(SEG_DS) == __USER_DS);
	KUNIT_EXPECT_EQ(test, read_segment(SEG_FS), __KERNEL_PERCPU);
	KUNIT_EXPECT_EQ(test, read_segment(SEG_TR), __TSS);
}

DEFINE_PER_CPU(int, boot_test_counter);

static void per_cpu_data_is_reached_through_fs(struct kunit *test)
{
	int *mine = this_cpu_ptr(&boot_test_counter);

	KUNIT_EXPECT_EQ(test, smp_processor_id(), 0);
	/* This CPU's copy is not the template the linker made. */
	KUNIT_EXPECT_PTR_NE(test, mine, &boot_test_counter);
	KUNIT_EXPECT_PTR_EQ(test, mine, &per_cpu(boot_test_counter, 0));
	this_cpu_write(boot_test_counter, 41);
	this_cpu_inc(boot_test_counter);
	KUNIT_EXPECT_EQ(test, *mine, 42);
	KUNIT_EXPECT_EQ(test, this_cpu_read(boot_test_counter), 42);
}

static void the_tests_run_in_init_and_the_boot_flow_idles(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, current->pid, 1);
	KUNIT_EXPECT_STREQ(test, current->comm, "init");
	KUNIT_EXPECT_TRUE(test, current->flags & PF_KTHREAD);
	KUNIT_EXPECT_EQ(test, init_task.pid, 0);
	KUNIT_EXPECT_STREQ(test, init_task.comm, "swapper/0");
	KUNIT_EXPECT_TRUE(test, init_task.flags & PF_IDLE);
}

static void the_tsc_is_calibrated(struct kunit *test)
{
	/* Generous: anything from 100 MHz to 100 GHz is a plausible TSC. */
	KUNIT_EXPECT_GE(test, tsc_khz, 100000u);
	KUNIT_EXPECT_LE(test, tsc_khz, 100000000u);
}

static noinline unsigned int trace_from_here(unsigned long *store, unsigned int max)
{
	return stack_trace_save_bp(current_frame_pointer(), store, max);
}

static void backtraces_are_symbolized(struct kunit *test)
{
	unsigned long trace[16];
	unsigned int n = trace_from_here(trace, ARRAY_SIZE(trace));
	char name[KSYM_SYMBOL_LEN];
	bool saw_init = false;

	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kmain"), (unsigned long)kmain);
	KUNIT_ASSERT_GE(test, n, 3u);
	sprint_symbol_no_offset(name, trace[0] - 1);
	KUNIT_EXPECT_STREQ(test, name, "backtraces_are_symbolized");
	for (unsigned int i = 0; i < n; i++) {
		sprint_symbol_no_offset(name, trace[i] - 1);
		saw_init |= !strcmp(name, "kernel_init");
	}
	KUNIT_EXPECT_TRUE(test, saw_init);
}

static struct kunit_case boot_cases[] = {
	KUNIT_CASE(the_kernel_runs_in_the_higher_half),
	KUNIT_CASE(the_identity_map_is_gone),
	KUNIT_CASE(all_of_lowmem_is_mapped),
	KUNIT_CASE(every_task_stack_has_an_unmapped_guard_page),
	KUNIT_CASE(the_multiboot_information_is_sane),
	KUNIT_CASE(janus_runs_on_its_own_gdt_and_tss),
	KUNIT_CASE(per_cpu_data_is_reached_through_fs),
	KUNIT_CASE(the_tests_run_in_init_and_the_boot_flow_idles),
	KUNIT_CASE(the_tsc_is_calibrated),
	KUNIT_CASE(backtraces_are_symbolized),
	{}
};

static struct kunit_suite boot_suite = {
	.name = "boot",
	.test_cases = boot_cases,
};
kunit_test_suite(boot_suite);
