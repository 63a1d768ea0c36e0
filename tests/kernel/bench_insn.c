/*
 * What single instructions cost under the emulator: each figure is one call
 * of a function that executes the instruction ten times in a row
 * (tests/kernel/insn_probes.asm), next to the same function with ten nops:
 * (figure - insn10_nop) / 10 is what one instruction costs. They explain
 * the entry paths' figures: a system call or an interrupt is a few hundred
 * instructions, but a handful of them (sti, popf, a segment load, an
 * indirect call, the TSC, an atomic) cost as much as dozens of the others
 * under TCG, and the floors (int_iret, sysenter_sysexit) are made of such
 * instructions (a taken conditional jump, which ends a translated block, is
 * the control: about as cheap as a nop). Under -icount every figure is the
 * same count: 10 instructions and the call's few.
 */
#include <linux/kernel.h>
#include <janus/bench.h>

#define PROBES(X) X(add_mem) X(pushf) X(popf) X(sti) X(mov_fs) X(mov_ds) X(mov_gs_null) \
	X(rdtsc) X(lock_cmpxchg) X(jcc) X(call) X(call_indirect)
#define DECLARE_PROBE(name) void insn_probe_##name(void);
DECLARE_PROBE(nop)
PROBES(DECLARE_PROBE)

static void run_probe(void *probe)
{
	((void (*)(void))probe)();
}

static void bench_instructions(void)
{
	bench_op("insn10_nop", "-", run_probe, insn_probe_nop);
#define MEASURE_PROBE(name) bench_op("insn10_" #name, "insn10_nop", run_probe, insn_probe_##name);
	PROBES(MEASURE_PROBE)
}
DEFINE_BENCHMARK(bench_instructions);
