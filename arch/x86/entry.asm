; Where every interrupt and exception enters the kernel, and how it leaves.
;
;  1. vector_N (256 tiny stubs): push an error code if the CPU did not, push N.
;  2. common_entry, SAVE_ALL: save all registers (struct pt_regs, asm/ptrace.h), make
;     sure of the kernel's segments (%fs = this CPU's per-CPU segment, %ds
;     and %es a flat data segment), and build a fake
;     stack frame so that backtraces run from the handler into the code that
;     was interrupted.
;  3. Exceptions (vectors 0-31) are handled on the current stack: do_exception
;     (traps.c). Interrupts switch to this CPU's hardirq stack, unless already
;     on an interrupt stack (a nested interrupt stays where it is): do_IRQ (irq.c).
;     A system call (int 0x80) stays on the task's kernel stack: do_syscall
;     (syscall.c). sysenter (from the vsyscall page, vsyscall.c) comes in at
;     entry_SYSENTER_32, which builds the frame int 0x80 would have and
;     joins here.
;  4. Back on the interrupted stack: irqentry_exit may switch to another task
;     (preemption, traps.c) and, on the way to user mode, deliver signals;
;     when this task runs again it continues right here, restores everything
;     and irets, or, going back to the vsyscall page's return point, leaves
;     with sysexit.
; docs/interrupts.md walks through it with the C side.

bits 32
%include "asm-offsets.inc"

