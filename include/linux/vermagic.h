/*
 * The version magic: which kernel a module was built for. Every module
 * carries it in .modinfo ("vermagic=...", from tools/module/mod.c) and the
 * loader refuses a module whose string differs from the kernel's
 * (kernel/module/modinfo.c): the Janus release, and every build option that
 * changes the layout of what a module shares with the kernel (NR_CPUS sizes
 * per-CPU arrays, HZ is compiled into jiffies arithmetic).
 */
#ifndef _LINUX_VERMAGIC_H
#define _LINUX_VERMAGIC_H
#include <linux/compiler.h>
#include <linux/utsrelease.h>

#define VERMAGIC_STRING                                                                 \
	UTS_RELEASE " SMP preempt mod_unload 686 HZ=" __stringify(CONFIG_HZ)            \
	" NR_CPUS=" __stringify(CONFIG_NR_CPUS) " IRQ_STACK_SIZE=" __stringify(CONFIG_IRQ_STACK_SIZE)

#endif
