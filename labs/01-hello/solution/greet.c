/*
 * Lab 1, a reference solution: greet, a module with parameters.
 *
 *   insmod greet who=students times=3     greets three times
 *   rmmod greet                           says goodbye
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>

static char *who = "world";
module_param(who, charp, 0444);
MODULE_PARM_DESC(who, "whom to greet");

static int times = 1;
module_param(times, int, 0444);
MODULE_PARM_DESC(times, "how many greetings (1 to 10)");

static int __init greet_init(void)
{
	if (times < 1 || times > 10) {
		pr_err("greet: times=%d: give 1 to 10\n", times);
		return -EINVAL;
	}
	for (int i = 1; i <= times; i++)
		pr_info("greet: Hello, %s! (%d of %d)\n", who, i, times);
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: Goodbye, %s.\n", who);
}

module_init(greet_init);
module_exit(greet_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Greets someone, a given number of times");
