/*
 * KTAP suite `exceptions`: #DE, #UD, #BP, #GP and #PF raised on purpose at
 * instructions listed in the exception table (arch/x86/extable.c), so each is
 * recovered and the suite carries on. EX_TYPE_FAULT hands back the vector in
 * eax and the error code in edx.
 */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/percpu.h>
#include <linux/vmalloc.h>
#include <janus/log.h>

DECLARE_PER_CPU(unsigned int, exception_count);

struct fault {
	unsigned long vector, error_code;
};

static void divide_error_is_recovered(struct kunit *test)
{
	struct fault f;
	unsigned int before = this_cpu_read(exception_count);

	__asm__ __volatile__("movl $1, %%eax\n\t"
			     "xorl %%edx, %%edx\n\t"
			     "xorl %%ecx, %%ecx\n"
			     "1:\tdivl %%ecx\n\t"
			     "movl $-1, %%eax\n"
			     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
			     : "=a"(f.vector), "=d"(f.error_code) : : "ecx");
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_DE);
	KUNIT_EXPECT_EQ(test, this_cpu_read(exception_count), before + 1);
}

static void invalid_opcode_is_recovered(struct kunit *test)
{
	struct fault f;

	__asm__ __volatile__("movl $-1, %%eax\n"
			     "1:\tud2\n"
			     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
			     : "=a"(f.vector), "=d"(f.error_code));
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_UD);
	KUNIT_EXPECT_EQ(test, f.error_code, 0ul);
}

static void breakpoint_is_recovered(struct kunit *test)
{
	struct fault f;

	__asm__ __volatile__("movl $-1, %%eax\n"
			     "1:\tint3\n"
			     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
			     : "=a"(f.vector), "=d"(f.error_code));
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_BP);
}

static void general_protection_carries_the_selector(struct kunit *test)
{
	struct fault f;

	/* Selector 0x1230 lies far beyond the GDT's limit. */
	__asm__ __volatile__("movl $-1, %%eax\n\t"
			     "movl $0x1230, %%ecx\n"
			     "1:\tmovl %%ecx, %%ds\n"
			     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
			     : "=a"(f.vector), "=d"(f.error_code) : : "ecx");
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_GP);
	KUNIT_EXPECT_EQ(test, f.error_code, 0x1230ul);
}

static struct fault touch(unsigned long addr, bool write)
{
	struct fault f;

	if (write)
		__asm__ __volatile__("movl $-1, %%eax\n"
				     "1:\tmovl $0, (%2)\n"
				     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
				     : "=&a"(f.vector), "=d"(f.error_code) : "r"(addr) : "memory");
	else
		__asm__ __volatile__("movl $-1, %%eax\n"
				     "1:\tmovl (%2), %%ecx\n"
				     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT)
				     : "=&a"(f.vector), "=d"(f.error_code) : "r"(addr) : "ecx", "memory");
	return f;
}

static void page_faults_report_cr2_and_the_error_code(struct kunit *test)
{
	struct fault f = touch(0xfff00010, false);

	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, read_cr2(), 0xfff00010ul);
	KUNIT_EXPECT_EQ(test, f.error_code, 0ul); /* supervisor read, not present */

	f = touch(0, true);
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, read_cr2(), 0ul);
	KUNIT_EXPECT_EQ(test, f.error_code, (unsigned long)X86_PF_WRITE);
}

static void a_write_to_a_read_only_page_is_a_protection_fault(struct kunit *test)
{
	unsigned long page = (unsigned long)vmalloc(PAGE_SIZE);
	phys_addr_t phys;
	struct fault f;

	KUNIT_ASSERT_NE(test, page, 0ul);
	phys = vmalloc_pte_phys(page);
	set_vmalloc_pte(page, phys, _PAGE_PRESENT); /* readable, not writable */
	f = touch(page, false);
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)-1); /* reading is fine */
	f = touch(page, true);
	set_vmalloc_pte(page, phys, _PAGE_PRESENT | _PAGE_RW);
	vfree((void *)page);
	/* CR0.WP makes the kernel obey read-only pages too. */
	KUNIT_EXPECT_EQ(test, f.vector, (unsigned long)X86_TRAP_PF);
	KUNIT_EXPECT_EQ(test, f.error_code, (unsigned long)(X86_PF_PROT | X86_PF_WRITE));
	KUNIT_EXPECT_EQ(test, read_cr2(), page);
}

/* Takes an argument so that it has a stack frame: gcc leaves the frame out of a
 * leaf function that never touches the stack, and a backtrace then skips its caller. */
static noinline __noclone unsigned long exceptions_report_target(unsigned long marker)
{
	unsigned long vector;

	__asm__ __volatile__("movl %1, %%eax\n"
			     "1:\tud2\n"
			     "2:\n" _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_REPORT)
			     : "=&a"(vector) : "m"(marker) : "edx");
	return vector;
}

static void the_report_names_the_faulting_function(struct kunit *test)
{
	u64 seq = log_next_sequence();

	KUNIT_EXPECT_EQ(test, exceptions_report_target(0xfeed), (unsigned long)X86_TRAP_UD);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "invalid opcode at exceptions_report_target+0x"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "EIP: exceptions_report_target+0x"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "Context: task"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "Call Trace:"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, " the_report_names_the_faulting_function+0x"));
}

static struct kunit_case exceptions_cases[] = {
	KUNIT_CASE(divide_error_is_recovered),
	KUNIT_CASE(invalid_opcode_is_recovered),
	KUNIT_CASE(breakpoint_is_recovered),
	KUNIT_CASE(general_protection_carries_the_selector),
	KUNIT_CASE(page_faults_report_cr2_and_the_error_code),
	KUNIT_CASE(a_write_to_a_read_only_page_is_a_protection_fault),
	KUNIT_CASE(the_report_names_the_faulting_function),
	{}
};

static struct kunit_suite exceptions_suite = {
	.name = "exceptions",
	.test_cases = exceptions_cases,
};
kunit_test_suite(exceptions_suite);
