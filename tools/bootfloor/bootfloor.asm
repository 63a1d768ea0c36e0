; The boot floor for `make bench`: the least a Multiboot kernel can do. The
; loader (QEMU's -kernel) enters it in 32-bit protected mode; it prints the
; line Janus's self-tests start with to COM1 and leaves QEMU through the
; isa-debug-exit device. QEMU's start-up, the firmware and the loader are all
; it costs, so Janus's boot to its first KTAP line, timed the same way in the
; same QEMU, shows what Janus's own initialisation adds.

bits 32

MB_MAGIC equ 0x1BADB002
MB_FLAGS equ 0
COM1     equ 0x3f8
EXIT     equ 0xf4                 ; isa-debug-exit, as tests/run.py configures it

section .text
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

global _start
_start:
	mov esi, line
.next:
	lodsb
	test al, al
	jz .done
	mov ah, al
	mov dx, COM1 + 5              ; line status: wait for an empty transmitter
.busy:
	in al, dx
	test al, 0x20
	jz .busy
	mov al, ah
	mov dx, COM1
	out dx, al
	jmp .next
.done:
	mov al, 0x10                  ; exit status (0x10 << 1) | 1: a pass
	out EXIT, al
.halt:
	hlt
	jmp .halt

line: db "KTAP version 1", 13, 10, 0

section .note.GNU-stack noalloc noexec nowrite progbits
