/* The vsyscall page and the sysenter entry (arch/x86/vsyscall.c, vsyscall_page.asm). */
#ifndef _ASM_VSYSCALL_H
#define _ASM_VSYSCALL_H
#include <linux/types.h>
#include <uapi/asm/vsyscall.h>

#define MSR_IA32_SYSENTER_CS 0x174
#define MSR_IA32_SYSENTER_ESP 0x175
#define MSR_IA32_SYSENTER_EIP 0x176
#define X86_FEATURE_SEP (1u << 11) /* cpuid(1).edx: sysenter/sysexit */

/* Where sysexit returns in the page (vsyscall_page.asm checks the layout): after
 * the `sysenter` and the `int 0x80` behind it, which a restarted call
 * (ip -= 2, arch/x86/signal.c) goes back through. */
#define VSYSCALL_SYSEXIT_OFFSET 9
#define VSYSCALL_SYSEXIT_RETURN (VSYSCALL_ADDR + VSYSCALL_SYSEXIT_OFFSET)

struct mm_struct;
struct x86_hw_tss;

void syscall_init_cpu(struct x86_hw_tss *tss);
int vsyscall_map(struct mm_struct *mm);
bool vsyscall_uses_sysenter(void);
void sysenter_set_entry(unsigned long entry);
void entry_SYSENTER_32(void);
/* sti; sysexit: the floor of a system call through sysenter (entry.asm). */
void bare_sysexit(void);

#endif
