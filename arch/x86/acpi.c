/*
 * ACPI, only as far as interrupts and CPUs need: find the RSDP (in the EBDA
 * or the BIOS area), follow the RSDT or XSDT to the MADT ("APIC" table), check
 * every checksum, and read the local APIC ids of the processors, the IO-APICs
 * and the interrupt source overrides (on QEMU: ISA IRQ 0 is wired to GSI 2).
 * Anything missing or corrupt: a warning, and Janus stays on the 8259 and one CPU.
 */
#include <asm/acpi.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

struct acpi_madt_info acpi_madt;

struct rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;
	char oem_id[6];
	u8 revision;
	u32 rsdt;
	u32 length; /* ACPI 2.0+ */
	u64 xsdt;
	u8 ext_checksum;
	u8 reserved[3];
} __packed;

struct sdt_header {
	char signature[4];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision, creator_id, creator_revision;
} __packed;

struct madt {
	struct sdt_header h;
	u32 lapic_addr;
	u32 flags; /* bit 0: PC-AT compatible 8259s present */
} __packed;

enum { MADT_LAPIC = 0, MADT_IOAPIC = 1, MADT_OVERRIDE = 2, MADT_LAPIC_ADDR = 5 };

static bool checksum_ok(const void *p, size_t len)
{
	u8 sum = 0;
	for (size_t i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

/* A table at a physical address: direct-mapped lowmem, or ioremapped. */
static const void *map_table(phys_addr_t phys, size_t len)
{
	if (phys + len <= __pa(high_memory))
		return __va(phys);
	return (const void __force *)ioremap(phys, len);
}

static const struct rsdp *__init scan(phys_addr_t start, size_t len)
{
	for (phys_addr_t p = start; p + sizeof(struct rsdp) <= start + len; p += 16) {
		const struct rsdp *r = __va(p);
		if (!memcmp(r->signature, "RSD PTR ", 8) && checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

static const struct rsdp *__init find_rsdp(void)
{
	phys_addr_t ebda = (phys_addr_t)*(u16 *)__va(0x40e) << 4;
	const struct rsdp *r = NULL;

	if (ebda >= 0x80000 && ebda < 0xa0000)
		r = scan(ebda, 1024);
	return r ?: scan(0xe0000, 0x20000);
}

/* A checked table by physical address, or NULL. */
static const struct sdt_header *__init get_table(phys_addr_t phys)
{
	const struct sdt_header *h = map_table(phys, sizeof(*h));

	if (!h)
		return NULL;
	h = map_table(phys, h->length);
	if (!h || !checksum_ok(h, h->length)) {
		pr_warn("ACPI: table at %#lx has a bad checksum\n", phys);
		return NULL;
	}
	return h;
}

static const struct sdt_header *__init find_madt(const struct rsdp *r)
{
	bool xsdt = r->revision >= 2 && r->xsdt && r->xsdt < 0x100000000ull &&
		    checksum_ok(r, r->length);
	const struct sdt_header *root = get_table(xsdt ? (phys_addr_t)r->xsdt : r->rsdt);
	unsigned int entry = xsdt ? 8 : 4;

	if (!root)
		return NULL;
	for (u32 off = sizeof(*root); off + entry <= root->length; off += entry) {
		const u8 *p = (const u8 *)root + off;
		u64 phys = xsdt ? *(const u64 *)p : *(const u32 *)p;
		const struct sdt_header *t;

		if (phys >= 0x100000000ull)
			continue;
		t = get_table(phys);
		if (t && !memcmp(t->signature, "APIC", 4))
			return t;
	}
	return NULL;
}

/* The entries: type, length, then the fields. A length that would run past
 * the table, or is too short to hold its fields, ends the walk. */
static void parse_madt(const struct madt *m, struct acpi_madt_info *info)
{
	static const u8 min_len[] = { [MADT_LAPIC] = 8, [MADT_IOAPIC] = 12, [MADT_OVERRIDE] = 10,
				      [MADT_LAPIC_ADDR] = 12 };
	const u8 *p = (const u8 *)(m + 1), *end = (const u8 *)m + m->h.length;

	info->lapic_base = m->lapic_addr;
	info->pcat_compat = m->flags & 1;
	for (; p + 2 <= end && p[1] >= 2 && p + p[1] <= end; p += p[1]) {
		if (p[0] < ARRAY_SIZE(min_len) && p[1] < min_len[p[0]])
			break;
		switch (p[0]) {
		case MADT_LAPIC: /* processor id, APIC id, flags (bit 0: enabled) */
			if (!(*(const u32 *)(p + 4) & 1))
				break;
			if (info->nr_cpus < NR_CPUS)
				info->apic_ids[info->nr_cpus++] = p[3];
			else
				info->cpus_ignored++;
			break;
		case MADT_IOAPIC:
			if (info->nr_ioapics < MAX_IOAPICS) {
				typeof(info->ioapics[0]) *io = &info->ioapics[info->nr_ioapics++];
				io->id = p[2];
				io->addr = *(const u32 *)(p + 4);
				io->gsi_base = *(const u32 *)(p + 8);
			}
			break;
		case MADT_OVERRIDE:
			if (info->nr_overrides < MAX_OVERRIDES) {
				struct acpi_override *o = &info->overrides[info->nr_overrides++];
				o->source_irq = p[3];
				o->gsi = *(const u32 *)(p + 4);
				o->flags = *(const u16 *)(p + 8);
			}
			break;
		case MADT_LAPIC_ADDR:
			info->lapic_base = (phys_addr_t)*(const u64 *)(p + 4);
			break;
		}
	}
}

/**
 * acpi_parse_madt() - Read the CPUs, IO-APICs and ISA overrides out of an ACPI MADT.
 * @table: the MADT, mapped
 * @info:  where the results go (zeroed first)
 *
 * @info->valid is set only if the table lists at least one CPU and one
 * IO-APIC.
 *
 * Context: any context; does not sleep.
 * Return: false if @table is not a MADT with a good checksum, true otherwise.
 */
bool acpi_parse_madt(const void *table, struct acpi_madt_info *info)
{
	const struct madt *m = table;

	memset(info, 0, sizeof(*info));
	if (memcmp(m->h.signature, "APIC", 4) || m->h.length < sizeof(*m) ||
	    !checksum_ok(m, m->h.length))
		return false;
	parse_madt(m, info);
	info->valid = info->nr_cpus && info->nr_ioapics;
	return true;
}

/**
 * acpi_init() - Find the RSDP and the MADT and fill acpi_madt.
 *
 * Without them the kernel stays on the 8259 PIC with one
 * CPU, and says why.
 *
 * Context: early boot, on the boot CPU.
 */
void __init acpi_init(void)
{
	const struct rsdp *r = find_rsdp();
	const struct sdt_header *madt;

	if (!r) {
		pr_warn("ACPI: no RSDP found: staying on the 8259 PIC, one CPU\n");
		return;
	}
	madt = find_madt(r);
	if (!madt || !acpi_parse_madt(madt, &acpi_madt)) {
		pr_warn("ACPI: no valid MADT: staying on the 8259 PIC, one CPU\n");
		return;
	}
	memcpy(acpi_madt.oem_id, r->oem_id, 6);
	acpi_madt.acpi_revision = r->revision;
	if (acpi_madt.cpus_ignored)
		pr_warn("ACPI: %u more CPUs than NR_CPUS=%d are left out\n", acpi_madt.cpus_ignored,
			NR_CPUS);
	if (!acpi_madt.valid) {
		pr_warn("ACPI: the MADT lists %u CPUs and %u IO-APICs: staying on the 8259 PIC\n",
			acpi_madt.nr_cpus, acpi_madt.nr_ioapics);
		return;
	}
	pr_info("ACPI: %s rev %u; MADT: %u CPUs, IO-APIC at %#lx (GSI %u), %u overrides\n",
		acpi_madt.oem_id, acpi_madt.acpi_revision, acpi_madt.nr_cpus,
		acpi_madt.ioapics[0].addr, acpi_madt.ioapics[0].gsi_base, acpi_madt.nr_overrides);
}

/**
 * acpi_isa_override() - The MADT's interrupt source override for ISA IRQ @irq.
 * @irq: the ISA IRQ
 *
 * Context: any context; does not sleep.
 * Return: the override (its GSI and trigger flags), or NULL if @irq is identity-mapped.
 */
const struct acpi_override *acpi_isa_override(unsigned int irq)
{
	for (unsigned int i = 0; i < acpi_madt.nr_overrides; i++)
		if (acpi_madt.overrides[i].source_irq == irq)
			return &acpi_madt.overrides[i];
	return NULL;
}
