/*
 * misbehave WHAT: does one thing a user process may not do, and should be
 * killed for it (the kernel's `user_isolation` suite runs it, once per WHAT,
 * and checks that only this process died). Exits 0 if it survived, which
 * is the failure.
 */
#include <stdio.h>
#include <string.h>

#define KERNEL_TEXT 0xc0100000ul

static void read_kernel(void) { printf("%d\n", *(volatile int *)KERNEL_TEXT); }
static void write_kernel(void) { *(volatile int *)KERNEL_TEXT = 0; }
static void null_pointer(void) { *(volatile int *)0 = 1; }
static void jump_to_kernel(void) { ((void (*)(void))KERNEL_TEXT)(); }
static void write_own_code(void) { *(volatile char *)read_kernel = 0; }
static void cli(void) { __asm__ __volatile__("cli"); }
static void hlt(void) { __asm__ __volatile__("hlt"); }
static void in(void) { unsigned char v; __asm__ __volatile__("inb $0x60, %0" : "=a"(v)); }
static void out(void) { __asm__ __volatile__("outb %0, $0x80" : : "a"((unsigned char)0)); }

static void lgdt(void)
{
	struct __attribute__((packed)) { unsigned short limit; unsigned int base; } gdt = { 0, 0 };

	__asm__ __volatile__("lgdt %0" : : "m"(gdt));
}

/* In assembly: gcc would turn a C 1 / x into compares, without a division. */
static void divide_by_zero(void)
{
	__asm__ __volatile__("xorl %%edx, %%edx\n\tdivl %%ecx" : : "a"(1), "c"(0) : "edx");
}

static void invalid_opcode(void) { __asm__ __volatile__("ud2"); }

static const struct {
	const char *name;
	void (*run)(void);
} acts[] = {
	{ "read-kernel", read_kernel },	{ "write-kernel", write_kernel },
	{ "null", null_pointer },	{ "jump-kernel", jump_to_kernel },
	{ "write-code", write_own_code }, { "cli", cli },
	{ "hlt", hlt },			{ "in", in },
	{ "out", out },			{ "lgdt", lgdt },
	{ "divide", divide_by_zero },	{ "ud2", invalid_opcode },
};

int main(int argc, char **argv)
{
	for (unsigned int i = 0; argc > 1 && i < sizeof(acts) / sizeof(acts[0]); i++) {
		if (!strcmp(argv[1], acts[i].name)) {
			acts[i].run();
			return 0; /* survived: the kernel let it */
		}
	}
	printf("    # misbehave: what?\n");
	return 2;
}
