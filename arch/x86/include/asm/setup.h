/* The boot CPU's architecture setup, called once from kmain (arch/x86/setup.c). */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H
#include <linux/types.h>
void setup_arch(u32 magic, u32 mbi_phys);
#endif
