/*
 * hello: the smallest useful module, with parameters (docs/modules.md walks
 * its whole life). Load it with
 *     insmod /lib/modules/hello.ko who=students count=3 lucky=3,7
 * and it greets `who` `count` times (and names the lucky numbers, an array
 * parameter); rmmod hello says goodbye.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static char *who = "world";
module_param(who, charp, 0644);
MODULE_PARM_DESC(who, "whom to greet");

static int count = 1;
module_param(count, int, 0644);
MODULE_PARM_DESC(count, "how many greetings (0 to 10)");

static int lucky[4];
static unsigned int nr_lucky;
module_param_array(lucky, int, &nr_lucky, 0444);
MODULE_PARM_DESC(lucky, "up to 4 lucky numbers, lucky=3,7");

static int __init hello_init(void)
{
	if (count < 0 || count > 10) {
		pr_err("hello: count=%d is out of range (0 to 10)\n", count);
		return -EINVAL;
	}
	for (int i = 0; i < count; i++)
		pr_info("hello: Hello, %s! (%d of %d)\n", who, i + 1, count);
	for (unsigned int i = 0; i < nr_lucky; i++)
		pr_info("hello: lucky number %d\n", lucky[i]);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello: Goodbye, %s.\n", who);
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The Janus team");
MODULE_DESCRIPTION("Greets someone, a given number of times");
