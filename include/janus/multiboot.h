/* The Multiboot v1 boot information, as GRUB and QEMU -kernel hand it over. */
#ifndef _JANUS_MULTIBOOT_H
#define _JANUS_MULTIBOOT_H
#include <linux/types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002

#define MULTIBOOT_INFO_MEMORY (1u << 0)
#define MULTIBOOT_INFO_CMDLINE (1u << 2)
#define MULTIBOOT_INFO_MODS (1u << 3)
#define MULTIBOOT_INFO_MEM_MAP (1u << 6)
#define MULTIBOOT_INFO_BOOT_LOADER_NAME (1u << 9)

#define MULTIBOOT_MEMORY_AVAILABLE 1

struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper; /* KiB below 1 MiB, KiB above 1 MiB */
	u32 boot_device;
	u32 cmdline;
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
} __attribute__((packed));

struct multiboot_mmap_entry {
	u32 size; /* of the rest of the entry */
	u64 addr, len;
	u32 type;
} __attribute__((packed));

struct multiboot_module {
	u32 mod_start, mod_end, cmdline, reserved;
};

#define MAX_BOOT_MODULES 8

/* What Janus keeps from the boot information (arch/x86/multiboot.c). */
struct boot_params {
	u32 magic;
	u32 flags;
	u32 mmap_entries;
	u64 ram_bytes; /* all usable RAM the loader reported */
	char loader[48];
	unsigned int nr_modules;
	struct {
		phys_addr_t start, end;
		char cmdline[64];
	} modules[MAX_BOOT_MODULES];
};

extern struct boot_params boot_params;

/* Records memory, command line and modules; returns the highest usable page frame. */
unsigned long multiboot_setup(u32 magic, u32 mbi_phys);

#endif
