/*
 * Static keys, the hardware-free half: which sites belong to a key, when
 * they change, and the counting. The sites are the __jump_table entries the
 * compiler left (asm/jump_label.h); arch/x86/jump_label.c rewrites the code.
 * A mutex keeps one patcher at a time; the count changes under it.
 */
#include <linux/init.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/might_sleep.h>
#include <linux/mutex.h>
#include <linux/string.h>

extern struct jump_entry __start___jump_table[], __stop___jump_table[];

static DEFINE_MUTEX(jump_label_mutex);

static struct static_key *entry_key(const struct jump_entry *e)
{
	return (struct static_key *)(e->key & ~1u);
}

static bool entry_branch(const struct jump_entry *e)
{
	return e->key & 1;
}

/* What a site must be for the key's state: jmp when (enabled ^ branch). */
static enum jump_label_type entry_type(const struct jump_entry *e)
{
	return (static_key_count_enabled(entry_key(e)) ^ entry_branch(e)) ? JUMP_LABEL_JMP_TYPE
									 : JUMP_LABEL_NOP_TYPE;
}

/* Rewrites every site of the key (the other CPUs are held meanwhile). */
static void patch_sites(void *key)
{
	for (struct jump_entry *e = __start___jump_table; e < __stop___jump_table; e++)
		if (entry_key(e) == key)
			arch_jump_label_patch(e, entry_type(e));
}

static void set_count(struct static_key *key, int count)
{
	bool was = static_key_count_enabled(key);

	might_sleep();
	mutex_lock(&jump_label_mutex);
	WRITE_ONCE(key->enabled, count);
	if (was != (count > 0))
		arch_text_poke_sync(patch_sites, key);
	mutex_unlock(&jump_label_mutex);
}

void static_key_slow_inc(struct static_key *key)
{
	set_count(key, READ_ONCE(key->enabled) + 1);
}

void static_key_slow_dec(struct static_key *key)
{
	WARN_ON_ONCE(READ_ONCE(key->enabled) <= 0);
	set_count(key, max(READ_ONCE(key->enabled) - 1, 0));
}

void static_key_enable(struct static_key *key)
{
	set_count(key, 1);
}

void static_key_disable(struct static_key *key)
{
	set_count(key, 0);
}

static bool site_is_jmp(const struct jump_entry *e)
{
	return *(const u8 *)e->code == JUMP_LABEL_JMP_OPCODE;
}

unsigned int jump_label_sites(const struct static_key *key, unsigned int *jumps)
{
	unsigned int n = 0, j = 0;

	for (struct jump_entry *e = __start___jump_table; e < __stop___jump_table; e++) {
		if (entry_key(e) != key)
			continue;
		n++;
		j += site_is_jmp(e);
	}
	if (jumps)
		*jumps = j;
	return n;
}

void __init jump_label_init(void)
{
	static const u8 nop[] = { JUMP_LABEL_NOP };
	unsigned int n = 0, patched = 0;

	for (struct jump_entry *e = __start___jump_table; e < __stop___jump_table; e++, n++) {
		bool jmp = entry_type(e) == JUMP_LABEL_JMP_TYPE;

		if (!site_is_jmp(e) && memcmp((void *)e->code, nop, sizeof(nop)))
			panic("jump_label: the site at %pS is neither a nop nor a jmp", (void *)e->code);
		if (jmp != site_is_jmp(e)) { /* a key a boot parameter changed */
			arch_jump_label_patch(e, entry_type(e));
			patched++;
		}
	}
	pr_info("jump_label: %u static branch sites, %u set by boot parameters\n", n, patched);
}

void jump_label_invalidate_initmem(unsigned long start, unsigned long end)
{
	mutex_lock(&jump_label_mutex);
	for (struct jump_entry *e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->code >= start && e->code < end)
			e->key = 0; /* no key's: patch_sites and jump_label_sites pass it by */
	mutex_unlock(&jump_label_mutex);
}
