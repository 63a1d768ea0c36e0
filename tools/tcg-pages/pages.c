/*
 * A QEMU TCG plugin that counts what a process switch touches: for every
 * "window" from one CR3 write (mov to cr3) to the next on a vCPU, the guest
 * instructions executed, the distinct 4 KiB pages touched (instruction
 * fetches and data accesses, by virtual address; kernel pages are those at
 * or above 0xc0000000), how many of them came before the first user-mode
 * instruction, and the distinct translated blocks run. Under TCG each CR3
 * write empties QEMU's soft TLB, so every page of a window is one TLB miss
 * and one page walk (docs/performance.md, "Where a process switch goes
 * under TCG"). tools/tcg-pages/count.py builds it, boots a kernel with it
 * and summarises the windows.
 *
 * One output line per window: vcpu instructions kernel_pages user_pages
 * pages_before_user blocks.
 *
 * Debian's QEMU ships no qemu-plugin.h, so the few declarations of QEMU's
 * plugin interface this needs are below, as of interface version 1 (QEMU
 * 7.2; later versions renamed some of them).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
typedef uint32_t qemu_plugin_meminfo_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_mem_rw { QEMU_PLUGIN_MEM_RW = 3 };

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   void (*cb)(qemu_plugin_id_t, struct qemu_plugin_tb *));
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, void (*cb)(qemu_plugin_id_t, void *),
				    void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb,
					  void (*cb)(unsigned int, void *),
					  enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
					    void (*cb)(unsigned int, void *),
					    enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_vcpu_mem_cb(struct qemu_plugin_insn *insn,
				      void (*cb)(unsigned int, qemu_plugin_meminfo_t, uint64_t,
						 void *),
				      enum qemu_plugin_cb_flags flags, enum qemu_plugin_mem_rw rw,
				      void *userdata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

#define PAGE_OFFSET 0xc0000000u
#define SLOTS 8192 /* per set; a window is cut short past SLOTS / 2 entries */
#define MAX_VCPUS 64

/* A set of nonzero keys in open addressing, emptied by its list of used slots. */
struct set {
	uint64_t key[SLOTS];
	uint32_t used[SLOTS];
	unsigned int n;
};

/* One vCPU's current window. Each vCPU's callbacks run on its own thread. */
struct window {
	struct set pages, blocks;
	unsigned int insns, kernel_pages, user_pages, before_user;
	bool in_user, started;
};

static struct window windows[MAX_VCPUS];
static FILE *out;

/* Adds key; true if it was not in the set yet. */
static bool set_add(struct set *s, uint64_t key)
{
	uint32_t h = (uint32_t)(key * 2654435761u) % SLOTS;

	while (s->key[h]) {
		if (s->key[h] == key)
			return false;
		h = (h + 1) % SLOTS;
	}
	if (s->n >= SLOTS / 2)
		return false;
	s->key[h] = key;
	s->used[s->n++] = h;
	return true;
}

static void set_clear(struct set *s)
{
	for (unsigned int i = 0; i < s->n; i++)
		s->key[s->used[i]] = 0;
	s->n = 0;
}

static void touch(struct window *w, uint64_t vaddr)
{
	if (!set_add(&w->pages, (vaddr >> 12) + 1))
		return;
	if (vaddr >= PAGE_OFFSET)
		w->kernel_pages++;
	else
		w->user_pages++;
	if (!w->in_user)
		w->before_user++;
}

/* A CR3 write: the window that ends here is printed, a new one starts. */
static void on_cr3_write(unsigned int vcpu, void *userdata)
{
	struct window *w = &windows[vcpu % MAX_VCPUS];

	(void)userdata;
	if (w->started)
		fprintf(out, "%u %u %u %u %u %u\n", vcpu, w->insns, w->kernel_pages, w->user_pages,
			w->before_user, w->blocks.n);
	set_clear(&w->pages);
	set_clear(&w->blocks);
	w->insns = w->kernel_pages = w->user_pages = w->before_user = 0;
	w->in_user = false;
	w->started = true;
}

static void on_insn(unsigned int vcpu, void *vaddr)
{
	struct window *w = &windows[vcpu % MAX_VCPUS];
	uint64_t va = (uintptr_t)vaddr;

	w->insns++;
	if (va < PAGE_OFFSET)
		w->in_user = true;
	touch(w, va);
}

static void on_block(unsigned int vcpu, void *vaddr)
{
	set_add(&windows[vcpu % MAX_VCPUS].blocks, (uintptr_t)vaddr + 1);
}

static void on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info, uint64_t vaddr, void *userdata)
{
	(void)info;
	(void)userdata;
	touch(&windows[vcpu % MAX_VCPUS], vaddr);
}

/* mov cr3, reg: 0f 22 with the ModRM reg field 3. */
static bool is_cr3_write(const struct qemu_plugin_insn *insn)
{
	const uint8_t *b = qemu_plugin_insn_data(insn);

	return qemu_plugin_insn_size(insn) >= 3 && b[0] == 0x0f && b[1] == 0x22 &&
	       ((b[2] >> 3) & 7) == 3;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	(void)id;
	qemu_plugin_register_vcpu_tb_exec_cb(tb, on_block, QEMU_PLUGIN_CB_NO_REGS,
					     (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
	for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);

		if (is_cr3_write(insn))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_cr3_write,
							       QEMU_PLUGIN_CB_NO_REGS, NULL);
		qemu_plugin_register_vcpu_insn_exec_cb(
			insn, on_insn, QEMU_PLUGIN_CB_NO_REGS,
			(void *)(uintptr_t)qemu_plugin_insn_vaddr(insn));
		qemu_plugin_register_vcpu_mem_cb(insn, on_mem, QEMU_PLUGIN_CB_NO_REGS,
						 QEMU_PLUGIN_MEM_RW, NULL);
	}
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
	(void)id;
	(void)userdata;
	fclose(out);
}

/**
 * qemu_plugin_install() - QEMU's entry point: open the output, hook translation.
 * @id:   this plugin's handle
 * @info: facts about QEMU (unused)
 * @argc: the number of arguments
 * @argv: the arguments: out=FILE, where the window lines go
 *
 * Context: called once by QEMU when it loads the plugin, before any guest code runs.
 * Return: 0, or -1 without out=FILE or if FILE cannot be opened.
 */
__attribute__((visibility("default"))) int qemu_plugin_install(qemu_plugin_id_t id,
							      const qemu_info_t *info, int argc,
							      char **argv)
{
	(void)info;
	if (argc < 1 || strncmp(argv[0], "out=", 4))
		return -1;
	out = fopen(argv[0] + 4, "w");
	if (!out)
		return -1;
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
