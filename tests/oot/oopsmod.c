/*
 * oopsmod: an out-of-tree module that oopses on purpose (configuration
 * modules-oops). The Makefile builds it the way a student's module is built,
 * make -C <janus> M=DIR, so it is tainted O. Its init writes through a NULL
 * pointer in process context (insmod's system call): the oops says
 * "Modules linked in: oopsmod(O)" and names the place, "EIP:
 * oops_init+0x.../0x... [oopsmod]"; insmod is killed, the kernel goes on.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

static int __init oops_init(void)
{
	pr_info("oopsmod: writing through a NULL pointer\n");
	*(volatile int *)0 = 1;
	return 0;
}

static void __exit oops_exit(void)
{
}

module_init(oops_init);
module_exit(oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Oopses in its init, to show an oops naming an out-of-tree module");
