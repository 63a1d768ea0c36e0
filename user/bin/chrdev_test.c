/*
 * chrdev_test CASE: a character device from user mode (the kernel's
 * `chrdev` suite registers /dev/chrdev_test, an echo device, and runs this).
 *   echo  open it, write "ping", read it back, close it
 *   gone  after the driver unregistered: open fails with ENOENT
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static void echo(void)
{
	char buf[16] = { 0 };
	int fd = open("/dev/chrdev_test", O_RDWR);

	CHECK(fd >= 0);
	CHECK(write(fd, "ping", 4) == 4);
	CHECK(read(fd, buf, sizeof(buf)) == 4);
	CHECK(!strcmp(buf, "ping"));
	CHECK(close(fd) == 0);
}

static void gone(void)
{
	CHECK_ERR(open("/dev/chrdev_test", O_RDWR), ENOENT);
}

static const struct check_case cases[] = {
	{ "echo", echo },
	{ "gone", gone },
	{ 0 },
};

int main(int argc, char **argv)
{
	return check_main(argc, argv, cases);
}
