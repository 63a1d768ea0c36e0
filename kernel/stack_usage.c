/* Stack high-water marks by painting (include/janus/stack.h). */
#include <janus/stack.h>

/**
 * stack_paint() - Fill a stack area with the paint pattern, to measure its high-water mark later.
 * @base: the lowest address of the area
 * @size: its size in bytes
 *
 * Context: any context, for a stack not in use; does not sleep.
 */
void stack_paint(void *base, size_t size)
{
	u32 *p = base;
	for (size_t i = 0; i < size / 4; i++)
		p[i] = STACK_PAINT;
}

/**
 * stack_used() - How much of a painted stack has ever been used.
 * @base: the lowest address of the stack (stacks grow down towards it)
 * @size: its size in bytes
 *
 * Context: any context; does not sleep.
 * Return: the bytes from the top down to the deepest word not holding paint.
 */
size_t stack_used(const void *base, size_t size)
{
	const u32 *p = base;
	size_t i = 0;

	while (i < size / 4 && p[i] == STACK_PAINT)
		i++;
	return size - i * 4;
}
