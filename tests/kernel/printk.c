/* KTAP suite `printk`: every format, width and padding case of vsnprintf, and the log ring. */
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/kallsyms.h>
#include <linux/preempt.h>
#include <linux/sprintf.h>
#include <janus/log.h>

void kmain(u32 magic, u32 mbi_phys);

/* Formats into a fresh buffer and compares with the expected text. */
#define EXPECT_FMT(test, want, fmt, ...)                                   \
	do {                                                               \
		char __buf[96];                                            \
		int __n = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__); \
		KUNIT_EXPECT_STREQ(test, __buf, want);                     \
		KUNIT_EXPECT_EQ(test, __n, (int)strlen(want));             \
	} while (0)

static void signed_decimal(struct kunit *test)
{
	EXPECT_FMT(test, "0", "%d", 0);
	EXPECT_FMT(test, "-17", "%d", -17);
	EXPECT_FMT(test, "42", "%i", 42);
	EXPECT_FMT(test, "-2147483648", "%d", INT_MIN);
	EXPECT_FMT(test, "2147483647", "%d", INT_MAX);
}

static void unsigned_decimal_and_hex(struct kunit *test)
{
	EXPECT_FMT(test, "4294967295", "%u", 0xffffffffu);
	EXPECT_FMT(test, "deadbeef", "%x", 0xdeadbeefu);
	EXPECT_FMT(test, "DEADBEEF", "%X", 0xdeadbeefu);
	EXPECT_FMT(test, "0", "%x", 0);
	EXPECT_FMT(test, "0x1f", "%#x", 31);
	EXPECT_FMT(test, "17", "%o", 15);
}

static void width_zero_pad_and_left_justify(struct kunit *test)
{
	EXPECT_FMT(test, "   42", "%5d", 42);
	EXPECT_FMT(test, "00042", "%05d", 42);
	EXPECT_FMT(test, "42   |", "%-5d|", 42);
	EXPECT_FMT(test, "-0042", "%05d", -42);
	EXPECT_FMT(test, "000000ff", "%08x", 255);
	EXPECT_FMT(test, "ff      |", "%-8x|", 255);
	EXPECT_FMT(test, "  abc", "%5s", "abc");
	EXPECT_FMT(test, "abc  |", "%-5s|", "abc");
	EXPECT_FMT(test, "    7", "%*d", 5, 7);
	EXPECT_FMT(test, "7    |", "%-*d|", 5, 7);
	EXPECT_FMT(test, "0x0000001f", "%#010x", 31);
	EXPECT_FMT(test, "  042", "%5.3d", 42);
}

static void long_and_long_long(struct kunit *test)
{
	EXPECT_FMT(test, "-123456", "%ld", -123456L);
	EXPECT_FMT(test, "4000000000", "%lu", 4000000000UL);
	EXPECT_FMT(test, "18446744073709551615", "%llu", 18446744073709551615ULL);
	EXPECT_FMT(test, "123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	EXPECT_FMT(test, "-9223372036854775808", "%lld", (long long)(-9223372036854775807LL - 1));
	EXPECT_FMT(test, "00000000000000ff", "%016llx", 0xffULL);
	EXPECT_FMT(test, "255 65535", "%hhu %hu", 0x1ff, 0x1ffff);
	EXPECT_FMT(test, "12", "%zu", (size_t)12);
}

static void strings_chars_and_null(struct kunit *test)
{
	const char *null = NULL;

	__asm__("" : "+r"(null)); /* hide the NULL from gcc's format checking */
	EXPECT_FMT(test, "(null)", "%s", null);
	EXPECT_FMT(test, "interrupt", "%s", "interrupt");
	EXPECT_FMT(test, "int", "%.3s", "interrupt");
	EXPECT_FMT(test, "[x]", "[%c]", 'x');
	EXPECT_FMT(test, "  x", "%3c", 'x');
	EXPECT_FMT(test, "", "%s", "");
}

static void flags_plus_space_and_percent(struct kunit *test)
{
	EXPECT_FMT(test, "+5", "%+d", 5);
	EXPECT_FMT(test, " 5", "% d", 5);
	EXPECT_FMT(test, "-5", "%+d", -5);
	EXPECT_FMT(test, "100%", "%d%%", 100);
	EXPECT_FMT(test, "%", "%%");
}

static void pointers_and_symbols(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN + 8];

	EXPECT_FMT(test, "c0100000", "%p", (void *)0xc0100000);
	EXPECT_FMT(test, "00001000", "%p", (void *)0x1000);
	EXPECT_FMT(test, "kmain", "%ps", kmain);
	snprintf(buf, sizeof(buf), "%pS", (char *)kmain + 3);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "kmain+0x3/0x", 12), 0);
	/* %pB names the function a return address comes from, even at its very end. */
	snprintf(buf, sizeof(buf), "%pB", (char *)kmain + 1);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "kmain+0x1/0x", 12), 0);
	EXPECT_FMT(test, "0x10", "%pS", (void *)0x10);
}

