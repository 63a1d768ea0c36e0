/*
 * Static branches on x86: the branch is one 5-byte instruction in the code,
 * a nop (0f 1f 44 00 00) while the branch is not taken, a `jmp rel32` (e9 ...)
 * to the out-of-line block while it is. Each site records itself in the
 * __jump_table section: where the instruction is, where the jmp goes, and
 * its key (with the branch direction in bit 0), so kernel/jump_label.c can
 * find every site of a key and arch/x86/jump_label.c can rewrite it.
 */
#ifndef _ASM_JUMP_LABEL_H
#define _ASM_JUMP_LABEL_H
#include <linux/compiler.h>
#include <linux/types.h>

#define JUMP_LABEL_NOP_SIZE 5
#define JUMP_LABEL_NOP 0x0f, 0x1f, 0x44, 0x00, 0x00 /* nopl 0x0(%eax,%eax,1) */
#define JUMP_LABEL_JMP_OPCODE 0xe9

struct static_key;

/* One site: absolute addresses (i386, no relocation at run time). */
struct jump_entry {
	u32 code;   /* the 5-byte instruction */
	u32 target; /* where the jmp goes: the "true" block */
	u32 key;    /* struct static_key *, bit 0: the branch direction */
};

#define __JUMP_TABLE_ENTRY(key, branch)                          \
	".pushsection __jump_table, \"aw\"\n\t"                   \
	".balign 4\n\t"                                           \
	".long 1b, %l[l_yes], %c0 + %c1\n\t"                     \
	".popsection\n\t"

/**
 * arch_static_branch() - A static branch site that starts as a nop: false until patched to a jmp.
 * @key: its key
 * @branch: the likely-direction flag recorded in __jump_table
 *
 * Context: any context; does not sleep.
 * Return: false, or true once the site is patched.
 */
static __always_inline bool arch_static_branch(struct static_key *key, bool branch)
{
	__asm__ goto("1: .byte 0x0f, 0x1f, 0x44, 0x00, 0x00\n\t" __JUMP_TABLE_ENTRY(key, branch)
		     : : "i"(key), "i"(branch) : : l_yes);
	return false;
l_yes:
	return true;
}

/**
 * arch_static_branch_jump() - A static branch site that starts as a jmp: true until patched to a nop.
 * @key: its key
 * @branch: the likely-direction flag recorded in __jump_table
 *
 * Context: any context; does not sleep.
 * Return: true, or false once the site is patched.
 */
static __always_inline bool arch_static_branch_jump(struct static_key *key, bool branch)
{
	__asm__ goto("1: .byte 0xe9\n\t .long %l[l_yes] - 2f\n\t2:\n\t"
		     __JUMP_TABLE_ENTRY(key, branch)
		     : : "i"(key), "i"(branch) : : l_yes);
	return false;
l_yes:
	return true;
}

enum jump_label_type { JUMP_LABEL_NOP_TYPE = 0, JUMP_LABEL_JMP_TYPE = 1 };

/**
 * arch_jump_label_patch() - Write the instruction @type into the site @e.
 * @e:    the site
 * @type: JUMP_LABEL_JMP_TYPE (jmp to e->target) or JUMP_LABEL_NOP_TYPE
 *
 * Context: only inside the function given to arch_text_poke_sync(), where no
 * other CPU runs kernel code.
 */
void arch_jump_label_patch(struct jump_entry *e, enum jump_label_type type);

/**
 * arch_text_poke_sync() - Run @fn(@arg) while every other CPU waits, then resynchronise them.
 * @fn:  the function that changes kernel code
 * @arg: its argument
 *
 * Every other online CPU is held in a call-function IPI with interrupts off
 * while @fn runs here with interrupts off, and executes a serialising
 * instruction before it goes back to kernel code, as the rules for
 * cross-modifying code want.
 *
 * Context: process context with interrupts enabled (it waits for the other
 * CPUs); one caller at a time (kernel/jump_label.c holds its mutex).
 */
void arch_text_poke_sync(void (*fn)(void *arg), void *arg);

#endif
