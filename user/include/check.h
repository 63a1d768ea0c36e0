/*
 * check.h: for the user-mode test programs. CHECK(cond) records a failure
 * and says where, as a KTAP comment line ("    # ..."), so the kernel-side
 * suite that ran the program shows it; the program exits with the number of
 * failed checks, which that suite expects to be 0.
 */
#ifndef _CHECK_H
#define _CHECK_H
#include <stdio.h>

extern int check_failures;

#define CHECK(cond)                                                                   \
	do {                                                                          \
		if (!(cond)) {                                                        \
			check_failures++;                                             \
			printf("    # %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                     \
	} while (0)

/* A call that must fail with -1 and errno e. */
#define CHECK_ERR(call, e)                                                            \
	do {                                                                          \
		errno = 0;                                                            \
		long __r = (long)(call);                                              \
		if (__r != -1 || errno != (e)) {                                      \
			check_failures++;                                             \
			printf("    # %s:%d: %s gave %ld, errno %d; want -1, errno %d\n", __FILE__, \
			       __LINE__, #call, __r, errno, (e));                     \
		}                                                                     \
	} while (0)

/* Runs the case named argv[1] from the table; unknown names count as a failure. */
struct check_case {
	const char *name;
	void (*run)(void);
};

int check_main(int argc, char **argv, const struct check_case *cases);

#endif
