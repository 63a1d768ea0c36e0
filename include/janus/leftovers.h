/*
 * Unloading safely: after a module's exit function ran, every registry a
 * module can leave something in answers "what is left of module M?"
 * (kernel/module/leftovers.c asks them all). Each registry owns its answer:
 * it declares
 *
 *     static unsigned int irq_leftovers(struct module *mod) { ... }
 *     MODULE_LEFTOVER_CHECK(irq, irq_leftovers);
 *
 * walks its own entries under its own lock, calls module_leftover() for each
 * one that belongs to mod (registered from mod's code, see janus/callsite.h,
 * or pointing into mod's memory), and returns how many it found. The loader
 * never looks inside a registry; a registry never frees a module.
 */
#ifndef _JANUS_LEFTOVERS_H
#define _JANUS_LEFTOVERS_H
#include <linux/compiler.h>
#include <janus/callsite.h>

struct module;

struct module_leftover_check {
	const char *registry;
	unsigned int (*check)(struct module *mod);
};

#define MODULE_LEFTOVER_CHECK(name, fn)                                                  \
	static const struct module_leftover_check __leftover_check_##name __used          \
		__section(".module_leftover_checks") __aligned(4) = { #name, fn }

/**
 * module_leftover() - Report one thing a module left registered.
 * @mod:  the module being unloaded
 * @site: where it was registered (NULL if unknown)
 * @fmt:  what it is, e.g. "irq 1 handler HANDLER still registered"
 * @...:  its arguments
 *
 * Prints "BUG: module NAME unloaded with WHAT (API at FILE:LINE)".
 * Context: any context; called by the registries' checks, with their locks held.
 */
__printf(3, 4) void module_leftover(const struct module *mod, const struct callsite *site,
				    const char *fmt, ...);

/**
 * owned_by_module() - Whether a registration belongs to a module.
 * @mod:  the module
 * @site: its call site record (may be NULL)
 * @addr: an address the registration points at (its callback, or its object)
 *
 * Context: any context.
 * Return: true if @site or @addr lies in @mod's memory.
 */
bool owned_by_module(const struct module *mod, const struct callsite *site, const void *addr);

/**
 * leftover_symbol() - The bare name of the function at an address, for a report.
 * @buf:  KSYM_NAME_LEN bytes
 * @addr: the function (in the kernel or a module)
 *
 * Context: any context.
 * Return: @buf, holding e.g. "edu_interrupt" (or "0x..." if it has no name).
 */
char *leftover_symbol(char *buf, const void *addr);

#endif
