/* The self-tests' own softirq vector (tests/kernel/softirq_vector.c): not one of the kernel's. */
#ifndef _TESTS_KERNEL_SOFTIRQ_VECTOR_H
#define _TESTS_KERNEL_SOFTIRQ_VECTOR_H
#include <linux/interrupt.h>

extern int selftest_softirq;
/* A suite opens it with its own handler (open_softirq()) before raising it. */
#define SELFTEST_SOFTIRQ selftest_softirq

#endif