static void truncation_reports_full_length_and_terminates(struct kunit *test)
{
	char buf[8];

	memset(buf, 'Z', sizeof(buf));
	KUNIT_EXPECT_EQ(test, snprintf(buf, 5, "%s", "abcdefgh"), 8);
	KUNIT_EXPECT_STREQ(test, buf, "abcd");
	KUNIT_EXPECT_EQ(test, buf[5], 'Z');
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 5, "%d", 123456), 4);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 123456), 6);
}

static void printk_stores_each_line_with_its_text(struct kunit *test)
{
	u64 seq = log_next_sequence();

	pr_info("printk-test: first %d\nprintk-test: second %s\n", 1, "two");
	KUNIT_EXPECT_EQ(test, log_next_sequence(), seq + 2);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-test: first 1"));
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "printk-test: second two"));
	KUNIT_EXPECT_FALSE(test, log_contains(seq, "printk-test: third"));
}

static void debug_messages_are_logged_even_when_not_shown(struct kunit *test)
{
	u64 seq = log_next_sequence();
	char line[LOG_LINE_MAX + 32];

	pr_debug("printk-test: debug level %d\n", LOGLEVEL_DEBUG);
	KUNIT_ASSERT_GT(test, log_read(&seq, line, sizeof(line)), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "printk-test: debug level 7"));
	/* The record starts with a "[seconds.micros] " timestamp. */
	KUNIT_EXPECT_EQ(test, line[0], '[');
	KUNIT_EXPECT_NOT_NULL(test, strchr(line, '.'));
}

static void long_lines_are_split_not_lost(struct kunit *test)
{
	char big[LOG_LINE_MAX + 50];
	u64 seq = log_next_sequence();

	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big + sizeof(big) - 6, "TAIL!", 5);
	pr_debug("%s\n", big);
	KUNIT_EXPECT_EQ(test, log_next_sequence(), seq + 2);
	KUNIT_EXPECT_TRUE(test, log_contains(seq, "TAIL!"));
}

static unsigned int console_writes, preemptible_writes;

static void counting_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	(void)s;
	(void)n;
	console_writes++;
	if (!preempt_count())
		preemptible_writes++;
}

/* Whoever holds the console lock prints for everyone: if the tick could switch
 * it away, every later line (the lock-up reports included) would wait for it,
 * and a console_write_direct() on its CPU would spin forever. */
static void the_console_is_written_with_preemption_disabled(struct kunit *test)
{
	static struct console counting = { .name = "counting", .write = counting_console_write };

	KUNIT_ASSERT_EQ(test, preempt_count(), 0);
	console_writes = preemptible_writes = 0;
	register_console(&counting);
	pr_info("printk-test: a line for the counting console\n");
	KUNIT_EXPECT_EQ(test, unregister_console(&counting), 0);
	KUNIT_EXPECT_GT(test, console_writes, 0u);
	KUNIT_EXPECT_EQ(test, preemptible_writes, 0u);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(signed_decimal),
	KUNIT_CASE(unsigned_decimal_and_hex),
	KUNIT_CASE(width_zero_pad_and_left_justify),
	KUNIT_CASE(long_and_long_long),
	KUNIT_CASE(strings_chars_and_null),
	KUNIT_CASE(flags_plus_space_and_percent),
	KUNIT_CASE(pointers_and_symbols),
	KUNIT_CASE(truncation_reports_full_length_and_terminates),
	KUNIT_CASE(printk_stores_each_line_with_its_text),
	KUNIT_CASE(debug_messages_are_logged_even_when_not_shown),
	KUNIT_CASE(long_lines_are_split_not_lost),
	KUNIT_CASE(the_console_is_written_with_preemption_disabled),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.test_cases = printk_cases,
};
kunit_test_suite(printk_suite);
