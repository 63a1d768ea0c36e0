; Where a secondary CPU (AP) starts. The boot CPU copies the bytes from
; trampoline_start to trampoline_end to TRAMPOLINE_PHYS, fills in the
; parameters at the end, and sends the AP a STARTUP IPI with that page: the
; AP begins in 16-bit real mode at CS:IP = (TRAMPOLINE_PHYS >> 4):0.
; It loads a flat GDT, enters protected mode, turns paging on with the
; kernel's page directory (the boot CPU has mapped this page at its physical
; address too, for the instruction after the switch), takes its idle task's
; stack and jumps to secondary_startup in the higher half.
; See docs/apic-smp.md and arch/x86/smpboot.c.

%include "asm-offsets.inc"

; Where a label of the blob ends up once copied.
%define TR(label) (TRAMPOLINE_PHYS + (label) - trampoline_start)

section .rodata
global trampoline_start, trampoline_end, trampoline_params
align 16
bits 16
trampoline_start:
	cli
	cld
	mov ax, cs
	mov ds, ax
	o32 lgdt [tr_gdt_desc - trampoline_start]
	mov eax, cr0
	or eax, X86_CR0_PE
	mov cr0, eax
	jmp dword 0x08:TR(.protected_mode)

bits 32
.protected_mode:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov eax, cr4
	or eax, X86_CR4_PSE
	mov cr4, eax
	mov eax, [TR(tr_cr3)]
	mov cr3, eax
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	mov esp, [TR(tr_stack)]
	mov eax, [TR(tr_cpu)]
	mov ebx, secondary_startup  ; absolute: this code runs away from where it was linked
	jmp ebx

align 8
tr_gdt:
	dq 0
	dq 0x00CF9A000000FFFF       ; 0x08: ring-0 code, base 0, 4 GiB
	dq 0x00CF92000000FFFF       ; 0x10: ring-0 data, base 0, 4 GiB
tr_gdt_desc:
	dw tr_gdt_desc - tr_gdt - 1
	dd TR(tr_gdt)

; struct trampoline_params in smpboot.c
align 4
trampoline_params:
tr_cr3:   dd 0                  ; physical address of swapper_pg_dir
tr_stack: dd 0                  ; top of the idle task's stack
tr_cpu:   dd 0                  ; the CPU number
trampoline_end:

section .text
extern start_secondary
secondary_startup:
	xor ebp, ebp                ; the end of every backtrace
	push eax
	call start_secondary        ; never returns
.hang:
	cli
	hlt
	jmp .hang

section .note.GNU-stack noalloc noexec nowrite progbits
