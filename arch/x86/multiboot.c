/*
 * Reading the Multiboot information: the memory map goes to memblock, the
 * command line to boot_command_line, modules are reserved and remembered.
 * Everything is copied: the loader's structures may be reused afterwards.
 */
#include <asm/page.h>
#include <linux/ctype.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <janus/multiboot.h>

#define BOOT_MAPPED (8u << 20) /* boot/boot.asm maps this much */

struct boot_params boot_params;
char boot_command_line[COMMAND_LINE_SIZE];
size_t boot_command_line_full_length;
char boot_command_line_ignored[48];

/* A pointer the loader gave us, checked against what is mapped this early. */
static void *boot_ptr(u32 phys, u32 len, const char *what)
{
	if ((u64)phys + len > BOOT_MAPPED)
		panic("Multiboot %s at 0x%x is beyond the first 8 MiB mapped at boot", what, phys);
	return __va(phys);
}

static void read_memory_map(const struct multiboot_info *mbi)
{
	u32 off = 0;

	while (off + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length) {
		const struct multiboot_mmap_entry *e =
			boot_ptr(mbi->mmap_addr + off, sizeof(*e), "memory map");
		boot_params.mmap_entries++;
		if (e->type == MULTIBOOT_MEMORY_AVAILABLE) {
			boot_params.ram_bytes += e->len;
			if (e->addr < MAXMEM)
				memblock_add(e->addr, min(e->len, (u64)MAXMEM - e->addr));
		}
		off += e->size + sizeof(e->size);
	}
}

/* GRUB and QEMU both put the image's own name first; the parameters follow. */
static void read_command_line(const struct multiboot_info *mbi)
{
	const char *s = boot_ptr(mbi->cmdline, 1, "command line");
	const char *first_end = s;

	while (*first_end && !isspace(*first_end))
		first_end++;
	if (memchr(s, '/', first_end - s) || memchr(s, '.', first_end - s))
		s = first_end;
	s = skip_spaces(s);
	boot_command_line_full_length = strlen(s);
	if (strscpy(boot_command_line, s, COMMAND_LINE_SIZE) < 0) {
		/* Too long: keep only whole parameters, never half of one
		 * ("selftest=kmal"), and remember what was dropped. */
		char *cut = strrchr(boot_command_line, ' ');
		size_t kept = cut ? (size_t)(cut - boot_command_line) : 0;

		boot_command_line[kept] = '\0';
		strscpy(boot_command_line_ignored, skip_spaces(s + kept),
			sizeof(boot_command_line_ignored));
	}
}

static void read_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods =
		boot_ptr(mbi->mods_addr, mbi->mods_count * sizeof(*mods), "module list");

	for (u32 i = 0; i < mbi->mods_count && i < MAX_BOOT_MODULES; i++) {
		boot_params.modules[i].start = mods[i].mod_start;
		boot_params.modules[i].end = mods[i].mod_end;
		if (mods[i].cmdline)
			strscpy(boot_params.modules[i].cmdline,
				boot_ptr(mods[i].cmdline, 1, "module name"),
				sizeof(boot_params.modules[i].cmdline));
		memblock_reserve(mods[i].mod_start, mods[i].mod_end - mods[i].mod_start);
		boot_params.nr_modules++;
	}
}

/**
 * multiboot_setup() - Read what the Multiboot loader handed over: memory map, command line, modules, its name.
 * @magic:    the loader's magic
 * @mbi_phys: the physical address of the Multiboot information
 *
 * The RAM ranges go to memblock; RAM above what Janus maps (no highmem) is
 * reported as unused. Panics if the loader gave no memory information.
 *
 * Context: early boot, before paging_init().
 * Return: the page frame number just above the highest RAM.
 */
unsigned long __init multiboot_setup(u32 magic, u32 mbi_phys)
{
	const struct multiboot_info *mbi = boot_ptr(mbi_phys, sizeof(*mbi), "info");
	phys_addr_t top = 0;

	boot_params.magic = magic;
	boot_params.flags = mbi->flags;
	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP) {
		read_memory_map(mbi);
	} else if (mbi->flags & MULTIBOOT_INFO_MEMORY) {
		memblock_add(0, mbi->mem_lower * 1024u);
		memblock_add(1u << 20, min((u64)mbi->mem_upper * 1024u, (u64)MAXMEM - (1u << 20)));
		boot_params.ram_bytes = (mbi->mem_lower + (u64)mbi->mem_upper) * 1024u;
	} else {
		panic("the boot loader gave no memory information");
	}
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		read_command_line(mbi);
	if (mbi->flags & MULTIBOOT_INFO_MODS)
		read_modules(mbi);
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		strscpy(boot_params.loader, boot_ptr(mbi->boot_loader_name, 1, "loader name"),
			sizeof(boot_params.loader));

	for (unsigned int i = 0; i < memblock.memory.cnt; i++)
		top = max(top, memblock.memory.regions[i].base + memblock.memory.regions[i].size);
	if (boot_params.ram_bytes > MAXMEM)
		pr_notice("Janus uses the first %lu MiB of RAM only (no highmem)\n", MAXMEM >> 20);
	return PFN_DOWN(top);
}
