/*
 * insmod: load a module, as kmod's insmod does.
 *
 *     insmod FILE [name=value ...]
 *
 * It opens FILE and hands it to the kernel with finit_module, the parameters
 * joined into one string. A bare NAME (no '/') is looked for as
 * /lib/modules/NAME.ko, where the initrd keeps the modules. The kernel's
 * console says what it thought of the module; insmod says whether it loaded.
 */
#include <errno.h>
#include <fcntl.h>
#include <module.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* kmod's wording for the errors a module load gives. */
static const char *mod_strerror(int err)
{
	switch (err) {
	case ENOEXEC:
		return "Invalid module format";
	case ENOENT:
		return "Unknown symbol in module, or unknown parameter (see dmesg)";
	case EINVAL:
		return "Invalid parameters";
	default:
		return strerror(err);
	}
}

static int open_module(const char *arg, char *path, size_t size)
{
	int fd = open(arg, O_RDONLY);
	size_t len = strlen(arg);

	snprintf(path, size, "%s", arg);
	if (fd >= 0 || strchr(arg, '/'))
		return fd;
	snprintf(path, size, "/lib/modules/%s%s", arg,
		 len > 3 && !strcmp(arg + len - 3, ".ko") ? "" : ".ko");
	return open(path, O_RDONLY);
}

int main(int argc, char **argv)
{
	char path[256], params[1024] = "";
	size_t used = 0;
	int fd;

	if (argc < 2) {
		printf("Usage: insmod FILE [name=value ...]\n");
		return 1;
	}
	for (int i = 2; i < argc; i++) {
		int n = snprintf(params + used, sizeof(params) - used, strchr(argv[i], ' ') ?
				 "%s\"%s\"" : "%s%s", used ? " " : "", argv[i]);
		if (n < 0 || (size_t)n >= sizeof(params) - used) {
			printf("insmod: ERROR: the parameters are too long\n");
			return 1;
		}
		used += n;
	}
	fd = open_module(argv[1], path, sizeof(path));
	if (fd < 0) {
		printf("insmod: ERROR: could not load module %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (finit_module(fd, params, 0) < 0) {
		printf("insmod: ERROR: could not insert module %s: %s\n", path, mod_strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}
