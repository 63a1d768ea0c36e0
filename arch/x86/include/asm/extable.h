/*
 * The exception table: pairs of (instruction that may fault, where to go
 * instead). A kernel fault at a listed instruction is not an oops: the trap
 * handler (arch/x86/extable.c) resumes at the fixup. copy_to_user is built on
 * this; tests use it to fault on purpose and carry on.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#define EX_TYPE_DEFAULT 0 /* just resume at the fixup */
#define EX_TYPE_FAULT 1   /* resume at the fixup with eax = vector, edx = error code */
#define EX_TYPE_REPORT 2  /* like EX_TYPE_FAULT, after printing the full oops-style report */

/* For inline asm: _ASM_EXTABLE_TYPE(1b, 2b, EX_TYPE_FAULT) */
#define _ASM_EXTABLE_TYPE(from, to, type)                         \
	" .pushsection __ex_table, \"a\"\n"                       \
	" .balign 4\n"                                            \
	" .long (" #from "), (" #to "), " __stringify(type) "\n"  \
	" .popsection\n"
#define _ASM_EXTABLE(from, to) _ASM_EXTABLE_TYPE(from, to, EX_TYPE_DEFAULT)

#ifndef __ASSEMBLER__
#include <linux/compiler.h>
#include <linux/types.h>

struct exception_table_entry {
	unsigned long insn, fixup;
	int type;
};

struct pt_regs;
struct module;
const struct exception_table_entry *search_exception_tables(unsigned long addr);
/* One module's entries (arch/x86/extable.c), and all modules' (kernel/module/main.c). */
const struct exception_table_entry *search_module_extable(const struct module *mod,
							   unsigned long addr);
const struct exception_table_entry *search_module_extables(unsigned long addr);
/* If regs->ip has a fixup, applies it and returns true. */
bool fixup_exception(struct pt_regs *regs, unsigned int vector, unsigned long error_code);
#endif

#endif
