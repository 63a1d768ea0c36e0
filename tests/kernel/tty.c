/*
 * KTAP suite `tty`: the terminal layer without the hardware. Each case
 * builds a terminal whose driver only records what it is asked to send
 * (the echo), types into its flip buffer as a top half would, lets the
 * bottom half run (flush_work), and reads as a process would. The 16550
 * itself is driven by the shell configurations (tests/shell.py).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/workqueue.h>
#include <janus/exec.h>
#include <uapi/asm/ioctls.h>
#include <uapi/linux/fcntl.h>
#include "user_helpers.h"

struct fake_tty {
	struct tty_struct tty;
	struct tty_port port;
	struct file file;
	char *page; /* kernel view of the user page at TEST_USER_ADDR */
	char out[2048];
	unsigned int out_len, unthrottles;
};

static int fake_write(struct tty_struct *tty, const unsigned char *buf, unsigned int n)
{
	struct fake_tty *ft = container_of(tty, struct fake_tty, tty);

	n = min(n, (unsigned int)sizeof(ft->out) - 1 - ft->out_len);
	memcpy(ft->out + ft->out_len, buf, n);
	ft->out_len += n;
	ft->out[ft->out_len] = 0;
	return n;
}

static unsigned int fake_write_room(struct tty_struct *tty)
{
	struct fake_tty *ft = container_of(tty, struct fake_tty, tty);

	return sizeof(ft->out) - 1 - ft->out_len;
}

static void fake_unthrottle(struct tty_port *port)
{
	container_of(port, struct fake_tty, port)->unthrottles++;
}

static const struct tty_operations fake_ops = { .write = fake_write, .write_room = fake_write_room };
static const struct tty_port_operations fake_port_ops = { .unthrottle = fake_unthrottle };

static int make_tty(struct kunit *test)
{
	struct fake_tty *ft = kzalloc(sizeof(*ft), GFP_KERNEL);

	if (!ft)
		return -ENOMEM;
	ft->page = map_test_user_page();
	if (!ft->page) {
		kfree(ft);
		return -ENOMEM;
	}
	tty_port_init(&ft->port);
	ft->port.ops = &fake_port_ops;
	tty_init_struct(&ft->tty, "ttytest", &fake_ops, &ft->port);
	ft->file = (struct file){ .f_op = &tty_fops, .private_data = &ft->tty,
				  .f_flags = O_RDWR | O_NONBLOCK };
	test->priv = ft;
	return 0;
}

static void free_tty(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	flush_work(&ft->port.buf.work);
	unmap_test_user_page(ft->page);
	kfree(ft);
}

/* What a top half does, then waits until the bottom half has run. */
static void type(struct fake_tty *ft, const char *s, size_t n)
{
	tty_insert_flip_string(&ft->port, (const unsigned char *)s, n);
	tty_flip_buffer_push(&ft->port);
	flush_work(&ft->port.buf.work);
}
#define TYPE(ft, s) type(ft, s, sizeof(s) - 1)

/* read() into the user page; the bytes come back NUL-terminated in ft->page. */
static long rd(struct fake_tty *ft, size_t n)
{
	long ret = n_tty_read(&ft->tty, &ft->file, (char __user *)TEST_USER_ADDR, n);

	ft->page[ret > 0 ? ret : 0] = 0;
	return ret;
}

static long ioctl_termios(struct fake_tty *ft, unsigned int cmd, struct termios *t)
{
	long ret;

	memcpy(ft->page, t, sizeof(*t));
	ret = tty_ioctl(&ft->file, cmd, TEST_USER_ADDR);
	memcpy(t, ft->page, sizeof(*t));
	return ret;
}

static void set_raw(struct fake_tty *ft, cc_t vmin, cc_t vtime)
{
	struct termios t = ft->tty.termios;

	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	ioctl_termios(ft, TCSETS, &t);
}

static void flip_buffer_carries_bytes_to_the_line_discipline(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "hi\n");
	KUNIT_EXPECT_TRUE(test, tty_buffer_drained(&ft->port));
	KUNIT_EXPECT_EQ(test, ft->port.buf.pushed, 3ul);
	KUNIT_EXPECT_EQ(test, n_tty_readable(&ft->tty), 3u);
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 3);
	KUNIT_EXPECT_STREQ(test, ft->page, "hi\n");
}

