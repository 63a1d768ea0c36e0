/* What Janus takes from the ACPI tables (arch/x86/acpi.c): the MADT's CPUs and interrupt routing. */
#ifndef _ASM_ACPI_H
#define _ASM_ACPI_H
#include <linux/threads.h>
#include <linux/types.h>

#define MAX_IOAPICS 2
#define MAX_OVERRIDES 16

/* MPS INTI flags of an interrupt source override */
#define ACPI_POLARITY_MASK 0x3
#define ACPI_POLARITY_ACTIVE_LOW 0x3
#define ACPI_TRIGGER_MASK 0xc
#define ACPI_TRIGGER_LEVEL 0xc

struct acpi_override {
	u8 source_irq; /* ISA IRQ */
	u32 gsi;       /* the IO-APIC input it is wired to */
	u16 flags;     /* polarity and trigger */
};

struct acpi_madt_info {
	bool valid;
	phys_addr_t lapic_base;
	bool pcat_compat; /* a pair of 8259s is there too */
	unsigned int nr_cpus;
	u8 apic_ids[NR_CPUS]; /* enabled processors, in MADT order */
	unsigned int cpus_ignored; /* enabled ones beyond NR_CPUS */
	unsigned int nr_ioapics;
	struct {
		u8 id;
		phys_addr_t addr;
		u32 gsi_base;
	} ioapics[MAX_IOAPICS];
	unsigned int nr_overrides;
	struct acpi_override overrides[MAX_OVERRIDES];
	char oem_id[7];
	u8 acpi_revision;
};

extern struct acpi_madt_info acpi_madt;

/* Finds and checks RSDP, RSDT/XSDT and MADT; on any problem warns and leaves acpi_madt.valid false. */
void acpi_init(void);
/* Checks a MADT (signature, length, checksum) and reads it into info; false
 * if it is not one. info->valid: it lists a CPU and an IO-APIC. */
bool acpi_parse_madt(const void *table, struct acpi_madt_info *info);
/* The override for an ISA IRQ, or NULL if it is identity-mapped with ISA defaults. */
const struct acpi_override *acpi_isa_override(unsigned int irq);

#endif
