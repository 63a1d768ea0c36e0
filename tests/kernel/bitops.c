/* KTAP suite `bitops`: Linux's bit operations on unsigned long arrays (include/linux/bitops.h). */
#include <kunit/test.h>
#include <linux/bitops.h>

static void set_clear_and_test_across_words(struct kunit *test)
{
	DECLARE_BITMAP(map, 70) = { 0 };

	set_bit(3, map);
	set_bit(40, map);
	__set_bit(69, map);
	KUNIT_EXPECT_EQ(test, map[0], BIT(3));
	KUNIT_EXPECT_EQ(test, map[1], BIT(8));
	KUNIT_EXPECT_EQ(test, map[2], BIT(5));
	KUNIT_EXPECT_TRUE(test, test_bit(40, map));
	KUNIT_EXPECT_FALSE(test, test_bit(41, map));
	clear_bit(40, map);
	__clear_bit(69, map);
	change_bit(0, map);
	KUNIT_EXPECT_EQ(test, map[0], BIT(3) | BIT(0));
	KUNIT_EXPECT_EQ(test, map[1] | map[2], 0ul);
}

static void test_and_set_returns_the_old_value(struct kunit *test)
{
	unsigned long flags = 0;

	KUNIT_EXPECT_FALSE(test, test_and_set_bit(5, &flags));
	KUNIT_EXPECT_TRUE(test, test_and_set_bit(5, &flags));
	KUNIT_EXPECT_TRUE(test, test_and_clear_bit(5, &flags));
	KUNIT_EXPECT_FALSE(test, test_and_clear_bit(5, &flags));
	KUNIT_EXPECT_FALSE(test, test_and_change_bit(7, &flags));
	KUNIT_EXPECT_EQ(test, flags, BIT(7));
}

static void find_first_set_and_clear_bits(struct kunit *test)
{
	DECLARE_BITMAP(map, 64) = { ~0ul, 0x10 };

	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 64), 32u);
	map[0] = 0;
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 64), 36u);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 36), 36u); /* none below: the size */
	KUNIT_EXPECT_EQ(test, hweight32(0xf0f0), 8u);
}

static struct kunit_case bitops_cases[] = {
	KUNIT_CASE(set_clear_and_test_across_words),
	KUNIT_CASE(test_and_set_returns_the_old_value),
	KUNIT_CASE(find_first_set_and_clear_bits),
	{}
};

static struct kunit_suite bitops_suite = {
	.name = "bitops",
	.test_cases = bitops_cases,
};
kunit_test_suite(bitops_suite);