static void a_full_flip_buffer_drops_and_counts(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	static unsigned char many[TTY_FLIPBUF_SIZE + 10];

	memset(many, 'z', sizeof(many));
	KUNIT_EXPECT_EQ(test, tty_insert_flip_string(&ft->port, many, sizeof(many)), TTY_FLIPBUF_SIZE);
	KUNIT_EXPECT_EQ(test, tty_buffer_space_avail(&ft->port), 0u);
	KUNIT_EXPECT_EQ(test, ft->port.buf.dropped, 10ul);
	tty_buffer_flush(&ft->port);
	KUNIT_EXPECT_EQ(test, tty_buffer_space_avail(&ft->port), (unsigned int)TTY_FLIPBUF_SIZE);
}

static void the_bottom_half_unthrottles_a_throttled_port(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	tty_buffer_throttle(&ft->port);
	TYPE(ft, "x");
	KUNIT_EXPECT_EQ(test, ft->unthrottles, 1u);
	TYPE(ft, "y");
	KUNIT_EXPECT_EQ(test, ft->unthrottles, 1u); /* only after a throttle */
}

static void canonical_read_returns_one_line_at_a_time(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "one\ntwo\npart");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 4);
	KUNIT_EXPECT_STREQ(test, ft->page, "one\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 2), 2); /* a short buffer: the rest stays */
	KUNIT_EXPECT_STREQ(test, ft->page, "tw");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 2);
	KUNIT_EXPECT_STREQ(test, ft->page, "o\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), -EAGAIN); /* "part" is not a line yet */
	KUNIT_EXPECT_STREQ(test, ft->out, "one\r\ntwo\r\npart");
}

static void erase_takes_back_a_character_on_screen_too(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "abx\x7f" "c\bd\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 4);
	KUNIT_EXPECT_STREQ(test, ft->page, "abd\n");
	KUNIT_EXPECT_STREQ(test, ft->out, "abx\b \bc\b \bd\r\n");
}

static void erase_stops_at_the_start_of_the_line(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "a\n\x7f\x7f" "b\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 2);
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 2);
	KUNIT_EXPECT_STREQ(test, ft->page, "b\n");
}

static void ctrl_u_kills_the_line(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "abc\x15xy\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 3);
	KUNIT_EXPECT_STREQ(test, ft->page, "xy\n");
	KUNIT_EXPECT_STREQ(test, ft->out, "abc\b \b\b \b\b \bxy\r\n");
}

static void ctrl_w_erases_the_last_word(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "one two  \x17three\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 10);
	KUNIT_EXPECT_STREQ(test, ft->page, "one three\n");
}

static void erasing_a_tab_moves_back_to_its_column(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "ab\t\x7f\n");
	KUNIT_EXPECT_STREQ(test, ft->out, "ab\t\b\b\b\b\b\b\r\n"); /* column 8 back to 2 */
}

static void control_characters_echo_as_caret_letters(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "\x01\x7f\n");
	KUNIT_EXPECT_STREQ(test, ft->out, "^A\b \b\b \b\r\n");
}

static void ctrl_d_on_an_empty_line_is_end_of_file(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "\x04");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 0);
	KUNIT_EXPECT_EQ(test, rd(ft, 100), -EAGAIN); /* the EOF was taken */
	KUNIT_EXPECT_STREQ(test, ft->out, "");
}

static void ctrl_d_after_text_ends_the_line_without_newline(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "abc\x04");
	KUNIT_EXPECT_EQ(test, rd(ft, 3), 3); /* exactly the text: the ^D goes with it */
	KUNIT_EXPECT_STREQ(test, ft->page, "abc");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), -EAGAIN);
}

static void return_becomes_newline(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "ab\r");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 3);
	KUNIT_EXPECT_STREQ(test, ft->page, "ab\n");
	KUNIT_EXPECT_STREQ(test, ft->out, "ab\r\n");
}

static void an_overlong_line_is_truncated_and_counted(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	static char line[5000];
	long got = 0, n;

	memset(line, 'x', sizeof(line));
	for (size_t off = 0; off < sizeof(line); off += 1000)
		type(ft, line + off, 1000);
	TYPE(ft, "\x7f\n");
	while ((n = rd(ft, PAGE_SIZE - 1)) > 0)
		got += n;
	KUNIT_EXPECT_EQ(test, got, (long)N_TTY_BUF_SIZE - 1); /* 4094 x's and the newline */
	KUNIT_EXPECT_EQ(test, ft->tty.ldata.overlong, sizeof(line) - (N_TTY_BUF_SIZE - 1));
	TYPE(ft, "ok\n"); /* and the next line is whole */
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 3);
}

