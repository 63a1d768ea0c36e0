/*
 * System-call entry with sysenter/sysexit, and the vsyscall page every
 * process gets (include/uapi/asm/vsyscall.h). `int 0x80` goes through the
 * IDT: a gate, a privilege check, five words pushed and later popped by
 * iret. sysenter jumps straight to an address in an MSR with a stack
 * pointer from another MSR, and sysexit straight back: no descriptor loads,
 * no memory frame. The price: the CPU keeps no return address, so user code
 * must enter through code at a place the kernel knows, the vsyscall page,
 * whose `call` the libc makes for every system call. `int 0x80` keeps
 * working for hand-written assembly. (Linux: arch/x86/entry/entry_32.S and
 * the vDSO's __kernel_vsyscall.)
 */
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/vsyscall.h>
#include <linux/errno.h>
#include <asm/mmu_context.h>
#include <linux/string.h>

extern const u8 vsyscall_sysenter[], vsyscall_sysenter_end[];
extern const u8 vsyscall_int80[], vsyscall_int80_end[];

static bool have_sep;

/**
 * vsyscall_uses_sysenter() - whether the vsyscall page enters with sysenter
 *
 * Context: any.
 * Return: true if the CPU has sysenter (and every CPU's MSRs point at
 * entry_SYSENTER_32), false if the page uses `int 0x80`.
 */
bool vsyscall_uses_sysenter(void)
{
	return have_sep;
}

/**
 * syscall_init_cpu() - point this CPU's sysenter MSRs at the kernel
 * @tss: this CPU's TSS
 *
 * sysenter loads cs from SYSENTER_CS (ss is the next GDT entry, and sysexit's
 * user cs and ss the two after: the GDT's order), eip from SYSENTER_EIP and
 * esp from SYSENTER_ESP: the address of this CPU's TSS sp0, which holds the
 * running task's kernel stack top, so the entry's first instruction loads it.
 *
 * Context: boot, on the CPU that owns @tss, interrupts off.
 */
void syscall_init_cpu(struct x86_hw_tss *tss)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & X86_FEATURE_SEP))
		return;
	have_sep = true;
	wrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS);
	wrmsr(MSR_IA32_SYSENTER_ESP, (unsigned long)&tss->sp0);
	wrmsr(MSR_IA32_SYSENTER_EIP, (unsigned long)entry_SYSENTER_32);
}

/**
 * sysenter_set_entry() - point this CPU's sysenter at other code, or back at the kernel's
 * @entry: the code (bare_sysexit: the benchmarks' floor), or 0 for entry_SYSENTER_32
 *
 * Context: interrupts off, on the CPU to change; only for benchmarks, while
 * no other process can enter the kernel on this CPU.
 */
void sysenter_set_entry(unsigned long entry)
{
	if (have_sep)
		wrmsr(MSR_IA32_SYSENTER_EIP, entry ? entry : (unsigned long)entry_SYSENTER_32);
}

/**
 * vsyscall_map() - map the vsyscall page into a new address space
 * @mm: the address space (need not be loaded)
 *
 * Each process gets its own read-only copy of the page's code (so mm_destroy
 * frees it like any other page).
 *
 * Context: process context; may sleep.
 * Return: 0, or -ENOMEM.
 */
int vsyscall_map(struct mm_struct *mm)
{
	const u8 *code = have_sep ? vsyscall_sysenter : vsyscall_int80;
	const u8 *end = have_sep ? vsyscall_sysenter_end : vsyscall_int80_end;
	void *page = mm_map_zeroed_page(mm, VSYSCALL_ADDR, false);

	if (!page)
		return -ENOMEM;
	memcpy(page, code, end - code);
	return 0;
}
