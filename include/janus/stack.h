/*
 * Painted stacks (kernel/stack_usage.c): fill a new stack with a known pattern;
 * later, the lowest word that no longer holds it is the deepest the stack has
 * ever been used: its high-water mark.
 */
#ifndef _JANUS_STACK_H
#define _JANUS_STACK_H
#include <linux/types.h>

#define STACK_PAINT 0x57ac57acu

void stack_paint(void *base, size_t size);
/* Bytes of [base, base + size) ever used, from the top down. */
size_t stack_used(const void *base, size_t size);

#endif
