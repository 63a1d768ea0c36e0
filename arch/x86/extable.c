/*
 * Exception-table fixups: a fault at an instruction listed in __ex_table
 * resumes at its fixup instead of becoming an oops (asm/extable.h).
 */
#include <asm/extable.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <linux/kernel.h>
#include <linux/module.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

static const struct exception_table_entry *search_table(const struct exception_table_entry *start,
							 const struct exception_table_entry *stop,
							 unsigned long addr)
{
	for (const struct exception_table_entry *e = start; e < stop; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

/**
 * search_module_extable() - The entry of a module's exception table for an instruction.
 * @mod:  the module whose code faulted
 * @addr: the instruction's address
 *
 * Context: any context, fault handlers included, with the module list lock
 * held by the caller (search_module_extables(), kernel/module/main.c); does
 * not sleep.
 * Return: the entry, or NULL if @addr may not fault.
 */
const struct exception_table_entry *search_module_extable(const struct module *mod,
							   unsigned long addr)
{
	return search_table(mod->extable, mod->extable + mod->num_exentries, addr);
}

/**
 * search_exception_tables() - The exception table entry for an instruction that may fault.
 * @addr: the instruction's address
 *
 * Context: any context, fault handlers included; does not sleep.
 * Return: the entry, or NULL if @addr is not allowed to fault.
 */
const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	return search_table(__start___ex_table, __stop___ex_table, addr) ?:
	       search_module_extables(addr);
}

/**
 * fixup_exception() - Recover from a fault at an instruction listed in the exception table.
 * @regs:       the faulting state; its ip is moved to the fixup code
 * @vector:     the exception
 * @error_code: its error code
 *
 * How copy_from_user() returns -EFAULT for a bad pointer instead of an
 * oops. Entries of the "report" kind print the report they spared.
 *
 * Context: exception context; does not sleep.
 * Return: true if the fault was fixed up, false if it is a real oops.
 */
bool fixup_exception(struct pt_regs *regs, unsigned int vector, unsigned long error_code)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	if (e->type == EX_TYPE_REPORT) {
		pr_info("exception table: %s at %pS recovered, the report it would have been:\n",
			exception_name(vector), (void *)regs->ip);
		show_regs(regs);
	}
	if (e->type != EX_TYPE_DEFAULT) {
		regs->ax = vector;
		regs->dx = error_code;
	}
	regs->ip = e->fixup;
	return true;
}
