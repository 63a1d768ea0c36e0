/* check.c: the case table runner behind check.h (user-mode test programs). */
#include <check.h>
#include <stdio.h>
#include <string.h>

int check_failures;

int check_main(int argc, char **argv, const struct check_case *cases)
{
	if (argc < 2) {
		printf("    # %s: which case?\n", argv[0]);
		return 1;
	}
	for (const struct check_case *c = cases; c->name; c++) {
		if (!strcmp(c->name, argv[1])) {
			c->run();
			return check_failures;
		}
	}
	printf("    # %s: no case %s\n", argv[0], argv[1]);
	return 1;
}
