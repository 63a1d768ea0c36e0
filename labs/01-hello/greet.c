/*
 * Lab 1: greet, a module with parameters (README.md says what to do).
 *
 * Build it:   make -C ../.. M=$PWD        (greet.ko, here)
 * Grade it:   make -C ../.. grade LAB=01
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>

/*
 * TODO 1: two parameters, each with a MODULE_PARM_DESC for modinfo:
 *   who    a string (charp), whom to greet, "world" unless insmod says
 *          otherwise (insmod greet who=students)
 *   times  an int, how many greetings, 1 unless insmod says otherwise
 */

static int __init greet_init(void)
{
	/*
	 * TODO 2: refuse times outside 1..10: say why with pr_err() and return
	 * -EINVAL (insmod then fails, and nothing stays loaded).
	 *
	 * TODO 3: greet `times` times, numbering the greetings:
	 *   greet: Hello, students! (1 of 3)
	 */
	pr_info("greet: Hello, world! (1 of 1)\n");
	return 0;
}

static void __exit greet_exit(void)
{
	/* TODO 4: say goodbye to whoever was greeted: "greet: Goodbye, students." */
}

module_init(greet_init);
module_exit(greet_exit);
MODULE_LICENSE("GPL");
/* TODO 5: a MODULE_DESCRIPTION, for modinfo. */
