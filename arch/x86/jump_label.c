/*
 * Static keys, the x86 half: writing the 5-byte nop or jmp into a site, and
 * doing it safely while other CPUs may run that very code. Kernel text is
 * mapped writable (arch/x86/paging.c), so the write itself is a memcpy; the
 * care is in the other CPUs: they wait in an IPI with interrupts off (so none
 * is in the middle of the site) and run cpuid, a serialising instruction,
 * before they return, so none executes stale bytes it had already fetched.
 */
#include <asm/jump_label.h>
#include <asm/processor.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/string.h>

struct poke_sync {
	void (*fn)(void *arg);
	void *arg;
	unsigned int arrived, left; /* other CPUs holding, and done with this struct */
	bool done;                  /* the code is written */
};

static void sync_core(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
}

void arch_jump_label_patch(struct jump_entry *e, enum jump_label_type type)
{
	static const u8 nop[JUMP_LABEL_NOP_SIZE] = { JUMP_LABEL_NOP };
	u8 code[JUMP_LABEL_NOP_SIZE];

	if (type == JUMP_LABEL_JMP_TYPE) {
		s32 rel = e->target - (e->code + JUMP_LABEL_NOP_SIZE);
		code[0] = JUMP_LABEL_JMP_OPCODE;
		memcpy(&code[1], &rel, sizeof(rel));
	} else {
		memcpy(code, nop, sizeof(code));
	}
	memcpy((void *)e->code, code, sizeof(code));
}

/* The call-function IPI on every other CPU: hardirq context, interrupts off. */
static void hold_while_patching(void *info)
{
	struct poke_sync *s = info;

	__atomic_add_fetch(&s->arrived, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&s->done, __ATOMIC_ACQUIRE))
		cpu_relax();
	sync_core();
	__atomic_add_fetch(&s->left, 1, __ATOMIC_RELEASE);
}

void arch_text_poke_sync(void (*fn)(void *arg), void *arg)
{
	struct poke_sync s = { .fn = fn, .arg = arg };
	unsigned int others;
	unsigned long flags;

	preempt_disable(); /* this CPU stays the patcher, the others the held */
	others = num_online_cpus() - 1;
	smp_call_function(hold_while_patching, &s, 0);
	while (__atomic_load_n(&s.arrived, __ATOMIC_ACQUIRE) < others)
		cpu_relax();
	local_irq_save(flags);
	fn(arg);
	sync_core();
	__atomic_store_n(&s.done, true, __ATOMIC_RELEASE);
	local_irq_restore(flags);
	while (__atomic_load_n(&s.left, __ATOMIC_ACQUIRE) < others) /* s is on this stack */
		cpu_relax();
	preempt_enable();
}
