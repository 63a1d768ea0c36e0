/*
 * usercopy_test CASE: the kernel copying to and from this process's memory
 * (copy_to_user, copy_from_user, get_user, put_user, strncpy_from_user,
 * clear_user), driven through /dev/selftest. Bad pointers (NULL, the kernel
 * half, unmapped pages, read-only pages, ranges that run off the end of
 * what is mapped) give -EFAULT or the count not copied, never an oops.
 * Run by the kernel's `usercopy` suite (tests/kernel/usercopy.c).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <janus/selftest.h>

#define KERNEL_ADDR ((void *)0xc0100000)
#define UNMAPPED ((void *)0x40000000)

extern char _end[]; /* the end of bss: the page after it is not mapped */

static int dev;

static long op(unsigned long cmd, void *uptr, unsigned long len)
{
	struct st_copy c = { .uptr = uptr, .len = len };

	return ioctl(dev, cmd, &c);
}

/* The last 8 mapped bytes of the data segment: a 16-byte range straddles. */
static char *straddle(void)
{
	return (char *)(((unsigned long)_end + 4095) & ~4095ul) - 8;
}

static void good_pointers(void)
{
	char buf[32] = { 0 };
	unsigned int word = 0x12345678;
	struct st_copy c = { .uptr = &word };

	CHECK(op(ST_COPY_TO, buf, 16) == 0);
	CHECK(buf[0] == 0x5a && buf[15] == 0x5a && buf[16] == 0);
	CHECK(op(ST_COPY_FROM, buf, 32) == 0);
	CHECK(ioctl(dev, ST_GET_USER, &c) == 0 && c.value == 0x12345678);
	c.value = 42;
	CHECK(ioctl(dev, ST_PUT_USER, &c) == 0 && word == 42);
	strcpy(buf, "hello");
	CHECK(op(ST_STRNCPY, buf, 32) == 5);
	CHECK(op(ST_STRNCPY, buf, 3) == 3); /* no NUL within the limit */
	CHECK(op(ST_CLEAR_USER, buf, 32) == 0 && buf[0] == 0);
}

/* Every way of touching a pointer that is no good for user memory. */
static void check_bad(void *p)
{
	unsigned int c_value = 0;
	struct st_copy c = { .uptr = p, .value = 1 };

	CHECK(op(ST_COPY_TO, p, 16) == 16);
	CHECK(op(ST_COPY_FROM, p, 16) == 16); /* and the kernel's buffer is zeroed */
	CHECK_ERR(ioctl(dev, ST_GET_USER, &c), EFAULT);
	CHECK_ERR(ioctl(dev, ST_PUT_USER, &c), EFAULT);
	CHECK_ERR(op(ST_STRNCPY, p, 16), EFAULT);
	CHECK(op(ST_CLEAR_USER, p, 16) == 16);
	(void)c_value;
}

static void null_pointers(void) { check_bad(NULL); }
static void kernel_pointers(void) { check_bad(KERNEL_ADDR); }
static void unmapped_pointers(void) { check_bad(UNMAPPED); }

/* A range that starts in user space and ends in the kernel half is refused
 * whole (access_ok), even its first bytes. */
static void ranges_into_the_kernel_half(void)
{
	CHECK(op(ST_COPY_TO, (void *)0xbffffff8, 16) == 16);
	CHECK(op(ST_COPY_FROM, (void *)0xbffffff8, 16) == 16);
}

/* Mapped, then not: the copy goes as far as it can, and says how much is left. */
static void partial_copies(void)
{
	char *p = straddle();

	memset(p, 0, 8);
	CHECK(op(ST_COPY_TO, p, 16) == 8);
	CHECK(p[0] == 0x5a && p[7] == 0x5a);
	CHECK(op(ST_COPY_FROM, p, 16) == 8); /* -EIO if the rest was not zeroed */
	CHECK(op(ST_CLEAR_USER, p, 16) == 8 && p[0] == 0);
	memset(p, 'x', 8);
	CHECK_ERR(op(ST_STRNCPY, p, 16), EFAULT); /* no NUL before the hole */
}

/* The kernel may not write to a page the process may not write to. */
static void read_only_pages(void)
{
	void *text = (void *)good_pointers;
	char before = *(char *)text;

	CHECK(op(ST_COPY_TO, text, 4) == 4);
	CHECK(*(char *)text == before);
	CHECK(op(ST_COPY_FROM, text, 4) == 0); /* reading it is fine */
}

/* System calls check their pointers the same way. */
static void system_calls(void)
{
	int zero = open("/dev/zero", O_RDONLY);

	CHECK_ERR(write(STDOUT_FILENO, KERNEL_ADDR, 4), EFAULT);
	CHECK_ERR(read(zero, NULL, 4), EFAULT);
	CHECK_ERR(read(zero, KERNEL_ADDR, 4), EFAULT);
	CHECK(read(zero, straddle(), 16) == 8);
	CHECK_ERR(open(UNMAPPED, O_RDONLY), EFAULT);
	CHECK_ERR(ioctl(dev, ST_WHOAMI, KERNEL_ADDR), EFAULT);
	close(zero);
}

static const struct check_case cases[] = {
	{ "good", good_pointers },
	{ "null", null_pointers },
	{ "kernel", kernel_pointers },
	{ "unmapped", unmapped_pointers },
	{ "into-kernel", ranges_into_the_kernel_half },
	{ "partial", partial_copies },
	{ "read-only", read_only_pages },
	{ "syscalls", system_calls },
	{ 0 },
};

int main(int argc, char **argv)
{
	dev = open("/dev/selftest", O_RDWR);
	if (dev < 0) {
		printf("    # usercopy_test: no /dev/selftest\n");
		return 1;
	}
	return check_main(argc, argv, cases);
}
