# Janus: build, boot, test and benchmark. `make help` lists every target.
#
# The kernel is linked twice: the first link gives the function addresses,
# tools/ksyms.py turns them into the embedded symbol table (for backtraces),
# and the second link adds that table behind the code, where it moves nothing.

HZ ?= 100
IRQ_STACK_SIZE ?= 8192
NR_CPUS ?= 64
B := build

CC := gcc
LD := ld
AR := ar
NASM := nasm
PYTHON := python3
QEMU := qemu-system-i386
DISPLAY_MODE ?= none
# make run / run-elf / debug: the kernel command line (for run, through GRUB's
# first menu entry, written into the ISO), CPUs, memory in MiB, more QEMU options.
# -nic none: without it QEMU gives the PC an e1000 on user-mode networking (the
# host's network); the network demos bring their own cards in QEMU_EXTRA.
CMDLINE ?=
SMP ?= 1
MEM ?= 128
QEMU_EXTRA ?=
QEMU_MACHINE = -m $(MEM)M -smp $(SMP) -nic none $(QEMU_EXTRA)

SRC_DIRS := arch/x86 kernel drivers net tests/kernel
C_SRCS := $(filter-out arch/x86/asm-offsets.c,$(shell find $(SRC_DIRS) -name '*.c' | sort))
ASM_SRCS := boot/boot.asm $(shell find arch/x86 tests/kernel -name '*.asm' | sort)
OBJS := $(C_SRCS:%.c=$(B)/%.o) $(ASM_SRCS:%.asm=$(B)/%.o)
# lib/: string and formatting code that the user libc compiles too (USER_SHARED_SRCS).
LIB_SRCS := $(sort $(wildcard lib/*.c))
C_SRCS += $(LIB_SRCS)
OBJS += $(LIB_SRCS:%.c=$(B)/%.o)

CFLAGS := -m32 -ffreestanding -fno-pie -fno-stack-protector -mno-sse -mno-mmx -mno-80387 \
	-fno-omit-frame-pointer -O2 -g -Wall -Wextra -Werror \
	-std=gnu11 -nostdinc -fno-pic -fno-common -fno-strict-aliasing \
	-fno-asynchronous-unwind-tables -fno-optimize-sibling-calls \
	-mpreferred-stack-boundary=2 -fcf-protection=none -fno-reorder-blocks-and-partition \
	-Iinclude -Iarch/x86/include \
	-DCONFIG_HZ=$(HZ) -DCONFIG_IRQ_STACK_SIZE=$(IRQ_STACK_SIZE) -DCONFIG_NR_CPUS=$(NR_CPUS)
NASMFLAGS := -f elf32 -g -F dwarf -I$(B)/include/
LDFLAGS := -m elf_i386 -T linker.ld -nostdlib --no-warn-rwx-segments

# User programs: each user/bin/NAME.c becomes $(B)/user/bin/NAME, linked with
# crt0 and the libc archive built from user/lib; $(B)/initrd.tar holds them
# all as bin/NAME and reaches the kernel as a Multiboot module.
USER_CFLAGS := -m32 -ffreestanding -fno-pie -fno-pic -fno-stack-protector -mno-sse -mno-mmx \
	-mno-80387 -fno-omit-frame-pointer -O2 -g -Wall -Wextra -Werror -std=gnu11 -nostdinc \
	-fno-asynchronous-unwind-tables -fcf-protection=none -Iuser/include -Iinclude/uapi
USER_LDFLAGS := -m elf_i386 -T user/user.ld -nostdlib
USER_CRT0 := $(B)/user/lib/crt0.o
USER_LIB_SRCS := $(filter-out user/lib/crt0.S,$(sort $(wildcard user/lib/*.c user/lib/*.S)))
# The string and formatting code is the kernel's own source (lib/, and the
# x86 string instructions in arch/x86/lib), compiled a second time for user
# space against the kernel's freestanding headers.
USER_SHARED_SRCS := lib/string.c lib/vsprintf.c arch/x86/lib/string_32.c
USER_SHARED_CFLAGS := $(filter-out -Iuser/include -Iinclude/uapi,$(USER_CFLAGS)) \
	-Iinclude -Iarch/x86/include -include lib/user-libc.h
USER_LIBC_OBJS := $(addprefix $(B)/,$(addsuffix .o,$(basename $(USER_LIB_SRCS)))) \
	$(USER_SHARED_SRCS:%.c=$(B)/user/shared/%.o)
USER_LIBC := $(B)/user/lib/libc.a
USER_PROGS := $(patsubst user/bin/%.c,$(B)/user/bin/%,$(sort $(wildcard user/bin/*.c)))
USER_OBJS := $(USER_CRT0) $(USER_LIBC_OBJS) $(USER_PROGS:=.o)

# The seeds' example drivers, as printed: compiled with the kernel's flags,
# never linked. Linux does not warn about unused parameters; neither here.
SEED_OBJS := $(patsubst %.c,$(B)/%.o,$(sort $(wildcard tests/seeds/*.c)))
$(SEED_OBJS): CFLAGS += -Wno-unused-parameter
# Lab 7's skeleton (TODOs, parameters not used yet) stands in for this file in
# make lab-handout's tree, built with the same flags as in the lab's module.
$(B)/drivers/net/e1000_napi.o: CFLAGS += -Wno-unused-parameter

# Short "CC file" lines; V=1 shows the whole commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @echo "  $(1)	$(2)"
endif

.PHONY: all iso initrd modules run run-elf test grade lab-handout stress bigsmp soak test-bochs bench bench-linux debug timeline timeline-net linux-api-check layering-check runner-check deps check-deps clean help FORCE docs \
	kernel-doc-check section-check
ifeq ($(M),)
.DEFAULT_GOAL := all
else
.DEFAULT_GOAL := modules
endif

all: $(B)/janus.elf $(B)/initrd.tar $(SEED_OBJS)


# Rebuild everything when a build option changes.
CONFIG := HZ=$(HZ) IRQ_STACK_SIZE=$(IRQ_STACK_SIZE) NR_CPUS=$(NR_CPUS)
$(B)/config: FORCE
	@mkdir -p $(B)
	@echo '$(CONFIG)' | cmp -s - $@ || echo '$(CONFIG)' > $@

$(B)/%.o: %.c $(B)/config
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/%.o: %.asm $(B)/include/asm-offsets.inc
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -MD $(@:.o=.d) -MP $< -o $@

$(B)/include/asm-offsets.inc: arch/x86/asm-offsets.c $(B)/config
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)
	$(Q)$(CC) $(CFLAGS) -MMD -MP -MT $@ -MF $(B)/asm-offsets.d -S $< -o $(B)/asm-offsets.s
	$(Q)sed -n 's/.*->\([A-Za-z_0-9]*\) \([-0-9]*\).*/%define \1 ((\2) \& 0xffffffff)/p' $(B)/asm-offsets.s > $@

$(B)/ksyms-empty.c: tools/ksyms.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/ksyms.py --empty > $@

$(B)/janus.elf: $(OBJS) $(B)/ksyms-empty.o linker.ld tools/ksyms.py tools/section_check.py
	$(call say,MODPOST,__init references)
	$(Q)$(PYTHON) tools/section_check.py $(OBJS)
	$(call say,LD,$(B)/janus.pass1.elf)
	$(Q)$(LD) $(LDFLAGS) -o $(B)/janus.pass1.elf $(OBJS) $(B)/ksyms-empty.o
	$(call say,KSYMS,$(B)/ksyms.c)
	$(Q)nm -n -S --defined-only $(B)/janus.pass1.elf | $(PYTHON) tools/ksyms.py > $(B)/ksyms.c
	$(Q)$(CC) $(CFLAGS) -c $(B)/ksyms.c -o $(B)/ksyms.o
	$(call say,LD,$@)
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(B)/ksyms.o
	@nm -n -S --defined-only $@ | $(PYTHON) tools/ksyms.py | cmp -s - $(B)/ksyms.c || \
		{ echo "ksyms: function addresses moved between the two links"; rm -f $@; exit 1; }
	@if command -v grub-file >/dev/null; then grub-file --is-x86-multiboot $@ || \
		{ echo "$@ is not a valid Multiboot kernel"; rm -f $@; exit 1; }; fi

# ---------------------------------------------------------------- modules
# Loadable modules (docs/modules.md), built the way Linux builds them: each
# object with the kernel's flags plus -D__KERNEL__ -DMODULE and its module's
# KBUILD_MODNAME, linked (ld -r, tools/module/module.lds) with
# tools/module/mod.c (its struct module and version magic) into NAME.ko,
# then checked and sealed with a checksum by tools/modpost.py.
#   in tree:      modules/NAME.c or modules/NAME/*.c -> build/modules/NAME.ko,
#                 carried by the initrd as /lib/modules/NAME.ko
#   out of tree:  make -C <janus> M=DIR: DIR's Kbuild or Makefile obj-m list,
#                 or else every DIR/*.c -> DIR/NAME.ko
#   extra:        make run MODULES_EXTRA="a.ko b.ko" adds them to /lib/modules
MODULE_CFLAGS := $(filter-out -Werror,$(CFLAGS)) -D__KERNEL__ -DMODULE -Wno-unused-parameter -Ilabs/include
# The kernel's own objects: a section per function, so that linker.ld can put
# the hot path of a system call, a switch and a pipe on a few pages together.
CFLAGS += -ffunction-sections
modname = $(basename $(firstword $(subst /, ,$(patsubst $(B)/modules/%,%,$(1)))))

INTREE_MODULES := $(sort $(patsubst modules/%.c,%,$(wildcard modules/*.c)) \
	$(patsubst modules/%/,%,$(dir $(wildcard modules/*/*.c))))
MODULE_KOS := $(INTREE_MODULES:%=$(B)/modules/%.ko)
MODULE_OBJS := $(patsubst %.c,$(B)/%.o,$(sort $(wildcard modules/*.c modules/*/*.c)))
intree_objs = $(if $(wildcard modules/$(1).c),$(B)/modules/$(1).o, \
	$(patsubst %.c,$(B)/%.o,$(sort $(wildcard modules/$(1)/*.c))))
MODULES_EXTRA_KOS := $(abspath $(MODULES_EXTRA))

# link_module(objects, .mod.o): NAME.ko from the objects and the module's struct module.
define link_module
	$(call say,LD [M],$@)
	$(Q)$(LD) -r -m elf_i386 -T tools/module/module.lds -o $@.o $(1) $(2)
	$(Q)$(PYTHON) tools/modpost.py seal --symvers $(B)/Module.symvers $@.o $@
	$(Q)rm -f $@.o
endef

# What the kernel exports, for modpost's checks (Linux's Module.symvers).
$(B)/Module.symvers: $(B)/janus.elf tools/modpost.py
	$(Q)nm -n $< | $(PYTHON) tools/modpost.py symvers > $@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi

$(B)/modules/%.o: modules/%.c $(B)/config
	@mkdir -p $(dir $@)
	$(call say,CC [M],$<)
	$(Q)$(CC) $(MODULE_CFLAGS) -Werror -DKBUILD_MODNAME='"$(call modname,$@)"' -MMD -MP -c $< -o $@

$(B)/modules/%.mod.o: tools/module/mod.c $(B)/config
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(MODULE_CFLAGS) -Werror -DJANUS_INTREE -DKBUILD_MODNAME='"$*"' -MMD -MP -c $< -o $@

define intree_module_rule
$(B)/modules/$(1).ko: $(call intree_objs,$(1)) $(B)/modules/$(1).mod.o $(B)/Module.symvers \
		tools/module/module.lds tools/modpost.py
	$$(call link_module,$(call intree_objs,$(1)),$(B)/modules/$(1).mod.o)
endef
$(foreach m,$(INTREE_MODULES),$(eval $(call intree_module_rule,$(m))))

# Drivers built into the kernel and also as a module, as Linux's CONFIG_X=y
# and =m at once: the net-modules configuration keeps the built-in one from
# starting (initcall_blacklist=) and loads and unloads the module instead.
#   NAME-srcs (drivers/net/e1000*.c) -> build/modules/NAME.ko (e1000.ko)
DRIVER_MODULES := e1000
e1000-srcs := drivers/net/e1000.c drivers/net/e1000_rings.c drivers/net/e1000_napi.c
driver_objs = $(patsubst %.c,$(B)/modules/%.o,$($(1)-srcs))
MODULE_KOS += $(DRIVER_MODULES:%=$(B)/modules/%.ko)
MODULE_OBJS += $(foreach m,$(DRIVER_MODULES),$(call driver_objs,$(m)))
$(foreach m,$(DRIVER_MODULES),$(eval $(call driver_objs,$(m)): DRIVER_MODNAME := $(m)))
$(B)/modules/drivers/%.o: drivers/%.c $(B)/config
	@mkdir -p $(dir $@)
	$(call say,CC [M],$<)
	$(Q)$(CC) $(MODULE_CFLAGS) -Werror -DKBUILD_MODNAME='"$(DRIVER_MODNAME)"' -MMD -MP -c $< -o $@
define driver_module_rule
$(B)/modules/$(1).ko: $(call driver_objs,$(1)) $(B)/modules/$(1).mod.o \
		$(B)/Module.symvers tools/module/module.lds tools/modpost.py
	$$(call link_module,$(call driver_objs,$(1)),$(B)/modules/$(1).mod.o)
endef
$(foreach m,$(DRIVER_MODULES),$(eval $(call driver_module_rule,$(m))))

ifeq ($(M),)
modules: $(MODULE_KOS)

# The tests' out-of-tree module (tests/oot/), built as a student's would be,
# with make -C <janus> M=DIR, in a copy under $(B)/oot/.
TEST_OOT_KOS := $(B)/oot/oopsmod.ko
$(B)/oot/%.ko: tests/oot/%.c $(B)/Module.symvers tools/module/mod.c tools/modpost.py
	@mkdir -p $(B)/oot
	$(Q)cp $< $(B)/oot/
	$(Q)$(MAKE) -s --no-print-directory M=$(CURDIR)/$(B)/oot > /dev/null
else
# Out of tree: which modules DIR asks for, from its own Kbuild or Makefile.
KBUILD_EXTMOD := $(abspath $(M))
ext_kbuild := $(firstword $(wildcard $(KBUILD_EXTMOD)/Kbuild $(KBUILD_EXTMOD)/Makefile))
ifneq ($(ext_kbuild),)
$(shell mkdir -p $(B); $(MAKE) -s --no-print-directory -C $(KBUILD_EXTMOD) -f $(ext_kbuild) \
	-f $(CURDIR)/tools/module/objm.mk janus-print-modules KERNELRELEASE=janus M= \
	> $(B)/extmod.mk 2>/dev/null)
-include $(B)/extmod.mk
endif
ifeq ($(strip $(EXT_MODULES)),)
EXT_MODULES := $(patsubst $(KBUILD_EXTMOD)/%.c,%,$(wildcard $(KBUILD_EXTMOD)/*.c))
$(foreach m,$(EXT_MODULES),$(eval $(m)-objs := $(m).o))
endif
ext_objs = $(addprefix $(KBUILD_EXTMOD)/,$($(1)-objs))
EXT_KOS := $(EXT_MODULES:%=$(KBUILD_EXTMOD)/%.ko)

$(KBUILD_EXTMOD)/%.o: $(KBUILD_EXTMOD)/%.c $(B)/config
	$(call say,CC [M],$<)
	$(Q)$(CC) $(MODULE_CFLAGS) -DKBUILD_MODNAME='"$(MODNAME)"' -MMD -MP -c $< -o $@

$(KBUILD_EXTMOD)/%.mod.o: tools/module/mod.c $(B)/config
	$(Q)$(CC) $(MODULE_CFLAGS) -DKBUILD_MODNAME='"$*"' -MMD -MP -c $< -o $@

define ext_module_rule
$(call ext_objs,$(1)): MODNAME := $(1)
$(KBUILD_EXTMOD)/$(1).ko: $(call ext_objs,$(1)) $(KBUILD_EXTMOD)/$(1).mod.o $(B)/Module.symvers \
		tools/module/module.lds tools/modpost.py
	$$(call link_module,$(call ext_objs,$(1)),$(KBUILD_EXTMOD)/$(1).mod.o)
endef
$(foreach m,$(EXT_MODULES),$(eval $(call ext_module_rule,$(m))))

modules: $(EXT_KOS)
	@echo "  modules in $(KBUILD_EXTMOD): $(notdir $(EXT_KOS))"
# A changed header (the module's own, or the kernel's) rebuilds what includes it.
-include $(wildcard $(KBUILD_EXTMOD)/*.d)
endif

# The user side. These rules are more specific than the kernel's $(B)/%.o
# rules (a shorter stem), so make picks them for user/.
$(B)/user/%.o: user/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(B)/user/shared/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$< (user))
	$(Q)$(CC) $(USER_SHARED_CFLAGS) -MMD -MP -c $< -o $@

$(B)/user/%.o: user/%.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(CC) $(USER_CFLAGS) -MMD -MP -c $< -o $@

$(USER_LIBC): $(USER_LIBC_OBJS)
	$(call say,AR,$@)
	$(Q)rm -f $@
	$(Q)$(AR) rcsD $@ $^

$(USER_PROGS): $(B)/user/bin/%: $(B)/user/bin/%.o $(USER_CRT0) $(USER_LIBC) user/user.ld
	$(call say,LD,$@)
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_LIBC)

# Rebuild the initrd when a program or module is added or removed.
INITRD_FILES := $(USER_PROGS) $(MODULE_KOS) $(TEST_OOT_KOS) $(MODULES_EXTRA_KOS)
$(B)/user/programs: FORCE
	@mkdir -p $(dir $@)
	@echo '$(INITRD_FILES)' | cmp -s - $@ || echo '$(INITRD_FILES)' > $@

initrd: $(B)/initrd.tar

$(B)/initrd.tar: $(INITRD_FILES) $(B)/user/programs tools/mkinitrd.py tools/modpost.py
	$(call say,INITRD,$@)
	$(Q)$(PYTHON) tools/mkinitrd.py $@ $(INITRD_FILES)

iso: $(B)/janus.iso

# Rebuild the ISO when CMDLINE changes: GRUB's first entry carries it.
$(B)/cmdline: FORCE
	@mkdir -p $(B)
	@echo '$(subst ','\'',$(CMDLINE))' | cmp -s - $@ || echo '$(subst ','\'',$(CMDLINE))' > $@

$(B)/janus.iso: $(B)/janus.elf $(B)/initrd.tar iso/boot/grub/grub.cfg $(B)/cmdline
	$(call say,ISO,$@)
	$(Q)rm -rf $(B)/isodir
	$(Q)mkdir -p $(B)/isodir/boot/grub
	$(Q)cp $(B)/janus.elf $(B)/isodir/boot/janus.elf
	$(Q)cp $(B)/initrd.tar $(B)/isodir/boot/initrd.tar
	$(Q)JANUS_CMDLINE='$(subst ','\'',$(CMDLINE))' $(PYTHON) -c 'import os, sys; \
		sys.stdout.write(open(sys.argv[1]).read().replace("@CMDLINE@", os.environ["JANUS_CMDLINE"]))' \
		iso/boot/grub/grub.cfg > $(B)/isodir/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(B)/isodir > $(B)/grub-mkrescue.log 2>&1 || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

# GRUB's menu and the kernel's console both appear on this terminal (Ctrl-A X quits).
run: check-deps $(B)/janus.iso
	$(QEMU) $(QEMU_MACHINE) -cdrom $(B)/janus.iso -serial mon:stdio \
		-display $(DISPLAY_MODE) -no-reboot

# QEMU's Multiboot loader passes -initrd as a module.
run-elf: check-deps $(B)/janus.elf $(B)/initrd.tar
	$(QEMU) $(QEMU_MACHINE) -kernel $(B)/janus.elf -initrd $(B)/initrd.tar \
		-append '$(subst ','\'',$(CMDLINE))' -serial mon:stdio -display $(DISPLAY_MODE) -no-reboot

test: check-deps kernel-doc-check section-check layering-check linux-api-check runner-check
	$(PYTHON) tests/run.py
	$(PYTHON) tools/grade.py --selftest

# User programs written against Linux's API only (sockets, ioctls, headers):
# each must also build, unchanged, against the host's own C library, which is
# what "a Linux program runs on Janus unchanged" means (docs/networking.md).
LINUX_API_PROGRAMS := user/bin/packet_flood.c
linux-api-check:
	@for p in $(LINUX_API_PROGRAMS); do \
		gcc -Wall -Wextra -Werror -fsyntax-only $$p || exit 1; done
	@echo "linux-api-check: $(words $(LINUX_API_PROGRAMS)) program(s) build against the host's C library too"

# The labs (labs/NN-name/, docs/labs.md): build the student's module in the
# lab's folder (make -C . M=labs/NN-name), boot it, run the lab's checks and
# print a score; GRADE_JSON=FILE also writes Gradescope's results.json.
grade: check-deps all
	@test -n "$(LAB)" || { echo "make grade LAB=NN (labs: $(notdir $(wildcard labs/[0-9]*)))"; exit 1; }
	@$(PYTHON) tools/grade.py $(LAB) $(if $(GRADE_JSON),--json $(GRADE_JSON))

# A copy of the tree for students: everything git has, without the labs'
# solutions (HANDOUT=DIR, default build/lab-handout).
HANDOUT ?= $(B)/lab-handout
lab-handout:
	$(if $(filter $(B)/lab-handout,$(HANDOUT)),rm -rf $(HANDOUT))
	$(PYTHON) tools/lab-handout.py $(HANDOUT)

# The API reference, docs/api/*.md, rendered from the kernel-doc comments.
docs:
	$(PYTHON) tools/kernel-doc.py render docs/api
	@$(PYTHON) tools/kernel-doc.py stats | tail -2

# tools/section_check.py finds a fixture's mismatch and passes a clean one
# (every kernel build runs the check itself, before linking).
section-check:
	@$(PYTHON) tools/section_check.py selftest $(CC) $(CFLAGS)

# SIGTERM and SIGINT to tests/run.py kill the QEMUs it started (tests/runner_signals.py).
runner-check:
	@$(PYTHON) tests/runner_signals.py

# Hardware access (inline assembly, the TSC, MSRs, port I/O outside drivers/)
# only in arch/: the rest of the kernel goes through arch's interfaces.
layering-check:
	@$(PYTHON) tools/layering_check.py selftest
	@$(PYTHON) tools/layering_check.py

# Every non-static function of kernel/, arch/, drivers/, net/ and lib/ has a complete
# kernel-doc comment, and the comments and documents listed in
# tools/kernel-doc.enforced name only functions that exist.
kernel-doc-check:
	@$(PYTHON) tools/kernel-doc.py selftest
	@$(PYTHON) tools/kernel-doc.py check
	@$(PYTHON) tools/kernel-doc.py names

# Boot the SMP configurations again and again, two at a time, and print a
# flake table (tests/run.py --repeat/--jobs). STRESS_REPEAT and STRESS_CONFIGS change it.
# Then the -smp 16 and -smp 32 boots of `make bigsmp`, once.
STRESS_REPEAT ?= 30
STRESS_CONFIGS ?= smp2 smp4
stress: check-deps
	$(PYTHON) tests/run.py --repeat $(STRESS_REPEAT) --jobs 2 $(STRESS_CONFIGS)
	$(PYTHON) tests/run.py --jobs 1 --configs tests/configs.bigsmp

# NR_CPUS=64: boot 16 and 32 CPUs and run the SMP suites on them (tests/configs.bigsmp).
bigsmp: check-deps
	$(PYTHON) tests/run.py --jobs 1 --configs tests/configs.bigsmp

# The long torture and fuzzing run (tests/soak.py): DURATION seconds on SMP CPUs.
DURATION ?= 600
SMP ?= 4
soak: check-deps
	$(PYTHON) tests/soak.py $(DURATION) $(SMP)

# The self-tests (a chosen subset) under Bochs, a second x86 implementation
# (tests/bochs.py; needs: apt-get install bochs bochsbios vgabios bochs-term).
test-bochs: check-deps
	$(PYTHON) tests/bochs.py $(SUITES)

bench: check-deps $(B)/bootfloor.elf
	$(PYTHON) tests/run.py --bench

# Optional, never part of make test: Debian's i386 Linux (apt-get download, once)
# with tools/bench-linux/linux_init.c as /init, beside Janus in the same QEMU.
bench-linux: check-deps
	$(PYTHON) tests/run.py --bench-linux

# The boot floor (tools/bootfloor/): a Multiboot kernel that only prints a line.
$(B)/bootfloor.elf: tools/bootfloor/bootfloor.asm
	@mkdir -p $(B)/tools
	$(call say,AS,$<)
	$(Q)$(NASM) -f elf32 $< -o $(B)/tools/bootfloor.o
	$(Q)$(LD) -m elf_i386 -Ttext=0x100000 -e _start -o $@ $(B)/tools/bootfloor.o

# The demo scenario on two CPUs, traced: build/trace.txt, trace.json (Perfetto), timeline.svg.
timeline: check-deps $(B)/janus.elf $(B)/initrd.tar
	$(PYTHON) tools/timeline.py --build $(B)

# One packet's path (two e1000s on QEMU's hub, one ping), traced: $(B)/trace-net.txt, .json, timeline-net.svg.
timeline-net: check-deps $(B)/janus.elf $(B)/initrd.tar
	$(PYTHON) tools/timeline.py --net --build $(B)

debug: check-deps $(B)/janus.elf $(B)/initrd.tar
	QEMU='$(QEMU)' QEMU_MACHINE='$(subst ','\'',$(QEMU_MACHINE))' \
		tools/debug.sh $(B)/janus.elf '$(subst ','\'',$(CMDLINE))' $(B)/initrd.tar

compile_commands.json: $(C_SRCS) $(wildcard user/*/*.c) $(wildcard modules/*.c modules/*/*.c)
	bear --output $@ -- $(MAKE) -B $(OBJS) $(USER_OBJS) $(MODULE_OBJS)

deps:
	tools/deps.sh install

check-deps:
	@tools/deps.sh check

ifeq ($(M),)
clean:
	rm -rf $(B)
else
clean:
	rm -f $(KBUILD_EXTMOD)/*.o $(KBUILD_EXTMOD)/*.ko $(KBUILD_EXTMOD)/*.d
endif

help:
	@echo "Janus make targets:"
	@echo "  make run            boot the GRUB ISO in QEMU; serial console on this terminal"
	@echo "  make test           build, then boot every configuration in tests/configs and"
	@echo "                      check the KTAP self-tests (ends with 'selftest: N passed, ...')"
	@echo "  make                build $(B)/janus.elf and $(B)/initrd.tar"
	@echo "  make initrd         build the user programs (user/bin/NAME.c, libc in user/lib)"
	@echo "                      and $(B)/initrd.tar, a tar of them as bin/NAME"
	@echo "  make modules        build the modules of modules/ into $(B)/modules/NAME.ko"
	@echo "                      (the initrd carries them as /lib/modules/NAME.ko)"
	@echo "  make -C JANUS M=DIR build DIR's out-of-tree modules into DIR/NAME.ko"
	@echo "                      (MODULES_EXTRA=\"a.ko b.ko\" adds .ko files to the initrd)"
	@echo "  make grade LAB=NN   grade lab NN (labs/NN-*): build its module, boot, score it;"
	@echo "                      GRADE_JSON=FILE also writes Gradescope's results.json"
	@echo "  make lab-handout    the tree without the labs' solutions, in HANDOUT=$(HANDOUT)"
	@echo "  make iso            build $(B)/janus.iso (GRUB: normal boot and self-test entries)"
	@echo "  make run-elf        boot $(B)/janus.elf directly (-kernel, -initrd); CMDLINE=\"selftest\""
	@echo "  run, run-elf and debug take CMDLINE=\"...\" SMP=$(SMP) MEM=$(MEM) (MiB) QEMU_EXTRA=\"...\";"
	@echo "                      e.g. make debug SMP=2 MEM=64 CMDLINE=\"trace=irq: selftest=tasklet\""
	@echo "  make docs           render the API reference docs/api/*.md from kernel-doc comments"
	@echo "  make kernel-doc-check   the kernel-doc check make test runs (tools/kernel-doc.enforced)"
	@echo "  make layering-check    no hardware access outside arch/ (make test runs it; tools/layering_check.py)"
	@echo "  make stress         boot smp2 and smp4 30 times each, 2 at a time; a flake table"
	@echo "  make soak           DURATION=600 SMP=4: torture suite and a million fuzzed system calls"
	@echo "  make test-bochs     a subset of the self-tests under Bochs, from the GRUB ISO (SUITES=a,b)"
	@echo "  make bigsmp         boot -smp 16 and -smp 32 (NR_CPUS=64) and run the SMP suites"
	@echo "  make bench          the benchmarks: ns (plain TCG) and instructions (-icount),"
	@echo "                      floors and ratios; writes $(B)/bench.json"
	@echo "  make bench-linux    Janus beside Debian's i386 Linux in the same QEMU (apt-get"
	@echo "                      download of the kernel once; never part of make test)"
	@echo "  make debug          QEMU paused with its gdb stub, gdb attached (tools/gdbinit)"
	@echo "  make timeline       trace the demo on 2 CPUs: $(B)/trace.txt, trace.json, timeline.svg"
	@echo "  make timeline-net   trace one ping's path: $(B)/trace-net.txt, trace-net.json, timeline-net.svg"
	@echo "  make linux-api-check  the Linux-API user programs build against the host's C library too"
	@echo "  make deps           install the Debian packages Janus needs (apt-get)"
	@echo "  make check-deps     say which of them are missing"
	@echo "  make compile_commands.json   for editors (uses bear)"
	@echo "  make clean          remove $(B)/"
	@echo "Build options: HZ=$(HZ) IRQ_STACK_SIZE=$(IRQ_STACK_SIZE) NR_CPUS=$(NR_CPUS)"

-include $(OBJS:.o=.d) $(B)/asm-offsets.d $(USER_OBJS:.o=.d) $(MODULE_OBJS:.o=.d)
