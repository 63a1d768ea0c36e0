; The instructions an entry path is made of, ten of each per call, for the
; `make bench` figures of tests/kernel/bench_insn.c: what each costs under
; the emulator, next to a nop. Under plain TCG most instructions are a few
; host instructions of translated code; some are calls into the emulator
; (flags, segment loads, the TSC, atomics), and some end the translated
; block and go back to QEMU's main loop (sti, popf, a load of ds), which is
; where a system call's or an interrupt's time goes beyond its instruction
; count. Each function preserves every register the C caller relies on.
bits 32

section .text

%macro PROBE 1 ; insn_probe_NAME: ten of the instruction, then ret
global insn_probe_%1
insn_probe_%1:
%endmacro

PROBE nop
%rep 10
	nop
%endrep
	ret

PROBE add_mem                   ; a read-modify-write of memory (the stack)
	push eax
%rep 10
	add dword [esp], 1
%endrep
	pop eax
	ret

PROBE pushf                     ; reading eflags: the emulator computes the flags
%rep 10
	pushfd
	add esp, 4
%endrep
	ret

PROBE popf                      ; writing eflags: ends the translated block
	pushfd
%rep 10
	popfd
	sub esp, 4
%endrep
	add esp, 4
	ret

PROBE sti                       ; interrupts already on: only the cost of sti itself
%rep 10
	sti
%endrep
	ret

PROBE mov_fs                    ; the per-CPU segment again: a descriptor load and check
	push eax
	mov eax, fs
%rep 10
	mov fs, eax
%endrep
	pop eax
	ret

PROBE mov_ds                    ; a data segment again: a descriptor load, and ends the block
	push eax
	mov eax, ds
%rep 10
	mov ds, eax
%endrep
	pop eax
	ret

PROBE mov_gs_null               ; a null selector: no descriptor to read
	push eax
	push gs
	xor eax, eax
%rep 10
	mov gs, eax
%endrep
	pop gs
	pop eax
	ret

PROBE rdtsc                     ; the TSC: a call into the emulator
	push eax
	push edx
%rep 10
	rdtsc
%endrep
	pop edx
	pop eax
	ret

PROBE lock_cmpxchg              ; an atomic compare-and-exchange (every spinlock has one)
	push eax
	push ecx
	push 0
	xor eax, eax
	xor ecx, ecx
%rep 10
	lock cmpxchg [esp], ecx
%endrep
	add esp, 4
	pop ecx
	pop eax
	ret

PROBE jcc                       ; a conditional jump, taken: ends the translated block
	push eax
	xor eax, eax                    ; ZF set: every jz below is taken
%assign i 0
%rep 10
	jz .next%[i]
.next%[i]:
%assign i i + 1
%endrep
	pop eax
	ret

PROBE call                      ; a direct call and its return
%rep 10
	call .empty
%endrep
	ret
.empty:
	ret

PROBE call_indirect             ; a call through a pointer (a chip's or a handler's)
	push eax
	mov eax, .empty
%rep 10
	call eax
%endrep
	pop eax
	ret
.empty:
	ret

section .note.GNU-stack noalloc noexec nowrite progbits
