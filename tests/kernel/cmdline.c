/* KTAP suite `cmdline`: kernel/params.c splits, matches and validates parameters. */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <janus/params.h>

static int seen_flag, seen_number = -1;
static char seen_text[32];

static int flag_setup(char *val)
{
	if (val)
		return -EINVAL;
	seen_flag++;
	return 0;
}

static int number_setup(char *val)
{
	int n;

	if (!val || kstrtoint(val, 0, &n) || n < 0 || n > 100)
		return -EINVAL;
	seen_number = n;
	return 0;
}

static int text_setup(char *val)
{
	if (!val)
		return -EINVAL;
	strscpy(seen_text, val, sizeof(seen_text));
	return 0;
}

static const struct obs_kernel_param test_params[] = {
	{ "flag", flag_setup },
	{ "number", number_setup },
	{ "text", text_setup },
};

static int reset(struct kunit *test)
{
	(void)test;
	seen_flag = 0;
	seen_number = -1;
	seen_text[0] = '\0';
	return 0;
}

static struct param_result parse(const char *cmdline)
{
	static char buf[128];
	struct param_result res;

	strscpy(buf, cmdline, sizeof(buf));
	parse_args(buf, test_params, ARRAY_SIZE(test_params), &res);
	return res;
}

static void flags_and_values_reach_their_handlers(struct kunit *test)
{
	struct param_result res = parse("flag number=42 text=hello");

	KUNIT_EXPECT_EQ(test, res.unknown + res.invalid, 0u);
	KUNIT_EXPECT_EQ(test, seen_flag, 1);
	KUNIT_EXPECT_EQ(test, seen_number, 42);
	KUNIT_EXPECT_STREQ(test, seen_text, "hello");
}

static void quoted_values_keep_their_spaces(struct kunit *test)
{
	struct param_result res = parse("text=\"two words\" number=0x10");

	KUNIT_EXPECT_EQ(test, res.invalid, 0u);
	KUNIT_EXPECT_STREQ(test, seen_text, "two words");
	KUNIT_EXPECT_EQ(test, seen_number, 16);
}

static void unknown_parameters_are_counted_and_ignored(struct kunit *test)
{
	struct param_result res = parse("bogus=1 flag nosuchflag");

	KUNIT_EXPECT_EQ(test, res.unknown, 2u);
	KUNIT_EXPECT_EQ(test, res.invalid, 0u);
	KUNIT_EXPECT_EQ(test, seen_flag, 1);
}

static void bad_values_keep_the_default(struct kunit *test)
{
	struct param_result res = parse("number=abc number=1000 number= flag=yes");

	KUNIT_EXPECT_EQ(test, res.invalid, 4u);
	KUNIT_EXPECT_EQ(test, seen_number, -1);
	KUNIT_EXPECT_EQ(test, seen_flag, 0);
}

static void the_last_value_wins_and_spaces_do_not_matter(struct kunit *test)
{
	struct param_result res = parse("   number=1    number=2   ");

	KUNIT_EXPECT_EQ(test, res.unknown + res.invalid, 0u);
	KUNIT_EXPECT_EQ(test, seen_number, 2);
	res = parse("");
	KUNIT_EXPECT_EQ(test, res.unknown + res.invalid, 0u);
}

extern const struct obs_kernel_param __start_kernel_params[], __stop_kernel_params[];

static void loglevel_rejects_bad_values_and_accepts_good_ones(struct kunit *test)
{
	static char buf[64];
	int saved = console_loglevel;
	struct param_result res;

	strscpy(buf, "loglevel=abc loglevel=99", sizeof(buf));
	parse_args(buf, __start_kernel_params, __stop_kernel_params - __start_kernel_params, &res);
	KUNIT_EXPECT_EQ(test, res.invalid, 2u);
	KUNIT_EXPECT_EQ(test, console_loglevel, saved);

	strscpy(buf, "loglevel=5", sizeof(buf));
	parse_args(buf, __start_kernel_params, __stop_kernel_params - __start_kernel_params, &res);
	KUNIT_EXPECT_EQ(test, res.invalid, 0u);
	KUNIT_EXPECT_EQ(test, console_loglevel, 5);
	console_loglevel = saved;
}

static void boot_command_line_has_no_image_name(struct kunit *test)
{
	/* Both GRUB and QEMU put the kernel's file name first; Janus drops it. */
	KUNIT_EXPECT_NULL(test, strstr(boot_command_line, "janus.elf"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(boot_command_line, "selftest"));
}

static struct kunit_case cmdline_cases[] = {
	KUNIT_CASE(flags_and_values_reach_their_handlers),
	KUNIT_CASE(quoted_values_keep_their_spaces),
	KUNIT_CASE(unknown_parameters_are_counted_and_ignored),
	KUNIT_CASE(bad_values_keep_the_default),
	KUNIT_CASE(the_last_value_wins_and_spaces_do_not_matter),
	KUNIT_CASE(loglevel_rejects_bad_values_and_accepts_good_ones),
	KUNIT_CASE(boot_command_line_has_no_image_name),
	{}
};

static struct kunit_suite cmdline_suite = {
	.name = "cmdline",
	.init = reset,
	.test_cases = cmdline_cases,
};
kunit_test_suite(cmdline_suite);
