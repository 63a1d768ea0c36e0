/*
 * Linked into every module (Linux's modpost writes this as NAME.mod.c): the
 * module's struct module, __this_module, which the loader takes as the
 * module's own (THIS_MODULE points at it), and the version magic that says
 * which kernel it was built for. Compiled once per module with
 * -DKBUILD_MODNAME='"NAME"' (and -DJANUS_INTREE for modules/).
 */
#include <linux/module.h>
#include <linux/vermagic.h>

/* The module's module_init/module_exit functions, if it has them (weak: an
 * undefined weak symbol is NULL to the loader). */
extern int init_module(void) __attribute__((weak));
extern void cleanup_module(void) __attribute__((weak));

struct module __this_module __section(".gnu.linkonce.this_module") = {
	.name = KBUILD_MODNAME,
	.init = init_module,
	.exit = cleanup_module,
};

MODULE_INFO(vermagic, VERMAGIC_STRING);
MODULE_INFO(name, KBUILD_MODNAME);
#ifdef JANUS_INTREE
MODULE_INFO(intree, "Y");
#endif
