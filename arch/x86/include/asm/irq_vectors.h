/*
 * The 256 IDT vectors: 0-31 CPU exceptions, then IRQ n at vector 0x20 + n
 * (legacy PIC lines 0-15, later IO-APIC pins, and the IRQs handed out at
 * run time to interrupts without a pin: MSI vectors of PCI devices, lines
 * software raises), the system-call gate, and the system vectors at the
 * top (LAPIC timer, IPIs, spurious). Every other vector is free: arriving on
 * one is counted as spurious.
 */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

#define NR_VECTORS 256
#define FIRST_EXTERNAL_VECTOR 0x20
#define NR_IRQS 72                 /* IRQ n <-> vector 0x20 + n */
#define NR_IRQS_LEGACY 16
#define IRQ_DYNAMIC_BASE 32        /* IRQ 32-71: irq_alloc_desc()/irq_alloc_desc_at() */
#define IRQ_TO_VECTOR(irq) (FIRST_EXTERNAL_VECTOR + (irq))
#define VECTOR_TO_IRQ(v) ((v) - FIRST_EXTERNAL_VECTOR)

#define IA32_SYSCALL_VECTOR 0x80

#define FIRST_SYSTEM_VECTOR 0xec
#define LOCAL_TIMER_VECTOR 0xec
#define REBOOT_VECTOR 0xf8              /* stop: a panic on another CPU */
#define CALL_FUNCTION_VECTOR 0xfc
#define RESCHEDULE_VECTOR 0xfd
#define ERROR_APIC_VECTOR 0xfe
#define SPURIOUS_APIC_VECTOR 0xff

#endif
