/*
 * Boot-time hooks. Initcalls run in kmain after the core is up, level by level
 * (early, core, subsys: buses such as PCI are scanned, device, late);
 * module_init() of a built-in driver is a device_initcall.
 * early_param("name", fn) hooks a kernel command-line parameter (kernel/params.c).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>
#include <linux/types.h>

/* Code and data needed only at boot (or, in a module, only by its init):
 * freed once the boot is over (free_initmem(), arch/x86/init.c) or once the
 * module's init function succeeded. Nothing that runs later may call or read
 * them: a call into freed __init code faults. */
#define __init __section(".init.text") __cold
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
/* Code that is not __init but calls into it while the boot runs (kmain,
 * kernel_init): tools/section_check.py lets it, as Linux's __ref. */
#define __ref __section(".ref.text") noinline
#ifdef MODULE
#define __exit __section(".exit.text")
#else
#define __exit
#endif
#define __exitdata

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define __define_initcall(fn, level) \
	static const initcall_t __initcall_##fn __used __section(".initcall." #level) = fn

#define early_initcall(fn) __define_initcall(fn, early)
#define core_initcall(fn) __define_initcall(fn, core)
#define subsys_initcall(fn) __define_initcall(fn, subsys)
#define device_initcall(fn) __define_initcall(fn, device)
#define late_initcall(fn) __define_initcall(fn, late)

void do_initcalls(void);
void free_initmem(void);
/* Whether addr was __init code or data that free_initmem() freed. */
bool in_freed_initmem(unsigned long addr);

/* A kernel command-line parameter (Linux's name for the early_param kind). */
struct obs_kernel_param {
	const char *name;
	/* Parses the value (NULL for a bare flag); 0 or a negative errno to reject it. */
	int (*setup)(char *val);
};

#define early_param(str, fn) \
	static const struct obs_kernel_param __param_##fn __used __section(".kernel_params") \
		__aligned(4) = { str, fn }

/* The command line as the boot loader gave it (after the image name). */
/* The command line as the kernel keeps it (Linux's size on x86); longer ones
 * are cut at the last whole parameter, and the boot says so. */
#define COMMAND_LINE_SIZE 2048
extern char boot_command_line[];
/* What a too-long command line lost: its full length and where the part
 * that was ignored starts (arch/x86/multiboot.c; kmain reports it). */
extern size_t boot_command_line_full_length;
extern char boot_command_line_ignored[48];

#endif
