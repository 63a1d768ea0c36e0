/*
 * relocs: what the module loader patches, checked by the module itself. A
 * module is linked at address 0; the loader moves it into vmalloc space and
 * fixes every place that names an address (arch/x86/module.c):
 *
 *   R_386_32     a pointer stored in data:        fn_ptr, greeting below
 *   R_386_PC32   a call gcc writes:               strlen(greeting)
 *   R_386_PLT32  a call written `call f@PLT`, as assembly (and newer gcc)
 *                writes it: into the kernel, and from init text to text
 *
 * Its init returns -EINVAL unless every one of them came out right, so a
 * successful insmod relocs.ko is the proof.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

static noinline __used int answer(void)
{
	return 42;
}

static int (*volatile fn_ptr)(void) = answer; /* R_386_32, in .data */
static const char *volatile greeting = "relocs"; /* R_386_32 */

/* R_386_PLT32 into the kernel: strlen(s) through "the PLT". */
static noinline size_t strlen_via_plt(const char *s)
{
	size_t len;

	__asm__ __volatile__("pushl %1\n\tcall strlen@PLT\n\taddl $4, %%esp"
			     : "=a"(len) : "r"(s) : "ecx", "edx", "memory");
	return len;
}

static int __init relocs_init(void)
{
	int from_init;

	/* R_386_PLT32 from .init.text to .text. */
	__asm__ __volatile__("call answer@PLT" : "=a"(from_init) : : "ecx", "edx", "memory");
	if (fn_ptr() != 42 || from_init != 42 || strlen(greeting) != 6 ||
	    strlen_via_plt(greeting) != 6) {
		pr_err("relocs: a relocation came out wrong\n");
		return -EINVAL;
	}
	pr_info("relocs: R_386_32, R_386_PC32 and R_386_PLT32 all patched right\n");
	return 0;
}

static void __exit relocs_exit(void)
{
}

module_init(relocs_init);
module_exit(relocs_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Checks the relocations the module loader applies");
