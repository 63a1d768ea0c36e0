/*
 * Static keys: a branch that costs nothing while it is off. A test like
 *
 *	DEFINE_STATIC_KEY_FALSE(tracing_key);
 *	if (static_branch_unlikely(&tracing_key))
 *		trace_something();
 *
 * compiles to a 5-byte nop in the straight-line code and the call out of
 * line. static_branch_enable() rewrites every such nop of the key into a jmp
 * to the call (arch/x86/jump_label.c), static_branch_disable() writes the
 * nops back. The hot path never loads the key: it just runs through the nop.
 * Linux's names and semantics (include/linux/jump_label.h there); see
 * docs/static-keys.md.
 *
 *   static_branch_unlikely(&k)  false by default (FALSE key): nop, jmp when on
 *   static_branch_likely(&k)    true by default (TRUE key): nop, jmp when off
 *   static_branch_enable/disable(&k)   set the state, whatever the count was
 *   static_branch_inc/dec(&k)          counted: on while the count is > 0
 *   static_key_enabled(&k)             read the state (a load, not patched)
 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H
#include <asm/jump_label.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct static_key {
	int enabled; /* > 0: on; the count of static_key_slow_inc() */
};

struct static_key_true {
	struct static_key key;
};

struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_INIT_TRUE { .enabled = 1 }
#define STATIC_KEY_INIT_FALSE { .enabled = 0 }
#define STATIC_KEY_TRUE_INIT (struct static_key_true){ .key = STATIC_KEY_INIT_TRUE }
#define STATIC_KEY_FALSE_INIT (struct static_key_false){ .key = STATIC_KEY_INIT_FALSE }

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name

/* The code of a site agrees with its key when (enabled ^ branch) says jmp. */
#define static_branch_likely(x)                                                              \
	({                                                                                   \
		bool __b;                                                                    \
		if (__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_true))  \
			__b = !arch_static_branch(&(x)->key, true);                          \
		else                                                                         \
			__b = !arch_static_branch_jump(&(x)->key, true);                     \
		likely(__b);                                                                 \
	})

#define static_branch_unlikely(x)                                                            \
	({                                                                                   \
		bool __b;                                                                    \
		if (__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_true))  \
			__b = arch_static_branch_jump(&(x)->key, false);                     \
		else                                                                         \
			__b = arch_static_branch(&(x)->key, false);                          \
		unlikely(__b);                                                               \
	})

/**
 * static_key_count_enabled() - Whether @key is on now (its count above 0).
 * @key: the key
 *
 * A plain load, for code that wants the value rather than a patched branch;
 * static_key_enabled() takes the DEFINE_STATIC_KEY_TRUE/FALSE wrapper.
 *
 * Context: any context; does not sleep.
 * Return: true if the key is enabled.
 */
static inline bool static_key_count_enabled(const struct static_key *key)
{
	return READ_ONCE(key->enabled) > 0;
}
#define static_key_enabled(x) static_key_count_enabled(&(x)->key)

/**
 * static_key_slow_inc() - Count one more user of @key; patch its sites on 0 -> 1.
 * @key: the key
 *
 * Context: process context; may sleep (a mutex, and it waits for the other
 * CPUs while their code changes). Not from interrupts or with a spinlock held.
 */
void static_key_slow_inc(struct static_key *key);

/**
 * static_key_slow_dec() - One user fewer; patch the sites back on 1 -> 0.
 * @key: the key
 *
 * Context: process context; may sleep, as static_key_slow_inc().
 */
void static_key_slow_dec(struct static_key *key);

/**
 * static_key_enable() - Turn @key on, whatever its count was (the count becomes 1).
 * @key: the key
 *
 * Context: process context; may sleep, as static_key_slow_inc().
 */
void static_key_enable(struct static_key *key);

/**
 * static_key_disable() - Turn @key off, whatever its count was.
 * @key: the key
 *
 * Context: process context; may sleep, as static_key_slow_inc().
 */
void static_key_disable(struct static_key *key);

/**
 * jump_label_sites() - How many code sites test @key, and how many of them are jmps now.
 * @key:   the key
 * @jumps: where to store the number of sites that are a jmp right now (may be NULL)
 *
 * For the self-tests and /proc: it reads the code bytes themselves.
 * Context: any context; takes no lock (a concurrent patch may be half seen).
 * Return: the number of sites.
 */
unsigned int jump_label_sites(const struct static_key *key, unsigned int *jumps);

/**
 * jump_label_init() - Make every site hold the instruction its key says, at boot.
 *
 * A key that a boot parameter changed (irqtime=off) gets its sites patched
 * here, before any other CPU runs; a site that is neither nop nor jmp panics.
 *
 * Context: kmain, once, after the early parameters, before interrupts are on.
 */
void jump_label_init(void);

/**
 * jump_label_invalidate_initmem() - Forget the sites in __init code about to be freed.
 * @start: the first address of the freed code
 * @end:   the end (exclusive)
 *
 * Their keys never patch them again: that memory is unmapped.
 *
 * Context: process context, from free_initmem(); may sleep (takes the patching mutex).
 */
void jump_label_invalidate_initmem(unsigned long start, unsigned long end);

#define static_branch_inc(x) static_key_slow_inc(&(x)->key)
#define static_branch_dec(x) static_key_slow_dec(&(x)->key)
#define static_branch_enable(x) static_key_enable(&(x)->key)
#define static_branch_disable(x) static_key_disable(&(x)->key)

#endif