static void tcgets_has_linux_layout_and_defaults(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	struct termios t = { 0 };

	KUNIT_EXPECT_EQ(test, sizeof(struct termios), 36u);
	KUNIT_EXPECT_EQ(test, offsetof(struct termios, c_cc), 17u);
	KUNIT_EXPECT_EQ(test, ioctl_termios(ft, TCGETS, &t), 0);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ICANON);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ECHO);
	KUNIT_EXPECT_TRUE(test, t.c_lflag & ISIG);
	KUNIT_EXPECT_EQ(test, t.c_cc[VINTR], 3);
	KUNIT_EXPECT_EQ(test, t.c_cc[VERASE], 0x7f);
	KUNIT_EXPECT_EQ(test, tty_ioctl(&ft->file, 0x1234, 0), -ENOTTY);
}

static void raw_mode_hands_over_bytes_one_by_one(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	set_raw(ft, 1, 0);
	TYPE(ft, "q\x7f");
	KUNIT_EXPECT_EQ(test, rd(ft, 1), 1);
	KUNIT_EXPECT_STREQ(test, ft->page, "q");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 1); /* no line editing: DEL is data */
	KUNIT_EXPECT_EQ(test, ft->page[0], 0x7f);
	KUNIT_EXPECT_STREQ(test, ft->out, ""); /* ECHO off */
}

static void vmin_0_vtime_0_is_a_poll(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	set_raw(ft, 0, 0);
	ft->file.f_flags = O_RDWR;
	KUNIT_EXPECT_EQ(test, rd(ft, 10), 0);
	TYPE(ft, "k");
	KUNIT_EXPECT_EQ(test, rd(ft, 10), 1);
}

static void leaving_canonical_mode_makes_the_line_readable(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "abc");
	KUNIT_EXPECT_EQ(test, n_tty_readable(&ft->tty), 0u);
	set_raw(ft, 1, 0);
	KUNIT_EXPECT_EQ(test, n_tty_readable(&ft->tty), 3u);
}

static void a_full_buffer_stops_the_bottom_half_until_read(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	static unsigned char many[TTY_FLIPBUF_SIZE]; /* one more than N_TTY takes */

	set_raw(ft, 1, 0);
	memset(many, 'm', sizeof(many));
	tty_insert_flip_string(&ft->port, many, sizeof(many));
	tty_flip_buffer_push(&ft->port);
	flush_work(&ft->port.buf.work);
	KUNIT_EXPECT_EQ(test, n_tty_readable(&ft->tty), (size_t)N_TTY_BUF_SIZE - 1);
	KUNIT_EXPECT_FALSE(test, tty_buffer_drained(&ft->port)); /* the rest waits, not lost */
	KUNIT_EXPECT_EQ(test, rd(ft, 1000), 1000);
	flush_work(&ft->port.buf.work); /* the read pushed the flip buffer again */
	KUNIT_EXPECT_TRUE(test, tty_buffer_drained(&ft->port));
	KUNIT_EXPECT_EQ(test, ft->port.buf.dropped, 0ul);
}

static void writes_go_out_with_newlines_as_crlf(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	memcpy(ft->page, "a\nb", 3);
	KUNIT_EXPECT_EQ(test, n_tty_write(&ft->tty, &ft->file, (const char __user *)TEST_USER_ADDR, 3), 3);
	KUNIT_EXPECT_STREQ(test, ft->out, "a\r\nb");
}

static void isig_off_makes_ctrl_c_data(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	struct termios t = ft->tty.termios;

	t.c_lflag &= ~ISIG;
	ioctl_termios(ft, TCSETS, &t);
	TYPE(ft, "\x03\n");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), 2);
	KUNIT_EXPECT_EQ(test, ft->page[0], 3);
}

static void ctrl_c_throws_away_unread_input(struct kunit *test)
{
	struct fake_tty *ft = test->priv;

	TYPE(ft, "line\npartial\x03");
	KUNIT_EXPECT_EQ(test, rd(ft, 100), -EAGAIN);
	KUNIT_EXPECT_STREQ(test, ft->out + ft->out_len - 2, "^C");
}

/* A process of its own group, asleep in /bin/sleep: its pid is its group. */
static pid_t start_sleeper(struct kunit *test)
{
	static struct program_args args = { .argc = 2, .argv = { "/bin/sleep", "30" } };
	long pid = do_spawn(args.argv[0], &args);

	KUNIT_ASSERT_GT(test, pid, 0);
	return pid;
}

