/* KTAP suite `string`: the mem*, str*, kstrto* and glob helpers of kernel/lib/. */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/glob.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

/* Fills buf with a byte pattern that differs at every offset. */
static void fill_pattern(unsigned char *buf, size_t n, unsigned char seed)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = seed + i * 7;
}

static void memcpy_copies_every_byte_and_no_more(struct kunit *test)
{
	unsigned char src[80], dst[96];

	fill_pattern(src, sizeof(src), 1);
	for (size_t off = 0; off < 4; off++) {
		for (size_t len = 0; len <= 67; len++) {
			memset(dst, 0xee, sizeof(dst));
			KUNIT_EXPECT_PTR_EQ(test, memcpy(dst + off, src + (off ^ 1), len), dst + off);
			KUNIT_ASSERT_EQ(test, memcmp(dst + off, src + (off ^ 1), len), 0);
			KUNIT_ASSERT_EQ(test, dst[off + len], 0xee);
			if (off)
				KUNIT_ASSERT_EQ(test, dst[off - 1], 0xee);
		}
	}
}

static void memmove_handles_overlap_both_ways(struct kunit *test)
{
	char buf[16];

	memcpy(buf, "0123456789", 11);
	memmove(buf + 2, buf, 8); /* forward overlap */
	KUNIT_EXPECT_STREQ(test, buf, "0101234567");
	memcpy(buf, "0123456789", 11);
	memmove(buf, buf + 2, 9); /* backward overlap, with the NUL */
	KUNIT_EXPECT_STREQ(test, buf, "23456789");
}

static void memset_fills_exactly_n_bytes(struct kunit *test)
{
	unsigned char buf[40];

	memset(buf, 0, sizeof(buf));
	memset(buf + 3, 0x5a, 33);
	KUNIT_EXPECT_EQ(test, buf[2], 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(buf + 3, 0x5a, 33));
	KUNIT_EXPECT_EQ(test, buf[36], 0);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(buf, 0, sizeof(buf)), buf + 3);
}

static void memcmp_compares_bytes_as_unsigned(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, memcmp("abc", "abc", 3), 0);
	KUNIT_EXPECT_LT(test, memcmp("abc", "abd", 3), 0);
	KUNIT_EXPECT_GT(test, memcmp("\xff", "\x01", 1), 0);
	KUNIT_EXPECT_EQ(test, memcmp("abX", "abY", 2), 0);
	KUNIT_EXPECT_PTR_EQ(test, memchr("hello", 'l', 5), "hello" + 2);
}

static void strlen_and_strnlen_count_to_the_nul(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strlen(""), 0u);
	KUNIT_EXPECT_EQ(test, strlen("janus"), 5u);
	KUNIT_EXPECT_EQ(test, strnlen("janus", 3), 3u);
	KUNIT_EXPECT_EQ(test, strnlen("janus", 10), 5u);
}

static void strcmp_family_orders_strings(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("irq", "irq"), 0);
	KUNIT_EXPECT_LT(test, strcmp("irq", "irqs"), 0);
	KUNIT_EXPECT_GT(test, strcmp("sched", "irq"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("softirq", "softnet", 4), 0);
	KUNIT_EXPECT_NE(test, strncmp("softirq", "softnet", 5), 0);
}

static void strscpy_truncates_and_always_terminates(struct kunit *test)
{
	char buf[6];

	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefgh", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abcde");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "x", 0), -E2BIG);
}

static void strchr_strrchr_strstr_find_the_right_place(struct kunit *test)
{
	const char *s = "a/b/c";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '/'), s + 1);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, '/'), s + 3);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, '\0'), s + 5);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strstr("interrupt context", "context"), "interrupt context" + 10);
	KUNIT_EXPECT_NULL(test, strstr("process", "interrupt"));
	KUNIT_EXPECT_EQ(test, strcspn("abc,def", ","), 3u);
	KUNIT_EXPECT_EQ(test, strspn("  x", " "), 2u);
}

static void strsep_splits_at_every_delimiter(struct kunit *test)
{
	char buf[] = "a,,b";
	char *p = buf;

	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "a");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "b");
	KUNIT_EXPECT_NULL(test, strsep(&p, ","));
}

static void kstrtox_accepts_numbers_and_rejects_junk(struct kunit *test)
{
	int i;
	unsigned int u;
	bool b;

	KUNIT_EXPECT_EQ(test, kstrtoint("-42", 0, &i), 0);
	KUNIT_EXPECT_EQ(test, i, -42);
	KUNIT_EXPECT_EQ(test, kstrtouint("0x1F", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 31u);
	KUNIT_EXPECT_EQ(test, kstrtouint("017", 0, &u), 0);
	KUNIT_EXPECT_EQ(test, u, 15u);
	KUNIT_EXPECT_EQ(test, kstrtoint("12abc", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, INT_MIN);
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtobool("on", &b), 0);
	KUNIT_EXPECT_TRUE(test, b);
	KUNIT_EXPECT_EQ(test, kstrtobool("maybe", &b), -EINVAL);
}

static void glob_match_handles_stars_and_classes(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, glob_match("irq*", "irq_api"));
	KUNIT_EXPECT_FALSE(test, glob_match("irq*", "softirq"));
	KUNIT_EXPECT_TRUE(test, glob_match("*irq", "softirq"));
	KUNIT_EXPECT_TRUE(test, glob_match("p?t", "pit"));
	KUNIT_EXPECT_TRUE(test, glob_match("[ps]ic", "pic"));
	KUNIT_EXPECT_FALSE(test, glob_match("[!ps]ic", "pic"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*b*c", "aXXbYYc"));
	KUNIT_EXPECT_FALSE(test, glob_match("a*b*c", "aXXbYY"));
	KUNIT_EXPECT_FALSE(test, glob_match("string", "strings"));
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(memcpy_copies_every_byte_and_no_more),
	KUNIT_CASE(memmove_handles_overlap_both_ways),
	KUNIT_CASE(memset_fills_exactly_n_bytes),
	KUNIT_CASE(memcmp_compares_bytes_as_unsigned),
	KUNIT_CASE(strlen_and_strnlen_count_to_the_nul),
	KUNIT_CASE(strcmp_family_orders_strings),
	KUNIT_CASE(strscpy_truncates_and_always_terminates),
	KUNIT_CASE(strchr_strrchr_strstr_find_the_right_place),
	KUNIT_CASE(strsep_splits_at_every_delimiter),
	KUNIT_CASE(kstrtox_accepts_numbers_and_rejects_junk),
	KUNIT_CASE(glob_match_handles_stars_and_classes),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