; Segment registers are loaded only when they must change: a load is a
; descriptor fetch and check, the dearest part of entry and exit under
; emulation. %ds and %es may stay as they are if they hold either flat data
; segment (the kernel's or the user's: the same memory, as Linux runs its
; kernel with the user's); %fs must be the per-CPU segment (its descriptor
; was loaded on this CPU, so the base is this CPU's). Uses eax.
%macro ENTER_DATA_SEGMENT 1
	mov eax, %1
	cmp ax, KERNEL_DS
	je %%done
	cmp ax, USER_DS
	je %%done
	mov eax, KERNEL_DS
	mov %1, eax
%%done:
%endmacro

%macro ENTER_KERNEL_SEGMENTS 0
	ENTER_DATA_SEGMENT ds
	ENTER_DATA_SEGMENT es
	mov eax, fs
	cmp ax, KERNEL_PERCPU
	je %%done
	mov eax, KERNEL_PERCPU
	mov fs, eax
%%done:
%endmacro

; On the way out (esp: the struct pt_regs): reload a segment register only
; if it differs from the saved one. Uses eax and ecx (restored later).
%macro RESTORE_SEGMENT 2 ; segment register, its pt_regs offset
	mov eax, [esp + %2]
	mov ecx, %1
	cmp ax, cx
	je %%same
	mov %1, eax
%%same:
%endmacro

; Below the CPU's frame, the error code and the vector: save every register
; (the rest of struct pt_regs), enter the kernel's segments, point ebx at the
; pt_regs (kept across the calls) and build a fake stack frame on the
; interrupted stack, [ebp] = its ebp and [ebp + 4] = its eip, so that
; backtraces run from the handler into the code that was interrupted.
%macro SAVE_ALL 0
	cld
	push gs
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	ENTER_KERNEL_SEGMENTS
	mov ebx, esp
	push dword [ebx + PT_IP]
	push ebp
	mov ebp, esp
%endmacro

extern do_IRQ, do_exception, do_syscall, irqentry_exit, exit_to_user_mode
extern hardirq_stack_top, softirq_stack_top

section .text.entry

; The stubs. Only these exceptions push an error code themselves.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%assign v 0
%rep 256
vector_%[v]:
%if !HAS_ERROR_CODE(v)
	push dword 0
%endif
	push dword v
	jmp common_entry
%assign v v + 1
%endrep

common_entry:
	SAVE_ALL

	cmp dword [ebx + PT_VECTOR], 32
	jb .exception
	cmp dword [ebx + PT_VECTOR], IA32_SYSCALL_VECTOR
	je .syscall

	; An interrupt. Already on this CPU's hardirq or softirq stack? Then stay.
	; (top - esp) < IRQ_STACK_SIZE, unsigned, means esp is inside that stack.
	mov eax, [fs:hardirq_stack_top]
	sub eax, esp
	cmp eax, IRQ_STACK_SIZE
	jb .on_irq_stack
	mov eax, [fs:softirq_stack_top]
	sub eax, esp
	cmp eax, IRQ_STACK_SIZE
	jb .on_irq_stack
	mov esp, [fs:hardirq_stack_top]
.on_irq_stack:
	push ebx
	call do_IRQ
	jmp common_return

.syscall:
	mov eax, [ebx + PT_AX]          ; the number (eax itself was reused above)
	mov [ebx + PT_ORIG_AX], eax     ; kept, for a restart after a signal
	push ebx
	call do_syscall
	jmp common_return

.exception:
	push ebx
	call do_exception

common_return:
	mov esp, ebp                    ; back on the interrupted stack, at the fake frame
	push ebx
	call irqentry_exit
	add esp, 4
	pop ebp
	add esp, 4
global restore_all
restore_all:                            ; esp: a struct pt_regs to return to
	RESTORE_SEGMENT fs, PT_FS
	RESTORE_SEGMENT ds, PT_DS
	RESTORE_SEGMENT es, PT_ES
	RESTORE_SEGMENT gs, PT_GS
	cmp dword [esp + PT_IP], VSYSCALL_SYSEXIT_RETURN ; a user address: only on a return to user mode
	je sysexit_to_user
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	add esp, 24                     ; ds, es, fs, gs (restored above), vector, error code
	iret

; Back to the vsyscall page's return point, interrupts off, segments
; restored: sysexit takes eip from edx and esp from ecx (the page then pops
; the caller's ecx and edx). sti last: its one-instruction delay lets
; sysexit leave before any interrupt is taken. The user's eflags: if they
; hold nothing but IF and the status flags (CF, PF, AF, ZF, SF, OF: undefined
; after a call, as after any function call), the kernel's flags do (DF, TF,
; AC, NT clear, IOPL 0); otherwise they are restored, without IF, by popfd,
; which is dear under emulation (Linux's sysenter entry tests them too).
sysexit_to_user:
	pop ebx
	add esp, 8                      ; ecx, edx
	pop esi
	pop edi
	pop ebp
	pop eax
	add esp, 24                     ; ds, es, fs, gs, vector, error code
	mov edx, [esp]                  ; eip
	mov ecx, [esp + 12]             ; esp
	test dword [esp + 8], ~X86_EFLAGS_PLAIN
	jnz .restore_flags
	sti
	sysexit
.restore_flags:
	and dword [esp + 8], ~X86_EFLAGS_IF
	push dword [esp + 8]
	popfd
	sti
	sysexit

; sysenter from the vsyscall page: ebp = the user's esp; cs, ss, eip and esp
; come from the MSRs (syscall_init_cpu), esp pointing at this CPU's TSS sp0.
; Interrupts are off (sysenter clears IF). The frame `int 0x80` would push,
; then the same struct pt_regs as common_entry's and do_syscall.
global entry_SYSENTER_32
entry_SYSENTER_32:
	mov esp, [esp]                  ; the task's kernel stack top
	push dword USER_DS              ; ss
	push ebp                        ; esp
	pushfd                          ; eflags, with the IF sysenter cleared
	or dword [esp], X86_EFLAGS_IF
	push dword USER_CS              ; cs
	push dword VSYSCALL_SYSEXIT_RETURN ; eip
	push eax                        ; orig_ax: the number, kept for a restart
	push dword IA32_SYSCALL_VECTOR  ; vector
	SAVE_ALL
	push ebx
	call do_syscall
	jmp common_return

; void enter_user_mode(struct pt_regs *regs): leave the kernel for user mode
; with these registers (regs is task_pt_regs(current): exec of init).
global enter_user_mode
enter_user_mode:
	mov esp, [esp + 4]
	; fall through
; A new task's first way to user mode: esp = its task_pt_regs.
global ret_to_user
ret_to_user:
	mov ebx, esp
	xor ebp, ebp
	push ebx
	call exit_to_user_mode
	add esp, 4
	jmp restore_all

; The cheapest possible interrupt: straight back. Benchmarks measure against it.
global bare_iret
bare_iret:
	iret

; The cheapest possible sysenter: straight back to edx with esp = ecx, the
; caller's own. The floor of a system call through the vsyscall page.
global bare_sysexit
bare_sysexit:
	sti
	sysexit

; The stub addresses, for the IDT (arch/x86/idt.c).
section .rodata
global vector_stubs
vector_stubs:
%assign v 0
%rep 256
	dd vector_%[v]
%assign v v + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
