/*
 * rmmod: unload a module, as kmod's rmmod does.
 *
 *     rmmod NAME          (or a path: /lib/modules/NAME.ko)
 *
 * It asks the kernel with delete_module(NAME, O_NONBLOCK). When the module is
 * in use, or its exit left something registered, the kernel's console says
 * who holds it or what was left; rmmod says it could not remove it.
 */
#include <errno.h>
#include <fcntl.h>
#include <module.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char name[64];
	const char *base;
	size_t len;
	int failed = 0;

	if (argc < 2) {
		printf("Usage: rmmod NAME...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		snprintf(name, sizeof(name), "%s", base);
		len = strlen(name);
		if (len > 3 && !strcmp(name + len - 3, ".ko"))
			name[len - 3] = '\0';
		if (delete_module(name, O_NONBLOCK) == 0)
			continue;
		failed = 1;
		if (errno == ENOENT)
			printf("rmmod: ERROR: Module %s is not currently loaded\n", name);
		else
			printf("rmmod: ERROR: could not remove module %s: %s\n", name,
			       strerror(errno));
	}
	return failed;
}
