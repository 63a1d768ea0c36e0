/* The local APIC of each CPU (arch/x86/apic.c) and the IO-APIC (arch/x86/ioapic.c). */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H
#include <linux/percpu.h>
#include <linux/types.h>

/* Is the interrupt system APIC-based (else: the 8259 PIC, one CPU)? */
extern bool apic_in_use;

void lapic_setup_cpu(void);        /* enable this CPU's local APIC */
void lapic_calibrate_timer(void);  /* LAPIC timer ticks per jiffy, against the PIT */
void lapic_timer_start(void);      /* this CPU's periodic tick */
void lapic_timer_stop(void);       /* until lapic_timer_start(): a halt without ticks (tests) */
void apic_eoi(void);
u8 lapic_id(void);
/* Send an IPI: fixed vector, or INIT/STARTUP for bringing a CPU up. */
void apic_send_ipi(u8 apic_id, u8 vector);
void apic_send_ipi_nmi(u8 apic_id);
void apic_send_init(u8 apic_id);
void apic_send_startup(u8 apic_id, u8 page);
/* Errors the APIC reported (ERR row). */
DECLARE_PER_CPU(unsigned int, apic_errors);
unsigned long lapic_timer_ticks_per_jiffy(void);

/* APIC ids, by CPU number. */
extern u8 cpu_to_apic_id[];

void ioapic_init(void);
/* Which IO-APIC pin an IRQ is wired to, and how (for tests and the listing). */
int ioapic_pin_of(unsigned int irq, bool *level, bool *active_low);
/**
 * ioapic_pin_masked() - Whether the IO-APIC pin of ISA IRQ @irq is masked right now.
 * @irq: a routed ISA IRQ
 *
 * Context: any context; does not sleep.
 * Return: true if masked.
 */
bool ioapic_pin_masked(unsigned int irq);
/* Sets ISA line irq up for a PCI device's INTx: level-triggered (arch/x86/pci.c). */
int ioapic_route_pci_irq(unsigned int irq);

/* APIC mode (true) or PIC mode, decided from the MADT and noapic (arch/x86/apic.c). */
bool apic_init(void);
bool lapic_vector_in_service(u8 vector);

#endif
