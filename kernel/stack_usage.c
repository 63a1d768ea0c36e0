/* Stack high-water marks by painting (include/janus/stack.h). */
#include <janus/stack.h>

void stack_paint(void *base, size_t size)
{
	u32 *p = base;
	for (size_t i = 0; i < size / 4; i++)
		p[i] = STACK_PAINT;
}

size_t stack_used(const void *base, size_t size)
{
	const u32 *p = base;
	size_t i = 0;

	while (i < size / 4 && p[i] == STACK_PAINT)
		i++;
	return size - i * 4;
}
