/* KTAP suite `idt`: all 256 gates of arch/x86/idt.c, and the frame a vector's handler sees. */
#include <asm/idt.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include "helpers.h"

extern const unsigned long vector_stubs[256];

static void every_gate_is_present_and_points_at_its_stub(struct kunit *test)
{
	unsigned int missing = 0, wrong = 0;

	for (unsigned int v = 0; v < 256; v++) {
		const struct gate_struct *g = &idt_table[v];
		missing += !(g->type_attr & 0x80);
		if (v == X86_TRAP_DF)
			wrong += g->segment != __DOUBLEFAULT_TSS;
		else
			wrong += g->segment != __KERNEL_CS || gate_offset(g) != vector_stubs[v];
	}
	KUNIT_EXPECT_EQ(test, missing, 0u);
	KUNIT_EXPECT_EQ(test, wrong, 0u);
}

static void gates_have_the_right_type_and_privilege(struct kunit *test)
{
	for (unsigned int v = 0; v < 256; v++) {
		bool from_user = v == X86_TRAP_BP || v == X86_TRAP_OF || v == IA32_SYSCALL_VECTOR;
		u8 want = v == X86_TRAP_DF ? GATE_TASK
			  : from_user	   ? (GATE_INTERRUPT | GATE_DPL3)
					   : GATE_INTERRUPT;
		KUNIT_ASSERT_EQ(test, idt_table[v].type_attr, want);
	}
}

static struct pt_regs seen;
static unsigned int seen_calls;
static bool seen_in_hardirq, seen_irqs_off;

static void record_frame(struct pt_regs *regs)
{
	seen = *regs;
	seen_calls++;
	seen_in_hardirq = in_hardirq();
	seen_irqs_off = irqs_disabled();
}

static void int_reaches_the_handler_with_the_full_frame(struct kunit *test)
{
	unsigned long after;

	KUNIT_ASSERT_EQ(test, request_vector(0x90, record_frame, "t90"), 0);
	seen_calls = 0;
	__asm__ __volatile__("movl $0x5a5a0001, %%ebx\n\t"
			     "movl $0x5a5a0002, %%esi\n\t"
			     "movl $0x5a5a0003, %%edi\n\t"
			     "int $0x90\n"
			     "1:\tmovl $1b, %0"
			     : "=r"(after) : : "ebx", "esi", "edi", "memory");
	free_vector(0x90);
	KUNIT_EXPECT_EQ(test, seen_calls, 1u);
	KUNIT_EXPECT_EQ(test, seen.vector, 0x90ul);
	KUNIT_EXPECT_EQ(test, seen.error_code, 0ul);
	KUNIT_EXPECT_EQ(test, seen.ip, after);
	KUNIT_EXPECT_EQ(test, seen.cs, (unsigned long)__KERNEL_CS);
	KUNIT_EXPECT_TRUE(test, seen.flags & X86_EFLAGS_IF);
	KUNIT_EXPECT_EQ(test, seen.bx, 0x5a5a0001ul);
	KUNIT_EXPECT_EQ(test, seen.si, 0x5a5a0002ul);
	KUNIT_EXPECT_EQ(test, seen.di, 0x5a5a0003ul);
	KUNIT_EXPECT_EQ(test, seen.fs & 0xffff, (unsigned long)__KERNEL_PERCPU);
	KUNIT_EXPECT_TRUE(test, seen_in_hardirq);
	KUNIT_EXPECT_TRUE(test, seen_irqs_off);
}

static bool free_for_tests(unsigned int v)
{
	return v >= IRQ_TO_VECTOR(NR_IRQS) && v < FIRST_SYSTEM_VECTOR && v != IA32_SYSCALL_VECTOR;
}

/* Every free vector, one after the other, through its own stub. */
static void every_free_vector_reaches_its_handler(struct kunit *test)
{
	unsigned int tried = 0, wrong = 0;

	for (unsigned int v = 0; v < 256; v++) {
		if (!free_for_tests(v))
			continue;
		KUNIT_ASSERT_EQ(test, request_vector(v, record_frame, "tst"), 0);
		seen_calls = 0;
		int_thunks[v]();
		free_vector(v);
		wrong += seen_calls != 1 || seen.vector != v;
		tried++;
	}
	KUNIT_EXPECT_GT(test, tried, 100u);
	KUNIT_EXPECT_EQ(test, wrong, 0u);
}

static void a_vector_without_handler_is_counted_as_spurious(struct kunit *test)
{
	unsigned int before = this_cpu_read(irq_spurious_count);

	int_thunks[0xa1]();
	int_thunks[0xa1]();
	KUNIT_EXPECT_EQ(test, this_cpu_read(irq_spurious_count), before + 2);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void request_vector_refuses_taken_and_reserved_vectors(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, request_vector(0x91, record_frame, "a"), 0);
	KUNIT_EXPECT_EQ(test, request_vector(0x91, record_frame, "b"), -EBUSY);
	free_vector(0x91);
	KUNIT_EXPECT_EQ(test, request_vector(X86_TRAP_PF, record_frame, "c"), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_vector(IRQ_TO_VECTOR(3), record_frame, "d"), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_vector(IA32_SYSCALL_VECTOR, record_frame, "e"), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_vector(0x92, NULL, "f"), -EINVAL);
}

static struct kunit_case idt_cases[] = {
	KUNIT_CASE(every_gate_is_present_and_points_at_its_stub),
	KUNIT_CASE(gates_have_the_right_type_and_privilege),
	KUNIT_CASE(int_reaches_the_handler_with_the_full_frame),
	KUNIT_CASE(every_free_vector_reaches_its_handler),
	KUNIT_CASE(a_vector_without_handler_is_counted_as_spurious),
	KUNIT_CASE(request_vector_refuses_taken_and_reserved_vectors),
	{}
};

static struct kunit_suite idt_suite = {
	.name = "idt",
	.test_cases = idt_cases,
};
kunit_test_suite(idt_suite);