static int reap(pid_t pid)
{
	int status = 0;

	return kernel_wait(pid, &status, 0) == pid ? status : -1;
}

static void signal_chars_reach_the_foreground_group(struct kunit *test, const char *c, int sig)
{
	struct fake_tty *ft = test->priv;
	pid_t fg = start_sleeper(test), bg = start_sleeper(test);
	int status;

	ft->tty.pgrp = fg;
	type(ft, c, 1);
	status = reap(fg);
	KUNIT_EXPECT_TRUE(test, WIFSIGNALED(status));
	KUNIT_EXPECT_EQ(test, WTERMSIG(status), sig);
	KUNIT_EXPECT_EQ(test, kernel_wait(bg, &status, WNOHANG), 0); /* the other group sleeps on */
	KUNIT_EXPECT_EQ(test, sys_kill(bg, SIGKILL), 0);
	KUNIT_EXPECT_EQ(test, WTERMSIG(reap(bg)), SIGKILL);
}

static void ctrl_c_sends_sigint_to_the_foreground_group(struct kunit *test)
{
	signal_chars_reach_the_foreground_group(test, "\x03", SIGINT);
}

static void ctrl_backslash_sends_sigquit_to_the_foreground_group(struct kunit *test)
{
	signal_chars_reach_the_foreground_group(test, "\x1c", SIGQUIT);
}

/* ^Z: SIGTSTP stops the foreground group (wait reports it, WUNTRACED);
 * SIGCONT lets it go on, and it can still be killed. */
static void ctrl_z_stops_the_foreground_group(struct kunit *test)
{
	struct fake_tty *ft = test->priv;
	pid_t fg = start_sleeper(test);
	int status = 0;

	ft->tty.pgrp = fg;
	type(ft, "\x1a", 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(fg, &status, WUNTRACED), fg);
	KUNIT_EXPECT_TRUE(test, WIFSTOPPED(status));
	KUNIT_EXPECT_EQ(test, WSTOPSIG(status), SIGTSTP);
	KUNIT_EXPECT_EQ(test, kernel_wait(fg, &status, WUNTRACED | WNOHANG), 0); /* reported once */
	KUNIT_EXPECT_EQ(test, sys_kill(fg, SIGCONT), 0);
	KUNIT_EXPECT_EQ(test, sys_kill(fg, SIGKILL), 0);
	KUNIT_EXPECT_EQ(test, WTERMSIG(reap(fg)), SIGKILL);
}

static struct kunit_case tty_cases[] = {
	KUNIT_CASE(flip_buffer_carries_bytes_to_the_line_discipline),
	KUNIT_CASE(a_full_flip_buffer_drops_and_counts),
	KUNIT_CASE(the_bottom_half_unthrottles_a_throttled_port),
	KUNIT_CASE(canonical_read_returns_one_line_at_a_time),
	KUNIT_CASE(erase_takes_back_a_character_on_screen_too),
	KUNIT_CASE(erase_stops_at_the_start_of_the_line),
	KUNIT_CASE(ctrl_u_kills_the_line),
	KUNIT_CASE(ctrl_w_erases_the_last_word),
	KUNIT_CASE(erasing_a_tab_moves_back_to_its_column),
	KUNIT_CASE(control_characters_echo_as_caret_letters),
	KUNIT_CASE(ctrl_d_on_an_empty_line_is_end_of_file),
	KUNIT_CASE(ctrl_d_after_text_ends_the_line_without_newline),
	KUNIT_CASE(return_becomes_newline),
	KUNIT_CASE(an_overlong_line_is_truncated_and_counted),
	KUNIT_CASE(tcgets_has_linux_layout_and_defaults),
	KUNIT_CASE(raw_mode_hands_over_bytes_one_by_one),
	KUNIT_CASE(vmin_0_vtime_0_is_a_poll),
	KUNIT_CASE(leaving_canonical_mode_makes_the_line_readable),
	KUNIT_CASE(a_full_buffer_stops_the_bottom_half_until_read),
	KUNIT_CASE(writes_go_out_with_newlines_as_crlf),
	KUNIT_CASE(isig_off_makes_ctrl_c_data),
	KUNIT_CASE(ctrl_c_throws_away_unread_input),
	KUNIT_CASE(ctrl_c_sends_sigint_to_the_foreground_group),
	KUNIT_CASE(ctrl_backslash_sends_sigquit_to_the_foreground_group),
	KUNIT_CASE(ctrl_z_stops_the_foreground_group),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.init = make_tty,
	.exit = free_tty,
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
